"""Weekly timetable entries (a class group's lesson on a weekday, in force for the year or between dates), with the
lessons after today that follow a renamed room or a changed bell schedule."""
import datetime as dt
from collections.abc import Iterable, Mapping

from sqlalchemy import func, select, true, update
from sqlalchemy.orm import Session

from services.common import row_arrays
from services.schedule.adapters.queries import booking_columns
from services.schedule.adapters.tables import class_groups, lessons, subgroups, subjects, timetable_entries
from services.schedule.domain.lesson_status import SCHEDULED


def _in_force_after(today: dt.date):
    """Timetable entries that still hold on some day after today."""
    return timetable_entries.c.ends_before.is_(None) | (timetable_entries.c.ends_before > today + dt.timedelta(days=1))


class TimetableEntryStore:
    def __init__(self, session: Session):
        self.session = session

    def of_year_named(self, academic_year_id: str, grades: Iterable[int] | None = None,
                      draft: bool = False) -> list[Mapping]:
        """The year's ordinary entries (or its draft ones) of the class groups of `grades` (default every grade),
        with their subject's and subgroup's names and their class group's grade."""
        of_grades = true() if grades is None else class_groups.c.grade.in_(list(grades))
        return list(self.session.execute(
            select(timetable_entries, subjects.c.name.label("subject_name"), subgroups.c.name.label("subgroup_name"),
                   class_groups.c.grade)
            .join(subjects, subjects.c.id == timetable_entries.c.subject_id)
            .join(class_groups, class_groups.c.id == timetable_entries.c.class_group_id)
            .outerjoin(subgroups, subgroups.c.id == timetable_entries.c.subgroup_id)
            .where(timetable_entries.c.academic_year_id == academic_year_id, timetable_entries.c.draft.is_(draft),
                   of_grades)).mappings().all())

    def publish(self, entry_ids: list[str]) -> None:
        """The draft entries become ordinary ones."""
        self.session.execute(update(timetable_entries).where(timetable_entries.c.id.in_(entry_ids)).values(draft=False))

    def add_many(self, rows: list[Mapping]) -> None:
        """Inserts many entries in a few statements (see common.row_arrays)."""
        row_arrays.insert(self.session, timetable_entries, rows)

    def bookings_at(self, academic_year_id: str, weekday: int, lesson_number: int,
                    starts_on: dt.date | None = None) -> list[Mapping]:
        """The year's entries of the weekly slot (as bookings, queries.booking_columns) in force at some date from
        starts_on (or at all)."""
        t = timetable_entries
        query = booking_columns(t).where(t.c.academic_year_id == academic_year_id, t.c.weekday == weekday,
                                         t.c.lesson_number == lesson_number)
        if starts_on:
            query = query.where(t.c.ends_before.is_(None) | (t.c.ends_before > starts_on))
        return list(self.session.execute(query).mappings().all())

    def get(self, entry_id: str) -> Mapping | None:
        return self.session.execute(select(timetable_entries).where(timetable_entries.c.id == entry_id)).mappings().first()

    def end(self, entry_id: str, ends_before: dt.date) -> None:
        """The entry holds no longer from the date."""
        self.session.execute(update(timetable_entries).where(timetable_entries.c.id == entry_id)
                             .values(ends_before=ends_before))

    def of_class_group(self, class_group_id: str) -> list[Mapping]:
        """The class group's entries (as bookings, queries.booking_columns) by weekday, lesson number and the date
        they hold from."""
        return list(self.session.execute(booking_columns(timetable_entries)
                                         .where(timetable_entries.c.class_group_id == class_group_id)
                                         .order_by(timetable_entries.c.weekday, timetable_entries.c.lesson_number,
                                                   timetable_entries.c.starts_on.nulls_first())).mappings().all())

    def bell_schedule_of(self, entry_id: str) -> str | None:
        """The id of the bell schedule the entry follows, if any."""
        return self.session.scalar(select(timetable_entries.c.bell_schedule_id).where(timetable_entries.c.id == entry_id))

    def class_groups_with_entries(self, academic_year_id: str) -> set[str]:
        """The year's class groups that have a weekly timetable (drafts aside)."""
        return set(self.session.scalars(select(timetable_entries.c.class_group_id).distinct()
                                        .where(timetable_entries.c.academic_year_id == academic_year_id,
                                               timetable_entries.c.draft.is_(False))))

    def rename_room(self, room_id: str, old_name: str, name: str, today: dt.date) -> list[Mapping]:
        """The entries in the room show its new name, and so do their lessons after today that had the old one;
        returns (id, class_group_id) of those lessons."""
        entry_ids = select(timetable_entries.c.id).where(timetable_entries.c.room_id == room_id)
        self.session.execute(update(timetable_entries).where(timetable_entries.c.room_id == room_id).values(room=name))
        return list(self.session.execute(
            update(lessons).where(lessons.c.timetable_entry_id.in_(entry_ids), lessons.c.date > today,
                                  lessons.c.room == old_name, lessons.c.room != name).values(room=name)
            .returning(lessons.c.id, lessons.c.class_group_id)).mappings().all())

    def count_in_room(self, room_id: str, today: dt.date) -> int:
        """How many entries in force after today are in the room."""
        return self.session.scalar(select(func.count()).select_from(timetable_entries).where(
            timetable_entries.c.room_id == room_id, _in_force_after(today)))

    def forget_room(self, room_id: str) -> None:
        """The entries keep the room's name as text, no longer its id."""
        self.session.execute(update(timetable_entries).where(timetable_entries.c.room_id == room_id).values(room_id=None))

    def count_by_bells(self, bell_schedule_id: str) -> int:
        """How many entries (of any time) follow the bell schedule."""
        return self.session.scalar(select(func.count()).select_from(timetable_entries).where(
            timetable_entries.c.bell_schedule_id == bell_schedule_id))

    def by_bells_locked(self, bell_schedule_id: str, today: dt.date) -> list[Mapping]:
        """The entries in force after today that follow the bell schedule, their rows locked until commit."""
        return list(self.session.execute(select(timetable_entries).where(
            timetable_entries.c.bell_schedule_id == bell_schedule_id, _in_force_after(today))
            .with_for_update()).mappings().all())

    def retime(self, entry_ids: list[str], starts_at: dt.time, ends_at: dt.time) -> None:
        self.session.execute(update(timetable_entries).where(timetable_entries.c.id.in_(entry_ids))
                             .values(starts_at=starts_at, ends_at=ends_at))

    def scheduled_after(self, entry_ids: list[str], today: dt.date) -> list:
        """(id, class_group_id, lesson_number, starts_at, ends_at) of the entries' scheduled lessons after today,
        locked."""
        return list(self.session.execute(
            select(lessons.c.id, lessons.c.class_group_id, lessons.c.lesson_number, lessons.c.starts_at,
                   lessons.c.ends_at).where(
                lessons.c.timetable_entry_id.in_(entry_ids), lessons.c.date > today, lessons.c.status == SCHEDULED)
            .with_for_update()).mappings().all())

    def retime_lessons(self, lesson_ids: list[str], starts_at: dt.time, ends_at: dt.time) -> None:
        self.session.execute(update(lessons).where(lessons.c.id.in_(lesson_ids)).values(starts_at=starts_at,
                                                                                           ends_at=ends_at))
