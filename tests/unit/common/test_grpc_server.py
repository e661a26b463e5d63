"""The end user's address as the gRPC server sees it: its peer, or what a trusted peer forwarded."""
import pytest

from services.common.grpc_server import client_address, networks, peer_host
from services.common.settings import LOOPBACK


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
