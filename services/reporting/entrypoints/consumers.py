"""Consumer handlers that keep the read models up to date from identity, schedule and journal events: each event is
translated to the facts it tells and handed to the service layer in a unit of work joining the consumer's
transaction (which records the event in the inbox, so a redelivered one is skipped), for the school the event names.
Identity's movement events (and a registration or an enrolment) carry the student's class memberships after the
change: they replace the ones kept. MovementOrderSigned and MovementOrderCancelled fill the movement register, and
the school's name (SchoolOnboarded, SchoolUpdated) heads it.
Schedule's AcademicYearClosed and the journal's JournalYearClosed together make the year ready for the archive.
The journal's AttendanceRecorded keeps each (lesson, student)'s latest absence; schedule's lesson events the lesson's
subject (the attendance sheet's) and subgroup; schedule's CurriculumHoursSet a class's weekly hours of a subject.
The weekly user-activity report keeps the staff (identity's registrations, corrections, roles, activations and
sign-ins) and counts each actor's sign-ins and journal entries per day: the envelope's actor, on the day it occurred
in the schools' time zone.
For the municipal authority's aggregates: every person's kind with identity's AccountActivated, the archive's
ArchiveSealed, and every event marks its school changed.
For the weekly diaries (issue 14): the lessons' numbers, times and subgroup names (schedule), the topic and homework
texts and the students' own homework (the journal's TopicSet and HomeworkSet), the marks' lessons and comments,
schedule's SubgroupStudentsSet and its school events (SchoolEventCreated, SchoolEventChanged, SchoolEventCancelled)."""
import datetime as dt
from decimal import Decimal

from sqlalchemy.orm import Session

from proto.archive.v1 import archive_pb2
from proto.events.v1.envelope_pb2 import Envelope
from proto.identity.v1 import identity_pb2
from proto.journal.v1 import journal_pb2
from proto.schedule.v1 import schedule_pb2
from services.common.consumer import EventHandlers
from services.common.dates import SCHOOL_ZONE
from services.common.event_audience import Audience
from services.common.mark_average import WorkType, shown
from services.common.mark_scales import FIVE_POINT
from services.common.outbox import Outbox
from services.common.scope import Scope
from services.reporting.adapters import tables
from services.reporting.adapters.school_aggregate_store import SchoolAggregateStore
from services.reporting.domain import movement_register, read_model, user_activity
from services.reporting.domain.year_closing import JOURNAL, SCHEDULE, YearClosingHalf
from services.reporting.service_layer import read_models, weekly_diaries
from services.reporting.service_layer import user_activity as activity
from services.reporting.service_layer.unit_of_work import ReportingUnitOfWork
from services.reporting.service_layer.year_closing import record_year_closing

handlers = EventHandlers()
outbox = Outbox("reporting", tables.outbox)


def unit_of_work(session: Session, env: Envelope) -> ReportingUnitOfWork:
    """The unit of work of an event: the consumer's transaction, for the school the event names. Every event changes
    what the school's aggregates are computed from: the school is marked changed for their refresher, in the same
    transaction."""
    SchoolAggregateStore(session, env.school_id).mark_changed()
    return ReportingUnitOfWork.joining(session, outbox, Scope.of_event(env.school_id))


def full_name(name: identity_pb2.PersonName) -> str:
    return " ".join(part for part in (name.last_name, name.first_name, name.middle_name) if part)


def date_or_none(value: str) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def time_or_none(value: str) -> dt.time | None:
    return dt.time.fromisoformat(value) if value else None


def memberships(told) -> tuple[read_model.Membership, ...]:
    """identity's ClassMembership values as the read model keeps them."""
    return tuple(read_model.Membership(m.class_group_id, date_or_none(m.date_from), date_or_none(m.date_to))
                 for m in told)


def placed(told, class_group_id: str, date_from: str = "") -> tuple[read_model.Membership, ...]:
    """The memberships an event tells, or (from an event that names a class only) one membership from its date."""
    return memberships(told) or ((read_model.Membership(class_group_id, date_or_none(date_from)),)
                                 if class_group_id else ())


@handlers.on(identity_pb2.SchoolOnboarded)
def school_onboarded(session: Session, event: identity_pb2.SchoolOnboarded, env: Envelope) -> None:
    read_models.put_school_name(event.name, unit_of_work(session, env))


@handlers.on(identity_pb2.SchoolUpdated)
def school_updated(session: Session, event: identity_pb2.SchoolUpdated, env: Envelope) -> None:
    read_models.put_school_name(event.school.name, unit_of_work(session, env))


def student(person: identity_pb2.Person) -> read_model.Student:
    return read_model.Student(person.id, full_name(person.name), person.gender, date_or_none(person.birth_date))


def staff_member(person: identity_pb2.Person) -> user_activity.StaffMember:
    return user_activity.StaffMember(person.id, full_name(person.name), tuple(person.roles))


ACTIVE_ACCESS = ("activated", "account")  # a person registered with a login that works


@handlers.on(identity_pb2.PersonRegistered)
def person_registered(session: Session, event: identity_pb2.PersonRegistered, env: Envelope) -> None:
    """A student's card and memberships; every person's kind and whether their login works (accounts activated)."""
    person = event.person
    kind = identity_pb2.PersonKind.Name(person.kind).lower() if person.kind else ""
    read_models.put_person_account(person.id, kind, person.access in ACTIVE_ACCESS, unit_of_work(session, env))
    if person.kind == identity_pb2.STUDENT:
        read_models.put_student(student(person),
                                unit_of_work(session, env), placed(person.memberships, person.class_group_id) or None)
    elif person.kind == identity_pb2.STAFF:
        activity.put_staff(staff_member(person), unit_of_work(session, env))


@handlers.on(archive_pb2.ArchiveSealed)
def archive_sealed(session: Session, event: archive_pb2.ArchiveSealed, env: Envelope) -> None:
    """A school year's archive sealed (the authority's archives sealed)."""
    read_models.put_sealed_archive(event.package.id, event.package.academic_year_name, unit_of_work(session, env))


@handlers.on(identity_pb2.PersonCorrected)
def person_corrected(session: Session, event: identity_pb2.PersonCorrected, env: Envelope) -> None:
    """A student's name, gender or birth date as the secretary corrected it (the memberships are the movement
    events'); a staff member's name."""
    person = event.person
    if person.kind == identity_pb2.STUDENT:
        read_models.put_student(student(person),
                                unit_of_work(session, env))
    elif person.kind == identity_pb2.STAFF:
        activity.put_staff(staff_member(person), unit_of_work(session, env))


@handlers.on(identity_pb2.StaffRolesChanged)
def staff_roles_changed(session: Session, event: identity_pb2.StaffRolesChanged, env: Envelope) -> None:
    activity.put_staff(user_activity.StaffMember(event.person_id, "", tuple(event.roles)), unit_of_work(session, env))


@handlers.on(identity_pb2.AccountActivated)
def account_activated(session: Session, event: identity_pb2.AccountActivated, env: Envelope) -> None:
    """A person's login works (the authority's accounts activated); a staff member's login names the actor of their
    journal entries (user activity)."""
    read_models.put_person_account(event.person_id, "", True, unit_of_work(session, env))
    activity.put_login(event.person_id, event.subject, unit_of_work(session, env))


@handlers.on(identity_pb2.PersonSignedIn)
def person_signed_in(session: Session, event: identity_pb2.PersonSignedIn, env: Envelope) -> None:
    day = dt.datetime.fromisoformat(event.signed_in_at).astimezone(SCHOOL_ZONE).date()
    activity.signed_in(user_activity.StaffMember(event.person_id, event.full_name, tuple(event.roles), event.subject),
                       day, unit_of_work(session, env))


ACTIVITY = {journal_pb2.MarkRecorded: user_activity.MARK_RECORDED, journal_pb2.MarkChanged: user_activity.MARK_CHANGED,
            journal_pb2.MarkDeleted: user_activity.MARK_DELETED, journal_pb2.AttendanceRecorded: user_activity.ATTENDANCE,
            journal_pb2.TopicSet: user_activity.TOPIC, journal_pb2.HomeworkSet: user_activity.HOMEWORK,
            journal_pb2.TermMarkSet: user_activity.TERM_MARK, journal_pb2.FinalMarkSet: user_activity.FINAL_MARK}


def count_activity(session: Session, events: list[tuple]) -> None:
    """The journal entries of a run, each its actor's on the day it occurred (the schools' time zone)."""
    activity.record_activity([user_activity.Done(
        env.actor, env.occurred_at.ToDatetime(tzinfo=dt.UTC).astimezone(SCHOOL_ZONE).date(), ACTIVITY[type(e)])
        for e, env in events], unit_of_work(session, events[0][1]))


@handlers.on(identity_pb2.StudentEnrolled)
def student_enrolled(session: Session, event: identity_pb2.StudentEnrolled, env: Envelope) -> None:
    read_models.put_student(read_model.Student(event.student_id, event.full_name), unit_of_work(session, env),
                            placed(event.memberships, event.class_group_id, event.effective_date))


@handlers.on(identity_pb2.StudentTransferred)
@handlers.on(identity_pb2.StudentPromoted)
@handlers.on(identity_pb2.StudentGraduated)
@handlers.on(identity_pb2.StudentLeft)
def student_moved(session: Session, event, env: Envelope) -> None:
    read_models.put_student(read_model.Student(event.student_id, event.full_name), unit_of_work(session, env),
                            memberships(event.memberships))


def order(told: identity_pb2.MovementOrder, cancelled_by_order_id: str = "") -> movement_register.Order:
    """identity's order as the register keeps it (an unset value: not told)."""
    return movement_register.Order(
        told.id, identity_pb2.OrderKind.Name(told.kind).lower() if told.kind else "", told.number, told.order_date,
        told.effective_date, told.reason, told.academic_year_id or None, told.late, told.cancels_order_id or None,
        cancelled_by_order_id or told.cancelled_by_order_id or None,
        tuple(movement_register.OrderLine(
            line.student_id, line.student_name, line.from_class_group_id or None, line.to_class_group_id or None,
            tuple(movement_register.Debt(d.subject_id, d.subject_name, d.deadline) for d in line.debts),
            line.document, line.destination) for line in told.lines))


@handlers.on(identity_pb2.MovementOrderSigned)
def movement_order_signed(session: Session, event: identity_pb2.MovementOrderSigned, env: Envelope) -> None:
    read_models.put_order(order(event.order), unit_of_work(session, env))


@handlers.on(identity_pb2.MovementOrderCancelled)
def movement_order_cancelled(session: Session, event: identity_pb2.MovementOrderCancelled, env: Envelope) -> None:
    read_models.put_order(order(event.cancellation), unit_of_work(session, env))
    read_models.put_order(order(event.order, cancelled_by_order_id=event.cancellation.id), unit_of_work(session, env))
    for student in event.students:
        read_models.put_student(read_model.Student(student.student_id, student.full_name), unit_of_work(session, env),
                                memberships(student.memberships))


def academic_year(year: schedule_pb2.AcademicYear) -> read_model.AcademicYear:
    return read_model.AcademicYear(year.id, year.name, tuple(
        read_model.Term(t.id, t.name, date_or_none(t.start_date), t.grade_from, t.grade_to, date_or_none(t.end_date))
        for t in year.terms))


@handlers.on(schedule_pb2.AcademicYearCreated)
def academic_year_created(session: Session, event: schedule_pb2.AcademicYearCreated, env: Envelope) -> None:
    read_models.put_academic_year(academic_year(event.academic_year), unit_of_work(session, env))


@handlers.on(schedule_pb2.TermsChanged)
def terms_changed(session: Session, event: schedule_pb2.TermsChanged, env: Envelope) -> None:
    read_models.put_academic_year(academic_year(event.academic_year), unit_of_work(session, env),
                                  removed_term_ids=tuple(event.removed_term_ids))


@handlers.on(schedule_pb2.ClassGroupCreated)
def class_group_created(session: Session, event: schedule_pb2.ClassGroupCreated, env: Envelope) -> None:
    group = event.class_group
    read_models.put_class_group(read_model.ClassGroup(group.id, group.name, group.academic_year_id or None,
                                                      group.grade), unit_of_work(session, env))


@handlers.on(schedule_pb2.SubjectCreated)
def subject_created(session: Session, event: schedule_pb2.SubjectCreated, env: Envelope) -> None:
    read_models.put_subject(read_model.Subject(event.subject.id, event.subject.name), unit_of_work(session, env))


@handlers.on_many(journal_pb2.MarkRecorded)
@handlers.on_many(journal_pb2.MarkChanged)
def put_marks(session: Session, events: list[tuple[journal_pb2.MarkRecorded | journal_pb2.MarkChanged, Envelope]]) -> None:
    """A run of recorded and changed marks of one school at once (see docs/reporting.md: four statements)."""
    read_models.put_marks([read_model.Mark(e.mark.id, e.mark.student_id, e.mark.subject_id, e.class_group_id,
                                           dt.date.fromisoformat(e.mark.lesson_date),
                                           shown(e.mark.value, e.mark.not_counted),  # «3*» weighs nothing
                                           e.mark.work_type, e.mark.lesson_id, e.mark.comment)
                           for e, _ in events], unit_of_work(session, events[0][1]))
    count_activity(session, events)


@handlers.on(journal_pb2.LessonRecordMoved)
def lesson_record_moved(session: Session, event: journal_pb2.LessonRecordMoved, env: Envelope) -> None:
    read_models.move_lesson_record(event.lesson_id, tuple(event.mark_ids), dt.date.fromisoformat(event.lesson_date),
                                   unit_of_work(session, env))


@handlers.on(journal_pb2.AttendanceRecorded)
def attendance_recorded(session: Session, event: journal_pb2.AttendanceRecorded, env: Envelope) -> None:
    """An absence recorded, its reason corrected (CorrectAttendance), or ("" status) changed back to present."""
    entry = event.entry
    read_models.put_attendance(read_model.Attendance(entry.lesson_id, entry.student_id, event.class_group_id,
                                                     dt.date.fromisoformat(event.lesson_date), entry.status),
                               unit_of_work(session, env))
    count_activity(session, [(event, env)])


@handlers.on_many(schedule_pb2.LessonScheduled)
@handlers.on_many(schedule_pb2.LessonMoved)
@handlers.on_many(schedule_pb2.LessonCancelled)
@handlers.on_many(schedule_pb2.SubstitutionAssigned)
def lessons_told(session: Session, events: list[tuple]) -> None:
    """A run of lessons at once (a timetable schedules a year's lessons in one run): the subject names the attendance
    sheet's columns (the journal's attendance does not), class, date, teacher and cancellation count the lessons
    planned in the period reports."""
    read_models.put_lessons([read_model.Lesson(e.lesson.id, e.lesson.subject_id, e.lesson.class_group_id,
                                               dt.date.fromisoformat(e.lesson.date), e.lesson.teacher_id,
                                               e.lesson.status == "cancelled", e.lesson.subgroup_id,
                                               e.lesson.lesson_number, time_or_none(e.lesson.starts_at),
                                               e.lesson.subgroup_name)
                             for e, _ in events if e.lesson.subject_id], unit_of_work(session, events[0][1]))


@handlers.on(schedule_pb2.CurriculumHoursSet)
def curriculum_hours_set(session: Session, event: schedule_pb2.CurriculumHoursSet, env: Envelope) -> None:
    """A class's weekly hours of a subject as schedule set them (the curriculum fulfilment's hours)."""
    hours = event.hours
    read_models.put_curriculum_hours(read_model.CurriculumHours(hours.class_group_id, hours.subject_id,
                                                                Decimal(hours.hours_per_week)),
                                     unit_of_work(session, env))


@handlers.on_many(journal_pb2.TopicSet)
def topics_set(session: Session, events: list[tuple[journal_pb2.TopicSet, Envelope]]) -> None:
    """A run of the journal's lesson topics: a lesson with a topic was given (the subject teacher's lessons given),
    its topic recorded when the event happened (the lessons filled on time)."""
    read_models.put_lesson_topics([read_model.LessonTopic(
        e.lesson_id, e.class_group_id or None, date_or_none(e.lesson_date), bool(e.topic.strip()),
        env.occurred_at.ToDatetime(tzinfo=dt.UTC) if e.topic.strip() and env.HasField("occurred_at") else None,
        e.topic) for e, env in events], unit_of_work(session, events[0][1]))
    count_activity(session, events)


@handlers.on_many(journal_pb2.HomeworkSet)
def homework_set(session: Session, events: list[tuple[journal_pb2.HomeworkSet, Envelope]]) -> None:
    """A run of homework set: the texts for the weekly diaries (a lesson's, a student's own), counted for the
    user-activity report."""
    weekly_diaries.put_lesson_homework([read_model.LessonHomework(
        e.lesson_id, e.class_group_id or None, date_or_none(e.lesson_date), e.homework, e.student_id)
        for e, _ in events], unit_of_work(session, events[0][1]))
    count_activity(session, events)


@handlers.on(schedule_pb2.SubgroupStudentsSet)
def subgroup_students_set(session: Session, event: schedule_pb2.SubgroupStudentsSet, env: Envelope) -> None:
    group = event.subgroup
    weekly_diaries.put_subgroup(read_model.Subgroup(group.id, group.class_group_id, group.name,
                                                    tuple(group.student_ids)), unit_of_work(session, env))


@handlers.on(schedule_pb2.SchoolEventCreated)
@handlers.on(schedule_pb2.SchoolEventChanged)
@handlers.on(schedule_pb2.SchoolEventCancelled)
def school_event_told(session: Session, event, env: Envelope) -> None:
    """A school event as schedule last told it (its revision decides which telling is the latest)."""
    told, audience = event.event, event.event.audience
    weekly_diaries.put_school_event(read_model.SchoolEvent(
        told.id, dt.date.fromisoformat(told.date), time_or_none(told.starts_at), time_or_none(told.ends_at),
        told.title, told.kind_name, told.place,
        Audience(audience.scope or "school", tuple(audience.grades), tuple(audience.class_group_ids),
                 audience.people or "everyone"), told.status == "cancelled", told.revision),
        unit_of_work(session, env))


@handlers.on(journal_pb2.JournalSettingsChanged)
def journal_settings_changed(session: Session, event: journal_pb2.JournalSettingsChanged, env: Envelope) -> None:
    read_models.put_school_settings(read_model.SchoolSettings(event.mark_scale or FIVE_POINT, tuple(
        WorkType(w.code, w.name, Decimal(w.weight)) for w in event.work_types)), unit_of_work(session, env))


@handlers.on(journal_pb2.MarkDeleted)
def mark_deleted(session: Session, event: journal_pb2.MarkDeleted, env: Envelope) -> None:
    read_models.delete_mark(event.mark.id, unit_of_work(session, env))
    count_activity(session, [(event, env)])


@handlers.on(journal_pb2.TermMarkSet)
def term_mark_set(session: Session, event: journal_pb2.TermMarkSet, env: Envelope) -> None:
    mark = event.term_mark
    read_models.put_term_mark(read_model.TermMark(mark.id, mark.student_id, mark.subject_id, mark.term_id,
                                                  mark.class_group_id, mark.value, mark.special),
                              unit_of_work(session, env))
    count_activity(session, [(event, env)])


@handlers.on(journal_pb2.FinalMarkSet)
def final_mark_set(session: Session, event: journal_pb2.FinalMarkSet, env: Envelope) -> None:
    mark = event.final_mark
    read_models.put_final_mark(read_model.FinalMark(mark.id, mark.student_id, mark.subject_id, mark.class_group_id,
                                                    mark.kind, mark.value, mark.special), unit_of_work(session, env))
    count_activity(session, [(event, env)])


@handlers.on(schedule_pb2.AcademicYearClosed)
def academic_year_closed(session: Session, event: schedule_pb2.AcademicYearClosed, env: Envelope) -> None:
    year = event.academic_year
    record_year_closing(YearClosingHalf(year.id, year.name, tuple(event.class_group_ids), SCHEDULE),
                        unit_of_work(session, env))


@handlers.on(journal_pb2.JournalYearClosed)
def journal_year_closed(session: Session, event: journal_pb2.JournalYearClosed, env: Envelope) -> None:
    record_year_closing(YearClosingHalf(event.academic_year_id, event.academic_year_name,
                                        tuple(event.class_group_ids), JOURNAL), unit_of_work(session, env))
