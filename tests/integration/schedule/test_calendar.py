"""Holidays and day transfers on the real PostgreSQL: lessons follow a hand-checked autumn whichever comes
first (timetable or calendar), late announcements warn (per-school policy), cancelled lessons are hidden by
default, refusals name the field, and no school sees another's calendar."""
import datetime as dt
import uuid
from dataclasses import dataclass

import grpc
import pytest
from sqlalchemy import func, insert, select
from sqlalchemy.exc import DBAPIError

from proto.schedule.v1 import schedule_pb2 as pb
from services.schedule.adapters.tables import calendar_feeds, day_transfers, holidays, schedule_policy
from tests.integration.schedule.test_service import event_types, events
from tests.support.grpc_harness import rpc_error

pytestmark = pytest.mark.stack

# The hand-checked autumn of this file:
#   1 триместр 01.09.2025-30.11.2025 (the only term of 2025/2026 here);
#   осенние каникулы 20.10-26.10.2025; 4 ноября 2025 (вторник) — нерабочий день;
#   суббота 1 ноября работает по расписанию понедельника, понедельник 3 ноября — выходной.
# Mondays of the term: Sep 1 8 15 22 29, Oct 6 13 20 27, Nov 3 10 17 24 (13);
# minus Oct 20 (holidays) and Nov 3 (day off), plus Saturday Nov 1 -> 12 dates:
MONDAY_DATES = ["2025-09-01", "2025-09-08", "2025-09-15", "2025-09-22", "2025-09-29", "2025-10-06", "2025-10-13",
                "2025-10-27", "2025-11-01", "2025-11-10", "2025-11-17", "2025-11-24"]
TRIMESTER = pb.Term(name="1 триместр", kind="trimester", start_date="2025-09-01", end_date="2025-11-30")
MONDAY, TUESDAY, SATURDAY = 1, 2, 6


@dataclass
class Autumn:
    school_id: str
    year_id: str
    class_group: pb.ClassGroup
    subject_id: str
    teacher_id: str


def autumn_school(schedule) -> Autumn:
    sid, teacher_id = str(uuid.uuid4()), str(uuid.uuid4())
    schedule.principals.grant(sid, "school_admin")
    year = schedule.call("CreateAcademicYear", pb.CreateAcademicYearRequest(
        school_id=sid, name="2025/2026", start_date="2025-09-01", end_date="2026-05-31", terms=[TRIMESTER]))
    group = schedule.call("CreateClassGroup", pb.CreateClassGroupRequest(
        school_id=sid, academic_year_id=year.id, grade=5, name="5А"))
    subject = schedule.call("CreateSubject", pb.CreateSubjectRequest(school_id=sid, name="Математика"))
    schedule.call("AssignTeacher", pb.AssignTeacherRequest(
        school_id=sid, teacher_id=teacher_id, subject_id=subject.id, class_group_id=group.id))
    return Autumn(sid, year.id, group, subject.id, teacher_id)


def add_entry(schedule, a: Autumn, weekday: int, lesson_number: int) -> pb.CreateTimetableEntryResponse:
    return schedule.call("CreateTimetableEntry", pb.CreateTimetableEntryRequest(entry=pb.TimetableEntry(
        school_id=a.school_id, class_group_id=a.class_group.id, subject_id=a.subject_id, teacher_id=a.teacher_id,
        weekday=weekday, lesson_number=lesson_number, starts_at="08:30", ends_at="09:15", room="21")))


def add_holiday(schedule, a: Autumn, name: str, start: str, end: str) -> pb.AddHolidayResponse:
    return schedule.call("AddHoliday", pb.AddHolidayRequest(school_id=a.school_id, academic_year_id=a.year_id,
                                                            name=name, start_date=start, end_date=end))


def add_transfer(schedule, a: Autumn, date: str, works_as: int) -> pb.AddDayTransferResponse:
    return schedule.call("AddDayTransfer", pb.AddDayTransferRequest(school_id=a.school_id, academic_year_id=a.year_id,
                                                                    date=date, works_as_weekday=works_as))


def add_autumn_calendar(schedule, a: Autumn) -> list:
    return [add_holiday(schedule, a, "Осенние каникулы", "2025-10-20", "2025-10-26"),
            add_holiday(schedule, a, "День народного единства", "2025-11-04", "2025-11-04"),
            add_transfer(schedule, a, "2025-11-01", MONDAY),
            add_transfer(schedule, a, "2025-11-03", 0)]


def lessons(schedule, a: Autumn, include_cancelled: bool = False) -> list[pb.Lesson]:
    return list(schedule.call("ListLessons", pb.ListLessonsRequest(
        school_id=a.school_id, class_group_id=a.class_group.id, include_cancelled=include_cancelled)).lessons)


def dates(found: list[pb.Lesson], lesson_number: int) -> list[str]:
    return [lesson.date for lesson in found if lesson.lesson_number == lesson_number]


def test_calendar_changes_cancel_and_schedule_the_lessons_of_an_existing_timetable(schedule):
    a = autumn_school(schedule)
    assert add_entry(schedule, a, MONDAY, 1).lessons_created == 13
    assert add_entry(schedule, a, TUESDAY, 2).lessons_created == 13    # Tuesdays Sep 2 .. Nov 25
    assert add_entry(schedule, a, SATURDAY, 3).lessons_created == 13   # Saturdays Sep 6 .. Nov 29
    autumn, unity, saturday, monday_off = add_autumn_calendar(schedule, a)

    assert autumn.lessons_cancelled == 3 and autumn.warnings == []     # Mon 20, Tue 21, Sat 25
    assert (unity.lessons_cancelled, unity.holiday.start_date, unity.holiday.end_date) == (1, "2025-11-04", "2025-11-04")
    assert (saturday.lessons_scheduled, saturday.lessons_cancelled) == (1, 1)  # Monday's lesson in, Saturday's out
    assert (monday_off.lessons_scheduled, monday_off.lessons_cancelled) == (0, 1)
    assert monday_off.day_transfer.works_as_weekday == 0 and saturday.day_transfer.date == "2025-11-01"

    shown = lessons(schedule, a)
    assert dates(shown, 1) == MONDAY_DATES
    assert "2025-11-04" not in dates(shown, 2) and len(dates(shown, 2)) == 11
    assert "2025-11-01" not in dates(shown, 3) and len(dates(shown, 3)) == 11
    assert {lesson.status for lesson in shown} == {"scheduled"}

    everything = lessons(schedule, a, include_cancelled=True)
    cancelled = {(lesson.date, lesson.lesson_number) for lesson in everything if lesson.status == "cancelled"}
    assert cancelled == {("2025-10-20", 1), ("2025-10-21", 2), ("2025-10-25", 3), ("2025-11-04", 2),
                         ("2025-11-01", 3), ("2025-11-03", 1)}
    assert len(everything) == len(shown) + len(cancelled)
    types = event_types(schedule, a.school_id)
    assert types.count("LessonCancelled") == 6 and types.count("LessonScheduled") == 13 * 3 + 1
    [cancel] = [e for e in events(schedule, a.school_id) if e.type.endswith("LessonCancelled")][-1:]
    payload = pb.LessonCancelled()
    cancel.payload.Unpack(payload)
    assert (payload.lesson.date, payload.lesson.status, payload.lesson.subject_name) == ("2025-11-03", "cancelled",
                                                                                          "Математика")

    listed = schedule.call("ListHolidays", pb.ListHolidaysRequest(school_id=a.school_id, academic_year_id=a.year_id))
    assert [h.name for h in listed.holidays] == ["Осенние каникулы", "День народного единства"]
    transfers = schedule.call("ListDayTransfers", pb.ListDayTransfersRequest(school_id=a.school_id,
                                                                              academic_year_id=a.year_id))
    assert [(t.date, t.works_as_weekday) for t in transfers.day_transfers] == [("2025-11-01", 1), ("2025-11-03", 0)]


def test_a_timetable_entered_after_the_calendar_skips_holidays_and_follows_transfers(schedule):
    a = autumn_school(schedule)
    add_autumn_calendar(schedule, a)
    assert add_entry(schedule, a, MONDAY, 1).lessons_created == len(MONDAY_DATES)
    assert add_entry(schedule, a, SATURDAY, 2).lessons_created == 11
    shown = lessons(schedule, a)
    assert dates(shown, 1) == MONDAY_DATES
    assert "2025-11-01" not in dates(shown, 2)
    assert not lessons(schedule, a, include_cancelled=True)[len(shown):]  # nothing was cancelled


def test_late_announcements_save_with_a_warning_and_the_policy_sets_the_notice(schedule):
    a = autumn_school(schedule)
    schedule.clock.today = dt.date(2025, 10, 10)    # 10 days before the autumn holidays
    [warning] = add_holiday(schedule, a, "Осенние каникулы", "2025-10-20", "2025-10-26").warnings
    assert "не позднее чем за 14 дн." in warning and "до начала 10 дн." in warning
    schedule.clock.today = dt.date(2025, 10, 28)    # Wed, Thu, Fri before Saturday: exactly 3 working days
    assert add_transfer(schedule, a, "2025-11-01", MONDAY).warnings == []
    schedule.clock.today = dt.date(2025, 10, 31)    # Mon, Tue before Wednesday: 2
    [warning] = add_transfer(schedule, a, "2025-11-05", 0).warnings
    assert "3 рабочих дня" in warning and "осталось 2" in warning

    with schedule.db.tenant_session(a.school_id) as session:
        session.execute(insert(schedule_policy), [
            dict(school_id=a.school_id, key="holiday_notice_days", value="7"),
            dict(school_id=a.school_id, key="transfer_notice_working_days", value="1")])
    schedule.clock.today = dt.date(2025, 11, 10)
    assert add_holiday(schedule, a, "Праздник", "2025-11-17", "2025-11-17").warnings == []  # 7 days ahead
    assert add_transfer(schedule, a, "2025-11-12", 0).warnings == []                        # Tue in between
    assert add_holiday(schedule, a, "Карантин", "2025-11-14", "2025-11-14").warnings        # 4 days < 7


def test_bad_calendar_input_is_refused_with_the_field(schedule):
    a = autumn_school(schedule)
    add_holiday(schedule, a, "Осенние каникулы", "2025-10-20", "2025-10-26")
    add_transfer(schedule, a, "2025-11-01", MONDAY)
    year = dict(school_id=a.school_id, academic_year_id=a.year_id)
    cases = [
        ("AddHoliday", pb.AddHolidayRequest(**year, name=" ", start_date="2025-11-04", end_date="2025-11-04"),
         grpc.StatusCode.INVALID_ARGUMENT, "name"),
        ("AddHoliday", pb.AddHolidayRequest(**year, name="Зимние", start_date="2025-12-31", end_date="2025-12-29"),
         grpc.StatusCode.INVALID_ARGUMENT, "end_date"),
        ("AddHoliday", pb.AddHolidayRequest(**year, name="Летние", start_date="2026-05-25", end_date="2026-08-31"),
         grpc.StatusCode.INVALID_ARGUMENT, "end_date"),
        ("AddHoliday", pb.AddHolidayRequest(**year, name="Зимние", start_date="31.12.2025", end_date="2026-01-08"),
         grpc.StatusCode.INVALID_ARGUMENT, "start_date"),
        ("AddHoliday", pb.AddHolidayRequest(**year, name="Другие", start_date="2025-10-26", end_date="2025-10-28"),
         grpc.StatusCode.ALREADY_EXISTS, "start_date"),
        ("AddHoliday", pb.AddHolidayRequest(**year, name="Ноябрь", start_date="2025-10-30", end_date="2025-11-02"),
         grpc.StatusCode.FAILED_PRECONDITION, "start_date"),     # Saturday Nov 1 was made a working day
        ("AddHoliday", pb.AddHolidayRequest(school_id=a.school_id, academic_year_id="год", name="x",
                                            start_date="2025-11-04", end_date="2025-11-04"),
         grpc.StatusCode.INVALID_ARGUMENT, "academic_year_id"),
        ("AddDayTransfer", pb.AddDayTransferRequest(**year, date="2025-11-08", works_as_weekday=7),
         grpc.StatusCode.INVALID_ARGUMENT, "works_as_weekday"),
        ("AddDayTransfer", pb.AddDayTransferRequest(**year, date="2025-11-09", works_as_weekday=0),
         grpc.StatusCode.INVALID_ARGUMENT, "works_as_weekday"),
        ("AddDayTransfer", pb.AddDayTransferRequest(**year, date="2025-13-01", works_as_weekday=1),
         grpc.StatusCode.INVALID_ARGUMENT, "date"),
        ("AddDayTransfer", pb.AddDayTransferRequest(**year, date="2025-11-01", works_as_weekday=2),
         grpc.StatusCode.ALREADY_EXISTS, "date"),
        ("AddDayTransfer", pb.AddDayTransferRequest(**year, date="2025-10-25", works_as_weekday=1),
         grpc.StatusCode.FAILED_PRECONDITION, "date"),           # inside the autumn holidays
        ("AddDayTransfer", pb.AddDayTransferRequest(school_id=a.school_id, academic_year_id=str(uuid.uuid4()),
                                                    date="2025-11-08", works_as_weekday=1),
         grpc.StatusCode.NOT_FOUND, "academic_year_id"),
        ("ListHolidays", pb.ListHolidaysRequest(school_id=a.school_id, academic_year_id=str(uuid.uuid4())),
         grpc.StatusCode.NOT_FOUND, "academic_year_id"),
    ]
    for method, request, code, field in cases:
        with pytest.raises(grpc.RpcError) as err:
            schedule.call(method, request)
        got_code, message, fields = rpc_error(err)
        assert (got_code, field in fields) == (code, True), (method, message, fields)
        assert message and message[0].isupper()


def test_only_schedule_managers_change_the_calendar_and_a_closed_year_refuses(schedule):
    a = autumn_school(schedule)
    schedule.principals.grant(a.school_id, "subject_teacher", person_id=a.teacher_id)
    with pytest.raises(grpc.RpcError) as err:
        add_holiday(schedule, a, "Осенние каникулы", "2025-10-20", "2025-10-26")
    assert err.value.code() == grpc.StatusCode.PERMISSION_DENIED
    assert not schedule.call("ListHolidays", pb.ListHolidaysRequest(school_id=a.school_id,
                                                                    academic_year_id=a.year_id)).holidays
    schedule.principals.grant(a.school_id, "director")
    schedule.call("CloseAcademicYear", pb.CloseAcademicYearRequest(school_id=a.school_id, academic_year_id=a.year_id))
    schedule.principals.grant(a.school_id, "school_admin")
    with pytest.raises(grpc.RpcError) as err:
        add_transfer(schedule, a, "2025-11-01", MONDAY)
    assert err.value.code() == grpc.StatusCode.FAILED_PRECONDITION


def test_one_school_never_sees_another_schools_calendar(schedule):
    a = autumn_school(schedule)
    add_autumn_calendar(schedule, a)
    schedule.call("CreateCalendarFeed", pb.CreateCalendarFeedRequest(school_id=a.school_id,
                                                                     class_group_id=a.class_group.id))
    with schedule.db.tenant_session(a.school_id) as session:
        session.execute(insert(schedule_policy).values(school_id=a.school_id, key="holiday_notice_days", value="7"))
    other = autumn_school(schedule)
    with pytest.raises(grpc.RpcError) as err:
        schedule.call("ListHolidays", pb.ListHolidaysRequest(school_id=other.school_id, academic_year_id=a.year_id))
    assert err.value.code() == grpc.StatusCode.NOT_FOUND
    with pytest.raises(grpc.RpcError) as err:
        schedule.call("AddDayTransfer", pb.AddDayTransferRequest(school_id=other.school_id, academic_year_id=a.year_id,
                                                                 date="2025-11-08", works_as_weekday=1))
    assert err.value.code() == grpc.StatusCode.NOT_FOUND
    tables = (holidays, day_transfers, schedule_policy, calendar_feeds)
    with schedule.db.tenant_session(other.school_id) as session:
        for table in tables:
            assert session.scalar(select(func.count()).select_from(table)) == 0, table.name
    with schedule.db.tenant_session(a.school_id) as session:
        assert [session.scalar(select(func.count()).select_from(t)) for t in tables] == [2, 2, 1, 1]
    with pytest.raises(DBAPIError, match="row-level security"), schedule.db.tenant_session(other.school_id) as session:
        session.execute(insert(holidays).values(id=str(uuid.uuid4()), school_id=a.school_id, academic_year_id=a.year_id,
                                                name="чужие", start_date=dt.date(2025, 12, 1),
                                                end_date=dt.date(2025, 12, 2)))
