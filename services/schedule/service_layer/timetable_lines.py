"""Weekly timetable lines (S4) checked and written. One line (CreateTimetableEntry, ReplaceTimetableEntry) and a
school's whole timetable at once (ImportTimetable, all or nothing) take the same path, `Lines`: what the checks
need is read once per call (each subject, subgroup, room and bell period once, the assignments once per class
group, the stored lines once per weekly slot, the calendar once per grade), every line is checked against the
stored lines and the lines checked before it, and the entries and their dated lessons are written with multi-row
inserts, a LessonScheduled event per lesson. A draft line (TimetableEntry.draft, or copied at the year transition)
is checked and written the same way but makes no lessons until PublishTimetableDraft turns the year's draft lines
into ordinary ones and schedules their lessons. Runs inside the caller's tenant transaction, the years locked."""
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import islice

from proto.schedule.v1 import schedule_pb2 as pb
from services.common import row_arrays
from services.common.db import parse_uuid
from services.common.errors import DomainError, FailedPrecondition, Invalid
from services.common.scope import Scope
from services.schedule.adapters import protobuf
from services.schedule.adapters.tables import new_id
from services.schedule.domain import clashes, timetable_slot
from services.schedule.domain.import_rows import check_size, refuse, row_errors
from services.schedule.service_layer import lesson_dates
from services.schedule.service_layer.unit_of_work import ScheduleUnitOfWork

MAX_LINES = 2000  # one call: a large school's whole week


@dataclass(frozen=True)
class Line:
    """A checked weekly line: the timetable_entries row, its names for replies and events, the class's grade."""

    entry: dict
    names: dict
    grade: int


class Lines:
    """Checks weekly lines of the school's class groups one by one (in force from starts_on, or the whole year),
    then writes the checked ones with their dated lessons."""

    def __init__(self, uow: ScheduleUnitOfWork, starts_on: dt.date | None = None):
        self.uow, self.starts_on = uow, starts_on
        self.subject = cache(uow.subjects.name_of)
        self.subgroup = cache(lambda subgroup_id, group_id: uow.subgroups.get(subgroup_id, group_id)["name"])
        self.room = cache(uow.rooms.name_of)
        self.bell = cache(uow.bell_schedules.times)
        self.assigned = cache(uow.teaching_assignments.keys_of)
        self.calendar = cache(lambda year_id, grade: uow.calendar.year_calendar(year_id, grade))
        self.dates = cache(lambda year_id, grade, weekday: self.calendar(year_id, grade).dates_for(weekday))
        self.book = clashes.SlotBook(self._stored)

    def check(self, group, e: pb.TimetableEntry) -> Line:
        """The line of the class group checked as CreateTimetableEntry checks it, and booked for the lines after it.
        Times come from the bell schedule when given without times; the room's name from the room when given."""
        subject_id = parse_uuid(e.subject_id, "subject_id")
        teacher_id = parse_uuid(e.teacher_id, "teacher_id")
        subgroup_id = parse_uuid(e.subgroup_id, "subgroup_id") if e.subgroup_id else None
        room_id = parse_uuid(e.room_id, "room_id") if e.room_id else None
        bell_id = parse_uuid(e.bell_schedule_id, "bell_schedule_id") if e.bell_schedule_id else None
        subject = self.subject(subject_id)
        subgroup = self.subgroup(subgroup_id, group["id"]) if subgroup_id else None
        starts_at, ends_at = e.starts_at, e.ends_at
        if bell_id and not starts_at and not ends_at:
            starts_at, ends_at = self.bell(bell_id, e.lesson_number)
        room = self.room(room_id) if room_id else e.room
        slot = timetable_slot.slot(e.weekday, e.lesson_number, starts_at, ends_at, room)
        assigned = self.assigned(group["id"])
        if (teacher_id, subject_id, None) not in assigned and (teacher_id, subject_id, subgroup_id) not in assigned:
            raise FailedPrecondition(f"Учитель не ведёт предмет «{subject}» в классе {group['name']}: "
                                     "сначала назначьте нагрузку", {"teacher_id": "нет нагрузки"})
        new = clashes.Booking(group["id"], subgroup_id, teacher_id, slot.room,
                              clashes.label(subject, group["name"], subgroup))
        self.book.take((group["academic_year_id"], slot.weekday, slot.lesson_number), new,
                       timetable_slot.slot_label(slot.weekday, slot.lesson_number))
        entry = dict(id=new_id(), school_id=self.uow.school_id, academic_year_id=group["academic_year_id"],
                     class_group_id=group["id"], subgroup_id=subgroup_id, subject_id=subject_id,
                     teacher_id=teacher_id, weekday=slot.weekday, lesson_number=slot.lesson_number,
                     starts_at=slot.starts_at, ends_at=slot.ends_at, room=slot.room, room_id=room_id,
                     bell_schedule_id=bell_id, starts_on=self.starts_on, ends_before=None, draft=e.draft)
        return Line(entry, dict(subject_name=subject, subgroup_name=subgroup), group["grade"])

    def write(self, lines: Sequence[Line], held: frozenset = frozenset()) -> int:
        """Inserts the entries and the dated lessons of those that are no drafts (schedule). Returns how many
        lessons were created."""
        if not lines:
            return 0
        self.uow.timetable_entries.add_many([line.entry for line in lines])
        return self.schedule([line for line in lines if not line.entry["draft"]], held)

    def schedule(self, lines: Sequence[Line], held: frozenset = frozenset()) -> int:
        """Writes the dated lessons of stored entries on every matching day of their grade's terms while the entry
        is in force, except on the (date, lesson number) slots in `held` (kept lessons of the class). The lessons
        are made and written a chunk at a time, so a whole school's year never sits in memory at once. Returns how
        many lessons were created."""
        rows = (lesson_dates.lesson_row(line.entry, term_id, day) for line in lines
                for term_id, day in self.dates(line.entry["academic_year_id"], line.grade, line.entry["weekday"])
                if lesson_dates.in_force(line.entry, day) and (day, line.entry["lesson_number"]) not in held)
        names = {line.entry["id"]: line.names for line in lines}
        created = 0
        while chunk := list(islice(rows, row_arrays.CHUNK)):
            created += lesson_dates.add_lessons(self.uow, chunk, names)
        return created

    def _stored(self, slot: tuple) -> list[clashes.Booking]:
        """The stored lines of the year's weekly slot in force at some date from starts_on (or at all)."""
        academic_year_id, weekday, lesson_number = slot
        return [clashes.booking_of(row)
                for row in self.uow.timetable_entries.bookings_at(academic_year_id, weekday, lesson_number, self.starts_on)]


def create_timetable_entry(scope: Scope, uow: ScheduleUnitOfWork, e: pb.TimetableEntry) -> tuple[pb.TimetableEntry, int]:
    """Adds a weekly lesson of the class group (or a subgroup) and schedules its dated lessons on every matching
    day of the year's terms (a draft line: none yet)."""
    scope.require("schedule.manage")
    class_group_id = parse_uuid(e.class_group_id, "class_group_id")
    with uow:
        group = uow.class_groups.get(class_group_id)
        uow.academic_years.open_year(group["academic_year_id"], lock=True)  # calendar changes of the year wait for us
        return insert_entry(uow, group, e)


def insert_entry(uow: ScheduleUnitOfWork, group, e: pb.TimetableEntry,
                 starts_on: dt.date | None = None, held: frozenset = frozenset()) -> tuple[pb.TimetableEntry, int]:
    """Inserts one entry of the class group (in force from starts_on, or the whole year) and its dated lessons,
    except on the slots in `held`. The year's row is locked."""
    lines = Lines(uow, starts_on)
    line = lines.check(group, e)
    created = lines.write([line], held)
    return protobuf.timetable_entry(dict(line.entry, **line.names)), created


def publish_timetable_draft(scope: Scope, uow: ScheduleUnitOfWork, academic_year_id: str) -> pb.PublishTimetableDraftResponse:
    """The open year's draft lines become ordinary ones and make their dated lessons (none left: nothing to do)."""
    scope.require("schedule.manage")
    academic_year_id = parse_uuid(academic_year_id, "academic_year_id")
    with uow:
        uow.academic_years.open_year(academic_year_id, lock=True)
        rows = uow.timetable_entries.of_year_named(academic_year_id, draft=True)
        uow.timetable_entries.publish([row["id"] for row in rows])
        created = Lines(uow).schedule([Line(dict(row), lesson_dates.entry_names(row), row["grade"]) for row in rows])
    return pb.PublishTimetableDraftResponse(entries_published=len(rows), lessons_created=created)


def import_timetable(scope: Scope, uow: ScheduleUnitOfWork, entries: Sequence[pb.TimetableEntry]) -> pb.ImportTimetableResponse:
    """Many weekly lines at once, all or nothing: each checked as CreateTimetableEntry checks it and against the
    lines before it; the errors of every line are reported by its index and nothing is written. Each academic
    year involved is locked once, in id order."""
    scope.require("schedule.manage")
    if not entries:
        raise Invalid("lines", "нет ни одной строки расписания")
    check_size(entries, "lines", MAX_LINES)
    errors: dict[str, str] = {}
    with uow:
        group_of = cache(uow.class_groups.get)
        groups = []
        for index, e in enumerate(entries):
            try:
                groups.append(group_of(parse_uuid(e.class_group_id, "class_group_id")))
            except DomainError as error:
                groups.append(None)
                errors |= row_errors("lines", index, error)
        refused = {}
        for year_id in sorted({group["academic_year_id"] for group in groups if group}):
            try:
                uow.academic_years.open_year(year_id, lock=True)
            except DomainError as error:
                refused[year_id] = error
        lines = Lines(uow)
        checked = []
        for index, (e, group) in enumerate(zip(entries, groups, strict=True)):
            if group is None:
                continue
            try:
                if group["academic_year_id"] in refused:
                    raise refused[group["academic_year_id"]]
                checked.append(lines.check(group, e))
            except DomainError as error:
                errors |= row_errors("lines", index, error)
        refuse(errors, "Расписание не загружено")
        created = lines.write(checked)
    return pb.ImportTimetableResponse(entry_ids=[line.entry["id"] for line in checked], lessons_created=created)
