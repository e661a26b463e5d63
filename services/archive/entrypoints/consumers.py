"""Consumer handlers: a year reporting has finished (ReportingYearReady) requests its archive package, in a unit of
work joining the consumer's transaction (which records the event in the inbox, so a redelivered one is skipped), for
the school the event names. Schedule's AcademicYearClosed alone builds nothing: the read model may not have caught
up yet."""
from sqlalchemy.orm import Session

from proto.events.v1.envelope_pb2 import Envelope
from proto.reporting.v1 import reporting_pb2
from services.archive.adapters import tables
from services.archive.domain.archive_package import PackageRequest
from services.archive.service_layer.package_request import request_package
from services.archive.service_layer.unit_of_work import ArchiveUnitOfWork
from services.common.consumer import EventHandlers
from services.common.outbox import Outbox
from services.common.scope import Scope

handlers = EventHandlers()
outbox = Outbox("archive", tables.outbox)


@handlers.on(reporting_pb2.ReportingYearReady)
def reporting_year_ready(session: Session, event: reporting_pb2.ReportingYearReady, env: Envelope) -> None:
    request_package(PackageRequest(event.academic_year_id, event.academic_year_name, tuple(event.class_group_ids)),
                    ArchiveUnitOfWork.joining(session, outbox, Scope.of_event(env.school_id)))
