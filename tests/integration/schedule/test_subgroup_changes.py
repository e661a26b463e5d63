"""Renaming and deleting subgroups on the real PostgreSQL: a rename keeps the lessons (which show the new name); a
deletion takes the subgroup's timetable, lessons (LessonCancelled for the scheduled ones), assignments and students
with it, and is refused once the journal has records or a mismatch report exists for one of its lessons."""
import uuid

import grpc
import pytest
from sqlalchemy import func, select

from proto.journal.v1 import journal_pb2
from proto.schedule.v1 import schedule_pb2 as pb
from services.schedule.adapters import tables
from tests.integration.schedule.conftest import entry
from tests.integration.schedule.test_subgroups import english, split
from tests.integration.schedule.test_timetable_changes import record
from tests.support.grpc_harness import rpc_error

pytestmark = pytest.mark.stack


def refusal(schedule, rpc, request):
    with pytest.raises(grpc.RpcError) as err:
        schedule.call(rpc, request)
    code, message, fields = rpc_error(err)
    return code, message, list(fields)


def subgroup_lessons(schedule, school, subgroup):
    return [x for x in schedule.call("ListLessons", pb.ListLessonsRequest(
        school_id=school.id, class_group_id=school.class_group.id)).lessons if x.subgroup_id == subgroup.id]


def with_lessons(schedule, school):
    first, second = split(schedule, school)
    for subgroup in (first, second):
        subject, teacher = english(schedule, school, subgroup)
        schedule.call("CreateTimetableEntry", entry(school, weekday=2, lesson_number=3, subject_id=subject.id,
                                                    teacher_id=teacher, subgroup_id=subgroup.id, room=""))
    return first, second


def test_a_renamed_subgroup_keeps_its_lessons_and_a_taken_name_is_refused(schedule, school):
    first, second = with_lessons(schedule, school)
    renamed = schedule.call("RenameSubgroup", pb.RenameSubgroupRequest(school_id=school.id, subgroup_id=first.id,
                                                                       name="Английский, группа Смирновой"))
    assert (renamed.id, renamed.name, list(renamed.student_ids)) == (first.id, "Английский, группа Смирновой",
                                                                     list(first.student_ids))
    assert {x.subgroup_name for x in subgroup_lessons(schedule, school, first)} == {"Английский, группа Смирновой"}
    assert refusal(schedule, "RenameSubgroup", pb.RenameSubgroupRequest(
        school_id=school.id, subgroup_id=first.id, name="английский, 2 ГРУППА"))[::2] == (
        grpc.StatusCode.ALREADY_EXISTS, ["name"])
    assert refusal(schedule, "RenameSubgroup", pb.RenameSubgroupRequest(
        school_id=school.id, subgroup_id=first.id, name=""))[::2] == (grpc.StatusCode.INVALID_ARGUMENT, ["name"])
    # the same name again (another case) is no clash with itself
    schedule.call("RenameSubgroup", pb.RenameSubgroupRequest(school_id=school.id, subgroup_id=second.id,
                                                             name="английский, 2 группа"))


def test_a_subgroup_is_deleted_with_its_timetable_unless_the_journal_has_records(schedule, school):
    first, second = with_lessons(schedule, school)
    lessons_of_first = subgroup_lessons(schedule, school, first)
    record(schedule, school.id, journal_pb2.TopicSet(lesson_id=subgroup_lessons(schedule, school, second)[0].id,
                                                     topic="Present Simple"))
    code, message, fields = refusal(schedule, "DeleteSubgroup", pb.DeleteSubgroupRequest(school_id=school.id,
                                                                                         subgroup_id=second.id))
    assert (code, fields) == (grpc.StatusCode.FAILED_PRECONDITION, ["subgroup_id"]) and "есть записи" in message

    schedule.principals.grant(school.id, "subject_teacher", person_id=lessons_of_first[0].teacher_id)
    schedule.call("ReportMismatch", pb.ReportMismatchRequest(school_id=school.id, lesson_id=lessons_of_first[1].id,
                                                             message="В журнале другая дата"))
    schedule.principals.grant(school.id, "school_admin")
    code, message, _ = refusal(schedule, "DeleteSubgroup", pb.DeleteSubgroupRequest(school_id=school.id,
                                                                                    subgroup_id=first.id))
    assert code == grpc.StatusCode.FAILED_PRECONDITION and "расхождении дат" in message
    with schedule.db.tenant_session(school.id) as session:
        session.execute(tables.mismatch_reports.delete())

    with schedule.db.tenant_session(school.id) as session:
        outbox_before = session.scalar(select(func.count()).select_from(tables.outbox))
    reply = schedule.call("DeleteSubgroup", pb.DeleteSubgroupRequest(school_id=school.id, subgroup_id=first.id))
    assert (reply.lessons_deleted, reply.timetable_entries_deleted) == (len(lessons_of_first), 1)
    assert not subgroup_lessons(schedule, school, first)
    assert [s.id for s in schedule.call("ListSubgroups", pb.ListSubgroupsRequest(
        school_id=school.id, class_group_id=school.class_group.id)).subgroups] == [second.id]
    with schedule.db.tenant_session(school.id) as session:
        assert session.scalar(select(func.count()).select_from(tables.outbox)) - outbox_before == len(lessons_of_first)
        assert not session.scalar(select(func.count()).select_from(tables.teaching_assignments)
                                  .where(tables.teaching_assignments.c.subgroup_id == first.id))
        assert not session.scalar(select(func.count()).select_from(tables.subgroup_students)
                                  .where(tables.subgroup_students.c.subgroup_id == first.id))
    assert refusal(schedule, "DeleteSubgroup", pb.DeleteSubgroupRequest(
        school_id=school.id, subgroup_id=first.id))[::2] == (grpc.StatusCode.NOT_FOUND, ["subgroup_id"])
    other = str(uuid.uuid4())
    schedule.principals.grant(other, "school_admin")
    assert refusal(schedule, "DeleteSubgroup", pb.DeleteSubgroupRequest(school_id=other, subgroup_id=second.id))[0] \
        == grpc.StatusCode.NOT_FOUND
    schedule.principals.grant(school.id, "subject_teacher")
    assert refusal(schedule, "RenameSubgroup", pb.RenameSubgroupRequest(school_id=school.id, subgroup_id=second.id,
                                                                        name="x"))[0] == grpc.StatusCode.PERMISSION_DENIED
