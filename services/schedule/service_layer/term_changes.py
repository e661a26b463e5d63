"""Changing a year's terms (dates, kinds, grades) before or during the year: the new list is checked as at
creation, past lessons never change (so they must stay inside their grade's terms), lessons with journal records
that would fall outside are kept only when the caller says so, the lessons of the changed dates after today are
re-decided for the affected grades, lessons move to the term that now holds their date, and TermsChanged is
published in the same transaction."""
import datetime as dt
from collections.abc import Mapping

from proto.schedule.v1 import schedule_pb2 as pb
from services.common.db import parse_uuid
from services.common.errors import FailedPrecondition, Invalid, NotFound
from services.common.scope import Scope
from services.schedule.adapters import protobuf
from services.schedule.adapters.tables import new_id
from services.schedule.domain import academic_year, calendar
from services.schedule.service_layer import lesson_dates
from services.schedule.service_layer.unit_of_work import ScheduleUnitOfWork


def change_terms(scope: Scope, uow: ScheduleUnitOfWork, academic_year_id: str, inputs: list[tuple[str, academic_year.TermInput]],
                 keep_recorded_lessons: bool) -> pb.ChangeTermsResponse:
    """inputs: (term id or "" for a new term, its values) — the year's whole new list; terms left out are removed."""
    scope.require("schedule.manage")
    academic_year_id = parse_uuid(academic_year_id, "academic_year_id")
    ids = [parse_uuid(term_id, f"terms[{i}].id") if term_id else "" for i, (term_id, _) in enumerate(inputs)]
    with uow:
        year = uow.academic_years.open_year(academic_year_id, lock=True)
        old = {r["id"]: r for r in uow.academic_years.terms_of(academic_year_id)}
        for i, term_id in enumerate(ids):
            if term_id and term_id not in old:
                raise NotFound("Учебный период не найден", {f"terms[{i}].id": "не найден в этом учебном году"})
            if term_id and term_id in ids[:i]:
                raise Invalid(f"terms[{i}].id", "период указан дважды")
        parsed = academic_year.year_terms([values for _, values in inputs], year["start_date"], year["end_date"])
        new = [dict(id=term_id or new_id(), school_id=uow.school_id, academic_year_id=academic_year_id, name=t.name,
                    kind=t.kind, start_date=t.start, end_date=t.end, grade_from=t.grade_from, grade_to=t.grade_to)
               for term_id, t in zip(ids, parsed, strict=True)]
        removed = [old[term_id] for term_id in old if term_id not in ids]
        removed_ids = [r["id"] for r in removed]
        changed = [row for row in new if row["id"] not in old or _differs(old[row["id"]], row)]
        grades = set()
        for row in [*changed, *removed, *(old[r["id"]] for r in changed if r["id"] in old)]:
            grades |= academic_year.grades_of(row["grade_from"], row["grade_to"])
        today = uow.today()
        plan = _lesson_plan(uow, academic_year_id, grades, new, set(removed_ids), today)
        _refuse(plan, keep_recorded_lessons)
        _write_terms(uow, new, old)
        scheduled = cancelled = 0
        for grade in sorted(grades):
            added, dropped = lesson_dates.reconcile(uow, academic_year_id,
                                                    _changed_dates(old.values(), new, grade, year, today), [grade],
                                                    removed_ids)
            scheduled, cancelled = scheduled + added, cancelled + dropped
        moves = _lesson_plan(uow, academic_year_id, grades, new, set(removed_ids), today).moves
        for term_id, lesson_ids in moves.items():
            uow.lessons.move_to_term(lesson_ids, term_id)
        if removed:
            uow.lessons.delete_of_terms(removed_ids)
            uow.academic_years.delete_terms(removed_ids)
        message = protobuf.academic_year(year, sorted(new, key=lambda r: (r["start_date"], r["grade_from"])))
        if changed or removed:
            uow.publish(pb.TermsChanged(
                academic_year=message, removed_term_ids=removed_ids, grades=sorted(grades)))
    return pb.ChangeTermsResponse(academic_year=message, lessons_scheduled=scheduled, lessons_cancelled=cancelled,
                                  lessons_kept=len(plan.recorded_outside), removed_term_ids=removed_ids)


def _differs(old: Mapping, new: Mapping) -> bool:
    return any(old[k] != new[k] for k in ("name", "kind", "start_date", "end_date", "grade_from", "grade_to"))


def _covering(term_rows, grade: int, day: dt.date) -> str | None:
    return next((t["id"] for t in term_rows if t["start_date"] <= day <= t["end_date"]
                 and grade in academic_year.grades_of(t["grade_from"], t["grade_to"])), None)


class _Plan:
    """What the change does to the lessons of the affected grades, decided before anything is written."""

    def __init__(self):
        self.moves: dict[str, list[str]] = {}    # new term id -> lessons whose date it now holds
        self.past_outside: list[Mapping] = []     # scheduled lessons up to today left outside every term
        self.recorded_outside: list[Mapping] = []  # later lessons with journal records left outside
        self.stuck: list[Mapping] = []            # lessons of removed terms that cannot be removed with them


def _lesson_plan(uow: ScheduleUnitOfWork, academic_year_id: str, grades: set[int], new: list[dict], removed: set[str],
                 today: dt.date) -> _Plan:
    rows = uow.lessons.of_grades(academic_year_id, grades)
    recorded = uow.recorded_lessons.of([r["id"] for r in rows])
    reported = uow.mismatch_reports.lessons_reported([r["id"] for r in rows])
    plan = _Plan()
    for row in rows:
        term_id = _covering(new, row["grade"], row["date"])
        if term_id is not None:
            if term_id != row["term_id"]:
                plan.moves.setdefault(term_id, []).append(row["id"])
            continue
        if row["status"] == lesson_dates.SCHEDULED and row["date"] <= today:
            plan.past_outside.append(row)
        elif row["status"] == lesson_dates.SCHEDULED and row["id"] in recorded:
            plan.recorded_outside.append(row)
        if row["term_id"] in removed and (row["id"] in recorded or row["id"] in reported
                                          or row["status"] == lesson_dates.SCHEDULED and row["date"] <= today):
            plan.stuck.append(row)
    return plan


def _label(row: Mapping) -> str:
    return f"«{row['subject_name']}», {row['class_name']}, {calendar.day_label(row['date'])}"


def _refuse(plan: _Plan, keep_recorded_lessons: bool) -> None:
    if plan.past_outside:
        raise FailedPrecondition(
            f"Урок {_label(plan.past_outside[0])} уже прошёл и оказался бы вне учебных периодов "
            f"(таких уроков: {len(plan.past_outside)}); прошедшие уроки не меняются", {"terms": "прошедшие уроки"})
    if plan.stuck:
        raise FailedPrecondition(
            f"По уроку {_label(plan.stuck[0])} удаляемого периода есть записи в журнале или сообщение о расхождении "
            f"дат: период нельзя удалить", {"terms": "у периода есть уроки с записями"})
    if plan.recorded_outside and not keep_recorded_lessons:
        raise FailedPrecondition(
            f"В журнале уже есть записи по урокам, которые оказались бы вне учебных периодов (таких уроков: "
            f"{len(plan.recorded_outside)}, первый — {_label(plan.recorded_outside[0])}). Чтобы сохранить их и "
            f"изменить периоды, подтвердите сохранение уроков с записями",
            {"keep_recorded_lessons": "нужно подтверждение"})


def _write_terms(uow: ScheduleUnitOfWork, new: list[dict], old: Mapping[str, Mapping]) -> None:
    added = [row for row in new if row["id"] not in old]
    if added:
        uow.academic_years.add_terms(added)
    for row in new:
        if row["id"] in old and _differs(old[row["id"]], row):
            uow.academic_years.change_term(row)


def _changed_dates(old_terms, new_terms, grade: int, year: Mapping, today: dt.date) -> list[dt.date]:
    """The dates after today that the grade's terms now cover and did not, or the other way round."""
    old_terms = list(old_terms)
    return [day for day in calendar.days(max(year["start_date"], today + dt.timedelta(days=1)), year["end_date"])
            if (_covering(old_terms, grade, day) is None) != (_covering(new_terms, grade, day) is None)]
