"""Runs the reporting service: `python -m services.reporting`."""
from proto.reporting.v1 import reporting_pb2, reporting_pb2_grpc
from services.common.runtime import start
from services.reporting import bootstrap
from services.reporting.adapters import tables
from services.reporting.entrypoints.consumers import handlers


def main() -> None:
    runtime = start("reporting", tables.outbox, tables.inbox)
    servicer = bootstrap.servicer(runtime.db, runtime.outbox)

    def register(server):
        reporting_pb2_grpc.add_ReportingServiceServicer_to_server(servicer, server)
        return [reporting_pb2.DESCRIPTOR.services_by_name["ReportingService"].full_name]

    runtime.serve(register, workers=[runtime.relay(), runtime.consumer(handlers, ["identity", "schedule", "journal"])],
                  principals=runtime.principals)


if __name__ == "__main__":
    main()
