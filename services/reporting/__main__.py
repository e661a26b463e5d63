"""Runs the reporting service: `python -m services.reporting`."""
from proto.reporting.v1 import reporting_pb2, reporting_pb2_grpc
from services.common.runtime import start
from services.reporting import tables
from services.reporting.events import handlers
from services.reporting.servicer import ReportingServicer


def main() -> None:
    runtime = start("reporting", tables.outbox, tables.inbox)
    servicer = ReportingServicer(runtime.db, runtime.principals)

    def register(server):
        reporting_pb2_grpc.add_ReportingServiceServicer_to_server(servicer, server)
        return [reporting_pb2.DESCRIPTOR.services_by_name["ReportingService"].full_name]

    runtime.serve(register, workers=[runtime.relay(), runtime.consumer(handlers, ["identity", "schedule", "journal"])])


if __name__ == "__main__":
    main()
