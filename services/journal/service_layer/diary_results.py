"""The whole diary's results (GetDiaryResults; J7, J11, seed 004 §10.1): for a student and an academic year, their
term, annual, exam and final marks as they are set, the weighted average per subject and term with its dynamics and
the lessons by attendance kind (the rules: domain/diary_results.py). A family reads their own child's (diary.read with
the student), staff any student's of the school.

The year is the one of the student's class today unless asked (the years offered are those of the student's classes);
its terms are those of the class's grade (schedule ListAcademicYears, GetClassGroup per class of the student); what
the journal holds is read in ONE statement (adapters/results_store.py: the student's marks and attendance of the
lessons recorded in the year's dates, their period marks, the school's scale and work types)."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from proto.journal.v1 import journal_pb2 as pb
from services.common import memberships
from services.common.db import parse_uuid
from services.common.errors import NotFound
from services.common.mark_average import weights
from services.common.scope import Scope
from services.journal.adapters import protobuf as messages
from services.journal.domain import diary_results as rules
from services.journal.domain import mark_scale

if TYPE_CHECKING:
    from services.journal.service_layer.unit_of_work import JournalUnitOfWork


def get_diary_results(scope: Scope, uow: JournalUnitOfWork, student_id: str, academic_year_id: str) -> pb.DiaryResults:
    school_id = scope.school_id
    student_id = parse_uuid(student_id, "student_id")
    scope.require("diary.read", student_id=student_id)
    academic_year_id = parse_uuid(academic_year_id, "academic_year_id") if academic_year_id else ""
    student = uow.identity.student(school_id, student_id)
    of_year: dict[str, tuple[str, int]] = {}  # academic year id -> the student's last class of it and its grade
    today_year = ""
    for membership in memberships.during(student.memberships, "", ""):  # oldest first
        group = uow.schedule.get_class_group(school_id, membership.class_group_id)
        of_year[group.academic_year_id] = (group.id, group.grade)
        if group.id == student.class_group_id:
            today_year = group.academic_year_id
    years = sorted((y for y in uow.schedule.list_academic_years(school_id) if y.id in of_year),
                   key=lambda y: (y.start_date, y.id), reverse=True)
    if academic_year_id and academic_year_id not in of_year:
        raise NotFound("Ученик не учился в этом учебном году", {"academic_year_id": "не учился в этом году"})
    chosen = next((y for y in years if y.id == (academic_year_id or today_year)), years[0] if years else None)
    offered = [(y.id, y.name, of_year[y.id][0]) for y in years]
    if chosen is None:
        return pb.DiaryResults(student_id=student_id, attendance_kinds=messages.attendance_kinds())
    class_group_id, grade = of_year[chosen.id]
    terms = rules.terms_of_grade(((t.id, t.name, t.start_date, t.end_date, t.grade_from, t.grade_to)
                                  for t in chosen.terms), grade)
    with uow:
        rows = uow.results(student_id, dt.date.fromisoformat(chosen.start_date),
                           dt.date.fromisoformat(chosen.end_date), [t.id for t in terms], chosen.id)
    names = dict(rows.subject_names)
    unnamed = {s for s, _ in rows.term_marks} | {s for s, _ in rows.final_marks}
    if unnamed - set(names):  # a period mark of a subject without a recorded lesson of the student this year
        names.update({s.id: s.name for s in uow.schedule.list_subjects(school_id) if s.id not in names})
    found = rules.results(terms, names, rows.marks, rows.attendance, rows.term_marks, rows.final_marks,
                          weights(rows.work_types) if mark_scale.has_average(rows.mark_scale) else None)
    return messages.results(student_id, (chosen.id, chosen.name, class_group_id), offered, found, rows.mark_scale)
