"""Dated lessons kept in line with the school calendar: scheduling the lessons of a timetable entry, and re-deciding
the lessons of changed dates (holidays, day transfers, terms) with their events, in the caller's unit of work."""
import datetime as dt
from collections.abc import Iterable, Mapping

from proto.schedule.v1 import schedule_pb2 as pb
from services.schedule.adapters import protobuf
from services.schedule.adapters.tables import new_id
from services.schedule.domain.lesson_status import CANCELLED, SCHEDULED
from services.schedule.service_layer.unit_of_work import ScheduleUnitOfWork


def lesson_row(entry: Mapping, term_id: str, day: dt.date) -> dict:
    return dict(id=new_id(), school_id=entry["school_id"], timetable_entry_id=entry["id"], term_id=term_id,
                class_group_id=entry["class_group_id"], subgroup_id=entry["subgroup_id"],
                subject_id=entry["subject_id"], teacher_id=entry["teacher_id"], date=day,
                lesson_number=entry["lesson_number"], starts_at=entry["starts_at"], ends_at=entry["ends_at"],
                room=entry["room"], status=SCHEDULED)


def add_lessons(uow: ScheduleUnitOfWork, rows: list[dict], names: Mapping[str, Mapping]) -> int:
    """Inserts scheduled lessons and a LessonScheduled event for each (a few statements for many rows, see
    common.row_arrays); names maps a timetable entry id to its subject_name and subgroup_name."""
    if rows:
        uow.lessons.add_many(rows)
        uow.publish_all([
            pb.LessonScheduled(lesson=protobuf.lesson(dict(row, **names[row["timetable_entry_id"]]))) for row in rows])
    return len(rows)


def entry_names(entry: Mapping) -> dict:
    return dict(subject_name=entry["subject_name"], subgroup_name=entry["subgroup_name"])


def cancel_lessons(uow: ScheduleUnitOfWork, rows: Iterable[Mapping]) -> int:
    """Marks scheduled lessons cancelled with their rows' change_note and writes a LessonCancelled event for each
    (rows carry subject_name)."""
    rows = list(rows)
    for note in {r["change_note"] for r in rows}:
        uow.lessons.cancel([r["id"] for r in rows if r["change_note"] == note], note)
    for row in rows:
        lesson = protobuf.lesson(dict(row, status=CANCELLED))
        uow.publish(pb.LessonCancelled(lesson=lesson))
    return len(rows)


def publish_changed(uow: ScheduleUnitOfWork, rows: Iterable[Mapping], change: str) -> None:
    """One LessonsChanged for the lessons changed in place (rows with id and class_group_id): the journal keeps
    schedule's answers until told; nothing when no lesson changed."""
    rows = list(rows)
    if rows:
        uow.publish(pb.LessonsChanged(lesson_ids=[r["id"] for r in rows],
                                      class_group_ids=sorted({r["class_group_id"] for r in rows}), change=change))


def in_force(entry: Mapping, day: dt.date) -> bool:
    """Whether the timetable entry holds on the date (entries changed from a date hold for a period)."""
    return (entry["starts_on"] is None or entry["starts_on"] <= day) and (
        entry["ends_before"] is None or day < entry["ends_before"])


def retire(uow: ScheduleUnitOfWork, rows: Iterable[Mapping], cancel_note: str, keep_note: str) -> list[Mapping]:
    """Lessons that should no longer take place: those without journal records are cancelled (LessonCancelled,
    cancel_note), those with records are kept and get keep_note so the teacher sees why (LessonsChanged
    "change_note"). Returns the kept ones."""
    rows = list(rows)
    kept_ids = uow.recorded_lessons.of([r["id"] for r in rows])
    kept = [dict(r, change_note=keep_note) for r in rows if r["id"] in kept_ids]
    noted = [r for r in rows if r["id"] in kept_ids and r["change_note"] != keep_note]
    if noted:
        uow.lessons.note([r["id"] for r in noted], keep_note)
        publish_changed(uow, noted, "change_note")
    cancel_lessons(uow, [dict(r, change_note=cancel_note) for r in rows if r["id"] not in kept_ids])
    return kept


def reconcile(uow: ScheduleUnitOfWork, academic_year_id: str, dates: Iterable[dt.date],
              grades: Iterable[int] | None = None, without_terms: Iterable[str] = ()) -> tuple[int, int]:
    """Makes the scheduled lessons of the dates (of the class groups of `grades`, default every grade) match the
    year's calendar (without the terms being removed): lessons of a date that no longer works as their weekday are
    cancelled (or kept with a note when the journal has records for them), missing ones are scheduled where their
    class's slot is free. Returns (scheduled, cancelled)."""
    dates = sorted(set(dates))
    entries = uow.timetable_entries.of_year_named(academic_year_id, grades)
    calendars = {grade: uow.calendar.year_calendar(academic_year_id, grade, without_terms)
                 for grade in {e["grade"] for e in entries}}
    calendar_of = {e["id"]: calendars[e["grade"]] for e in entries}
    weekday_of = {e["id"]: e["weekday"] for e in entries}
    current = uow.lessons.scheduled_on_locked(list(weekday_of), dates)
    stale = [row for row in current
             if calendar_of[row["timetable_entry_id"]].works_as(row["date"]) != weekday_of[row["timetable_entry_id"]]]
    kept = retire(uow, stale, "Урок отменён: день стал нерабочим или перенесён",
                  "День стал нерабочим или перенесён, но в журнале по уроку уже есть записи: урок сохранён")
    held = {(row["class_group_id"], row["date"], row["lesson_number"]) for row in kept}
    stale_ids = {row["id"] for row in stale}
    present = {(row["timetable_entry_id"], row["date"]) for row in current if row["id"] not in stale_ids}
    missing = [lesson_row(entry, calendar_of[entry["id"]].term_of(day), day) for day in dates for entry in entries
               if calendar_of[entry["id"]].works_as(day) == entry["weekday"] and in_force(entry, day)
               and (entry["id"], day) not in present and (entry["class_group_id"], day, entry["lesson_number"]) not in held]
    scheduled = add_lessons(uow, missing, {e["id"]: entry_names(e) for e in entries})
    return scheduled, len(stale) - len(kept)
