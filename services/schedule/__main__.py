"""Runs the schedule service: python -m services.schedule."""
from proto.schedule.v1 import schedule_pb2, schedule_pb2_grpc
from services.common.runtime import start
from services.schedule import tables
from services.schedule.events import handlers
from services.schedule.handlers import Deps
from services.schedule.servicer import PUBLIC_METHODS, ScheduleServicer
from services.schedule.staff import IdentityStaff


def main() -> None:
    runtime = start("schedule", tables.outbox, tables.inbox)
    staff = IdentityStaff(runtime.settings.peers["identity"])
    servicer = ScheduleServicer(Deps(runtime.db, runtime.outbox, runtime.principals, staff))

    def register(server):
        schedule_pb2_grpc.add_ScheduleServiceServicer_to_server(servicer, server)
        return [schedule_pb2.DESCRIPTOR.services_by_name["ScheduleService"].full_name]

    runtime.serve(register, workers=[runtime.relay(), runtime.consumer(handlers, ["journal"])], public_methods=PUBLIC_METHODS)


if __name__ == "__main__":
    main()
