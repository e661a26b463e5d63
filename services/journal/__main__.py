"""Runs the journal service: python -m services.journal."""
from proto.identity.v1 import identity_pb2_grpc
from proto.journal.v1 import journal_pb2, journal_pb2_grpc
from proto.schedule.v1 import schedule_pb2_grpc
from services.common.runtime import start
from services.journal import tables
from services.journal.handlers import Deps
from services.journal.peers import IdentityClient, ScheduleClient
from services.journal.servicer import JournalServicer


def main() -> None:
    runtime = start("journal", tables.outbox, tables.inbox)
    servicer = JournalServicer(Deps(
        runtime.db, runtime.outbox, runtime.principals,
        schedule=ScheduleClient(runtime.peer("schedule", schedule_pb2_grpc.ScheduleServiceStub)),
        identity=IdentityClient(runtime.peer("identity", identity_pb2_grpc.IdentityServiceStub))))

    def register(server):
        journal_pb2_grpc.add_JournalServiceServicer_to_server(servicer, server)
        return [journal_pb2.DESCRIPTOR.services_by_name["JournalService"].full_name]

    runtime.serve(register, workers=[runtime.relay()])


if __name__ == "__main__":
    main()
