"""Changes of one dated lesson on the real PostgreSQL: cancel, move (conflict-checked), substitute; their events,
the lesson fields the journal reads, refusals, a closed year, roles."""
import uuid

import grpc
import pytest

from proto.schedule.v1 import schedule_pb2 as pb
from tests.integration.schedule.conftest import entry
from tests.integration.schedule.test_service import events
from tests.support.grpc_harness import rpc_error

pytestmark = pytest.mark.stack


def first_lessons(schedule, school, **overrides):
    """Monday 1st lessons of 5А (Математика, room 21) from 01.09.2025; the first two."""
    schedule.call("CreateTimetableEntry", entry(school, weekday=1, lesson_number=1, **overrides))
    listed = schedule.call("ListLessons", pb.ListLessonsRequest(
        school_id=school.id, class_group_id=school.class_group.id, date_from="2025-09-01", date_to="2025-09-08")).lessons
    return list(listed)


def get(schedule, school, lesson_id) -> pb.Lesson:
    return schedule.call("GetLesson", pb.GetLessonRequest(school_id=school.id, lesson_id=lesson_id))


def last_event(schedule, school_id, kind):
    found = [e for e in events(schedule, school_id) if e.type.endswith("." + kind.__name__)]
    payload = kind()
    found[-1].payload.Unpack(payload)
    return payload, len(found)


def test_a_cancelled_lesson_keeps_its_reason_and_is_announced(schedule, school):
    lesson = first_lessons(schedule, school)[0]
    cancelled = schedule.call("CancelLesson", pb.CancelLessonRequest(school_id=school.id, lesson_id=lesson.id,
                                                                     reason="учитель на курсах"))
    assert (cancelled.status, cancelled.change_note) == ("cancelled", "Урок отменён: учитель на курсах")
    assert get(schedule, school, lesson.id) == cancelled
    event, count = last_event(schedule, school.id, pb.LessonCancelled)
    assert (event.lesson, count) == (cancelled, 1)
    with pytest.raises(grpc.RpcError) as err:
        schedule.call("CancelLesson", pb.CancelLessonRequest(school_id=school.id, lesson_id=lesson.id, reason="ещё раз"))
    assert rpc_error(err)[0] == grpc.StatusCode.FAILED_PRECONDITION
    with pytest.raises(grpc.RpcError) as err:
        schedule.call("CancelLesson", pb.CancelLessonRequest(school_id=school.id, lesson_id=lesson.id))
    assert rpc_error(err)[0] == grpc.StatusCode.INVALID_ARGUMENT and "reason" in rpc_error(err)[2]


def test_a_moved_lesson_keeps_its_id_and_says_where_it_came_from(schedule, school):
    lesson = first_lessons(schedule, school)[0]
    moved = schedule.call("MoveLesson", pb.MoveLessonRequest(
        school_id=school.id, lesson_id=lesson.id, date="2025-09-03", lesson_number=5, starts_at="12:00",
        ends_at="12:45", reason="экскурсия"))
    assert (moved.id, moved.date, moved.lesson_number, moved.starts_at, moved.moved_from_date) == (
        lesson.id, "2025-09-03", 5, "12:00", "2025-09-01")
    assert moved.change_note == "Урок перенесён с 1 сентября 2025, 1-й урок: экскурсия"
    event, _ = last_event(schedule, school.id, pb.LessonMoved)
    assert (event.lesson, event.from_date, event.from_lesson_number) == (moved, "2025-09-01", 1)
    # moved again, same number, times kept: it still came from the first date
    again = schedule.call("MoveLesson", pb.MoveLessonRequest(school_id=school.id, lesson_id=lesson.id,
                                                             date="2025-09-04", lesson_number=5, reason="ещё раз"))
    assert (again.date, again.starts_at, again.ends_at, again.moved_from_date) == ("2025-09-04", "12:00", "12:45",
                                                                                 "2025-09-01")
    assert get(schedule, school, lesson.id) == again


def test_a_move_is_refused_into_a_busy_slot_or_a_day_without_lessons(schedule, school):
    monday, next_monday = first_lessons(schedule, school)
    busy = dict(school_id=school.id, lesson_id=monday.id, date="2025-09-08", lesson_number=1, reason="r")
    with pytest.raises(grpc.RpcError) as err:
        schedule.call("MoveLesson", pb.MoveLessonRequest(**busy))
    code, message, fields = rpc_error(err)
    assert code == grpc.StatusCode.ALREADY_EXISTS and "lesson_number" in fields
    assert message.count("«Математика», 5А") == 2 and "8 сентября 2025, 1-й урок" in message
    # the teacher is busy in another class; the room is taken by another class and teacher
    group_b = schedule.call("CreateClassGroup", pb.CreateClassGroupRequest(
        school_id=school.id, academic_year_id=school.year.id, grade=5, name="5Б"))
    schedule.call("AssignTeacher", pb.AssignTeacherRequest(school_id=school.id, teacher_id=school.teacher_id,
                                                           subject_id=school.subject.id, class_group_id=group_b.id))
    schedule.call("CreateTimetableEntry", entry(school, weekday=2, lesson_number=2, class_group_id=group_b.id, room="40"))
    other_teacher = str(uuid.uuid4())
    schedule.call("AssignTeacher", pb.AssignTeacherRequest(school_id=school.id, teacher_id=other_teacher,
                                                           subject_id=school.subject.id, class_group_id=group_b.id))
    schedule.call("CreateTimetableEntry", entry(school, weekday=2, lesson_number=3, class_group_id=group_b.id,
                                                teacher_id=other_teacher, room="21"))
    for number, field in ((2, "teacher_id"), (3, "room")):
        with pytest.raises(grpc.RpcError) as err:
            schedule.call("MoveLesson", pb.MoveLessonRequest(school_id=school.id, lesson_id=monday.id, date="2025-09-02",
                                                             lesson_number=number, starts_at="10:00", ends_at="10:45",
                                                             reason="r"))
        code, message, fields = rpc_error(err)
        assert (code, field in fields, "5Б" in message) == (grpc.StatusCode.ALREADY_EXISTS, True, True), message
    for date, number, field in (("2025-09-07", 2, "date"), ("2025-10-30", 2, "date"), ("2025-09-02", 11, "lesson_number"),
                                ("2025-09-02", 4, "starts_at"), ("2025-09-01", 1, "date")):
        with pytest.raises(grpc.RpcError) as err:
            schedule.call("MoveLesson", pb.MoveLessonRequest(school_id=school.id, lesson_id=monday.id, date=date,
                                                             lesson_number=number, reason="r"))
        assert (rpc_error(err)[0], field in rpc_error(err)[2]) == (grpc.StatusCode.INVALID_ARGUMENT, True), (date, number)
    assert get(schedule, school, monday.id) == monday  # nothing changed


def test_a_substitute_gives_the_lesson_and_sees_it_among_theirs(schedule, school):
    lesson = first_lessons(schedule, school)[0]
    substitute = str(uuid.uuid4())
    changed = schedule.call("AssignSubstitute", pb.AssignSubstituteRequest(
        school_id=school.id, lesson_id=lesson.id, teacher_id=substitute, reason="больничный"))
    assert (changed.teacher_id, changed.substitute_teacher_id, changed.change_note) == (
        school.teacher_id, substitute, "Замена: больничный")
    event, _ = last_event(schedule, school.id, pb.SubstitutionAssigned)
    assert (event.lesson, event.previous_substitute_teacher_id) == (changed, "")
    theirs = schedule.call("ListLessons", pb.ListLessonsRequest(school_id=school.id, teacher_id=substitute)).lessons
    assert [lesson.id for lesson in theirs] == [lesson.id]
    # the substitute is now busy at that time: a lesson of theirs cannot move there
    group_b = schedule.call("CreateClassGroup", pb.CreateClassGroupRequest(
        school_id=school.id, academic_year_id=school.year.id, grade=5, name="5Б"))
    schedule.call("AssignTeacher", pb.AssignTeacherRequest(school_id=school.id, teacher_id=substitute,
                                                           subject_id=school.subject.id, class_group_id=group_b.id))
    schedule.call("CreateTimetableEntry", entry(school, weekday=3, lesson_number=1, class_group_id=group_b.id,
                                                teacher_id=substitute, room="50"))
    wednesday = schedule.call("ListLessons", pb.ListLessonsRequest(
        school_id=school.id, class_group_id=group_b.id, date_from="2025-09-03", date_to="2025-09-03")).lessons[0]
    with pytest.raises(grpc.RpcError) as err:
        schedule.call("MoveLesson", pb.MoveLessonRequest(school_id=school.id, lesson_id=wednesday.id, date="2025-09-01",
                                                         lesson_number=1, reason="r"))
    assert "teacher_id" in rpc_error(err)[2]
    # refusals: not staff, the lesson's own teacher; then the substitute removed
    schedule.staff.missing.add(str(uuid.UUID(int=7)))
    for teacher_id in (str(uuid.UUID(int=7)), school.teacher_id):
        with pytest.raises(grpc.RpcError) as err:
            schedule.call("AssignSubstitute", pb.AssignSubstituteRequest(school_id=school.id, lesson_id=lesson.id,
                                                                         teacher_id=teacher_id, reason="r"))
        assert (rpc_error(err)[0], "teacher_id" in rpc_error(err)[2]) == (grpc.StatusCode.INVALID_ARGUMENT, True)
    back = schedule.call("AssignSubstitute", pb.AssignSubstituteRequest(school_id=school.id, lesson_id=lesson.id))
    assert (back.substitute_teacher_id, back.change_note) == ("", "Замена отменена")
    event, count = last_event(schedule, school.id, pb.SubstitutionAssigned)
    assert (event.previous_substitute_teacher_id, count) == (substitute, 2)


def test_lessons_of_a_closed_year_and_other_schools_do_not_change(schedule, school):
    lesson = first_lessons(schedule, school)[0]
    schedule.principals.grant(school.id, "subject_teacher")
    with pytest.raises(grpc.RpcError) as err:
        schedule.call("CancelLesson", pb.CancelLessonRequest(school_id=school.id, lesson_id=lesson.id, reason="r"))
    assert rpc_error(err)[0] == grpc.StatusCode.PERMISSION_DENIED
    other = str(uuid.uuid4())
    schedule.principals.grant(other, "school_admin")
    with pytest.raises(grpc.RpcError) as err:
        schedule.call("CancelLesson", pb.CancelLessonRequest(school_id=other, lesson_id=lesson.id, reason="r"))
    assert rpc_error(err)[0] == grpc.StatusCode.NOT_FOUND
    schedule.principals.grant(school.id, "school_admin")
    schedule.call("CloseAcademicYear", pb.CloseAcademicYearRequest(school_id=school.id, academic_year_id=school.year.id))
    requests = [("CancelLesson", pb.CancelLessonRequest(school_id=school.id, lesson_id=lesson.id, reason="r")),
                ("MoveLesson", pb.MoveLessonRequest(school_id=school.id, lesson_id=lesson.id, date="2025-09-02",
                                                    lesson_number=1, reason="r")),
                ("AssignSubstitute", pb.AssignSubstituteRequest(school_id=school.id, lesson_id=lesson.id,
                                                                teacher_id=str(uuid.uuid4()), reason="r"))]
    for method, request in requests:
        with pytest.raises(grpc.RpcError) as err:
            schedule.call(method, request)
        assert rpc_error(err)[0] == grpc.StatusCode.FAILED_PRECONDITION, method
    assert get(schedule, school, lesson.id).status == "scheduled"


def test_an_absent_teacher_s_lessons_go_to_a_substitute_where_they_are_free(schedule, school):
    schedule.call("CreateTimetableEntry", entry(school, weekday=1, lesson_number=1))
    schedule.call("CreateTimetableEntry", entry(school, weekday=3, lesson_number=2, room="22"))
    substitute = str(uuid.uuid4())
    group_b = schedule.call("CreateClassGroup", pb.CreateClassGroupRequest(
        school_id=school.id, academic_year_id=school.year.id, grade=5, name="5Б"))
    schedule.call("AssignTeacher", pb.AssignTeacherRequest(school_id=school.id, teacher_id=substitute,
                                                           subject_id=school.subject.id, class_group_id=group_b.id))
    schedule.call("CreateTimetableEntry", entry(school, weekday=3, lesson_number=2, class_group_id=group_b.id,
                                                teacher_id=substitute, room="40"))
    # sick 01.09-10.09.2025: Mondays 1 and 8 Sep, Wednesdays 3 and 10 Sep; on Wednesdays the substitute teaches 5Б
    reply = schedule.call("SubstituteTeacher", pb.SubstituteTeacherRequest(
        school_id=school.id, teacher_id=school.teacher_id, date_from="2025-09-01", date_to="2025-09-10",
        substitute_teacher_id=substitute, reason="больничный"))
    assert [(x.date, x.substitute_teacher_id, x.change_note) for x in reply.substituted] == [
        ("2025-09-01", substitute, "Замена: больничный"), ("2025-09-08", substitute, "Замена: больничный")]
    assert [x.lesson.date for x in reply.skipped] == ["2025-09-03", "2025-09-10"]
    assert "5Б" in reply.skipped[0].problem and "учитель в это время уже ведёт урок" in reply.skipped[0].problem
    theirs = schedule.call("ListLessons", pb.ListLessonsRequest(school_id=school.id, teacher_id=substitute,
                                                                date_from="2025-09-01", date_to="2025-09-10")).lessons
    assert [(x.date, x.class_group_id) for x in theirs] == [
        ("2025-09-01", school.class_group.id), ("2025-09-03", group_b.id), ("2025-09-08", school.class_group.id),
        ("2025-09-10", group_b.id)]
    for fields, field in ((dict(date_to="2025-08-31"), "date_to"), (dict(substitute_teacher_id=school.teacher_id),
                                                                    "substitute_teacher_id"), (dict(reason=""), "reason")):
        request = dict(school_id=school.id, teacher_id=school.teacher_id, date_from="2025-09-01", date_to="2025-09-10",
                       substitute_teacher_id=substitute, reason="r") | fields
        with pytest.raises(grpc.RpcError) as err:
            schedule.call("SubstituteTeacher", pb.SubstituteTeacherRequest(**request))
        assert (rpc_error(err)[0], field in rpc_error(err)[2]) == (grpc.StatusCode.INVALID_ARGUMENT, True), fields
