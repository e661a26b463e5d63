"""A teacher loads the thematic plan of a subject they teach in the class (S3: the subject teacher answers for the
plan); another subject, another class or a teacher without an assignment is refused, and other roles and schools
as before."""
import uuid

import grpc
import pytest

from proto.schedule.v1 import schedule_pb2 as pb
from tests.integration.schedule.test_plans import PLAN, import_plan, topics
from tests.support.grpc_harness import rpc_error

pytestmark = pytest.mark.stack


def refused(schedule, school, **changes) -> tuple[grpc.StatusCode, str]:
    request = pb.ImportThematicPlanRequest(school_id=school.id, class_group_id=school.class_group.id,
                                           subject_id=school.subject.id, filename="план.csv", content=PLAN)
    for key, value in changes.items():
        setattr(request, key, value)
    with pytest.raises(grpc.RpcError) as err:
        schedule.call("ImportThematicPlan", request)
    code, message, _ = rpc_error(err)
    return code, message


def test_the_assigned_teacher_loads_the_plan_of_their_subject_only(schedule, school):
    schedule.principals.grant(school.id, "subject_teacher", person_id=school.teacher_id)
    checked = import_plan(schedule, school, PLAN, dry_run=True)
    assert (checked.applied, len(checked.topics)) == (False, 3)
    assert import_plan(schedule, school, PLAN).applied
    assert [t[1] for t in topics(schedule, school)] == ["Натуральные числа", "Дроби", "Проценты"]
    schedule.principals.grant(school.id, "school_admin")
    physics = schedule.call("CreateSubject", pb.CreateSubjectRequest(school_id=school.id, name="Физика"))
    other_class = schedule.call("CreateClassGroup", pb.CreateClassGroupRequest(
        school_id=school.id, academic_year_id=school.year.id, grade=6, name="6А"))
    schedule.principals.grant(school.id, "subject_teacher", person_id=school.teacher_id)
    code, message = refused(schedule, school, subject_id=physics.id)
    assert code == grpc.StatusCode.PERMISSION_DENIED and "учитель, который ведёт этот предмет" in message
    assert refused(schedule, school, class_group_id=other_class.id)[0] == grpc.StatusCode.PERMISSION_DENIED
    schedule.principals.grant(school.id, "subject_teacher", person_id=str(uuid.uuid4()))
    assert refused(schedule, school)[0] == grpc.StatusCode.PERMISSION_DENIED
    schedule.principals.grant(school.id, "student", person_id=school.teacher_id)
    assert refused(schedule, school)[0] == grpc.StatusCode.PERMISSION_DENIED
    schedule.principals.grant(school.id, "deputy_head")  # a manager loads any plan
    assert import_plan(schedule, school, PLAN, dry_run=True).topics
    other = str(uuid.uuid4())
    schedule.principals.grant(other, "subject_teacher", person_id=school.teacher_id)
    assert refused(schedule, school, school_id=other)[0] == grpc.StatusCode.NOT_FOUND
