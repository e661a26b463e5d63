"""Rooms and bell schedules on the real PostgreSQL: entries take their times from a shift and their room's name,
a room is never double-booked, a moved lesson takes the shift's times; refusals and RLS."""
import uuid

import grpc
import pytest
from sqlalchemy import func, select

from proto.schedule.v1 import schedule_pb2 as pb
from services.schedule.adapters.tables import bell_periods, bell_schedules, rooms
from tests.integration.schedule.conftest import entry
from tests.support.grpc_harness import rpc_error

pytestmark = pytest.mark.stack

FIRST_SHIFT = [pb.BellPeriod(lesson_number=1, starts_at="08:00", ends_at="08:45"),
               pb.BellPeriod(lesson_number=2, starts_at="08:55", ends_at="09:40"),
               pb.BellPeriod(lesson_number=3, starts_at="10:00", ends_at="10:45")]


def shift(schedule, school, name="1 смена", periods=FIRST_SHIFT) -> pb.BellSchedule:
    return schedule.call("CreateBellSchedule", pb.CreateBellScheduleRequest(school_id=school.id, name=name,
                                                                             periods=periods))


def room(schedule, school, name) -> pb.Room:
    return schedule.call("CreateRoom", pb.CreateRoomRequest(school_id=school.id, name=name))


def test_an_entry_takes_its_times_from_the_shift_and_its_room_by_id(schedule, school):
    bells = shift(schedule, school, periods=list(reversed(FIRST_SHIFT)))
    assert [(p.lesson_number, p.starts_at) for p in bells.periods] == [(1, "08:00"), (2, "08:55"), (3, "10:00")]
    assert list(schedule.call("ListBellSchedules", pb.ListBellSchedulesRequest(school_id=school.id)).bell_schedules) == [bells]
    physics = room(schedule, school, "Кабинет физики")
    assert [r.name for r in schedule.call("ListRooms", pb.ListRoomsRequest(school_id=school.id)).rooms] == ["Кабинет физики"]
    reply = schedule.call("CreateTimetableEntry", entry(school, weekday=1, lesson_number=2, starts_at="", ends_at="",
                                                        room="", room_id=physics.id, bell_schedule_id=bells.id))
    assert (reply.entry.starts_at, reply.entry.ends_at, reply.entry.room, reply.entry.room_id) == (
        "08:55", "09:40", "Кабинет физики", physics.id)
    lesson = schedule.call("ListLessons", pb.ListLessonsRequest(school_id=school.id, class_group_id=school.class_group.id,
                                                                date_from="2025-09-01", date_to="2025-09-01")).lessons[0]
    assert (lesson.starts_at, lesson.room) == ("08:55", "Кабинет физики")
    # a move to another lesson number takes that number's bell times
    moved = schedule.call("MoveLesson", pb.MoveLessonRequest(school_id=school.id, lesson_id=lesson.id, date="2025-09-02",
                                                             lesson_number=3, reason="замена кабинета"))
    assert (moved.starts_at, moved.ends_at, moved.room) == ("10:00", "10:45", "Кабинет физики")

    # another class with another teacher cannot use the room at the same time
    group_b = schedule.call("CreateClassGroup", pb.CreateClassGroupRequest(
        school_id=school.id, academic_year_id=school.year.id, grade=5, name="5Б"))
    teacher_b = str(uuid.uuid4())
    schedule.call("AssignTeacher", pb.AssignTeacherRequest(school_id=school.id, teacher_id=teacher_b,
                                                           subject_id=school.subject.id, class_group_id=group_b.id))
    with pytest.raises(grpc.RpcError) as err:
        schedule.call("CreateTimetableEntry", entry(school, weekday=1, lesson_number=2, class_group_id=group_b.id,
                                                    teacher_id=teacher_b, room="кабинет ФИЗИКИ"))
    code, message, fields = rpc_error(err)
    assert (code, "room" in fields) == (grpc.StatusCode.ALREADY_EXISTS, True)
    assert "«Математика», 5Б" in message and "«Математика», 5А" in message and "понедельник, 2-й урок" in message


def test_room_and_shift_refusals_name_the_field(schedule, school):
    bells = shift(schedule, school)
    cases = [
        ("CreateBellSchedule", pb.CreateBellScheduleRequest(school_id=school.id, name="2 смена"),
         grpc.StatusCode.INVALID_ARGUMENT, "periods"),
        ("CreateBellSchedule", pb.CreateBellScheduleRequest(school_id=school.id, name="2 смена", periods=[
            pb.BellPeriod(lesson_number=2, starts_at="13:30", ends_at="14:15"),
            pb.BellPeriod(lesson_number=1, starts_at="13:00", ends_at="13:45")]),
         grpc.StatusCode.INVALID_ARGUMENT, "periods[0].starts_at"),
        ("CreateBellSchedule", pb.CreateBellScheduleRequest(school_id=school.id, name="2 смена", periods=[
            pb.BellPeriod(lesson_number=1, starts_at="13:00", ends_at="13:45"),
            pb.BellPeriod(lesson_number=1, starts_at="14:00", ends_at="14:45")]),
         grpc.StatusCode.INVALID_ARGUMENT, "periods[1].lesson_number"),
        ("CreateBellSchedule", pb.CreateBellScheduleRequest(school_id=school.id, name="2 смена", periods=[
            pb.BellPeriod(lesson_number=1, starts_at="13:00", ends_at="1:45")]),
         grpc.StatusCode.INVALID_ARGUMENT, "periods[0].ends_at"),
        ("CreateBellSchedule", pb.CreateBellScheduleRequest(school_id=school.id, name="1 СМЕНА", periods=FIRST_SHIFT),
         grpc.StatusCode.ALREADY_EXISTS, "name"),
        ("CreateRoom", pb.CreateRoomRequest(school_id=school.id, name=""), grpc.StatusCode.INVALID_ARGUMENT, "name"),
        ("CreateTimetableEntry", entry(school, lesson_number=4, starts_at="", ends_at="", bell_schedule_id=bells.id),
         grpc.StatusCode.INVALID_ARGUMENT, "lesson_number"),
        ("CreateTimetableEntry", entry(school, room_id=str(uuid.uuid4())), grpc.StatusCode.NOT_FOUND, "room_id"),
        ("CreateTimetableEntry", entry(school, starts_at="", ends_at="", bell_schedule_id=str(uuid.uuid4())),
         grpc.StatusCode.NOT_FOUND, "bell_schedule_id"),
    ]
    room(schedule, school, "21")
    cases.append(("CreateRoom", pb.CreateRoomRequest(school_id=school.id, name="21"), grpc.StatusCode.ALREADY_EXISTS, "name"))
    for method, request, code, field in cases:
        with pytest.raises(grpc.RpcError) as err:
            schedule.call(method, request)
        assert (rpc_error(err)[0], field in rpc_error(err)[2]) == (code, True), (method, rpc_error(err))


def test_rooms_and_shifts_stay_in_their_school(schedule, school):
    shift(schedule, school)
    room(schedule, school, "21")
    other = str(uuid.uuid4())
    schedule.principals.grant(other, "school_admin")
    assert not schedule.call("ListRooms", pb.ListRoomsRequest(school_id=other)).rooms
    with schedule.db.tenant_session(other) as session:
        assert [session.scalar(select(func.count()).select_from(t)) for t in (rooms, bell_schedules, bell_periods)] == [0, 0, 0]
    with schedule.db.tenant_session(school.id) as session:
        assert [session.scalar(select(func.count()).select_from(t)) for t in (rooms, bell_schedules, bell_periods)] == [1, 1, 3]
    schedule.principals.grant(school.id, "subject_teacher")
    with pytest.raises(grpc.RpcError) as err:
        room(schedule, school, "22")
    assert rpc_error(err)[0] == grpc.StatusCode.PERMISSION_DENIED
