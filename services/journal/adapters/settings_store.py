"""The school's settings as a command needs them, in ONE statement (domain/school_settings.py): the journal
policy, the work types, the closed years, the plans of the students named, and of the lessons named the caller's
approved unexpired unlocks and the (class group, subject, term) triples whose term marks are set. The unit of
work takes the closed-years lock before it, in a statement of its own: a statement sees what was committed when it
began, so reading in the locking statement could miss a year closed while it waited."""
import datetime as dt
import json
from collections.abc import Iterable
from decimal import Decimal

from sqlalchemy import text
from sqlalchemy.orm import Session

from proto.schedule.v1 import schedule_pb2
from services.common import mark_average
from services.journal.domain import journal_policy, student_plan
from services.journal.domain.closed_year import ClosedYears
from services.journal.domain.school_settings import SchoolSettings

SETTINGS = text("""SELECT
    (SELECT coalesce(json_object_agg(key, value), '{}') FROM journal_policy) AS policy,
    (SELECT json_agg(json_build_array(code, name, weight::text) ORDER BY code) FROM work_types) AS work_types,
    (SELECT json_agg(json_build_array(academic_year_id, class_group_ids, term_ids)) FROM closed_years) AS closed,
    (SELECT json_agg(json_build_array(student_id, home_schooled, excluded_subject_ids)) FROM student_plans
     WHERE student_id = ANY(CAST(:students AS uuid[]))) AS plans,
    (SELECT json_agg(lesson_id) FROM unlock_requests
     WHERE lesson_id = ANY(CAST(:lessons AS uuid[])) AND teacher_id = CAST(:teacher AS uuid)
       AND status = 'approved' AND expires_at > :now) AS unlocked,
    (SELECT json_agg(json_build_array(class_group_id, subject_id, term_id)) FROM
       (SELECT DISTINCT class_group_id, subject_id, term_id FROM term_marks
        WHERE term_id = ANY(CAST(:terms AS uuid[])) AND class_group_id = ANY(CAST(:groups AS uuid[]))) AS set_marks
    ) AS marked""")


def load(session: Session, students: Iterable[str] = (), lessons: Iterable[schedule_pb2.Lesson] = (),
         teacher_id: str = "", now: dt.datetime | None = None) -> SchoolSettings:
    lessons = list(lessons)
    row = session.execute(SETTINGS, {
        "students": sorted(set(students)), "lessons": [lesson.id for lesson in lessons], "teacher": teacher_id or None,
        "now": now or dt.datetime.now(dt.UTC), "terms": sorted({lesson.term_id for lesson in lessons if lesson.term_id}),
        "groups": sorted({lesson.class_group_id for lesson in lessons})}).one()
    closed = [(year, groups, terms) for year, groups, terms in json_rows(row.closed)]
    return SchoolSettings(
        policy=stored_policy(row.policy), work_types=stored_work_types(row.work_types),
        closed=ClosedYears(frozenset(year for year, _, _ in closed), frozenset(g for _, groups, _ in closed for g in groups),
                           frozenset(t for _, _, terms in closed for t in terms)),
        plans={sid: student_plan.Plan(home, frozenset(excluded)) for sid, home, excluded in json_rows(row.plans)},
        unlocked=frozenset(json_rows(row.unlocked)),
        marked=frozenset(tuple(triple) for triple in json_rows(row.marked)))


def _json(value):
    return json.loads(value) if isinstance(value, str) else value


def json_rows(value) -> list:
    """A json_agg column's rows ([] for NULL: nothing aggregated)."""
    return _json(value) or []


def stored_policy(value) -> journal_policy.JournalPolicy:
    """The policy from a json_object_agg of journal_policy's rows (the defaults for keys never set)."""
    return journal_policy.from_stored(_json(value) or {})


def stored_work_types(value) -> tuple[mark_average.WorkType, ...]:
    """The school's work types from a json_agg of (code, name, weight) (the defaults while it has stored none)."""
    return tuple(mark_average.effective(mark_average.WorkType(code, name, Decimal(weight))
                                        for code, name, weight in json_rows(value)))

