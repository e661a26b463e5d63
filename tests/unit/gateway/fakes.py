"""An in-memory fake of the gateway's Peers port, shared by the gateway's unit and integration tests."""
from gateway.peers import method_types


class FakePeers:
    """Records every call; answers with a prepared response, an error to raise, or an empty message."""

    def __init__(self, addresses: dict[str, str]):
        self.calls = []
        self.responses = {}
        self.addresses = addresses

    def call(self, service, rpc, request, token, deadline=None):
        self.calls.append((service, rpc, request, token))
        answer = self.responses.get(rpc)
        if isinstance(answer, Exception):
            raise answer
        return answer if answer is not None else method_types(service, rpc)[1]()
