"""Handlers of the facts other services' events tell reporting: each keeps the read models up to date, in any order
of arrival, and changes nothing when told again (redelivered or re-published events)."""
import dataclasses
import datetime as dt

from services.reporting.domain import movement_register, read_model
from services.reporting.service_layer.unit_of_work import ReportingUnitOfWork


def put_student(student: read_model.Student, uow: ReportingUnitOfWork,
                memberships: tuple[read_model.Membership, ...] | None = None) -> None:
    """The student's name (an empty one changes nothing) and, when told (not None), their class memberships as they
    are now: each telling replaces the last whole, so telling it again changes nothing."""
    with uow:
        uow.read_models.put_student(student)
        if memberships is not None:
            uow.read_models.replace_memberships(student.id, memberships)


def put_academic_year(year: read_model.AcademicYear, uow: ReportingUnitOfWork, removed_term_ids: tuple[str, ...] = ()
                      ) -> None:
    """The year's terms as they are now: changed ones updated, new ones added, removed ones gone."""
    with uow:
        if removed_term_ids:
            uow.read_models.remove_terms(list(removed_term_ids))
        uow.read_models.put_year(year)


def put_class_group(group: read_model.ClassGroup, uow: ReportingUnitOfWork) -> None:
    with uow:
        uow.read_models.put_class_group(group)


def put_subject(subject: read_model.Subject, uow: ReportingUnitOfWork) -> None:
    with uow:
        uow.read_models.put_subject(subject)


def put_marks(marks: list[read_model.Mark], uow: ReportingUnitOfWork) -> None:
    """A run of recorded and changed marks at once; a mark named twice keeps the last."""
    with uow:
        uow.read_models.put_marks(read_model.latest(marks))


def move_marks(mark_ids: tuple[str, ...], lesson_date: dt.date, uow: ReportingUnitOfWork) -> None:
    """The marks of a moved lesson are of its new date (setting it again changes nothing)."""
    if mark_ids:
        with uow:
            uow.read_models.move_marks(list(mark_ids), lesson_date)


def put_attendance(told: read_model.Attendance, uow: ReportingUnitOfWork) -> None:
    """The (lesson, student)'s latest attendance status (the journal's events of a lesson come in order): an absence
    recorded or its reason corrected replaces the kept one, a status changed back to present removes it."""
    with uow:
        uow.read_models.put_attendance(told)


def put_lessons(lessons: list[read_model.Lesson], uow: ReportingUnitOfWork) -> None:
    """Schedule's lessons in one statement; a lesson named twice keeps the last."""
    if lessons:
        with uow:
            uow.read_models.put_lessons(list({lesson.id: lesson for lesson in lessons}.values()))


def put_lesson_topics(topics: list[read_model.LessonTopic], uow: ReportingUnitOfWork) -> None:
    """Whether lessons were given (a topic recorded) in one statement; a lesson named twice keeps the last, with the
    first time its topic was recorded."""
    if topics:
        merged: dict[str, read_model.LessonTopic] = {}
        for topic in topics:
            before = merged.get(topic.lesson_id)
            first = before.recorded_at if before and before.recorded_at else topic.recorded_at
            merged[topic.lesson_id] = dataclasses.replace(topic, recorded_at=first)
        with uow:
            uow.read_models.put_lesson_topics(list(merged.values()))


def put_curriculum_hours(told: read_model.CurriculumHours, uow: ReportingUnitOfWork) -> None:
    """The class's weekly hours of the subject become the ones told (schedule's events of a school come in order)."""
    with uow:
        uow.read_models.put_curriculum_hours(told)


def put_school_settings(told: read_model.SchoolSettings, uow: ReportingUnitOfWork) -> None:
    """The school's mark scale and work types become the ones told (the journal sends them whole)."""
    with uow:
        uow.read_models.put_school_settings(told)


def move_lesson_record(lesson_id: str, mark_ids: tuple[str, ...], lesson_date: dt.date, uow: ReportingUnitOfWork
                       ) -> None:
    """A moved lesson's marks and attendance are of its new date (setting it again changes nothing)."""
    move_marks(mark_ids, lesson_date, uow)
    with uow:
        uow.read_models.move_attendance(lesson_id, lesson_date)


def delete_mark(mark_id: str, uow: ReportingUnitOfWork) -> None:
    with uow:
        uow.read_models.delete_mark(mark_id)


def put_term_mark(mark: read_model.TermMark, uow: ReportingUnitOfWork) -> None:
    with uow:
        if mark.value:
            uow.read_models.put_term_placeholder(mark.term_id)
        uow.read_models.put_term_mark(mark)


def put_final_mark(mark: read_model.FinalMark, uow: ReportingUnitOfWork) -> None:
    with uow:
        uow.read_models.put_final_mark(mark)


def put_school_name(name: str, uow: ReportingUnitOfWork) -> None:
    with uow:
        uow.movement_register.put_school_name(name)


def put_order(order: movement_register.Order, uow: ReportingUnitOfWork) -> None:
    """A movement order as signed (its lines never change; telling it again changes nothing), or the order a later
    one cancelled, with the cancelling order's id."""
    with uow:
        uow.movement_register.put_order(order)


def put_person_account(person_id: str, kind: str, activated: bool, uow: ReportingUnitOfWork) -> None:
    """A person's kind (staff, student, guardian) and whether their account is activated, for the authority's
    accounts activated (once activated, it stays so)."""
    with uow:
        uow.aggregates.put_person(person_id, kind, activated)


def put_sealed_archive(archive_id: str, academic_year_name: str, uow: ReportingUnitOfWork) -> None:
    with uow:
        uow.aggregates.put_sealed_archive(archive_id, academic_year_name)
