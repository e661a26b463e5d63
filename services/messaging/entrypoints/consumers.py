"""Consumer handlers, each in a unit of work joining the consumer's transaction (which records the event in the
inbox, so a redelivered one changes nothing), for the school the event names: identity's events keep the
guardianships and people's names; schedule's the names of subjects and terms; the journal's feed the automatic
notices (a 2, an absence held until the day's cut-off or cancelled by a correction, a term mark of 2 or Н/А), whose
e-mails the unit of work's mailer queues. `handlers(mailer)` gives the registry the consumer runs."""
import datetime as dt
from collections.abc import Callable

from sqlalchemy.orm import Session

from proto.events.v1.envelope_pb2 import Envelope
from proto.identity.v1 import identity_pb2
from proto.journal.v1 import journal_pb2
from proto.schedule.v1 import schedule_pb2
from services.common.consumer import EventHandlers
from services.common.outbox import Outbox
from services.common.scope import Scope
from services.messaging.adapters import tables
from services.messaging.adapters.mailer import Mailer
from services.messaging.domain import notice as rules
from services.messaging.service_layer import automatic_notices, directory
from services.messaging.service_layer.people import full_name
from services.messaging.service_layer.unit_of_work import MessagingUnitOfWork

outbox = Outbox("messaging", tables.outbox)
Handle = Callable[[MessagingUnitOfWork, object], None]
HANDLERS: dict[type, tuple[Handle, Callable | None]] = {}


def on(*message_types: type, when: Callable[[object], bool] | None = None) -> Callable[[Handle], Handle]:
    """Registers a handler of the types; `when`: the events it acts on (others cost no transaction: EventHandlers)."""
    def register(fn: Handle) -> Handle:
        for message_type in message_types:
            HANDLERS[message_type] = (fn, when)
        return fn
    return register


def handlers(mailer: Mailer | None) -> EventHandlers:
    """The registry of the consumer: each handler gets a unit of work joining the consumer's transaction, in the
    event's school, with the mailer."""
    registry = EventHandlers()
    for message_type, (handle, when) in HANDLERS.items():
        def run(session: Session, event, env: Envelope, handle: Handle = handle) -> None:
            handle(MessagingUnitOfWork.joining(session, outbox, Scope.of_event(env.school_id), mailer=mailer), event)
        registry.on(message_type, when)(run)
    return registry


def now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@on(identity_pb2.GuardianLinked)
def guardian_linked(uow: MessagingUnitOfWork, event: identity_pb2.GuardianLinked) -> None:
    directory.guardian_linked(uow, event.guardian_id, event.student_id, now())


@on(identity_pb2.PersonRegistered, identity_pb2.PersonCorrected)
def person_named(uow: MessagingUnitOfWork, event) -> None:
    directory.person_named(uow, event.person.id, full_name(event.person.name))


@on(identity_pb2.StudentEnrolled, identity_pb2.StudentTransferred, identity_pb2.StudentPromoted,
    identity_pb2.StudentGraduated, identity_pb2.StudentLeft)
def student_named(uow: MessagingUnitOfWork, event) -> None:
    directory.person_named(uow, event.student_id, event.full_name)


@on(schedule_pb2.SubjectCreated)
def subject_created(uow: MessagingUnitOfWork, event: schedule_pb2.SubjectCreated) -> None:
    directory.subject_named(uow, event.subject.id, event.subject.name)


@on(schedule_pb2.AcademicYearCreated, schedule_pb2.TermsChanged, schedule_pb2.NextYearOpened)
def terms_named(uow: MessagingUnitOfWork, event) -> None:
    directory.terms_named(uow, [(term.id, term.name) for term in event.academic_year.terms])


@on(journal_pb2.MarkRecorded, when=lambda event: rules.newly_two(event.mark.value, ""))
def mark_recorded(uow: MessagingUnitOfWork, event: journal_pb2.MarkRecorded) -> None:
    automatic_notices.mark_given(uow, event.mark, event.class_group_id, "", now())


@on(journal_pb2.MarkChanged, when=lambda event: rules.newly_two(event.mark.value, event.old_value))
def mark_changed(uow: MessagingUnitOfWork, event: journal_pb2.MarkChanged) -> None:
    automatic_notices.mark_given(uow, event.mark, event.class_group_id, event.old_value, now())


@on(journal_pb2.AttendanceRecorded)
def attendance_recorded(uow: MessagingUnitOfWork, event: journal_pb2.AttendanceRecorded) -> None:
    automatic_notices.attendance_recorded(uow, event.entry, event.class_group_id, event.lesson_date, now())


@on(journal_pb2.TermMarkSet)
def term_mark_set(uow: MessagingUnitOfWork, event: journal_pb2.TermMarkSet) -> None:
    automatic_notices.term_mark_set(uow, event.term_mark, now())
