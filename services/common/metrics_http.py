"""The HTTP port beside a service's gRPC port (OTMETKA_<NAME>_METRICS_LISTEN): /metrics for Prometheus and /livez for
the kubelet's liveness probe. Threads of its own answer, outside the gRPC request pool: a pool that is only busy still
says at once that the process is alive, a wedged one says why it is not (services.common.progress), where a health
check over gRPC would wait behind the queued calls in both cases."""
import threading
from collections.abc import Callable
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from prometheus_client import REGISTRY, make_wsgi_app


class _Server(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _Quiet(WSGIRequestHandler):
    def log_message(self, *args) -> None:  # a scrape every few seconds, a probe every 20
        pass


def app(not_alive_because: Callable[[], str]):
    """/livez: 200 "alive", or 503 and why the process should be restarted; any other path: the metrics."""
    metrics = make_wsgi_app(REGISTRY)

    def serve(environ, start_response):
        if environ.get("PATH_INFO") != "/livez":
            return metrics(environ, start_response)
        problem = not_alive_because()
        start_response("503 Service Unavailable" if problem else "200 OK",
                       [("Content-Type", "text/plain; charset=utf-8")])
        return [f"{problem or 'alive'}\n".encode()]

    return serve


def start(host: str, port: int, not_alive_because: Callable[[], str]) -> WSGIServer:
    """The server bound at once and answering in a daemon thread."""
    httpd = make_server(host or "0.0.0.0", port, app(not_alive_because), _Server, handler_class=_Quiet)
    threading.Thread(target=httpd.serve_forever, name="metrics-http", daemon=True).start()
    return httpd
