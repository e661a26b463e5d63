"""The gateway's metrics and traces: each request counted and timed by route, method and status; a span per request
(the child of the caller's W3C traceparent, or a new trace), whose id the response names in X-Trace-Id; GET /metrics
for Prometheus.

gunicorn runs several worker processes: with PROMETHEUS_MULTIPROC_DIR set (gateway.gunicorn_conf sets it, a
directory of that server's own), each worker writes its numbers there and /metrics adds up every worker's. /metrics
answers only a scraper that reaches the pod directly: a request that came through the ingress (it carries
X-Forwarded-For) or from outside OTMETKA_METRICS_NETWORKS gets 404.
"""
import ipaddress
import os
import pathlib
import time

from flask import Flask, Response, abort, current_app, g, request
from opentelemetry.trace import SpanKind
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, CollectorRegistry, Counter, Histogram, generate_latest, multiprocess

from services.common import context, tracing
from services.common.metrics import LATENCY_BUCKETS

METRICS_NETWORKS = "127.0.0.0/8,::1/128,10.0.0.0/8,172.16.0.0/12,192.168.0.0/16"  # the pod network and loopback
HTTP_REQUESTS = Counter("otmetka_http_requests", "Requests the gateway answered, by route, method and status",
                        ["route", "method", "status"])
HTTP_SECONDS = Histogram("otmetka_http_request_seconds", "Time the gateway took to answer, by route and method",
                         ["route", "method"], buckets=LATENCY_BUCKETS)


def install(app: Flask) -> None:
    """Counts, times and traces every request of the app, and serves /metrics. Call it last in the app factory: its
    span then becomes the request's trace after the request context is bound."""
    app.config["OTMETKA_METRICS_NETWORKS"] = tuple(
        ipaddress.ip_network(n.strip(), strict=False)
        for n in os.environ.get("OTMETKA_METRICS_NETWORKS", METRICS_NETWORKS).split(",") if n.strip())

    @app.before_request
    def begin():
        if request.path == "/metrics":  # the scrapes themselves: neither counted nor traced
            return
        g.observed_since = time.perf_counter()
        g.span = tracing.start(f"{request.method} {route()}", SpanKind.SERVER, request.headers.get("traceparent"),
                               {"http.request.method": request.method, "http.route": route()})
        g.span_tokens = tracing.bind(g.span)

    @app.after_request
    def count(response: Response) -> Response:
        if request.path != "/metrics":  # refused before begin() too (a rate limit's 429): counted, not timed
            HTTP_REQUESTS.labels(route(), request.method, str(response.status_code)).inc()
        if "observed_since" in g:
            HTTP_SECONDS.labels(route(), request.method).observe(time.perf_counter() - g.observed_since)
        if g.get("span") is not None:
            g.span.set_attribute("http.response.status_code", response.status_code)
        if context.trace_parent().count("-") == 3:  # the id the logs and the trace of this request carry
            response.headers["X-Trace-Id"] = context.trace_parent().split("-")[1]
        return response

    @app.teardown_request
    def end(exc):
        context.reset(g.pop("span_tokens", []))
        tracing.finish(g.pop("span", None), exc)

    @app.get("/metrics")
    def metrics():
        if not from_monitoring():
            abort(404)
        return Response(generate_latest(registry()), content_type=CONTENT_TYPE_LATEST)


def from_monitoring() -> bool:
    """The request came straight (through no proxy) from the networks monitoring may ask from
    (OTMETKA_METRICS_NETWORKS): /metrics and /healthz?deep=1 answer only these."""
    direct = request.environ.get("werkzeug.proxy_fix.orig", {}).get("REMOTE_ADDR", request.remote_addr)
    return "X-Forwarded-For" not in request.headers and in_networks(direct, current_app.config["OTMETKA_METRICS_NETWORKS"])


def route() -> str:
    """The request's URL rule (/api/v1/lessons/<lesson_id>), not its path: one series a route, not one a lesson."""
    return request.url_rule.rule if request.url_rule is not None else "unmatched"


def in_networks(address: str | None, networks) -> bool:
    try:
        return any(ipaddress.ip_address(address or "") in net for net in networks)
    except ValueError:
        return False


def registry() -> CollectorRegistry:
    """Every worker's numbers under gunicorn (multi-process mode), else this process's."""
    if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        return REGISTRY
    merged = CollectorRegistry()
    multiprocess.MultiProcessCollector(merged)
    return merged


def empty_metrics_dir() -> None:
    """Removes the numbers of the workers of an earlier run (gunicorn's on_starting)."""
    path = pathlib.Path(os.environ["PROMETHEUS_MULTIPROC_DIR"])
    path.mkdir(parents=True, exist_ok=True)
    for file in path.glob("*.db"):
        file.unlink()
