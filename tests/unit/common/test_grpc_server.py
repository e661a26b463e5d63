"""The end user's address as the gRPC server sees it when no gateway forwarded one."""
import pytest

from services.common.grpc_server import peer_host


@pytest.mark.parametrize(("peer", "host"), [
    ("ipv4:127.0.0.1:51234", "127.0.0.1"),
    ("ipv6:%5B::1%5D:51234", "::1"),
    ("unix:/run/otmetka.sock", "/run/otmetka.sock"),
    ("", ""),
])
def test_peer_host(peer, host):
    assert peer_host(peer) == host
