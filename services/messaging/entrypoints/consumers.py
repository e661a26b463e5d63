"""Consumer handlers, each in a unit of work joining the consumer's transaction (which records the event in the
inbox, so a redelivered one changes nothing), for the school the event names: identity's events keep the
guardianships and people's names; schedule's the names of subjects and terms; the journal's feed the automatic
notices (a 2, an absence held until the day's cut-off or cancelled by a correction, a term mark of 2 or Н/А)."""
import datetime as dt

from sqlalchemy.orm import Session

from proto.events.v1.envelope_pb2 import Envelope
from proto.identity.v1 import identity_pb2
from proto.journal.v1 import journal_pb2
from proto.schedule.v1 import schedule_pb2
from services.common.consumer import EventHandlers
from services.common.outbox import Outbox
from services.common.scope import Scope
from services.messaging.adapters import tables
from services.messaging.service_layer import automatic_notices, directory
from services.messaging.service_layer.people import full_name
from services.messaging.service_layer.unit_of_work import MessagingUnitOfWork

handlers = EventHandlers()
outbox = Outbox("messaging", tables.outbox)


def unit_of_work(session: Session, env: Envelope) -> MessagingUnitOfWork:
    return MessagingUnitOfWork.joining(session, outbox, Scope.of_event(env.school_id))


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@handlers.on(identity_pb2.GuardianLinked)
def guardian_linked(session: Session, event: identity_pb2.GuardianLinked, env: Envelope) -> None:
    directory.guardian_linked(unit_of_work(session, env), event.guardian_id, event.student_id, now())


@handlers.on(identity_pb2.PersonRegistered)
def person_registered(session: Session, event: identity_pb2.PersonRegistered, env: Envelope) -> None:
    directory.person_named(unit_of_work(session, env), event.person.id, full_name(event.person.name))


@handlers.on(identity_pb2.PersonCorrected)
def person_corrected(session: Session, event: identity_pb2.PersonCorrected, env: Envelope) -> None:
    directory.person_named(unit_of_work(session, env), event.person.id, full_name(event.person.name))


def _student_named(session: Session, event, env: Envelope) -> None:
    directory.person_named(unit_of_work(session, env), event.student_id, event.full_name)


for _movement in (identity_pb2.StudentEnrolled, identity_pb2.StudentTransferred, identity_pb2.StudentPromoted,
                  identity_pb2.StudentGraduated, identity_pb2.StudentLeft):
    handlers.on(_movement)(_student_named)


@handlers.on(schedule_pb2.SubjectCreated)
def subject_created(session: Session, event: schedule_pb2.SubjectCreated, env: Envelope) -> None:
    directory.subject_named(unit_of_work(session, env), event.subject.id, event.subject.name)


def _terms_of(session: Session, year: schedule_pb2.AcademicYear, env: Envelope) -> None:
    directory.terms_named(unit_of_work(session, env), [(term.id, term.name) for term in year.terms])


@handlers.on(schedule_pb2.AcademicYearCreated)
def academic_year_created(session: Session, event: schedule_pb2.AcademicYearCreated, env: Envelope) -> None:
    _terms_of(session, event.academic_year, env)


@handlers.on(schedule_pb2.TermsChanged)
def terms_changed(session: Session, event: schedule_pb2.TermsChanged, env: Envelope) -> None:
    _terms_of(session, event.academic_year, env)


@handlers.on(schedule_pb2.NextYearOpened)
def next_year_opened(session: Session, event: schedule_pb2.NextYearOpened, env: Envelope) -> None:
    _terms_of(session, event.academic_year, env)


@handlers.on(journal_pb2.MarkRecorded)
def mark_recorded(session: Session, event: journal_pb2.MarkRecorded, env: Envelope) -> None:
    automatic_notices.mark_given(unit_of_work(session, env), event.mark, event.class_group_id, "", now())


@handlers.on(journal_pb2.MarkChanged)
def mark_changed(session: Session, event: journal_pb2.MarkChanged, env: Envelope) -> None:
    automatic_notices.mark_given(unit_of_work(session, env), event.mark, event.class_group_id, event.old_value,
                                 now())


@handlers.on(journal_pb2.AttendanceRecorded)
def attendance_recorded(session: Session, event: journal_pb2.AttendanceRecorded, env: Envelope) -> None:
    automatic_notices.attendance_recorded(unit_of_work(session, env), event.entry, event.class_group_id,
                                          event.lesson_date, now())


@handlers.on(journal_pb2.TermMarkSet)
def term_mark_set(session: Session, event: journal_pb2.TermMarkSet, env: Envelope) -> None:
    automatic_notices.term_mark_set(unit_of_work(session, env), event.term_mark, now())
