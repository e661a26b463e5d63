"""The whole diary's results read (service_layer/diary_results.py) in ONE statement: the school's mark scale and work
types, the student's marks and attendance of the lessons recorded in the year's dates (with each lesson's subject),
their term marks of the year's terms and their annual, exam and final marks of the year. Like settings_store.py it
reads several tables at once, each part an index lookup by school and student (marks_student, attendance_student,
the period marks' unique keys)."""
import datetime as dt
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from services.common import mark_average
from services.journal.adapters.settings_store import json_rows, stored_policy, stored_work_types
from services.journal.domain.diary_results import AttendanceRow, MarkRow

RESULTS = text(f"""SELECT
    (SELECT coalesce(json_object_agg(key, value), '{{}}') FROM journal_policy) AS policy,
    (SELECT json_agg(json_build_array(code, name, weight::text) ORDER BY code) FROM work_types) AS work_types,
    (SELECT json_agg(json_build_array(r.subject_id, r.subject_name, r.lesson_date,  -- «3*» as mark_average.shown
                                      CASE WHEN m.not_counted THEN m.value || '{mark_average.NOT_COUNTED}'
                                      ELSE m.value END, m.work_type))
     FROM marks m JOIN lesson_records r ON r.school_id = m.school_id AND r.lesson_id = m.lesson_id
     WHERE m.student_id = CAST(:student AS uuid) AND r.lesson_date BETWEEN :start AND :end) AS marks,
    (SELECT json_agg(json_build_array(r.subject_id, r.subject_name, r.lesson_date, a.status))
     FROM attendance a JOIN lesson_records r ON r.school_id = a.school_id AND r.lesson_id = a.lesson_id
     WHERE a.student_id = CAST(:student AS uuid) AND r.lesson_date BETWEEN :start AND :end) AS attendance,
    (SELECT json_agg(json_build_array(subject_id, term_id, value)) FROM term_marks
     WHERE student_id = CAST(:student AS uuid) AND term_id = ANY(CAST(:terms AS uuid[]))) AS term_marks,
    (SELECT json_agg(json_build_array(subject_id, kind, value)) FROM final_marks
     WHERE student_id = CAST(:student AS uuid) AND academic_year_id = CAST(:year AS uuid)) AS final_marks""")


@dataclass(frozen=True)
class ResultRows:
    mark_scale: str
    work_types: tuple[mark_average.WorkType, ...]
    subject_names: dict[str, str]  # of the subjects of the lessons read
    marks: list[MarkRow]
    attendance: list[AttendanceRow]
    term_marks: dict[tuple[str, str], str]  # (subject, term) -> value
    final_marks: dict[tuple[str, str], str]  # (subject, kind) -> value


def results(session: Session, student_id: str, start: dt.date, end: dt.date, term_ids: list[str],
            academic_year_id: str) -> ResultRows:
    row = session.execute(RESULTS, {"student": student_id, "start": start, "end": end, "terms": term_ids,
                                    "year": academic_year_id}).one()
    marks, attendance = json_rows(row.marks), json_rows(row.attendance)
    return ResultRows(
        mark_scale=stored_policy(row.policy).mark_scale, work_types=stored_work_types(row.work_types),
        subject_names={subject_id: name for subject_id, name, *_ in marks + attendance},
        marks=[MarkRow(subject_id, dt.date.fromisoformat(day), value, work_type)
               for subject_id, _, day, value, work_type in marks],
        attendance=[AttendanceRow(subject_id, dt.date.fromisoformat(day), status)
                    for subject_id, _, day, status in attendance],
        term_marks={(subject_id, term_id): value for subject_id, term_id, value in json_rows(row.term_marks)},
        final_marks={(subject_id, kind): value for subject_id, kind, value in json_rows(row.final_marks)})
