"""Changes of one dated lesson (S5): cancelling it, moving it to another date or lesson number, giving it to a
substitute teacher. Each change keeps the lesson's id (the journal's records stay attached), writes the reason
into change_note and publishes its event in the same transaction. Lessons of a closed year do not change."""
from proto.schedule.v1 import schedule_pb2 as pb
from services.common.dates import parse_date
from services.common.db import parse_uuid
from services.common.errors import Conflict, FailedPrecondition, Invalid, NotFound
from services.common.scope import Scope
from services.schedule.adapters import protobuf
from services.schedule.domain import calendar, clashes, timetable_slot
from services.schedule.domain.lesson_status import CANCELLED, SCHEDULED
from services.schedule.domain.values import required_name
from services.schedule.service_layer.unit_of_work import ScheduleUnitOfWork

MAX_REASON = 500
MAX_ABSENCE_DAYS = 366


def cancel_lesson(scope: Scope, uow: ScheduleUnitOfWork, lesson_id: str, reason: str) -> pb.Lesson:
    scope.require("schedule.manage")
    reason = required_name(reason, "reason", MAX_REASON)
    with uow:
        row = scheduled_lesson(uow, lesson_id)
        changed = change(uow, row, status=CANCELLED, change_note=f"Урок отменён: {reason}")
        uow.publish(pb.LessonCancelled(lesson=changed))
    return changed


def move_lesson(scope: Scope, uow: ScheduleUnitOfWork, lesson_id: str, date: str, lesson_number: int, starts_at: str,
                ends_at: str, reason: str) -> pb.Lesson:
    """Moves the lesson to another working date of the year's terms and lesson number, if the class group (or
    subgroup), the teacher giving it and its room are free then. Times: given, else the entry's bell schedule,
    else the lesson's own times when the number stays."""
    scope.require("schedule.manage")
    reason = required_name(reason, "reason", MAX_REASON)
    day = parse_date(date, "date")
    if not 1 <= lesson_number <= 10:
        raise Invalid("lesson_number", "номер урока от 1 до 10")
    with uow:
        row = scheduled_lesson(uow, lesson_id)
        if (day, lesson_number) == (row["date"], row["lesson_number"]):
            raise Invalid("date", "урок уже стоит в это время")
        year_calendar = uow.calendar.year_calendar(row["academic_year_id"], row["grade"])
        term_id = year_calendar.term_of(day)
        if term_id is None or year_calendar.works_as(day) is None:
            raise Invalid("date", f"{calendar.day_label(day)} — не учебный день")
        if not starts_at and not ends_at:
            starts_at, ends_at = default_times(uow, row, lesson_number)
        slot = timetable_slot.slot(year_calendar.works_as(day), lesson_number, starts_at, ends_at, row["room"])
        reject_lesson_clash(uow, row, day, lesson_number, row["substitute_teacher_id"] or row["teacher_id"])
        moved = change(uow, row, date=day, lesson_number=lesson_number, starts_at=slot.starts_at,
                       ends_at=slot.ends_at, term_id=term_id, moved_from_date=row["moved_from_date"] or row["date"],
                       change_note=f"Урок перенесён с {calendar.day_label(row['date'])}, "
                                   f"{row['lesson_number']}-й урок: {reason}")
        uow.publish(pb.LessonMoved(lesson=moved, from_date=row["date"].isoformat(),
                                   from_lesson_number=row["lesson_number"]))
    return moved


def assign_substitute(scope: Scope, uow: ScheduleUnitOfWork, lesson_id: str, teacher_id: str, reason: str) -> pb.Lesson:
    """Gives the lesson to a substitute (a staff member free at that time); an empty teacher_id gives it back."""
    scope.require("schedule.manage")
    substitute = parse_uuid(teacher_id, "teacher_id") if teacher_id else None
    reason = required_name(reason, "reason", MAX_REASON) if substitute else (reason or "").strip()
    if substitute:
        uow.staff.require_teacher(uow.school_id, substitute)
    with uow:
        row = scheduled_lesson(uow, lesson_id)
        if substitute == row["teacher_id"]:
            raise Invalid("teacher_id", "это основной учитель урока")
        if substitute:
            reject_lesson_clash(uow, row, row["date"], row["lesson_number"], substitute)
            note = f"Замена: {reason}"
        else:
            note = f"Замена отменена: {reason}" if reason else "Замена отменена"
        changed = change(uow, row, substitute_teacher_id=substitute, change_note=note)
        uow.publish(pb.SubstitutionAssigned(
            lesson=changed, previous_substitute_teacher_id=row["substitute_teacher_id"] or ""))
    return changed


def substitute_teacher(scope: Scope, uow: ScheduleUnitOfWork, teacher_id: str, date_from: str, date_to: str,
                       substitute_id: str, reason: str) -> pb.SubstituteTeacherResponse:
    """Gives every scheduled lesson of the teacher (in open years) between the dates to the substitute, one by
    one, where the substitute is free; the lessons where they are not come back with the clash."""
    scope.require("schedule.manage")
    teacher_id = parse_uuid(teacher_id, "teacher_id")
    substitute_id = parse_uuid(substitute_id, "substitute_teacher_id")
    start, end = parse_date(date_from, "date_from"), parse_date(date_to, "date_to")
    if start > end or (end - start).days > MAX_ABSENCE_DAYS:
        raise Invalid("date_to", f"конец периода не раньше начала и не дальше {MAX_ABSENCE_DAYS} дней от него")
    if substitute_id == teacher_id:
        raise Invalid("substitute_teacher_id", "замена — это другой учитель")
    reason = required_name(reason, "reason", MAX_REASON)
    uow.staff.require_teacher(uow.school_id, substitute_id)
    response = pb.SubstituteTeacherResponse()
    with uow:
        year_ids = sorted({row["academic_year_id"] for row in uow.lessons.scheduled_of_teacher(teacher_id, start, end)})
        for year_id in year_ids:
            uow.academic_years.open_year(year_id, lock=True)
        rows = uow.lessons.scheduled_of_teacher(teacher_id, start, end, lock=True)
        for row in rows:
            try:
                reject_lesson_clash(uow, row, row["date"], row["lesson_number"], substitute_id)
            except Conflict as clash:
                response.skipped.add(lesson=protobuf.lesson(row), problem=clash.message)
                continue
            changed = change(uow, row, substitute_teacher_id=substitute_id, change_note=f"Замена: {reason}")
            uow.publish(pb.SubstitutionAssigned(
                lesson=changed, previous_substitute_teacher_id=row["substitute_teacher_id"] or ""))
            response.substituted.append(changed)
    return response


def scheduled_lesson(uow: ScheduleUnitOfWork, lesson_id: str):
    """The lesson, locked, if it is scheduled and its year open. The year's row is locked too: lesson changes and
    new timetable entries of a year run one after another, so their clash checks see each other."""
    lesson_id = parse_uuid(lesson_id, "lesson_id")
    row = uow.lessons.get(lesson_id)
    if row is None:
        raise NotFound("Урок не найден", {"lesson_id": "не найден"})
    uow.academic_years.open_year(row["academic_year_id"], lock=True)
    row = uow.lessons.get(lesson_id, lock=True)
    if row["status"] != SCHEDULED:
        raise FailedPrecondition("Урок отменён: его нельзя изменить", {"lesson_id": "отменён"})
    return row


def change(uow: ScheduleUnitOfWork, row, **values) -> pb.Lesson:
    uow.lessons.change(row["id"], values)
    return protobuf.lesson(dict(row, **values))


def default_times(uow: ScheduleUnitOfWork, row, lesson_number: int) -> tuple[str, str]:
    bell_id = uow.timetable_entries.bell_schedule_of(row["timetable_entry_id"])
    if bell_id:
        return uow.bell_schedules.times(bell_id, lesson_number)
    if lesson_number == row["lesson_number"]:
        return protobuf.clock(row["starts_at"]), protobuf.clock(row["ends_at"])
    raise Invalid("starts_at", "укажите время начала и конца урока")


def reject_lesson_clash(uow: ScheduleUnitOfWork, row, day, lesson_number: int, teacher_id: str) -> None:
    """Refuses when another scheduled lesson at that date and number holds the class group (or subgroup), the
    teacher who would give this lesson, or its room."""
    others = uow.lessons.holding(day, lesson_number, row["id"], row["class_group_id"], teacher_id, row["room"])
    new = clashes.Booking(row["class_group_id"], row["subgroup_id"], teacher_id, row["room"],
                          clashes.label(row["subject_name"], row["class_group_name"], row["subgroup_name"]))
    clashes.reject(new, (clashes.booking_of(other, other["giver"]) for other in others),
                   f"{calendar.day_label(day)}, {lesson_number}-й урок")
