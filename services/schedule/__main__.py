"""Runs the schedule service: python -m services.schedule."""
from proto.schedule.v1 import schedule_pb2, schedule_pb2_grpc
from services.common.runtime import start
from services.schedule import bootstrap
from services.schedule.adapters import tables
from services.schedule.adapters.staff import IdentityStaff
from services.schedule.entrypoints.consumers import handlers
from services.schedule.entrypoints.servicer import PUBLIC_METHODS


def main() -> None:
    runtime = start("schedule", tables.outbox, tables.inbox)
    servicer = bootstrap.servicer(runtime.db, runtime.outbox, runtime.principals,
                                  IdentityStaff(runtime.settings.peers["identity"]))

    def register(server):
        schedule_pb2_grpc.add_ScheduleServiceServicer_to_server(servicer, server)
        return [schedule_pb2.DESCRIPTOR.services_by_name["ScheduleService"].full_name]

    runtime.serve(register, workers=[runtime.relay(), runtime.consumer(handlers, ["journal", "identity"])],
                  public_methods=PUBLIC_METHODS, principals=runtime.principals)


if __name__ == "__main__":
    main()
