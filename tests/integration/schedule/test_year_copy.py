"""A new year copied from an earlier one on the real PostgreSQL: terms shifted by a year with their grades, class
groups, subgroups without students, curriculum and assignments; nothing else; refusals."""
import uuid

import grpc
import pytest

from proto.schedule.v1 import schedule_pb2 as pb
from tests.support.grpc_harness import rpc_error

pytestmark = pytest.mark.stack


def test_the_next_year_gets_the_structure_of_this_one(schedule, school):
    sid = school.id
    students = schedule.staff.enrol(school.class_group.id, 2)
    group = schedule.call("CreateSubgroup", pb.CreateSubgroupRequest(
        school_id=sid, class_group_id=school.class_group.id, name="1 группа", student_ids=students))
    english = schedule.call("CreateSubject", pb.CreateSubjectRequest(school_id=sid, name="Английский язык"))
    english_teacher = str(uuid.uuid4())
    schedule.call("AssignTeacher", pb.AssignTeacherRequest(school_id=sid, teacher_id=english_teacher, subject_id=english.id,
                                                           class_group_id=school.class_group.id, subgroup_id=group.id))
    schedule.call("SetCurriculumHours", pb.SetCurriculumHoursRequest(
        school_id=sid, class_group_id=school.class_group.id, subject_id=school.subject.id, hours_per_week="4.5"))
    schedule.call("AddHoliday", pb.AddHolidayRequest(school_id=sid, academic_year_id=school.year.id, name="Осенние",
                                                     start_date="2025-10-27", end_date="2025-11-04"))

    reply = schedule.call("CopyAcademicYear", pb.CopyAcademicYearRequest(school_id=sid, source_year_id=school.year.id,
                                                                         name="2026/2027"))
    year = reply.academic_year
    assert (year.name, year.start_date, year.end_date, year.status) == ("2026/2027", "2026-09-01", "2027-05-31", "open")
    assert [(t.name, t.start_date, t.end_date) for t in year.terms] == [
        ("1 четверть", "2026-09-01", "2026-10-24"), ("2 четверть", "2026-11-05", "2026-12-28")]
    assert (reply.class_groups, reply.subgroups, reply.curriculum_rows, reply.assignments) == (1, 1, 1, 2)
    new_group, = schedule.call("ListClassGroups", pb.ListClassGroupsRequest(school_id=sid, academic_year_id=year.id)).class_groups
    assert (new_group.name, new_group.grade) == ("5А", 5) and new_group.id != school.class_group.id
    copied, = schedule.call("ListSubgroups", pb.ListSubgroupsRequest(school_id=sid, class_group_id=new_group.id)).subgroups
    assert (copied.name, list(copied.student_ids)) == ("1 группа", [])
    curriculum = schedule.call("GetCurriculum", pb.GetCurriculumRequest(school_id=sid, class_group_id=new_group.id))
    assert [(h.subject_name, h.hours_per_week) for h in curriculum.hours] == [("Математика", "4.5")]
    assert not schedule.call("ListHolidays", pb.ListHolidaysRequest(school_id=sid, academic_year_id=year.id)).holidays
    # the copied assignments let the new year's timetable be made at once, for the class and for the subgroup
    for subject, teacher, subgroup in ((school.subject.id, school.teacher_id, ""), (english.id, english_teacher, copied.id)):
        schedule.call("CreateTimetableEntry", pb.CreateTimetableEntryRequest(entry=pb.TimetableEntry(
            school_id=sid, class_group_id=new_group.id, subject_id=subject, teacher_id=teacher, subgroup_id=subgroup,
            weekday=2, lesson_number=1 if not subgroup else 2, starts_at="08:30", ends_at="09:15")))

    cases = [("2026/2027", school.year.id, grpc.StatusCode.ALREADY_EXISTS, "name"),
             ("2025/2026", school.year.id, grpc.StatusCode.INVALID_ARGUMENT, "name"),
             ("2027-2028", school.year.id, grpc.StatusCode.INVALID_ARGUMENT, "name"),
             ("2027/2028", str(uuid.uuid4()), grpc.StatusCode.NOT_FOUND, "source_year_id")]
    for name, source, code, field in cases:
        with pytest.raises(grpc.RpcError) as err:
            schedule.call("CopyAcademicYear", pb.CopyAcademicYearRequest(school_id=sid, source_year_id=source, name=name))
        assert (rpc_error(err)[0], field in rpc_error(err)[2]) == (code, True), name
    schedule.principals.grant(sid, "subject_teacher")
    with pytest.raises(grpc.RpcError) as err:
        schedule.call("CopyAcademicYear", pb.CopyAcademicYearRequest(school_id=sid, source_year_id=school.year.id,
                                                                     name="2027/2028"))
    assert rpc_error(err)[0] == grpc.StatusCode.PERMISSION_DENIED
