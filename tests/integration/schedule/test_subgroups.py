"""Subgroups of a class group on the real PostgreSQL: their students come from the class (identity's port faked),
assignments and timetable entries may target one, lessons carry it, two subgroups share a slot but a subgroup
and its whole class do not; RLS of the new tables."""
import uuid

import grpc
import pytest
from sqlalchemy import func, insert, select
from sqlalchemy.exc import DBAPIError

from proto.schedule.v1 import schedule_pb2 as pb
from services.schedule.adapters.tables import subgroup_students, subgroups
from tests.integration.schedule.conftest import entry
from tests.support.grpc_harness import rpc_error

pytestmark = pytest.mark.stack


def split(schedule, school, names=("Английский, 1 группа", "Английский, 2 группа"), size=3):
    """The class enrolled (3 students per subgroup) and split into subgroups."""
    students = schedule.staff.enrol(school.class_group.id, size * len(names))
    return [schedule.call("CreateSubgroup", pb.CreateSubgroupRequest(
        school_id=school.id, class_group_id=school.class_group.id, name=name,
        student_ids=students[i * size:(i + 1) * size])) for i, name in enumerate(names)]


def english(schedule, school, subgroup, teacher_id=None):
    """English with its own teacher assigned to the subgroup."""
    subject = schedule.call("CreateSubject", pb.CreateSubjectRequest(school_id=school.id,
                                                                     name=f"Английский {uuid.uuid4().hex[:6]}"))
    teacher_id = teacher_id or str(uuid.uuid4())
    assignment = schedule.call("AssignTeacher", pb.AssignTeacherRequest(
        school_id=school.id, teacher_id=teacher_id, subject_id=subject.id, class_group_id=school.class_group.id,
        subgroup_id=subgroup.id))
    assert assignment.subgroup_id == subgroup.id
    return subject, teacher_id


def test_a_subgroup_holds_students_of_its_class_and_is_read_back(schedule, school):
    first, second = split(schedule, school)
    assert (first.name, len(first.student_ids), first.class_group_id) == ("Английский, 1 группа", 3, school.class_group.id)
    assert schedule.call("GetSubgroup", pb.GetSubgroupRequest(school_id=school.id, subgroup_id=first.id)) == first
    listed = schedule.call("ListSubgroups", pb.ListSubgroupsRequest(school_id=school.id,
                                                                    class_group_id=school.class_group.id)).subgroups
    assert list(listed) == [first, second]
    assert not set(first.student_ids) & set(second.student_ids)


def test_subgroup_refusals_name_the_field(schedule, school):
    students = schedule.staff.enrol(school.class_group.id, 2)
    cases = [
        (pb.CreateSubgroupRequest(school_id=school.id, class_group_id=school.class_group.id, name="1 группа",
                                  student_ids=[*students, str(uuid.uuid4())]), grpc.StatusCode.INVALID_ARGUMENT, "student_ids"),
        (pb.CreateSubgroupRequest(school_id=school.id, class_group_id=school.class_group.id, name="1 группа"),
         grpc.StatusCode.INVALID_ARGUMENT, "student_ids"),
        (pb.CreateSubgroupRequest(school_id=school.id, class_group_id=school.class_group.id, name=" ",
                                  student_ids=students), grpc.StatusCode.INVALID_ARGUMENT, "name"),
        (pb.CreateSubgroupRequest(school_id=school.id, class_group_id=str(uuid.uuid4()), name="1 группа",
                                  student_ids=students), grpc.StatusCode.NOT_FOUND, "class_group_id"),
    ]
    for request, code, field in cases:
        with pytest.raises(grpc.RpcError) as err:
            schedule.call("CreateSubgroup", request)
        assert (rpc_error(err)[0], field in rpc_error(err)[2]) == (code, True), request
    schedule.call("CreateSubgroup", pb.CreateSubgroupRequest(school_id=school.id, class_group_id=school.class_group.id,
                                                             name="1 группа", student_ids=students))
    with pytest.raises(grpc.RpcError) as err:
        schedule.call("CreateSubgroup", pb.CreateSubgroupRequest(
            school_id=school.id, class_group_id=school.class_group.id, name="1 ГРУППА", student_ids=students))
    assert rpc_error(err)[0] == grpc.StatusCode.ALREADY_EXISTS
    with pytest.raises(grpc.RpcError) as err:
        schedule.call("GetSubgroup", pb.GetSubgroupRequest(school_id=school.id, subgroup_id=str(uuid.uuid4())))
    assert rpc_error(err)[:1] == (grpc.StatusCode.NOT_FOUND,)


def test_two_subgroups_share_a_slot_and_their_lessons_carry_the_subgroup(schedule, school):
    first, second = split(schedule, school)
    subject_1, teacher_1 = english(schedule, school, first)
    subject_2, teacher_2 = english(schedule, school, second)
    one = schedule.call("CreateTimetableEntry", entry(school, weekday=2, lesson_number=3, subject_id=subject_1.id,
                                                      teacher_id=teacher_1, subgroup_id=first.id, room="31"))
    two = schedule.call("CreateTimetableEntry", entry(school, weekday=2, lesson_number=3, subject_id=subject_2.id,
                                                      teacher_id=teacher_2, subgroup_id=second.id, room="32"))
    assert one.lessons_created == two.lessons_created > 0 and one.entry.subgroup_id == first.id
    week = schedule.call("ListLessons", pb.ListLessonsRequest(
        school_id=school.id, class_group_id=school.class_group.id, date_from="2025-09-01", date_to="2025-09-07")).lessons
    assert sorted((lesson.subgroup_id, lesson.subgroup_name, lesson.room) for lesson in week) == sorted([
        (first.id, first.name, "31"), (second.id, second.name, "32")])
    got = schedule.call("GetLesson", pb.GetLessonRequest(school_id=school.id, lesson_id=week[0].id))
    assert (got.subgroup_id, got.subgroup_name) == (week[0].subgroup_id, week[0].subgroup_name)

    # the whole class cannot have a lesson while a subgroup has one, nor the same subgroup twice
    with pytest.raises(grpc.RpcError) as err:
        schedule.call("CreateTimetableEntry", entry(school, weekday=2, lesson_number=3, room=""))
    code, message, fields = rpc_error(err)
    assert (code, fields) == (grpc.StatusCode.ALREADY_EXISTS, {"lesson_number": "у класса в это время уже есть урок"})
    both = ", ".join(sorted(f"«{s.name}», 5А ({g.name})" for s, g in [(subject_1, first), (subject_2, second)]))
    assert message == (f"Урок «Математика», 5А пересекается с уроками {both} (вторник, 3-й урок): "
                       "у класса в это время уже есть урок")
    subject_3, teacher_3 = english(schedule, school, first)
    with pytest.raises(grpc.RpcError) as err:
        schedule.call("CreateTimetableEntry", entry(school, weekday=2, lesson_number=3, subject_id=subject_3.id,
                                                    teacher_id=teacher_3, subgroup_id=first.id, room=""))
    assert rpc_error(err)[0] == grpc.StatusCode.ALREADY_EXISTS
    # and a subgroup cannot have a lesson while the whole class has one
    schedule.call("CreateTimetableEntry", entry(school, weekday=2, lesson_number=4, room=""))
    with pytest.raises(grpc.RpcError) as err:
        schedule.call("CreateTimetableEntry", entry(school, weekday=2, lesson_number=4, subject_id=subject_1.id,
                                                    teacher_id=teacher_1, subgroup_id=first.id, room=""))
    assert "«Математика», 5А" in rpc_error(err)[1]


def test_a_subgroup_entry_needs_an_assignment_and_a_subgroup_of_the_class(schedule, school):
    first, = split(schedule, school, names=("Труд, мальчики",))
    with pytest.raises(grpc.RpcError) as err:  # Математика is assigned to the whole class: fine for a subgroup
        schedule.call("CreateTimetableEntry", entry(school, weekday=5, subgroup_id=str(uuid.uuid4())))
    assert rpc_error(err)[0] == grpc.StatusCode.NOT_FOUND and "subgroup_id" in rpc_error(err)[2]
    assert schedule.call("CreateTimetableEntry", entry(school, weekday=5, subgroup_id=first.id)).lessons_created > 0
    other = schedule.call("CreateClassGroup", pb.CreateClassGroupRequest(
        school_id=school.id, academic_year_id=school.year.id, grade=5, name="5В"))
    with pytest.raises(grpc.RpcError) as err:
        schedule.call("AssignTeacher", pb.AssignTeacherRequest(
            school_id=school.id, teacher_id=school.teacher_id, subject_id=school.subject.id,
            class_group_id=other.id, subgroup_id=first.id))
    assert rpc_error(err)[0] == grpc.StatusCode.INVALID_ARGUMENT and "subgroup_id" in rpc_error(err)[2]


def test_only_managers_create_subgroups_and_no_school_sees_anothers(schedule, school):
    first, = split(schedule, school, names=("1 группа",))
    other = str(uuid.uuid4())
    schedule.principals.grant(other, "school_admin")
    with pytest.raises(grpc.RpcError) as err:
        schedule.call("GetSubgroup", pb.GetSubgroupRequest(school_id=other, subgroup_id=first.id))
    assert rpc_error(err)[0] == grpc.StatusCode.NOT_FOUND
    with schedule.db.tenant_session(other) as session:
        assert [session.scalar(select(func.count()).select_from(t)) for t in (subgroups, subgroup_students)] == [0, 0]
    with schedule.db.tenant_session(school.id) as session:
        assert [session.scalar(select(func.count()).select_from(t)) for t in (subgroups, subgroup_students)] == [1, 3]
    with pytest.raises(DBAPIError, match="row-level security"), schedule.db.tenant_session(other) as session:
        session.execute(insert(subgroup_students).values(school_id=school.id, subgroup_id=first.id,
                                                         student_id=str(uuid.uuid4())))
    schedule.principals.grant(school.id, "subject_teacher")
    with pytest.raises(grpc.RpcError) as err:
        schedule.call("CreateSubgroup", pb.CreateSubgroupRequest(
            school_id=school.id, class_group_id=school.class_group.id, name="2 группа", student_ids=first.student_ids))
    assert rpc_error(err)[0] == grpc.StatusCode.PERMISSION_DENIED
    assert schedule.call("GetSubgroup", pb.GetSubgroupRequest(school_id=school.id, subgroup_id=first.id)) == first


def test_a_subgroup_s_students_are_replaced_by_students_of_its_class(schedule, school):
    first, = split(schedule, school, names=("1 группа",))
    newcomers = schedule.staff.enrol(school.class_group.id, 2)
    changed = schedule.call("SetSubgroupStudents", pb.SetSubgroupStudentsRequest(
        school_id=school.id, subgroup_id=first.id, student_ids=[first.student_ids[0], *newcomers]))
    assert list(changed.student_ids) == sorted([first.student_ids[0], *newcomers])
    assert schedule.call("GetSubgroup", pb.GetSubgroupRequest(school_id=school.id, subgroup_id=first.id)) == changed
    with pytest.raises(grpc.RpcError) as err:
        schedule.call("SetSubgroupStudents", pb.SetSubgroupStudentsRequest(
            school_id=school.id, subgroup_id=first.id, student_ids=[str(uuid.uuid4())]))
    assert "student_ids" in rpc_error(err)[2]
    assert schedule.call("GetSubgroup", pb.GetSubgroupRequest(school_id=school.id, subgroup_id=first.id)) == changed


def test_plan_progress_counts_the_lessons_of_one_subgroup_not_of_both(schedule, school):
    first, second = split(schedule, school)
    subject = schedule.call("CreateSubject", pb.CreateSubjectRequest(school_id=school.id, name="Английский язык"))
    for subgroup, weekdays in ((first, (2, 4)), (second, (3,))):  # the 2nd subgroup is short of a lesson a week
        teacher = str(uuid.uuid4())
        schedule.call("AssignTeacher", pb.AssignTeacherRequest(school_id=school.id, teacher_id=teacher,
                                                               subject_id=subject.id, class_group_id=school.class_group.id,
                                                               subgroup_id=subgroup.id))
        for weekday in weekdays:
            schedule.call("CreateTimetableEntry", entry(school, weekday=weekday, subject_id=subject.id, teacher_id=teacher,
                                                        subgroup_id=subgroup.id, room=""))
    progress = schedule.call("PlanProgress", pb.PlanProgressRequest(school_id=school.id, class_group_id=school.class_group.id,
                                                                    subject_id=subject.id))
    # first subgroup, 01.09-24.10 and 05.11-28.12.2025: Tuesdays 8 + 7, Thursdays 8 + 8; second: Wednesdays 8 + 8
    assert progress.lessons_total == 31
