"""The end user's address as the gRPC server sees it: its peer, or what a trusted peer forwarded; the listener
that holds the service's port from the start."""
import socket

import grpc
import pytest
from grpc_health.v1 import health, health_pb2, health_pb2_grpc

from services.common.grpc_server import Listener, client_address, networks, peer_host
from services.common.settings import LOOPBACK
from tests.support.grpc_harness import tls_channel


@pytest.mark.parametrize(("peer", "host"), [
    ("ipv4:127.0.0.1:51234", "127.0.0.1"),
    ("ipv6:%5B::1%5D:51234", "::1"),
    ("unix:/run/otmetka.sock", "/run/otmetka.sock"),
    ("", ""),
])
def test_peer_host(peer, host):
    assert peer_host(peer) == host


CLUSTER = networks(["10.0.0.0/8", *LOOPBACK])


@pytest.mark.parametrize(("metadata", "peer", "address"), [
    ({"x-forwarded-for": "203.0.113.7"}, "10.1.2.3", "203.0.113.7"),            # the gateway passes it on
    ({"x-forwarded-for": "203.0.113.7, 10.1.2.3"}, "::1", "203.0.113.7"),        # the first hop is the user
    ({"x-forwarded-for": "203.0.113.7"}, "192.0.2.10", "192.0.2.10"),            # anyone else cannot claim one
    ({"x-forwarded-for": "203.0.113.7"}, "/run/otmetka.sock", "/run/otmetka.sock"),
    ({}, "10.1.2.3", "10.1.2.3"),
])
def test_client_address_is_forwarded_only_by_trusted_peers(metadata, peer, address):
    assert client_address(metadata, peer, CLUSTER) == address


def test_a_listener_holds_its_port_from_the_start_and_serves_through_the_interceptor_set_later():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    listener = Listener(f"127.0.0.1:{port}")
    with socket.socket() as other, pytest.raises(OSError):  # no connection of the process can take it as its source
        other.bind(("127.0.0.1", port))

    seen = []

    class Recording(grpc.ServerInterceptor):
        def intercept_service(self, continuation, handler_call_details):
            seen.append(handler_call_details.method)
            return continuation(handler_call_details)

    listener.interceptor.target = Recording()
    health_pb2_grpc.add_HealthServicer_to_server(health.HealthServicer(), listener.server)
    listener.server.start()
    try:
        with tls_channel(port) as channel:
            reply = health_pb2_grpc.HealthStub(channel).Check(health_pb2.HealthCheckRequest(), timeout=5)
        assert reply.status == health_pb2.HealthCheckResponse.SERVING
        assert seen == ["/grpc.health.v1.Health/Check"]
    finally:
        listener.server.stop(None)
