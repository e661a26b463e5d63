"""ImportPaperJournal (J12): lessons kept on paper during an outage entered from a file, each line into the class's
lesson of that date and number, by that lesson's teacher (or substitute), within the edit lock of the policy. The
journal's rules apply as in SaveLesson (class list and subgroup, work types, student plans); every addition is a
ledger row with the reason and its event, the lesson's date stays the original one. Re-importing the same file
adds nothing; nothing is written while a line has an error."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from proto.journal.v1 import journal_pb2 as pb
from proto.schedule.v1 import schedule_pb2
from services.common import memberships
from services.common.db import parse_uuid
from services.common.errors import FailedPrecondition, Invalid
from services.common.scope import Scope
from services.journal.adapters.protobuf import lesson_fields
from services.journal.domain import edit_lock
from services.journal.domain import lesson_entry as domain
from services.journal.domain import paper_journal as rules
from services.journal.domain import student_plan as plan_rules
from services.journal.domain.lesson_entry import LessonSave
from services.journal.service_layer import subgroups
from services.journal.service_layer.lesson_record import LessonChanges

if TYPE_CHECKING:
    from services.journal.service_layer.unit_of_work import JournalUnitOfWork


@dataclass
class LessonState:
    """What a lesson will have after the import: its stored record plus the file's additions."""

    lesson: schedule_pb2.Lesson
    topic: str = ""
    homework: str = ""
    plan_topic_id: str | None = None  # kept as stored: a paper line's topic is typed text
    marks: dict[tuple[str, str], domain.MarkInput] = field(default_factory=dict)
    attendance: dict[str, str] = field(default_factory=dict)
    added: bool = False


def _pick(candidates: list[schedule_pb2.Lesson], subject: str, student_id: str, member) -> schedule_pb2.Lesson:
    if subject:
        candidates = [lesson for lesson in candidates
                      if subject.lower() in (lesson.subject_name.lower(), lesson.subject_id)]
    candidates = [lesson for lesson in candidates if not lesson.subgroup_id or member(lesson.subgroup_id, student_id)]
    if not candidates:
        raise rules.LineError("lesson_number", "в расписании класса нет такого урока у этого ученика")
    if len(candidates) > 1:
        raise rules.LineError("subject", "в это время у класса несколько уроков: укажите предмет")
    return candidates[0]


def import_paper_journal(scope: Scope, uow: JournalUnitOfWork, class_group_id: str, filename: str, content: bytes,
                         reason: str, dry_run: bool) -> pb.ImportPaperJournalResponse:
    principal = scope.require("lesson.record")
    class_group_id = parse_uuid(class_group_id, "class_group_id")
    reason = domain.bounded_text(reason, "reason", domain.MAX_REASON)
    if not reason:
        raise Invalid("reason", "укажите, почему уроки записывались на бумаге (например, сбой 10.03 с 9:00 до 14:00)")
    rows: list[pb.PaperImportRow] = []

    def error(line: int, problem: rules.LineError, lesson_id: str = "") -> None:
        rows.append(pb.PaperImportRow(line=line, status="error", field=problem.field, reason=problem.reason,
                                      lesson_id=lesson_id))
    parsed = []
    for number, values in rules.read_lines(filename, content):
        try:
            parsed.append(rules.check_line(number, values))
        except rules.LineError as problem:
            error(number, problem)
    placed: list[tuple[rules.PaperLine, schedule_pb2.Lesson, str]] = []
    if parsed:
        placed = _place(scope, uow, class_group_id, parsed, error)
    with uow:
        uow.lock_lessons([lesson.id for _, lesson, _ in placed])  # before reading what they hold
        now = dt.datetime.now(dt.UTC)
        school = uow.settings(students={student for _, _, student in placed},
                              lessons=[lesson for _, lesson, _ in placed], teacher_id=principal.person_id, now=now)
        school.closed.require_open("class_group_id", class_group_id=class_group_id)
        states = _load(uow, [lesson for _, lesson, _ in placed])
        settings = school.policy
        locked = edit_lock.closed_for([state.lesson for state in states.values()], school,
                                      domain.school_today(settings.zone, now))
        codes = set(school.work_type_codes)
        plans = school.plans
        for line, lesson, student in placed:
            try:
                if lesson.id in locked:
                    raise rules.LineError("date", f"урок закрыт для изменений: {locked[lesson.id]}; "
                                                  "отправьте запрос на открытие урока")
                rules.check_scale(line, settings.mark_scale)
                status = _merge(states[lesson.id], line, student, codes, plans)
            except rules.LineError as problem:
                error(line.line, problem, lesson.id)
            else:
                rows.append(pb.PaperImportRow(line=line.line, status=status, lesson_id=lesson.id))
        errors = len({row.line for row in rows if row.status == "error"})
        applied = not errors and not dry_run
        if applied:
            ledger_reason = f"Перенос из бумажного журнала: {reason}"
            LessonChanges(uow, principal, scope.client_address, now, settings).save([
                LessonSave(lesson_fields(state.lesson), domain.LessonEntry(
                    state.topic, state.homework, list(state.marks.values()), state.attendance, state.plan_topic_id),
                    ledger_reason, state.lesson.ends_at) for state in states.values() if state.added])
    rows.sort(key=lambda row: row.line)
    return pb.ImportPaperJournalResponse(rows=rows, applied=applied, errors=errors,
                                         added=sum(row.status == "added" for row in rows),
                                         unchanged=sum(row.status == "unchanged" for row in rows))


def _place(scope: Scope, uow: JournalUnitOfWork, class_group_id: str, parsed: list[rules.PaperLine],
           error) -> list[tuple[rules.PaperLine, schedule_pb2.Lesson, str]]:
    """Each line's student and lesson (one schedule and one identity call, one per subgroup met)."""
    school_id = scope.school_id
    start, end = rules.check_period(parsed)
    people = {person.id: person for person in uow.identity.class_people(school_id, class_group_id)}
    index, class_ids = rules.name_index(people.values()), set(people)
    slots: dict[tuple[str, int], list] = defaultdict(list)
    for lesson in uow.schedule.list_lessons(school_id, class_group_id, start.isoformat(), end.isoformat()):
        slots[lesson.date, lesson.lesson_number].append(lesson)
    members: dict[str, set[str]] = {}

    def member(subgroup_id: str, student_id: str) -> bool:
        if subgroup_id not in members:
            members[subgroup_id] = set(uow.schedule.get_subgroup(school_id, subgroup_id).student_ids)
        return student_id in members[subgroup_id]
    placed = []
    for line in parsed:
        try:
            student = rules.student_of(line.student, index, class_ids)
            if not memberships.in_class(people[student].memberships, class_group_id, line.date):
                raise rules.LineError("student", "ученик не учился в этом классе в этот день")
            lesson = _pick(slots[line.date.isoformat(), line.lesson_number], line.subject, student, member)
            if not scope.allowed("lesson.record", teacher_id=subgroups.teachers(lesson)):
                raise rules.LineError("lesson_number", "это урок другого учителя")
            try:
                domain.check_lesson_recordable(lesson.status, lesson.year_closed)
            except FailedPrecondition as refused:
                raise rules.LineError("date", refused.message) from None
            placed.append((line, lesson, student))
        except rules.LineError as problem:
            error(line.line, problem)
    return placed


def _load(uow: JournalUnitOfWork, lessons: list[schedule_pb2.Lesson]) -> dict[str, LessonState]:
    """The stored records of the lessons (two statements)."""
    states = {lesson.id: LessonState(lesson) for lesson in lessons}
    ids = list(states)
    for row in uow.lessons.texts(ids):
        state = states[row.lesson_id]
        state.topic, state.homework, state.plan_topic_id = row.topic, row.homework, row.plan_topic_id
    stored_marks, stored_attendance = uow.lessons.stored(ids)
    for lesson_id, stored in stored_marks.items():
        for mark in stored:
            states[lesson_id].marks[mark.student_id, mark.work_type] = domain.MarkInput(
                mark.student_id, mark.value, mark.work_type, mark.comment)
    for lesson_id, statuses in stored_attendance.items():
        states[lesson_id].attendance.update(statuses)
    return states


def _merge(state: LessonState, line: rules.PaperLine, student: str, codes: set[str], plans: dict) -> str:
    """Adds the line to the lesson's state: added, unchanged, or LineError."""
    if line.mark:
        if line.work_type not in codes:
            raise rules.LineError("work_type", f"неизвестный вид работы «{line.work_type}»")
        try:
            plan_rules.check_lesson_marks([domain.MarkInput(student, line.mark)], plans, state.lesson.subject_id)
        except Invalid as refused:
            raise rules.LineError("mark", next(iter(refused.fields.values()))) from None
    key = (student, line.work_type)
    stored = state.marks.get(key)
    adds = [rules.merge(stored.value if stored else "", line.mark, "mark"),
            rules.merge(state.attendance.get(student, ""), line.attendance, "attendance"),
            rules.merge(state.topic, line.topic, "topic")]
    if adds[0]:
        state.marks[key] = domain.MarkInput(student, line.mark, line.work_type)
    if adds[1]:
        state.attendance[student] = line.attendance
    if adds[2]:
        state.topic = line.topic
    state.added = state.added or any(adds)
    return "added" if any(adds) else "unchanged"
