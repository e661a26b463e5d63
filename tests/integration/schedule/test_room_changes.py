"""Changing rooms and bell schedules on the real PostgreSQL: a renamed room shows in the timetable and later lessons;
a changed shift re-times its entries and their later lessons except recorded ones, each telling the changed lessons
in one LessonsChanged (none when no lesson changed); deletions only when unused; refusals name the field."""
import datetime as dt
import uuid

import grpc
import pytest

from proto.journal.v1 import journal_pb2
from proto.schedule.v1 import schedule_pb2 as pb
from tests.integration.schedule.conftest import entry
from tests.integration.schedule.test_rooms import FIRST_SHIFT, room, shift
from tests.integration.schedule.test_school_events import told
from tests.integration.schedule.test_timetable_changes import lessons, record
from tests.support.grpc_harness import rpc_error

pytestmark = pytest.mark.stack
LATER_SHIFT = [pb.BellPeriod(lesson_number=1, starts_at="09:00", ends_at="09:40"),
               pb.BellPeriod(lesson_number=2, starts_at="09:50", ends_at="10:30")]


def refusal(schedule, rpc, request):
    with pytest.raises(grpc.RpcError) as err:
        schedule.call(rpc, request)
    code, _, fields = rpc_error(err)
    return code, list(fields)


def test_a_renamed_room_shows_in_the_timetable_and_later_lessons(schedule, school):
    physics = room(schedule, school, "Кабинет физики")
    hall = room(schedule, school, "Актовый зал")
    schedule.call("CreateTimetableEntry", entry(school, room="", room_id=physics.id))
    schedule.clock.today = dt.date(2025, 10, 1)
    renamed = schedule.call("RenameRoom", pb.RenameRoomRequest(school_id=school.id, room_id=physics.id, name="204"))
    assert renamed.name == "204"
    by_date = {x.date: x.room for x in lessons(schedule, school)}
    assert (by_date["2025-09-29"], by_date["2025-10-06"]) == ("Кабинет физики", "204")
    [changed] = told(schedule, school.id, "LessonsChanged")
    assert (sorted(changed.lesson_ids), list(changed.class_group_ids), changed.change) == (
        sorted(x.id for x in lessons(schedule, school) if x.date > "2025-10-01"), [school.class_group.id], "room")
    # the same name again, or a room no lesson is in: no lesson changes, nothing is told
    schedule.call("RenameRoom", pb.RenameRoomRequest(school_id=school.id, room_id=physics.id, name="204"))
    schedule.call("RenameRoom", pb.RenameRoomRequest(school_id=school.id, room_id=hall.id, name="Актовый зал 2"))
    assert len(told(schedule, school.id, "LessonsChanged")) == 1
    [timetable] = schedule.call("ListTimetableEntries", pb.ListTimetableEntriesRequest(
        school_id=school.id, class_group_id=school.class_group.id)).entries
    assert (timetable.room, timetable.room_id) == ("204", physics.id)
    assert refusal(schedule, "RenameRoom", pb.RenameRoomRequest(school_id=school.id, room_id=physics.id,
                                                                name="актовый ЗАЛ 2")) == (grpc.StatusCode.ALREADY_EXISTS,
                                                                                         ["name"])
    assert refusal(schedule, "DeleteRoom", pb.DeleteRoomRequest(school_id=school.id, room_id=physics.id)) == (
        grpc.StatusCode.FAILED_PRECONDITION, ["room_id"])
    schedule.call("DeleteTimetableEntry", pb.DeleteTimetableEntryRequest(
        school_id=school.id, entry_id=timetable.id, effective_from="2025-10-02"))
    assert schedule.call("DeleteRoom", pb.DeleteRoomRequest(school_id=school.id, room_id=physics.id)).name == "204"
    assert [r.name for r in schedule.call("ListRooms", pb.ListRoomsRequest(school_id=school.id)).rooms] == [
        "Актовый зал 2"]
    assert {x.room for x in lessons(schedule, school)} == {"Кабинет физики"}  # the lessons before 02.10 keep it


def test_a_changed_shift_retimes_later_lessons_except_recorded_ones(schedule, school):
    bells = shift(schedule, school)
    schedule.call("CreateTimetableEntry", entry(school, weekday=1, lesson_number=1, starts_at="", ends_at="",
                                                bell_schedule_id=bells.id))
    schedule.clock.today = dt.date(2025, 10, 7)
    before = {x.date: x for x in lessons(schedule, school)}
    record(schedule, school.id, journal_pb2.TopicSet(lesson_id=before["2025-10-13"].id, topic="Проценты"))
    reply = schedule.call("UpdateBellSchedule", pb.UpdateBellScheduleRequest(
        school_id=school.id, bell_schedule_id=bells.id, name="1 смена (с 09:00)", periods=LATER_SHIFT))
    assert reply.bell_schedule.name == "1 смена (с 09:00)" and len(reply.bell_schedule.periods) == 2
    # Mondays after 07.10: 13.10 (recorded: kept), 20.10, 10.11 … 22.12 (7 in the 2nd quarter)
    assert reply.lessons_retimed == 8
    after = {x.date: x.starts_at for x in lessons(schedule, school)}
    assert (after["2025-10-06"], after["2025-10-13"], after["2025-10-20"], after["2025-12-22"]) == (
        "08:00", "08:00", "09:00", "09:00")
    [changed] = told(schedule, school.id, "LessonsChanged")
    assert (sorted(changed.lesson_ids), list(changed.class_group_ids), changed.change) == (
        sorted(x.id for x in lessons(schedule, school) if x.date > "2025-10-13"), [school.class_group.id], "times")
    # the same shift again: no lesson changes, nothing is told
    assert schedule.call("UpdateBellSchedule", pb.UpdateBellScheduleRequest(
        school_id=school.id, bell_schedule_id=bells.id, name="1 смена (с 09:00)", periods=LATER_SHIFT)
    ).lessons_retimed == 0
    assert len(told(schedule, school.id, "LessonsChanged")) == 1
    [timetable] = schedule.call("ListTimetableEntries", pb.ListTimetableEntriesRequest(
        school_id=school.id, class_group_id=school.class_group.id)).entries
    assert (timetable.starts_at, timetable.ends_at) == ("09:00", "09:40")
    code, fields = refusal(schedule, "UpdateBellSchedule", pb.UpdateBellScheduleRequest(
        school_id=school.id, bell_schedule_id=bells.id, name="1 смена", periods=LATER_SHIFT[1:]))
    assert (code, fields) == (grpc.StatusCode.INVALID_ARGUMENT, ["periods"])
    code, fields = refusal(schedule, "UpdateBellSchedule", pb.UpdateBellScheduleRequest(
        school_id=school.id, bell_schedule_id=bells.id, name="1 смена", periods=[
            pb.BellPeriod(lesson_number=1, starts_at="09:00", ends_at="08:00")]))
    assert (code, fields) == (grpc.StatusCode.INVALID_ARGUMENT, ["periods[0].ends_at"])
    assert refusal(schedule, "DeleteBellSchedule", pb.DeleteBellScheduleRequest(
        school_id=school.id, bell_schedule_id=bells.id)) == (grpc.StatusCode.FAILED_PRECONDITION, ["bell_schedule_id"])
    spare = shift(schedule, school, name="2 смена", periods=FIRST_SHIFT)
    assert schedule.call("DeleteBellSchedule", pb.DeleteBellScheduleRequest(
        school_id=school.id, bell_schedule_id=spare.id)).name == "2 смена"
    assert [b.name for b in schedule.call("ListBellSchedules", pb.ListBellSchedulesRequest(
        school_id=school.id)).bell_schedules] == ["1 смена (с 09:00)"]
    other = str(uuid.uuid4())
    schedule.principals.grant(other, "school_admin")
    assert refusal(schedule, "DeleteBellSchedule", pb.DeleteBellScheduleRequest(
        school_id=other, bell_schedule_id=bells.id)) == (grpc.StatusCode.NOT_FOUND, ["bell_schedule_id"])
    schedule.principals.grant(school.id, "subject_teacher")
    assert refusal(schedule, "RenameRoom", pb.RenameRoomRequest(
        school_id=school.id, room_id=str(uuid.uuid4()), name="1"))[0] == grpc.StatusCode.PERMISSION_DENIED
