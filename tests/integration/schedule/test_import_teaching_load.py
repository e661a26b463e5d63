"""ImportTeachingLoad on the real PostgreSQL: a school's assignments and curriculum hours at once, all or nothing,
checked like AssignTeacher and SetCurriculumHours; sending the same load again adds nothing."""
import uuid

import grpc
import pytest
from sqlalchemy import func, select

from proto.schedule.v1 import schedule_pb2 as pb
from services.schedule.adapters.tables import curriculum_hours, teaching_assignments
from tests.support.grpc_harness import rpc_error

pytestmark = pytest.mark.stack


def counts(schedule, school_id: str) -> tuple[int, int]:
    with schedule.db.tenant_session(school_id) as session:
        return tuple(session.scalar(select(func.count()).select_from(table))
                     for table in (teaching_assignments, curriculum_hours))


def load(school_id: str, assignments=(), hours=()) -> pb.ImportTeachingLoadRequest:
    return pb.ImportTeachingLoadRequest(
        school_id=school_id, assignments=[pb.TeachingLoadAssignment(**a) for a in assignments],
        hours=[pb.TeachingLoadHours(**h) for h in hours])


@pytest.fixture
def physics(schedule, school) -> str:
    return schedule.call("CreateSubject", pb.CreateSubjectRequest(school_id=school.id, name="Физика")).id


def test_a_load_is_imported_once_and_sending_it_again_adds_nothing(schedule, school, physics):
    group_b = schedule.call("CreateClassGroup", pb.CreateClassGroupRequest(
        school_id=school.id, academic_year_id=school.year.id, grade=5, name="5Б")).id
    physicist = str(uuid.uuid4())
    request = load(school.id, assignments=[
        dict(teacher_id=school.teacher_id, subject_id=school.subject.id, class_group_id=school.class_group.id),  # stored
        dict(teacher_id=school.teacher_id, subject_id=school.subject.id, class_group_id=group_b),
        dict(teacher_id=physicist, subject_id=physics, class_group_id=school.class_group.id),
        dict(teacher_id=physicist, subject_id=physics, class_group_id=group_b),
        dict(teacher_id=physicist, subject_id=physics, class_group_id=group_b),  # twice in one call: once
    ], hours=[
        dict(class_group_id=school.class_group.id, subject_id=school.subject.id, hours_per_week="5"),
        dict(class_group_id=school.class_group.id, subject_id=physics, hours_per_week="1,5"),
        dict(class_group_id=group_b, subject_id=physics, hours_per_week="2"),
    ])
    reply = schedule.call("ImportTeachingLoad", request)
    assert (reply.assignments_created, reply.hours_set) == (3, 3)
    assert counts(schedule, school.id) == (4, 3)
    taught = schedule.call("ListTeachingAssignments", pb.ListTeachingAssignmentsRequest(
        school_id=school.id, class_group_id=group_b)).assignments
    assert {(a.teacher_id, a.subject_id) for a in taught} == {(school.teacher_id, school.subject.id), (physicist, physics)}
    curriculum = schedule.call("GetCurriculum", pb.GetCurriculumRequest(
        school_id=school.id, class_group_id=school.class_group.id))
    assert {(h.subject_name, h.hours_per_week) for h in curriculum.hours} == {("Математика", "5"), ("Физика", "1.5")}

    again = schedule.call("ImportTeachingLoad", request)
    assert (again.assignments_created, again.hours_set) == (0, 0)
    assert counts(schedule, school.id) == (4, 3)
    changed = schedule.call("ImportTeachingLoad", load(school.id, hours=[
        dict(class_group_id=group_b, subject_id=physics, hours_per_week="3")]))
    assert changed.hours_set == 1 and counts(schedule, school.id) == (4, 3)


def test_every_wrong_row_is_named_and_nothing_is_written(schedule, school, physics):
    stranger = str(uuid.uuid4())
    schedule.staff.missing.add(stranger)
    before = counts(schedule, school.id)
    with pytest.raises(grpc.RpcError) as err:
        schedule.call("ImportTeachingLoad", load(school.id, assignments=[
            dict(teacher_id=str(uuid.uuid4()), subject_id=physics, class_group_id=school.class_group.id),  # good
            dict(teacher_id=stranger, subject_id=physics, class_group_id=school.class_group.id),
            dict(teacher_id=str(uuid.uuid4()), subject_id=str(uuid.uuid4()), class_group_id=school.class_group.id),
            dict(teacher_id=str(uuid.uuid4()), subject_id=physics, class_group_id="5А"),
        ], hours=[
            dict(class_group_id=school.class_group.id, subject_id=physics, hours_per_week="2"),  # good
            dict(class_group_id=school.class_group.id, subject_id=school.subject.id, hours_per_week="11"),
            dict(class_group_id=str(uuid.uuid4()), subject_id=physics, hours_per_week="1"),
            dict(class_group_id=school.class_group.id, subject_id=physics, hours_per_week="3"),
        ]))
    code, message, fields = rpc_error(err)
    assert code == grpc.StatusCode.INVALID_ARGUMENT and message == "Нагрузка не загружена: ошибок 6, ничего не сохранено"
    assert fields == {
        "assignments[1].teacher_id": "в этой школе нет такого сотрудника",
        "assignments[2].subject_id": "Предмет не найден",
        "assignments[3].class_group_id": fields["assignments[3].class_group_id"],
        "hours[1].hours_per_week": "от 0.5 до 10 ч.",
        "hours[2].class_group_id": "Класс не найден",
        "hours[3].subject_id": "часы этого предмета в классе уже заданы иначе в hours[0]",
    }
    assert counts(schedule, school.id) == before


def test_hours_of_a_closed_year_are_refused(schedule, school):
    schedule.call("CloseAcademicYear", pb.CloseAcademicYearRequest(school_id=school.id, academic_year_id=school.year.id))
    with pytest.raises(grpc.RpcError) as err:
        schedule.call("ImportTeachingLoad", load(school.id, hours=[
            dict(class_group_id=school.class_group.id, subject_id=school.subject.id, hours_per_week="4")]))
    assert rpc_error(err)[2] == {"hours[0]": "Учебный год 2025/2026 закрыт"}


def test_another_school_s_class_is_not_found_and_readers_may_not_import(schedule, school):
    other = str(uuid.uuid4())
    schedule.principals.grant(other, "school_admin")
    with pytest.raises(grpc.RpcError) as err:
        schedule.call("ImportTeachingLoad", load(other, assignments=[dict(
            teacher_id=school.teacher_id, subject_id=school.subject.id, class_group_id=school.class_group.id)]))
    assert rpc_error(err)[2] == {"assignments[0].class_group_id": "Класс не найден"}
    assert counts(schedule, other) == (0, 0)
    schedule.principals.grant(school.id, "teacher")
    with pytest.raises(grpc.RpcError) as err:
        schedule.call("ImportTeachingLoad", load(school.id, hours=[
            dict(class_group_id=school.class_group.id, subject_id=school.subject.id, hours_per_week="4")]))
    assert err.value.code() == grpc.StatusCode.PERMISSION_DENIED
    with pytest.raises(grpc.RpcError) as err:
        schedule.call("ImportTeachingLoad", load(school.id))
    assert err.value.code() == grpc.StatusCode.PERMISSION_DENIED
