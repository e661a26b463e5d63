"""The user's address the gateway passes on to the services: its direct peer, or, behind the configured
number of proxies, what the nearest proxy put in X-Forwarded-For."""
import dataclasses

import pytest

from gateway.app import create_app
from services.common import context
from tests.unit.gateway.conftest import SETTINGS, TOKEN, FakeVerifier
from tests.unit.gateway.fakes import FakePeers
from tests.unit.gateway.memory_store import MemoryStore


class AddressRecordingPeers(FakePeers):
    def call(self, service, rpc, request, token, deadline=None):
        self.addresses_seen = [*getattr(self, "addresses_seen", []), context.client_address()]
        return super().call(service, rpc, request, token, deadline)


@pytest.mark.parametrize(("hops", "forwarded", "seen"), [
    (0, "203.0.113.7", "10.0.0.5"),               # no proxy configured: a client cannot claim an address
    (1, "203.0.113.7", "203.0.113.7"),            # the ingress's entry
    (1, "198.51.100.1, 203.0.113.7", "203.0.113.7"),  # what the client itself claimed is not believed
])
def test_the_user_address_behind_proxies(hops, forwarded, seen):
    peers = AddressRecordingPeers(SETTINGS.peers)
    app = create_app(dataclasses.replace(SETTINGS, proxy_hops=hops), verifier=FakeVerifier(), peers=peers,
                     store=MemoryStore())
    response = app.test_client().get("/api/v1/schools", headers={"Authorization": f"Bearer {TOKEN}",
                                                                  "X-Forwarded-For": forwarded},
                                     environ_base={"REMOTE_ADDR": "10.0.0.5"})
    assert response.status_code == 200
    assert peers.addresses_seen == [seen]
