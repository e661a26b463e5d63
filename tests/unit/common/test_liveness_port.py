"""A service's liveness on its metrics port (services.common.metrics_http), answered outside the gRPC request pool: a
pool whose every worker is held by a call that never returns is reported wedged while the gRPC health check cannot be
answered at all, and alive again once a call finishes; the metrics are served on the same port."""
import socket
import threading

import grpc
import pytest
import requests
from grpc_health.v1 import health_pb2, health_pb2_grpc
from grpc_health.v1.health_pb2 import HealthCheckRequest, HealthCheckResponse

from services.common import metrics_http
from services.common.grpc_server import ContextInterceptor, Listener
from services.common.readiness import LIVENESS, Health
from tests.support.grpc_harness import tls_channel

METHOD = "/test.Wait/Call"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def wedgeable():
    """A service of two request workers whose one public method waits until `release` is set."""
    port, metrics_port, release, started = free_port(), free_port(), threading.Event(), threading.Semaphore(0)
    listener = Listener(f"127.0.0.1:{port}", max_workers=2)
    listener.progress.stuck_after = 0.5
    listener.interceptor.target = ContextInterceptor(verifier=None, public_methods=[METHOD],
                                                     progress=listener.progress)
    listener.health = Health([], listener.progress)
    health_pb2_grpc.add_HealthServicer_to_server(listener.health, listener.server)

    def call(request, ctx) -> HealthCheckResponse:
        started.release()
        release.wait(30)
        return HealthCheckResponse(status=HealthCheckResponse.SERVING)

    handler = grpc.unary_unary_rpc_method_handler(call, request_deserializer=HealthCheckRequest.FromString,
                                                  response_serializer=HealthCheckResponse.SerializeToString)
    listener.server.add_generic_rpc_handlers((grpc.method_handlers_generic_handler("test.Wait", {"Call": handler}),))
    listener.server.start()
    httpd = metrics_http.start("127.0.0.1", metrics_port, listener.not_alive_because)
    try:
        yield port, metrics_port, release, started
    finally:
        release.set()
        httpd.shutdown()
        listener.server.stop(None)


def livez(port: int) -> requests.Response:
    return requests.get(f"http://127.0.0.1:{port}/livez", timeout=5)


def test_a_wedged_pool_is_reported_on_the_metrics_port_while_grpc_cannot_answer(wedgeable):
    port, metrics_port, release, started = wedgeable
    assert (livez(metrics_port).status_code, livez(metrics_port).text) == (200, "alive\n")
    with tls_channel(port) as channel:
        wait = channel.unary_unary(METHOD, request_serializer=HealthCheckRequest.SerializeToString,
                                   response_deserializer=HealthCheckResponse.FromString)
        held = [wait.future(HealthCheckRequest(), timeout=30) for _ in range(2)]
        assert all(started.acquire(timeout=10) for _ in held)
        health = health_pb2_grpc.HealthStub(channel)
        with pytest.raises(grpc.RpcError) as unanswered:  # behind the two held calls
            health.Check(health_pb2.HealthCheckRequest(service=LIVENESS), timeout=1.5)
        assert unanswered.value.code() == grpc.StatusCode.DEADLINE_EXCEEDED
        wedged = livez(metrics_port)
        assert wedged.status_code == 503
        assert wedged.text.startswith("every one of the 2 request workers has held its call for ")
        release.set()
        assert [call.result().status for call in held] == [HealthCheckResponse.SERVING] * 2
        assert livez(metrics_port).status_code == 200
        assert health.Check(health_pb2.HealthCheckRequest(service=LIVENESS), timeout=5).status == \
            health_pb2.HealthCheckResponse.SERVING
    assert "# TYPE otmetka_grpc_requests_total counter" in \
        requests.get(f"http://127.0.0.1:{metrics_port}/metrics", timeout=5).text
