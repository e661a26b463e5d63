"""Peer calls carry large answers (a year-end archive of a big school is one message); the services' servers permit
the peers' keepalive pings."""
from concurrent import futures

import grpc

from proto.archive.v1 import archive_pb2, archive_pb2_grpc
from services.common import grpc_client
from services.common.grpc_client import Peer
from services.common.grpc_server import SERVER_OPTIONS
from tests.support.grpc_harness import tls_port

SIZE = 6 * 1024 * 1024  # above gRPC's default 4 MiB receive limit


class BigArchive(archive_pb2_grpc.ArchiveServiceServicer):
    def DownloadArchive(self, request, context):
        return archive_pb2.ArchiveContent(filename="a.zip", content=b"\0" * SIZE)


def test_a_peer_receives_messages_larger_than_the_grpc_default():
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=1))
    archive_pb2_grpc.add_ArchiveServiceServicer_to_server(BigArchive(), server)
    port = tls_port(server)
    server.start()
    try:
        answer = Peer(f"127.0.0.1:{port}", archive_pb2_grpc.ArchiveServiceStub).call(
            "DownloadArchive", archive_pb2.GetArchiveRequest(), token="unused")
        assert len(answer.content) == SIZE
    finally:
        server.stop(grace=None)


def test_servers_permit_the_keepalive_pings_of_the_peers():
    """A server answers pings more frequent than its minimal interval with GOAWAY too_many_pings."""
    options = dict(SERVER_OPTIONS)
    assert options["grpc.http2.min_ping_interval_without_data_ms"] <= grpc_client.KEEPALIVE_MS
    assert options["grpc.keepalive_permit_without_calls"] == dict(grpc_client.CHANNEL_OPTIONS)[
        "grpc.keepalive_permit_without_calls"] == 1


def test_a_peer_is_waited_for_until_it_has_gone_unanswering_longer_than_a_restart():
    now = [100.0]
    reachability = grpc_client.Reachability(wait=15.0, clock=lambda: now[0])
    assert reachability.worth_waiting()
    reachability.answered(grpc.StatusCode.UNAVAILABLE)  # the first call without an answer
    now[0] += 10
    reachability.answered(grpc.StatusCode.DEADLINE_EXCEEDED)
    assert reachability.worth_waiting(), "10 s: it may be restarting"
    now[0] += 6
    assert not reachability.worth_waiting(), "16 s: taken for down, calls fail at once"
    reachability.answered(grpc.StatusCode.NOT_FOUND)  # any answer of its own
    assert reachability.worth_waiting()
    reachability.answered(grpc.StatusCode.UNAVAILABLE)
    now[0] += 16
    reachability.answered()
    assert reachability.worth_waiting()
