"""The chart's probe of a service: its own health service asked over mutual TLS, SERVING or not."""
from concurrent import futures

import grpc
from grpc_health.v1 import health, health_pb2, health_pb2_grpc

from services.tooling import health_check
from tests.support.grpc_harness import tls_port


def test_the_probe_passes_only_while_the_asked_service_is_serving(capsys):
    servicer = health.HealthServicer()
    servicer.set("liveness", health_pb2.HealthCheckResponse.SERVING)
    servicer.set("", health_pb2.HealthCheckResponse.NOT_SERVING)
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=2))
    health_pb2_grpc.add_HealthServicer_to_server(servicer, server)
    port = str(tls_port(server))
    server.start()
    try:
        assert health_check.main([port, "liveness"]) == 0
        assert health_check.main([port]) == 1
    finally:
        server.stop(grace=None)
    assert capsys.readouterr().out.split() == ["SERVING", "NOT_SERVING"]
    assert health_check.main([port]) == 1 and capsys.readouterr().out.strip() == "UNAVAILABLE"
