"""Runs the journal service: python -m services.journal."""
import os

from proto.identity.v1 import identity_pb2_grpc
from proto.journal.v1 import journal_pb2, journal_pb2_grpc
from proto.schedule.v1 import schedule_pb2_grpc
from services.common import metrics
from services.common.event_tail import EventTail
from services.common.object_store import ObjectStore
from services.common.outbox import topic_of
from services.common.runtime import start
from services.journal import bootstrap
from services.journal.adapters import peer_cache, tables
from services.journal.adapters.peers import IdentityClient, ScheduleClient
from services.journal.entrypoints.consumers import handlers

BUCKET = "otmetka-homework"  # homework files of every school, each under its own prefix


def main() -> None:
    runtime = start("journal", tables.outbox, tables.inbox)
    store = ObjectStore.from_env(os.environ.get("OTMETKA_JOURNAL_BUCKET", BUCKET))
    store.ensure_bucket()
    servicer = bootstrap.servicer(runtime.db, runtime.outbox, bootstrap.Ports(
        schedule=ScheduleClient(runtime.peer("schedule", schedule_pb2_grpc.ScheduleServiceStub)),
        identity=IdentityClient(runtime.peer("identity", identity_pb2_grpc.IdentityServiceStub)), files=store))

    def register(server):
        journal_pb2_grpc.add_JournalServiceServicer_to_server(servicer, server)
        return [journal_pb2.DESCRIPTOR.services_by_name["JournalService"].full_name]

    copy = peer_cache.SHARED  # schedule's and identity's answers, kept current by their events, read by this replica
    tail = EventTail("journal", [topic_of("schedule"), topic_of("identity")], runtime.settings.kafka,
                     apply=lambda env: peer_cache.forget_envelope(copy, env), forget_all=copy.reset)
    copy.current_until = tail.current_until
    metrics.copy_follows(tail.current_until)
    runtime.serve(register, workers=[runtime.relay(), runtime.consumer(handlers, ["identity", "schedule"]), tail],
                  principals=runtime.principals)


if __name__ == "__main__":
    main()
