"""Runs the archive service: `python -m services.archive`."""
from proto.archive.v1 import archive_pb2, archive_pb2_grpc
from proto.reporting.v1 import reporting_pb2_grpc
from services.archive import bootstrap
from services.archive.adapters import tables
from services.archive.adapters.signing import Signer
from services.archive.adapters.storage import ArchiveStore
from services.archive.adapters.summary_sheets import ReportingSummarySheets
from services.archive.entrypoints.consumers import handlers
from services.archive.settings import ArchiveSettings
from services.common.runtime import start


def main() -> None:
    runtime = start("archive", tables.outbox, tables.inbox)
    settings = ArchiveSettings.from_env()
    store = ArchiveStore.from_settings(settings)
    store.ensure_bucket()
    sheets = ReportingSummarySheets(runtime.peer("reporting", reporting_pb2_grpc.ReportingServiceStub),
                                    runtime.service_tokens)
    builder = bootstrap.builder(runtime.db, runtime.outbox, store, Signer.from_files(settings.signing_key,
                                settings.signing_cert), sheets, settings.retention_years)
    servicer = bootstrap.servicer(runtime.db, runtime.outbox, store)

    def register(server):
        archive_pb2_grpc.add_ArchiveServiceServicer_to_server(servicer, server)
        return [archive_pb2.DESCRIPTOR.services_by_name["ArchiveService"].full_name]

    runtime.serve(register, workers=[runtime.relay(), runtime.consumer(handlers, ["reporting"]), builder],
                  principals=runtime.principals)


if __name__ == "__main__":
    main()
