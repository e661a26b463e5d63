"""R1, the deputy head's control of journal keeping (domain/journal_control.py): the past lessons never filled in,
the recorded lessons without homework, the students with too few current marks for a term mark before the term ends.
For the school administrator, the director and the deputy head (the policy ListLateEntries uses).

The lessons are schedule's: one class group's, or those of every class group of the academic years the period
touches (one ListLessons per class group); the records, marks and term marks are the journal's."""
from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from proto.journal.v1 import journal_pb2 as pb
from proto.schedule.v1 import schedule_pb2
from services.common import memberships
from services.common.db import parse_uuid
from services.common.scope import Scope
from services.journal.domain import journal_control as rules
from services.journal.domain.lesson_entry import school_today
from services.journal.service_layer.anomalies import day_range

if TYPE_CHECKING:
    from services.journal.service_layer.unit_of_work import JournalUnitOfWork

REFUSAL = "Контроль ведения журнала смотрят администратор школы, директор и его заместитель"
DAY = dt.timedelta(days=1)


def _today(uow: JournalUnitOfWork, now: dt.datetime | None) -> dt.date:
    with uow:
        return school_today(uow.settings(read_only=True).policy.zone, now)


def _class_groups(uow: JournalUnitOfWork, school_id: str, years: list[schedule_pb2.AcademicYear],
                  class_group_id: str) -> list[schedule_pb2.ClassGroup]:
    """The one class group asked for (if of these years), or every class group of these years."""
    if class_group_id:
        group = uow.schedule.get_class_group(school_id, class_group_id)
        return [group] if group.academic_year_id in {year.id for year in years} else []
    return [group for year in years for group in uow.schedule.list_class_groups(school_id, year.id)]


def _past_lessons(scope: Scope, uow: JournalUnitOfWork, date_from: str, date_to: str, class_group_id: str,
                  teacher_id: str, now: dt.datetime | None) -> tuple[list[schedule_pb2.Lesson], dict[str, rules.Record]]:
    """The period's lessons before the school's today (of one class group, one teacher when given), by date, and
    the records of those recorded."""
    school_id = scope.school_id
    scope.require("journal.control", REFUSAL)
    start, end = day_range(date_from, date_to)
    class_group_id = parse_uuid(class_group_id, "class_group_id") if class_group_id else ""
    teacher_id = parse_uuid(teacher_id, "teacher_id") if teacher_id else ""
    last = min(end, _today(uow, now) - DAY)
    if last < start:
        return [], {}
    years = [year for year in uow.schedule.list_academic_years(school_id)
             if year.start_date <= last.isoformat() and start.isoformat() <= year.end_date]
    lessons = sorted((lesson for group in _class_groups(uow, school_id, years, class_group_id)
                      for lesson in uow.schedule.list_lessons(school_id, group.id, start.isoformat(), last.isoformat())
                      if not teacher_id or teacher_id in (lesson.teacher_id, lesson.substitute_teacher_id)),
                     key=lambda lesson: (lesson.date, lesson.lesson_number, lesson.class_group_id, lesson.subject_name))
    with uow:
        records = {r.lesson_id: rules.Record(r.topic, r.homework)
                   for r in uow.lessons.texts([lesson.id for lesson in lessons])}
    return lessons, records


def _lesson(lesson: schedule_pb2.Lesson, **fields) -> pb.ControlLesson:
    return pb.ControlLesson(lesson_id=lesson.id, lesson_date=lesson.date, lesson_number=lesson.lesson_number,
                            class_group_id=lesson.class_group_id, subject_id=lesson.subject_id,
                            subject_name=lesson.subject_name,
                            teacher_id=lesson.substitute_teacher_id or lesson.teacher_id, **fields)


def list_unfilled_lessons(scope: Scope, uow: JournalUnitOfWork, date_from: str, date_to: str, class_group_id: str,
                          teacher_id: str, now: dt.datetime | None = None) -> list[pb.ControlLesson]:
    """Past lessons without a topic, or never saved (no attendance taken)."""
    lessons, records = _past_lessons(scope, uow, date_from, date_to, class_group_id, teacher_id, now)
    return [_lesson(lesson, missing=missing) for lesson in lessons
            if (missing := rules.missing(records.get(lesson.id)))]


def list_missing_homework(scope: Scope, uow: JournalUnitOfWork, date_from: str, date_to: str, class_group_id: str,
                          teacher_id: str, now: dt.datetime | None = None) -> list[pb.ControlLesson]:
    """Past recorded lessons with an empty homework."""
    lessons, records = _past_lessons(scope, uow, date_from, date_to, class_group_id, teacher_id, now)
    return [_lesson(lesson, topic=records[lesson.id].topic) for lesson in lessons
            if rules.lacks_homework(records.get(lesson.id))]


@dataclass(frozen=True)
class _ClassTerm:
    """A class group's lessons in a watched term, its students then, and its subgroups' students."""

    term: schedule_pb2.Term
    class_group_id: str
    lessons: list[schedule_pb2.Lesson]
    students: list[str]
    members: dict[str, set[str]]


def _class_terms(uow: JournalUnitOfWork, school_id: str, class_group_id: str, today: dt.date,
                 days: int) -> list[_ClassTerm]:
    years = [year for year in uow.schedule.list_academic_years(school_id) if year.status != "closed"]
    found = []
    for year in years:
        terms = [term for term in year.terms if rules.term_watched(
            dt.date.fromisoformat(term.start_date), dt.date.fromisoformat(term.end_date), today, days)]
        if not terms:
            continue
        for group in _class_groups(uow, school_id, [year], class_group_id):
            for term in terms:
                if term.grade_to and not term.grade_from <= group.grade <= term.grade_to:
                    continue
                lessons = uow.schedule.list_lessons(school_id, group.id, term.start_date, term.end_date)
                if not lessons:
                    continue
                students = [person.id for person in uow.identity.class_people(school_id, group.id)
                            if (spans := memberships.during(person.memberships, term.start_date, term.end_date))
                            and spans[-1].class_group_id == group.id]
                members = {sid: set(uow.schedule.get_subgroup(school_id, sid).student_ids)
                           for sid in dict.fromkeys(lesson.subgroup_id for lesson in lessons if lesson.subgroup_id)}
                found.append(_ClassTerm(term, group.id, lessons, students, members))
    return found


def list_mark_shortfalls(scope: Scope, uow: JournalUnitOfWork, days: int, class_group_id: str,
                         now: dt.datetime | None = None) -> tuple[list[pb.MarkShortfall], int]:
    """The students of each watched term's class groups with too few current marks in a subject for a term mark
    (the rule SetTermMark applies: term_mark.marks_needed), unless their term mark is set; with the days used."""
    school_id = scope.school_id
    scope.require("mark_shortfall.read", REFUSAL)  # also the messaging service's account (its few-marks notices)
    days = rules.checked_days(days)
    class_group_id = parse_uuid(class_group_id, "class_group_id") if class_group_id else ""
    cases = _class_terms(uow, school_id, class_group_id, _today(uow, now), days)
    with uow:
        settings = uow.settings(students=[sid for case in cases for sid in case.students], read_only=True)
        counts = uow.lessons.mark_counts([lesson.id for case in cases for lesson in case.lessons])
        marked = {(row["student_id"], row["subject_id"], row["term_id"]) for case in cases
                  for row in uow.term_marks.of_class(case.class_group_id, term_id=case.term.id)}
    cases_of = defaultdict(list)  # lesson -> (case, subject): a lesson is in every watched term it falls in
    for n, case in enumerate(cases):
        for lesson in case.lessons:
            cases_of[lesson.id].append((n, lesson.subject_id))
    marks_of = Counter()  # (case, student, subject) -> the student's current marks on the case's lessons of it
    for (lesson_id, student_id), count in counts.items():
        for n, subject_id in cases_of[lesson_id]:
            marks_of[n, student_id, subject_id] += count
    found = []
    for n, case in enumerate(cases):
        start, end = dt.date.fromisoformat(case.term.start_date), dt.date.fromisoformat(case.term.end_date)
        subjects = {lesson.subject_id: lesson for lesson in case.lessons}
        for student_id, taken in rules.lessons_taken(case.lessons, case.students, case.members).items():
            for subject_id, lessons in taken.items():
                if (student_id, subject_id, case.term.id) in marked:
                    continue
                marks = marks_of[n, student_id, subject_id]
                short = rules.shortfall(marks, lessons, start, end, settings.policy, settings.plan_of(student_id),
                                        subject_id)
                if short:
                    last = subjects[subject_id]
                    found.append(pb.MarkShortfall(
                        term_id=case.term.id, term_name=case.term.name, term_end_date=case.term.end_date,
                        class_group_id=case.class_group_id, subject_id=subject_id, subject_name=last.subject_name,
                        teacher_id=last.teacher_id, student_id=student_id, marks=marks, needed=short[1],
                        hours_per_week=short[0]))
    found.sort(key=lambda s: (s.term_end_date, s.class_group_id, s.subject_name, s.student_id))
    return found, days
