"""The schedule service on the real PostgreSQL: calendar, timetable and dated lessons, conflicts,
authorization, tenant isolation and the events written with each change."""
import time
import uuid

import grpc
import pytest
from sqlalchemy import func, select

from proto.events.v1.envelope_pb2 import Envelope
from proto.schedule.v1 import schedule_pb2 as pb
from services.schedule.adapters.tables import class_groups, lessons, outbox
from tests.integration.schedule.conftest import QUARTERS, entry
from tests.support.grpc_harness import rpc_error

pytestmark = pytest.mark.stack

# Mondays of the two quarters, counted on a calendar:
# 1 четверть 01.09-24.10.2025: Sep 1, 8, 15, 22, 29; Oct 6, 13, 20            -> 8
# 2 четверть 05.11-28.12.2025: Nov 10, 17, 24; Dec 1, 8, 15, 22              -> 7
MONDAYS = 15


def events(schedule, school_id: str) -> list[Envelope]:
    with schedule.db.tenant_session(school_id) as session:
        # in the order written (seq): the events of one transaction share their created_at
        rows = session.scalars(select(outbox.c.payload).order_by(outbox.c.seq)).all()
    return [Envelope.FromString(raw) for raw in rows]


def event_types(schedule, school_id: str) -> list[str]:
    return [e.type.rsplit(".", 1)[1] for e in events(schedule, school_id)]


def test_a_timetable_entry_schedules_a_lesson_on_every_monday_of_the_terms(schedule, school):
    assert (school.class_group.name, school.year.status, len(school.year.terms)) == ("5А", "open", 2)
    reply = schedule.call("CreateTimetableEntry", entry(school, weekday=1, lesson_number=2))
    assert reply.lessons_created == MONDAYS
    assert (reply.entry.starts_at, reply.entry.ends_at, reply.entry.room) == ("08:30", "09:15", "21")

    listed = schedule.call("ListLessons", pb.ListLessonsRequest(
        school_id=school.id, class_group_id=school.class_group.id, date_from="2025-09-01", date_to="2026-05-31")).lessons
    assert len(listed) == MONDAYS
    assert [lesson.date for lesson in listed[:3]] == ["2025-09-01", "2025-09-08", "2025-09-15"]
    assert listed[-1].date == "2025-12-22"
    assert {lesson.term_id for lesson in listed[:8]} == {school.year.terms[0].id}
    first = listed[0]
    assert (first.subject_name, first.teacher_id, first.lesson_number) == ("Математика", school.teacher_id, 2)
    assert schedule.call("GetLesson", pb.GetLessonRequest(school_id=school.id, lesson_id=first.id)) == first

    by_teacher = schedule.call("ListLessons", pb.ListLessonsRequest(
        school_id=school.id, teacher_id=school.teacher_id, date_from="2025-09-01", date_to="2025-09-07")).lessons
    assert [lesson.id for lesson in by_teacher] == [first.id]

    types = event_types(schedule, school.id)
    assert types[:3] == ["AcademicYearCreated", "ClassGroupCreated", "SubjectCreated"]
    assert types.count("LessonScheduled") == MONDAYS


def test_lessons_are_listed_by_date_and_lesson_number(schedule, school):
    schedule.call("CreateTimetableEntry", entry(school, weekday=2, lesson_number=3))
    schedule.call("CreateTimetableEntry", entry(school, weekday=1, lesson_number=5))
    schedule.call("CreateTimetableEntry", entry(school, weekday=1, lesson_number=1))
    week = schedule.call("ListLessons", pb.ListLessonsRequest(
        school_id=school.id, class_group_id=school.class_group.id, date_from="2025-09-01", date_to="2025-09-07")).lessons
    assert [(lesson.date, lesson.lesson_number) for lesson in week] == [
        ("2025-09-01", 1), ("2025-09-01", 5), ("2025-09-02", 3)]


def test_a_full_year_of_lessons_is_scheduled_quickly(schedule, school):
    sid = school.id
    year = schedule.call("CreateAcademicYear", pb.CreateAcademicYearRequest(
        school_id=sid, name="2026/2027", start_date="2026-09-01", end_date="2027-05-31",
        terms=[pb.Term(name="1 полугодие", kind="half_year", start_date="2026-09-01", end_date="2026-12-28"),
               pb.Term(name="2 полугодие", kind="half_year", start_date="2027-01-09", end_date="2027-05-31")]))
    group = schedule.call("CreateClassGroup", pb.CreateClassGroupRequest(
        school_id=sid, academic_year_id=year.id, grade=6, name="6А"))
    schedule.call("AssignTeacher", pb.AssignTeacherRequest(
        school_id=sid, teacher_id=school.teacher_id, subject_id=school.subject.id, class_group_id=group.id))
    started = time.monotonic()
    reply = schedule.call("CreateTimetableEntry", entry(school, weekday=3, class_group_id=group.id))
    assert time.monotonic() - started < 2.0
    # Wednesdays: 2026-09-02 .. 2026-12-23 (17), 2027-01-13 .. 2027-05-26 (20)
    assert reply.lessons_created == 37


def test_the_same_slot_is_refused_for_the_class_group_and_for_the_teacher(schedule, school):
    schedule.call("CreateTimetableEntry", entry(school, weekday=4, lesson_number=3))
    physics = schedule.call("CreateSubject", pb.CreateSubjectRequest(school_id=school.id, name="Физика"))
    other_teacher = str(uuid.uuid4())
    schedule.call("AssignTeacher", pb.AssignTeacherRequest(
        school_id=school.id, teacher_id=other_teacher, subject_id=physics.id, class_group_id=school.class_group.id))
    with pytest.raises(grpc.RpcError) as err:
        schedule.call("CreateTimetableEntry", entry(school, weekday=4, lesson_number=3, subject_id=physics.id,
                                                    teacher_id=other_teacher))
    code, message, fields = rpc_error(err)
    assert code == grpc.StatusCode.ALREADY_EXISTS and "Математика" in message and "четверг" in message

    group_b = schedule.call("CreateClassGroup", pb.CreateClassGroupRequest(
        school_id=school.id, academic_year_id=school.year.id, grade=5, name="5Б"))
    schedule.call("AssignTeacher", pb.AssignTeacherRequest(
        school_id=school.id, teacher_id=school.teacher_id, subject_id=school.subject.id, class_group_id=group_b.id))
    with pytest.raises(grpc.RpcError) as err:
        schedule.call("CreateTimetableEntry", entry(school, weekday=4, lesson_number=3, class_group_id=group_b.id))
    code, message, fields = rpc_error(err)
    assert code == grpc.StatusCode.ALREADY_EXISTS and "5А" in message and "teacher_id" in fields


def test_refusals_name_the_problem(schedule, school):
    sid = school.id
    cases = [
        ("CreateAcademicYear", pb.CreateAcademicYearRequest(school_id=sid, name="2025/2026", start_date="2025-09-01",
                                                            end_date="2026-05-31", terms=QUARTERS),
         grpc.StatusCode.ALREADY_EXISTS, "name"),
        ("CreateAcademicYear", pb.CreateAcademicYearRequest(school_id=sid, name="2027/2028", start_date="2027-09-01",
                                                            end_date="2028-05-31", terms=QUARTERS),
         grpc.StatusCode.INVALID_ARGUMENT, "terms[0].start_date"),
        ("CreateClassGroup", pb.CreateClassGroupRequest(school_id=sid, academic_year_id=school.year.id, grade=5, name="5A"),
         grpc.StatusCode.INVALID_ARGUMENT, "name"),
        ("CreateClassGroup", pb.CreateClassGroupRequest(school_id=sid, academic_year_id=school.year.id, grade=5, name="5А"),
         grpc.StatusCode.ALREADY_EXISTS, "name"),
        ("CreateClassGroup", pb.CreateClassGroupRequest(school_id=sid, academic_year_id=str(uuid.uuid4()), grade=5,
                                                        name="5В"), grpc.StatusCode.NOT_FOUND, "academic_year_id"),
        ("CreateSubject", pb.CreateSubjectRequest(school_id=sid, name=" математика "), grpc.StatusCode.ALREADY_EXISTS, "name"),
        ("AssignTeacher", pb.AssignTeacherRequest(school_id=sid, teacher_id=school.teacher_id, subject_id=school.subject.id,
                                                  class_group_id=str(uuid.uuid4())),
         grpc.StatusCode.NOT_FOUND, "class_group_id"),
        ("AssignTeacher", pb.AssignTeacherRequest(school_id=sid, teacher_id="Иванов", subject_id=school.subject.id,
                                                  class_group_id=school.class_group.id),
         grpc.StatusCode.INVALID_ARGUMENT, "teacher_id"),
        ("CreateTimetableEntry", entry(school, teacher_id=str(uuid.uuid4())), grpc.StatusCode.FAILED_PRECONDITION,
         "teacher_id"),
        ("CreateTimetableEntry", entry(school, weekday=7), grpc.StatusCode.INVALID_ARGUMENT, "weekday"),
        ("CreateTimetableEntry", entry(school, starts_at="9:00"), grpc.StatusCode.INVALID_ARGUMENT, "starts_at"),
        ("CreateTimetableEntry", entry(school, subject_id=str(uuid.uuid4())), grpc.StatusCode.NOT_FOUND, "subject_id"),
        ("ListLessons", pb.ListLessonsRequest(school_id=sid), grpc.StatusCode.INVALID_ARGUMENT, "class_group_id"),
        ("GetLesson", pb.GetLessonRequest(school_id=sid, lesson_id=str(uuid.uuid4())), grpc.StatusCode.NOT_FOUND,
         "lesson_id"),
    ]
    for method, request, code, field in cases:
        with pytest.raises(grpc.RpcError) as err:
            schedule.call(method, request)
        got_code, message, fields = rpc_error(err)
        assert (got_code, field in fields) == (code, True), (method, message, fields)
        assert message and message[0].isupper()


def test_assigning_a_teacher_twice_changes_nothing(schedule, school):
    request = pb.AssignTeacherRequest(school_id=school.id, teacher_id=school.teacher_id, subject_id=school.subject.id,
                                      class_group_id=school.class_group.id)
    assert schedule.call("AssignTeacher", request) == schedule.call("AssignTeacher", request)


def test_only_the_school_s_own_staff_can_be_assigned(schedule, school):
    stranger = str(uuid.uuid4())
    schedule.staff.missing.add(stranger)
    with pytest.raises(grpc.RpcError) as err:
        schedule.call("AssignTeacher", pb.AssignTeacherRequest(school_id=school.id, teacher_id=stranger,
                                                               subject_id=school.subject.id,
                                                               class_group_id=school.class_group.id))
    code, _, fields = rpc_error(err)
    assert code == grpc.StatusCode.INVALID_ARGUMENT and "teacher_id" in fields


def test_roles_decide_who_may_manage_and_who_may_read(schedule, school):
    schedule.principals.grant(school.id, "subject_teacher", person_id=school.teacher_id)
    with pytest.raises(grpc.RpcError) as err:
        schedule.call("CreateSubject", pb.CreateSubjectRequest(school_id=school.id, name="Химия"))
    assert err.value.code() == grpc.StatusCode.PERMISSION_DENIED
    with pytest.raises(grpc.RpcError) as err:
        schedule.call("CloseAcademicYear", pb.CloseAcademicYearRequest(school_id=school.id,
                                                                       academic_year_id=school.year.id))
    assert err.value.code() == grpc.StatusCode.PERMISSION_DENIED
    schedule.principals.grant(school.id, "student", person_id=str(uuid.uuid4()))
    groups = schedule.call("ListClassGroups", pb.ListClassGroupsRequest(school_id=school.id)).class_groups
    assert [g.name for g in groups] == ["5А"]
    schedule.principals.grant(school.id)  # no role in this school: it does not exist for the caller
    with pytest.raises(grpc.RpcError) as err:
        schedule.call("ListClassGroups", pb.ListClassGroupsRequest(school_id=school.id))
    assert err.value.code() == grpc.StatusCode.NOT_FOUND


def test_one_school_never_sees_another_schools_rows(schedule, school):
    schedule.call("CreateTimetableEntry", entry(school))
    other = str(uuid.uuid4())
    schedule.principals.grant(other, "school_admin")
    with pytest.raises(grpc.RpcError) as err:
        schedule.call("GetClassGroup", pb.GetClassGroupRequest(school_id=other, class_group_id=school.class_group.id))
    assert err.value.code() == grpc.StatusCode.NOT_FOUND
    assert not schedule.call("ListClassGroups", pb.ListClassGroupsRequest(school_id=other)).class_groups
    assert not schedule.call("ListLessons", pb.ListLessonsRequest(
        school_id=other, class_group_id=school.class_group.id)).lessons
    with schedule.db.tenant_session(other) as session:
        for table in (class_groups, lessons):
            assert session.scalar(select(func.count()).select_from(table).where(table.c.school_id == school.id)) == 0
    with schedule.db.tenant_session(school.id) as session:
        assert session.scalar(select(func.count()).select_from(lessons)) == MONDAYS


def test_closing_a_year_emits_its_class_groups_once(schedule, school):
    group_b = schedule.call("CreateClassGroup", pb.CreateClassGroupRequest(
        school_id=school.id, academic_year_id=school.year.id, grade=5, name="5Б"))
    schedule.principals.grant(school.id, "director")
    closed = schedule.call("CloseAcademicYear", pb.CloseAcademicYearRequest(
        school_id=school.id, academic_year_id=school.year.id))
    assert closed.status == "closed" and len(closed.terms) == 2
    [event] = [e for e in events(schedule, school.id) if e.type.endswith("AcademicYearClosed")]
    payload = pb.AcademicYearClosed()
    event.payload.Unpack(payload)
    assert payload.academic_year.id == school.year.id
    assert list(payload.class_group_ids) == [school.class_group.id, group_b.id]

    with pytest.raises(grpc.RpcError) as err:
        schedule.call("CloseAcademicYear", pb.CloseAcademicYearRequest(school_id=school.id,
                                                                       academic_year_id=school.year.id))
    assert err.value.code() == grpc.StatusCode.FAILED_PRECONDITION
    schedule.principals.grant(school.id, "school_admin")
    with pytest.raises(grpc.RpcError) as err:
        schedule.call("CreateClassGroup", pb.CreateClassGroupRequest(
            school_id=school.id, academic_year_id=school.year.id, grade=5, name="5В"))
    assert err.value.code() == grpc.StatusCode.FAILED_PRECONDITION


def test_class_groups_get_the_terms_of_their_grade(schedule, school):
    sid = school.id
    year = schedule.call("CreateAcademicYear", pb.CreateAcademicYearRequest(
        school_id=sid, name="2030/2031", start_date="2030-09-01", end_date="2031-05-31", terms=[
            pb.Term(name="1 четверть", kind="quarter", start_date="2030-09-02", end_date="2030-10-25", grade_from=1, grade_to=9),
            pb.Term(name="1 полугодие", kind="half_year", start_date="2030-09-02", end_date="2030-12-27", grade_from=10,
                    grade_to=11)]))
    assert [(t.kind, t.grade_from, t.grade_to) for t in year.terms] == [("quarter", 1, 9), ("half_year", 10, 11)]
    created = {}
    for grade, name in ((5, "5А"), (10, "10А")):
        group = schedule.call("CreateClassGroup", pb.CreateClassGroupRequest(
            school_id=sid, academic_year_id=year.id, grade=grade, name=name))
        schedule.call("AssignTeacher", pb.AssignTeacherRequest(
            school_id=sid, teacher_id=school.teacher_id, subject_id=school.subject.id, class_group_id=group.id))
        reply = schedule.call("CreateTimetableEntry", entry(school, weekday=1, lesson_number=grade, class_group_id=group.id))
        lessons = schedule.call("ListLessons", pb.ListLessonsRequest(school_id=sid, class_group_id=group.id)).lessons
        created[name] = (reply.lessons_created, {lesson.term_id for lesson in lessons})
    # Mondays 02.09-21.10.2030: 8; Mondays 02.09-23.12.2030: 17
    assert created == {"5А": (8, {year.terms[0].id}), "10А": (17, {year.terms[1].id})}
