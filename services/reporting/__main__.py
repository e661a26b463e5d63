"""Runs the reporting service: `python -m services.reporting`."""
import datetime as dt

from proto.reporting.v1 import reporting_pb2, reporting_pb2_grpc
from services.common.database_gauges import CountBy
from services.common.object_store import ObjectStore
from services.common.runtime import start
from services.common.settings import positive
from services.reporting import bootstrap
from services.reporting.adapters import tables
from services.reporting.entrypoints.consumers import handlers
from services.reporting.service_layer.report_jobs import BUCKET, FileStore

FILES_DAYS = 30  # how long a formed report is kept (OTMETKA_REPORT_FILES_DAYS)


def main() -> None:
    runtime = start("reporting", tables.outbox, tables.inbox)
    runtime.metrics.count_by(CountBy("otmetka_report_jobs", "Reports formed in the background, by status",
                                     tables.report_jobs.name, "status"))
    store = ObjectStore.from_env(BUCKET)
    store.ensure_bucket()
    files = FileStore(store, dt.timedelta(days=positive("OTMETKA_REPORT_FILES_DAYS", FILES_DAYS)))
    servicer = bootstrap.servicer(runtime.db, runtime.outbox, files)

    def register(server):
        reporting_pb2_grpc.add_ReportingServiceServicer_to_server(servicer, server)
        return [reporting_pb2.DESCRIPTOR.services_by_name["ReportingService"].full_name]

    consumer = runtime.consumer(handlers, ["identity", "schedule", "journal", "archive"])
    runtime.serve(register, workers=[runtime.relay(), consumer,
                                     *bootstrap.workers(runtime.db, runtime.outbox, files)],
                  principals=runtime.principals)


if __name__ == "__main__":
    main()
