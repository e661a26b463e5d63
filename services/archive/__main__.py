"""Runs the archive service: `python -m services.archive`."""
from proto.archive.v1 import archive_pb2, archive_pb2_grpc
from proto.identity.v1 import identity_pb2_grpc
from proto.reporting.v1 import reporting_pb2_grpc
from proto.schedule.v1 import schedule_pb2_grpc
from services.archive import bootstrap, pki
from services.archive.adapters import tables
from services.archive.adapters.calendars import ScheduleCalendars
from services.archive.adapters.class_records import ReportingRecords
from services.archive.adapters.package_signing import PackageSigning
from services.archive.adapters.school_cards import IdentitySchools
from services.archive.adapters.storage import ArchiveStore
from services.archive.adapters.timestamping import TimeStamper
from services.archive.entrypoints.consumers import handlers
from services.archive.service_layer.packaging import Packaging
from services.archive.service_layer.unit_of_work import Stores
from services.archive.settings import ArchiveSettings, StoreSettings
from services.common.database_gauges import CountBy
from services.common.runtime import start
from services.common.version import VERSION


def store(settings: StoreSettings) -> ArchiveStore:
    return ArchiveStore.connect(settings.endpoint, settings.access_key, settings.secret_key, settings.bucket,
                                settings.ca_file)


def main() -> None:
    runtime = start("archive", tables.outbox, tables.inbox)
    runtime.metrics.count_by(CountBy("otmetka_archive_packages", "Archive packages by status (building: signed, not yet built)",
                                     tables.packages.name, "status"))
    settings = ArchiveSettings.from_env()
    primary = store(settings.primary)
    primary.ensure_bucket()  # the replica's on its first write: that store may be down now and lose nothing
    installation = pki.load_pki(settings.pki_dir, settings.signature_algorithm)
    packaging = Packaging(
        records=ReportingRecords(runtime.peer("reporting", reporting_pb2_grpc.ReportingServiceStub),
                                 runtime.service_tokens),
        schools=IdentitySchools(runtime.peer("identity", identity_pb2_grpc.IdentityServiceStub),
                                runtime.service_tokens),
        signatures=PackageSigning(installation, TimeStamper(settings.tsa_url)),
        stores=Stores(primary, store(settings.replica)), retention_years=settings.retention_years,
        software_version=VERSION, copy_retry=settings.copy_retry,
        calendars=ScheduleCalendars(runtime.peer("schedule", schedule_pb2_grpc.ScheduleServiceStub),
                                    runtime.service_tokens))
    worker = bootstrap.builder(runtime.db, runtime.outbox, packaging, settings.fixity_period)
    servicer = bootstrap.servicer(runtime.db, runtime.outbox, packaging)

    def register(server):
        archive_pb2_grpc.add_ArchiveServiceServicer_to_server(servicer, server)
        return [archive_pb2.DESCRIPTOR.services_by_name["ArchiveService"].full_name]

    runtime.serve(register, workers=[runtime.relay(), runtime.consumer(handlers, ["reporting"]), worker],
                  principals=runtime.principals)


if __name__ == "__main__":
    main()
