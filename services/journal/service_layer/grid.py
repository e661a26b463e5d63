"""The teacher's grid (J1, J2, J10): one subject's lessons in a class group (or one subgroup) × its students,
every cell's marks and attendance, each lesson's lock state for the caller, each student's weighted average
(none on a pass/fail scale) and plan (J9); each lesson's revision (the page saves on it) and, for two periods of the
subject in a row on one day, the other half of the double lesson; a term's grid also each student's term mark and the
one proposed for the teacher to confirm (term_mark.proposal).
The whole class's grid has the subgroups' lessons too, each blank ("outside") for the students not in that
subgroup. Its students are those who were in the class during the grid's period (the asked dates, or the term's
lessons' days), each lesson of a day they were not in it (before joining, after leaving) marked not_in_class (A1).
One schedule call (plus one per subgroup met), one identity call, four SQL statements."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal
from typing import TYPE_CHECKING

from proto.journal.v1 import journal_pb2 as pb
from services.common import memberships
from services.common.dates import parse_date
from services.common.db import parse_uuid
from services.common.errors import Invalid
from services.common.mark_average import weighted_average
from services.common.mark_average import weights as weights_of
from services.common.scope import Scope
from services.journal.adapters import protobuf as messages
from services.journal.domain import edit_lock, mark_scale
from services.journal.domain import term_mark as term_rules
from services.journal.domain.lesson_entry import school_today
from services.journal.service_layer import subgroups

if TYPE_CHECKING:
    from services.journal.service_layer.unit_of_work import JournalUnitOfWork

MAX_GRID_DAYS = 366


def period(term_id: str, date_from: str, date_to: str) -> tuple[str, str, str]:
    """(term_id, from, to) as asked: a term (its lessons, whatever the dates) or a date range of at most a year."""
    if term_id:
        return parse_uuid(term_id, "term_id"), "", ""
    if not date_from and not date_to:
        raise Invalid("term_id", "укажите учебный период или даты начала и конца")
    start, end = parse_date(date_from, "date_from"), parse_date(date_to, "date_to")
    if start > end:
        raise Invalid("date_to", "конец периода раньше начала")
    if (end - start).days + 1 > MAX_GRID_DAYS:
        raise Invalid("date_to", f"период журнала не длиннее {MAX_GRID_DAYS} дней")
    return "", start.isoformat(), end.isoformat()


def subgroup_of(uow: JournalUnitOfWork, school_id: str, class_group_id: str, subgroup_id: str):
    """The subgroup asked for (it must be of the class group), or None for the whole class."""
    if not subgroup_id:
        return None
    subgroup = uow.schedule.get_subgroup(school_id, parse_uuid(subgroup_id, "subgroup_id"))
    if subgroup.class_group_id != class_group_id:
        raise Invalid("subgroup_id", "подгруппа другого класса")
    return subgroup


def get_grid(scope: Scope, uow: JournalUnitOfWork, class_group_id: str, subject_id: str, term_id: str, date_from: str,
             date_to: str, subgroup_id: str = "") -> pb.Grid:
    """The class's lessons of the subject (its subgroups' too), or with a subgroup its own lessons and students
    (J10)."""
    school_id = scope.school_id
    principal = scope.require("lesson.read")
    class_group_id = parse_uuid(class_group_id, "class_group_id")
    subject_id = parse_uuid(subject_id, "subject_id")
    term_id, start, end = period(term_id, date_from, date_to)
    subgroup = subgroup_of(uow, school_id, class_group_id, subgroup_id)
    lessons = [lesson for lesson in uow.schedule.list_lessons(school_id, class_group_id, start, end,
                                                               subject_id=subject_id)
               if lesson.subject_id == subject_id and (not term_id or lesson.term_id == term_id)
               and (subgroup is None or lesson.subgroup_id == subgroup.id)]
    members = {sid: set(uow.schedule.get_subgroup(school_id, sid).student_ids)
               for sid in dict.fromkeys(lesson.subgroup_id for lesson in lessons if lesson.subgroup_id)}
    days = [lesson.date for lesson in lessons]
    first, last = (start, end) if not term_id else (min(days), max(days)) if days else ("", "")
    students = sorted((person for person in uow.identity.class_people(school_id, class_group_id)
                       if (subgroup is None or person.id in subgroup.student_ids)
                       and memberships.in_class_during(person.memberships, class_group_id, first, last)),
                      key=lambda p: (p.name.last_name, p.name.first_name, p.name.middle_name, p.id))
    ids = [lesson.id for lesson in lessons]
    term = uow.schedule.get_term(school_id, term_id) if term_id else None
    with uow:
        settings = uow.settings(students=[person.id for person in students], lessons=lessons,
                                teacher_id=principal.person_id, read_only=True)
        texts = {r.lesson_id: r for r in uow.lessons.texts(ids)}
        cell_marks: dict[tuple[str, str], list] = defaultdict(list)
        for row in uow.lessons.marks_of(ids):
            cell_marks[row["lesson_id"], row["student_id"]].append(row)
        statuses = uow.lessons.attendance_of(ids)
        term_marks = {row["student_id"]: row["value"] for row in uow.term_marks.of_class(class_group_id, term_id=term_id)
                      if row["subject_id"] == subject_id} if term else {}
    kinds, school_scale = settings.work_types, settings.policy.mark_scale
    today = school_today(settings.policy.zone)
    weights = weights_of(kinds)
    dates = {lesson.id: lesson.date for lesson in lessons}
    pairs = double_lessons(lessons)
    return pb.Grid(
        class_group_id=class_group_id, subject_id=subject_id,
        subgroup_id=subgroup.id if subgroup else "", subgroup_name=subgroup.name if subgroup else "",
        subject_name=lessons[0].subject_name if lessons else "",
        lessons=[pb.GridLesson(lesson_id=lesson.id, date=lesson.date, lesson_number=lesson.lesson_number,
                               topic=texts[lesson.id].topic if lesson.id in texts else "",
                               homework=texts[lesson.id].homework if lesson.id in texts else "",
                               plan_topic_id=(texts[lesson.id].plan_topic_id or "") if lesson.id in texts else "",
                               subgroup_id=lesson.subgroup_id, subgroup_name=lesson.subgroup_name,
                               revision=texts[lesson.id].revision if lesson.id in texts else 0,
                               paired_with=pairs.get(lesson.id, ""),
                               lock_reason=edit_lock.state(lesson, settings, today, bound=(
                                   "deputy_head" not in principal.roles
                                   or principal.person_id in subgroups.teachers(lesson))))
                 for lesson in lessons],
        students=[_with_term(_student(person, ids, cell_marks, statuses,
                                      weights if mark_scale.has_average(school_scale) else None, dates, subject_id,
                                      settings.plan_of(person.id).state(subject_id),
                                      {lesson.id for lesson in lessons if lesson.subgroup_id
                                       and person.id not in members[lesson.subgroup_id]},
                                      {lesson.id for lesson in lessons
                                       if not memberships.in_class(person.memberships, class_group_id, lesson.date)}),
                             term, term_marks, settings.policy) for person in students],
        work_types=[messages.work_type(w) for w in kinds], mark_scale=school_scale,
        mark_values=messages.mark_values(school_scale), attendance_kinds=messages.attendance_kinds())


def _with_term(row: pb.GridStudent, term, term_marks: dict[str, str], policy) -> pb.GridStudent:
    """A term's grid: the student's term mark, and the proposal from the average and the minimum-marks rule over
    the student's own lessons of the term (none for a plan without current marks)."""
    if term is None:
        return row
    row.term_mark = term_marks.get(row.student_id, "")
    if not row.plan:
        own = sum(1 for cell in row.cells if not (cell.outside or cell.not_in_class))
        _, needed = term_rules.marks_needed(own, dt.date.fromisoformat(term.start_date),
                                            dt.date.fromisoformat(term.end_date), policy)
        row.proposed_term_mark = term_rules.proposal(Decimal(row.average) if row.average else None, row.marks_count,
                                                     needed, policy.mark_scale)
    return row


def double_lessons(lessons) -> dict[str, str]:
    """lesson id -> the other half of its double lesson: two lessons of the grid on one day with consecutive numbers
    (of the same subgroup, or both the class's)."""
    by_slot = {(lesson.date, lesson.subgroup_id, lesson.lesson_number): lesson.id for lesson in lessons}
    pairs: dict[str, str] = {}
    for lesson in sorted(lessons, key=lambda x: (x.date, x.lesson_number)):
        following = by_slot.get((lesson.date, lesson.subgroup_id, lesson.lesson_number + 1))
        if following and lesson.id not in pairs and following not in pairs:
            pairs[lesson.id], pairs[following] = following, lesson.id
    return pairs


def _student(person, ids: list[str], cell_marks: dict, statuses: dict, weights: dict | None, dates: dict,
             subject_id: str, plan: str, outside: set[str], not_in_class: set[str]) -> pb.GridStudent:
    """The student's row; weights None = a scale without averages (pass/fail)."""
    rows = [row for lesson_id in ids for row in cell_marks.get((lesson_id, person.id), [])]
    average = None if weights is None else weighted_average(
        ((row["value"], row["work_type"]) for row in rows if not row["not_counted"]), weights)  # weight 0: left out
    return pb.GridStudent(
        student_id=person.id, last_name=person.name.last_name, first_name=person.name.first_name,
        middle_name=person.name.middle_name, plan=plan, average="" if average is None else str(average), marks_count=len(rows),
        cells=[pb.GridCell(lesson_id=lesson_id, outside=lesson_id in outside, not_in_class=lesson_id in not_in_class,
                           attendance=statuses.get((lesson_id, person.id), ""),
                           marks=[messages.mark(row, dates[lesson_id], subject_id)
                                  for row in cell_marks.get((lesson_id, person.id), [])]) for lesson_id in ids])
