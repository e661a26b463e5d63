"""Removing holidays and day transfers on the real PostgreSQL: the dates after today get their lessons back (or
lose those of a transferred day), earlier dates stay as they were, a lesson the journal has records for is kept;
refusals and roles."""
import datetime as dt
import uuid

import grpc
import pytest

from proto.journal.v1 import journal_pb2
from proto.schedule.v1 import schedule_pb2 as pb
from tests.integration.schedule.conftest import entry
from tests.integration.schedule.test_timetable_changes import lessons, record
from tests.support.grpc_harness import rpc_error

pytestmark = pytest.mark.stack


def holiday(schedule, school, start, end):
    return schedule.call("AddHoliday", pb.AddHolidayRequest(school_id=school.id, academic_year_id=school.year.id,
                                                            name=f"Карантин {start}", start_date=start,
                                                            end_date=end)).holiday


def mondays(schedule, school) -> list[str]:
    return [x.date for x in lessons(schedule, school) if x.date.startswith("2025-10")]


def test_removed_holidays_give_back_the_lessons_of_their_future_dates(schedule, school):
    schedule.call("CreateTimetableEntry", entry(school, weekday=1, lesson_number=1))
    first, second = holiday(schedule, school, "2025-10-06", "2025-10-08"), holiday(schedule, school, "2025-10-13",
                                                                                     "2025-10-14")
    assert mondays(schedule, school) == ["2025-10-20"]
    schedule.clock.today = dt.date(2025, 10, 9)
    # 06.10 is past: removing its holiday changes no lesson; 13.10 is ahead: its lesson comes back
    assert schedule.call("DeleteHoliday", pb.DeleteHolidayRequest(school_id=school.id, holiday_id=first.id)) == \
        pb.CalendarChangeResponse()
    reply = schedule.call("DeleteHoliday", pb.DeleteHolidayRequest(school_id=school.id, holiday_id=second.id))
    assert (reply.lessons_scheduled, reply.lessons_cancelled) == (1, 0)
    assert mondays(schedule, school) == ["2025-10-13", "2025-10-20"]
    assert not schedule.call("ListHolidays", pb.ListHolidaysRequest(school_id=school.id,
                                                                    academic_year_id=school.year.id)).holidays
    with pytest.raises(grpc.RpcError) as err:
        schedule.call("DeleteHoliday", pb.DeleteHolidayRequest(school_id=school.id, holiday_id=second.id))
    code, _, fields = rpc_error(err)
    assert (code, list(fields)) == (grpc.StatusCode.NOT_FOUND, ["holiday_id"])


def test_removed_transfers_restore_the_dates_and_keep_recorded_lessons(schedule, school):
    schedule.call("CreateTimetableEntry", entry(school, weekday=1, lesson_number=1))
    transfers = {}
    for day, works_as in (("2025-10-04", 1), ("2025-10-13", 0), ("2025-10-18", 1)):
        transfers[day] = schedule.call("AddDayTransfer", pb.AddDayTransferRequest(
            school_id=school.id, academic_year_id=school.year.id, date=day, works_as_weekday=works_as)).day_transfer
    assert mondays(schedule, school) == ["2025-10-04", "2025-10-06", "2025-10-18", "2025-10-20"]
    saturday = next(x for x in lessons(schedule, school) if x.date == "2025-10-18")
    record(schedule, school.id, journal_pb2.TopicSet(lesson_id=saturday.id, topic="Проценты"))
    schedule.clock.today = dt.date(2025, 10, 5)

    def remove(day):
        return schedule.call("DeleteDayTransfer", pb.DeleteDayTransferRequest(
            school_id=school.id, day_transfer_id=transfers[day].id))

    assert remove("2025-10-04") == pb.CalendarChangeResponse()  # past: the Saturday lesson stays
    assert (remove("2025-10-13").lessons_scheduled, remove("2025-10-18").lessons_cancelled) == (1, 0)
    kept = schedule.call("GetLesson", pb.GetLessonRequest(school_id=school.id, lesson_id=saturday.id))
    assert kept.status == "scheduled" and "уже есть записи" in kept.change_note
    assert mondays(schedule, school) == ["2025-10-04", "2025-10-06", "2025-10-13", "2025-10-18", "2025-10-20"]
    assert not schedule.call("ListDayTransfers", pb.ListDayTransfersRequest(
        school_id=school.id, academic_year_id=school.year.id)).day_transfers


def test_only_managers_remove_and_only_in_their_school(schedule, school):
    one = holiday(schedule, school, "2025-10-06", "2025-10-08")
    schedule.principals.grant(school.id, "subject_teacher")
    with pytest.raises(grpc.RpcError) as err:
        schedule.call("DeleteHoliday", pb.DeleteHolidayRequest(school_id=school.id, holiday_id=one.id))
    assert rpc_error(err)[0] == grpc.StatusCode.PERMISSION_DENIED
    other = str(uuid.uuid4())
    schedule.principals.grant(other, "school_admin")
    with pytest.raises(grpc.RpcError) as err:
        schedule.call("DeleteHoliday", pb.DeleteHolidayRequest(school_id=other, holiday_id=one.id))
    assert rpc_error(err)[0] == grpc.StatusCode.NOT_FOUND
    with pytest.raises(grpc.RpcError) as err:
        schedule.call("DeleteDayTransfer", pb.DeleteDayTransferRequest(school_id=other, day_transfer_id="x"))
    assert rpc_error(err)[0] == grpc.StatusCode.INVALID_ARGUMENT
