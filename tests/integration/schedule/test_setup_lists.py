"""The lists the set-up pages use (years with terms, subjects, a class's teaching assignments) and the school's
schedule policy read and changed by managers only, checked value by value, and used by the late-notice warning."""
import datetime as dt
import uuid

import grpc
import pytest

from proto.schedule.v1 import schedule_pb2 as pb
from tests.support.grpc_harness import rpc_error

pytestmark = pytest.mark.stack


def test_years_subjects_and_assignments_are_listed(schedule, school):
    later = schedule.call("CreateAcademicYear", pb.CreateAcademicYearRequest(
        school_id=school.id, name="2026/2027", start_date="2026-09-01", end_date="2027-05-31",
        terms=[pb.Term(name="1 полугодие", kind="half_year", start_date="2026-09-01", end_date="2026-12-28")]))
    years = schedule.call("ListAcademicYears", pb.ListAcademicYearsRequest(school_id=school.id)).academic_years
    assert [y.name for y in years] == ["2026/2027", "2025/2026"]
    assert years[0] == later and [t.name for t in years[1].terms] == ["1 четверть", "2 четверть"]
    schedule.call("CreateSubject", pb.CreateSubjectRequest(school_id=school.id, name="Английский язык"))
    subjects = schedule.call("ListSubjects", pb.ListSubjectsRequest(school_id=school.id)).subjects
    assert [s.name for s in subjects] == ["Английский язык", "Математика"]
    english = subjects[0]
    other_teacher = str(uuid.uuid4())
    schedule.call("AssignTeacher", pb.AssignTeacherRequest(school_id=school.id, teacher_id=other_teacher,
                                                           subject_id=english.id, class_group_id=school.class_group.id))
    assignments = schedule.call("ListTeachingAssignments", pb.ListTeachingAssignmentsRequest(
        school_id=school.id, class_group_id=school.class_group.id)).assignments
    assert [(a.subject_id, a.teacher_id) for a in assignments] == [(english.id, other_teacher),
                                                                   (school.subject.id, school.teacher_id)]
    with pytest.raises(grpc.RpcError) as err:
        schedule.call("ListTeachingAssignments", pb.ListTeachingAssignmentsRequest(
            school_id=school.id, class_group_id=str(uuid.uuid4())))
    assert rpc_error(err)[0] == grpc.StatusCode.NOT_FOUND
    stranger = str(uuid.uuid4())
    schedule.principals.grant(stranger, "school_admin")
    assert not schedule.call("ListSubjects", pb.ListSubjectsRequest(school_id=stranger)).subjects
    assert not schedule.call("ListAcademicYears", pb.ListAcademicYearsRequest(school_id=stranger)).academic_years


def test_the_policy_has_defaults_changes_field_by_field_and_drives_the_warning(schedule, school):
    policy = schedule.call("GetSchedulePolicy", pb.GetSchedulePolicyRequest(school_id=school.id))
    assert (policy.holiday_notice_days, policy.transfer_notice_working_days, policy.curriculum_due,
            policy.timetable_due) == (14, 3, "09-15", "09-20")
    changed = schedule.call("SetSchedulePolicy", pb.SetSchedulePolicyRequest(
        school_id=school.id, holiday_notice_days=30, timetable_due="09-25"))
    assert (changed.holiday_notice_days, changed.transfer_notice_working_days, changed.timetable_due,
            changed.curriculum_due) == (30, 3, "09-25", "09-15")
    assert schedule.call("GetSchedulePolicy", pb.GetSchedulePolicyRequest(school_id=school.id)) == changed
    # 20 days ahead: in time by the default 14 days, late by the school's 30
    schedule.clock.today = dt.date(2025, 10, 6)
    reply = schedule.call("AddHoliday", pb.AddHolidayRequest(
        school_id=school.id, academic_year_id=school.year.id, name="Осенние каникулы", start_date="2025-10-26",
        end_date="2025-11-02"))
    assert reply.warnings and "за 30 дн." in reply.warnings[0]
    for field, request in [
            ("holiday_notice_days", pb.SetSchedulePolicyRequest(school_id=school.id, holiday_notice_days=-1)),
            ("transfer_notice_working_days", pb.SetSchedulePolicyRequest(school_id=school.id,
                                                                         transfer_notice_working_days=31)),
            ("curriculum_due", pb.SetSchedulePolicyRequest(school_id=school.id, curriculum_due="02-29")),
            ("timetable_due", pb.SetSchedulePolicyRequest(school_id=school.id, timetable_due="20.09"))]:
        with pytest.raises(grpc.RpcError) as err:
            schedule.call("SetSchedulePolicy", request)
        code, _, fields = rpc_error(err)
        assert (code, list(fields)) == (grpc.StatusCode.INVALID_ARGUMENT, [field])
    assert schedule.call("GetSchedulePolicy", pb.GetSchedulePolicyRequest(school_id=school.id)) == changed


@pytest.mark.parametrize("role", ["subject_teacher", "student", "director"])
def test_only_managers_read_and_change_the_policy(schedule, school, role):
    schedule.principals.grant(school.id, role)
    for rpc, request in [("GetSchedulePolicy", pb.GetSchedulePolicyRequest(school_id=school.id)),
                         ("SetSchedulePolicy", pb.SetSchedulePolicyRequest(school_id=school.id, holiday_notice_days=1))]:
        with pytest.raises(grpc.RpcError) as err:
            schedule.call(rpc, request)
        assert rpc_error(err)[0] == grpc.StatusCode.PERMISSION_DENIED
