"""A gRPC call between two processes' plumbing (grpc_client.Peer to grpc_server's interceptor, over a real channel):
the callee continues the caller's trace in a server span, and counts the call by method and status code."""
import socket

import grpc
import pytest
from grpc_health.v1.health_pb2 import HealthCheckRequest, HealthCheckResponse
from opentelemetry.trace import SpanKind
from prometheus_client import REGISTRY
from sqlalchemy.exc import OperationalError

from services.common import context, tracing
from services.common.errors import NotFound, Unavailable
from services.common.grpc_client import Peer
from services.common.grpc_server import ContextInterceptor, Listener
from tests.support.traces import recorded_spans

METHOD = "/test.Echo/Call"
CALLER = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"


class EchoStub:
    def __init__(self, channel: grpc.Channel):
        self.Call = channel.unary_unary(METHOD, request_serializer=HealthCheckRequest.SerializeToString,
                                        response_deserializer=HealthCheckResponse.FromString)


@pytest.fixture
def echo():
    """A server whose one public method answers with the trace it runs in; refuses service "missing"."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    listener = Listener(f"127.0.0.1:{port}", max_workers=2)
    listener.interceptor.target = ContextInterceptor(verifier=None, public_methods=[METHOD])

    def call(request: HealthCheckRequest, ctx) -> HealthCheckResponse:
        if request.service == "missing":
            raise NotFound("Нет такого")
        if request.service == "database":
            raise OperationalError("SELECT 1", {}, Exception("connection to server at 127.0.0.1 failed: refused"))
        traces.append(context.trace_parent())
        return HealthCheckResponse(status=HealthCheckResponse.SERVING)

    traces = []
    handler = grpc.unary_unary_rpc_method_handler(call, request_deserializer=HealthCheckRequest.FromString,
                                                  response_serializer=HealthCheckResponse.SerializeToString)
    listener.server.add_generic_rpc_handlers((grpc.method_handlers_generic_handler("test.Echo", {"Call": handler}),))
    listener.server.start()
    tokens = context.bind(None, "request-1", CALLER)
    try:
        with recorded_spans("journal") as spans:
            yield Peer(f"127.0.0.1:{port}", EchoStub), spans, traces
    finally:
        context.reset(tokens)
        listener.server.stop(None)


def count(code: str) -> float:
    return REGISTRY.get_sample_value("otmetka_grpc_requests_total", {"method": METHOD, "code": code}) or 0.0


def test_the_callee_continues_the_callers_trace_in_a_server_span(echo):
    peer, spans, traces = echo
    peer.call("Call", HealthCheckRequest(), token="not checked: a public method")
    [span] = spans.get_finished_spans()
    assert span.name == METHOD.lstrip("/") and span.kind is SpanKind.SERVER
    assert f"{span.context.trace_id:032x}" == CALLER.split("-")[1]
    assert f"{span.parent.span_id:016x}" == CALLER.split("-")[2]
    assert traces == [tracing.traceparent(span.context)], "the handler (its logs, its events) runs in the span"


def test_calls_are_counted_and_timed_by_method_and_status_code(echo):
    peer, _, _ = echo
    ok, not_found = count("OK"), count("NOT_FOUND")
    timed = REGISTRY.get_sample_value("otmetka_grpc_request_seconds_count", {"method": METHOD}) or 0.0
    peer.call("Call", HealthCheckRequest(), token="t")
    with pytest.raises(NotFound):
        peer.call("Call", HealthCheckRequest(service="missing"), token="t")
    assert (count("OK") - ok, count("NOT_FOUND") - not_found) == (1, 1)
    assert REGISTRY.get_sample_value("otmetka_grpc_request_seconds_count", {"method": METHOD}) - timed == 2


def test_a_database_that_does_not_answer_is_unavailable_not_a_failure(echo):
    """The gateway answers 503 «повторите попытку» (and the diary falls back to reporting's), not 500."""
    peer, _, _ = echo
    unavailable = count("UNAVAILABLE")
    with pytest.raises(Unavailable):
        peer.call("Call", HealthCheckRequest(service="database"), token="t")
    assert count("UNAVAILABLE") - unavailable == 1
