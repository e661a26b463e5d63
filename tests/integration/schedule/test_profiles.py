"""Curriculum profiles on the real PostgreSQL: a year's profile for some grades with its standard hours, applied to
a class of those grades (its hours written into the class's curriculum, other subjects kept), a class leaving its
profile, copying a year with its profiles, refusals with their fields, roles and row-level security."""
import uuid

import grpc
import pytest
from sqlalchemy import func, insert, select
from sqlalchemy.exc import DBAPIError

from proto.schedule.v1 import schedule_pb2 as pb
from services.schedule.adapters.tables import curriculum_profiles, profile_hours
from tests.support.grpc_harness import rpc_error

pytestmark = pytest.mark.stack


def subject(schedule, school, name):
    return schedule.call("CreateSubject", pb.CreateSubjectRequest(school_id=school.id, name=name))


def profile(schedule, school, name="Физико-математический", grades=(10, 11)):
    return schedule.call("CreateProfile", pb.CreateProfileRequest(
        school_id=school.id, academic_year_id=school.year.id, name=name, grade_from=grades[0], grade_to=grades[1]))


def hours(schedule, school, profile_id, subject_id, value):
    return schedule.call("SetProfileHours", pb.SetProfileHoursRequest(
        school_id=school.id, profile_id=profile_id, subject_id=subject_id, hours_per_week=value))


def senior(schedule, school, name="10а", grade=10):
    return schedule.call("CreateClassGroup", pb.CreateClassGroupRequest(
        school_id=school.id, academic_year_id=school.year.id, grade=grade, name=name))


def apply(schedule, school, class_group_id, profile_id):
    return schedule.call("ApplyProfile", pb.ApplyProfileRequest(school_id=school.id, class_group_id=class_group_id,
                                                                profile_id=profile_id))


def refused(schedule, method, request):
    with pytest.raises(grpc.RpcError) as err:
        schedule.call(method, request)
    code, _, fields = rpc_error(err)
    return code, list(fields)


def test_a_profile_sets_its_hours_in_a_class_and_keeps_the_others(schedule, school):
    physics, history = subject(schedule, school, "Физика"), subject(schedule, school, "История")
    maths = school.subject
    science = profile(schedule, school)
    hours(schedule, school, science.id, maths.id, "6")
    hours(schedule, school, science.id, physics.id, "5")
    changed = hours(schedule, school, science.id, physics.id, "4,5")  # set again: changed
    assert [(h.subject_name, h.hours_per_week) for h in changed.hours] == [("Математика", "6"), ("Физика", "4.5")]
    group = senior(schedule, school)
    schedule.call("SetCurriculumHours", pb.SetCurriculumHoursRequest(
        school_id=school.id, class_group_id=group.id, subject_id=history.id, hours_per_week="2"))
    schedule.call("SetCurriculumHours", pb.SetCurriculumHoursRequest(
        school_id=school.id, class_group_id=group.id, subject_id=maths.id, hours_per_week="4"))
    reply = apply(schedule, school, group.id, science.id)
    assert (reply.hours_set, reply.class_group.profile_id) == (2, science.id)
    assert [(h.subject_name, h.hours_per_week) for h in reply.curriculum.hours] == [
        ("История", "2"), ("Математика", "6"), ("Физика", "4.5")]
    assert (reply.curriculum.total_hours_per_week, reply.curriculum.profile_name) == ("12.5", "Физико-математический")
    read = schedule.call("GetCurriculum", pb.GetCurriculumRequest(school_id=school.id, class_group_id=group.id))
    assert (read.profile_id, read.total_hours_per_week) == (science.id, "12.5")
    assert schedule.call("GetClassGroup", pb.GetClassGroupRequest(school_id=school.id,
                                                                  class_group_id=group.id)).profile_id == science.id
    # leaving the profile keeps the hours
    left = apply(schedule, school, group.id, "")
    assert (left.class_group.profile_id, left.curriculum.profile_name, left.curriculum.total_hours_per_week) == (
        "", "", "12.5")
    humanities = profile(schedule, school, "Гуманитарный", (10, 10))
    listed = schedule.call("ListProfiles", pb.ListProfilesRequest(school_id=school.id,
                                                                  academic_year_id=school.year.id)).profiles
    assert [(p.name, p.grade_from, p.grade_to, len(p.hours)) for p in listed] == [
        ("Гуманитарный", 10, 10, 0), ("Физико-математический", 10, 11, 2)]
    assert listed[0].id == humanities.id


def test_copying_a_year_takes_its_profiles_and_the_classes_following_them(schedule, school):
    science = profile(schedule, school)
    hours(schedule, school, science.id, school.subject.id, "6")
    group = senior(schedule, school)
    apply(schedule, school, group.id, science.id)
    copied = schedule.call("CopyAcademicYear", pb.CopyAcademicYearRequest(
        school_id=school.id, source_year_id=school.year.id, name="2026/2027"))
    assert copied.profiles == 1
    [new_profile] = schedule.call("ListProfiles", pb.ListProfilesRequest(
        school_id=school.id, academic_year_id=copied.academic_year.id)).profiles
    assert new_profile.id != science.id and [h.hours_per_week for h in new_profile.hours] == ["6"]
    groups = schedule.call("ListClassGroups", pb.ListClassGroupsRequest(
        school_id=school.id, academic_year_id=copied.academic_year.id)).class_groups
    assert {g.name: g.profile_id for g in groups} == {"5А": "", "10А": new_profile.id}


def test_refusals_name_the_field(schedule, school):
    science = profile(schedule, school)
    fifth = school.class_group.id
    year = school.year.id
    cases = [
        ("CreateProfile", pb.CreateProfileRequest(school_id=school.id, academic_year_id=year, name="физико-математический",
                                                  grade_from=10, grade_to=11), grpc.StatusCode.ALREADY_EXISTS, "name"),
        ("CreateProfile", pb.CreateProfileRequest(school_id=school.id, academic_year_id=year, name=" ", grade_from=10,
                                                  grade_to=11), grpc.StatusCode.INVALID_ARGUMENT, "name"),
        ("CreateProfile", pb.CreateProfileRequest(school_id=school.id, academic_year_id=year, name="Х", grade_from=11,
                                                  grade_to=10), grpc.StatusCode.INVALID_ARGUMENT, "grade_from"),
        ("CreateProfile", pb.CreateProfileRequest(school_id=school.id, academic_year_id=str(uuid.uuid4()), name="Х",
                                                  grade_from=10, grade_to=11), grpc.StatusCode.NOT_FOUND,
         "academic_year_id"),
        ("SetProfileHours", pb.SetProfileHoursRequest(school_id=school.id, profile_id=science.id,
                                                      subject_id=school.subject.id, hours_per_week="11"),
         grpc.StatusCode.INVALID_ARGUMENT, "hours_per_week"),
        ("SetProfileHours", pb.SetProfileHoursRequest(school_id=school.id, profile_id=str(uuid.uuid4()),
                                                      subject_id=school.subject.id, hours_per_week="2"),
         grpc.StatusCode.NOT_FOUND, "profile_id"),
        ("SetProfileHours", pb.SetProfileHoursRequest(school_id=school.id, profile_id=science.id,
                                                      subject_id=str(uuid.uuid4()), hours_per_week="2"),
         grpc.StatusCode.NOT_FOUND, "subject_id"),
        ("ApplyProfile", pb.ApplyProfileRequest(school_id=school.id, class_group_id=fifth, profile_id=science.id),
         grpc.StatusCode.INVALID_ARGUMENT, "profile_id"),  # 5А is not in 10-11
        ("ApplyProfile", pb.ApplyProfileRequest(school_id=school.id, class_group_id=fifth, profile_id="x"),
         grpc.StatusCode.INVALID_ARGUMENT, "profile_id"),
        ("ApplyProfile", pb.ApplyProfileRequest(school_id=school.id, class_group_id=str(uuid.uuid4()),
                                                profile_id=science.id), grpc.StatusCode.NOT_FOUND, "class_group_id"),
    ]
    for method, request, code, field in cases:
        assert refused(schedule, method, request) == (code, [field]), (method, field)


def test_only_managers_change_profiles_and_no_school_sees_anothers(schedule, school):
    science = profile(schedule, school)
    hours(schedule, school, science.id, school.subject.id, "6")
    other = str(uuid.uuid4())
    schedule.principals.grant(other, "school_admin")
    assert refused(schedule, "SetProfileHours", pb.SetProfileHoursRequest(
        school_id=other, profile_id=science.id, subject_id=school.subject.id, hours_per_week="2"))[0] == \
        grpc.StatusCode.NOT_FOUND
    with schedule.db.tenant_session(other) as session:
        assert [session.scalar(select(func.count()).select_from(t)) for t in (curriculum_profiles, profile_hours)] == [0, 0]
    with schedule.db.tenant_session(school.id) as session:
        assert [session.scalar(select(func.count()).select_from(t)) for t in (curriculum_profiles, profile_hours)] == [1, 1]
    with pytest.raises(DBAPIError, match="row-level security"), schedule.db.tenant_session(other) as session:
        session.execute(insert(curriculum_profiles).values(id=str(uuid.uuid4()), school_id=school.id, name="чужой",
                                                           academic_year_id=school.year.id, grade_from=1, grade_to=4))
    schedule.principals.grant(school.id, "subject_teacher")
    assert refused(schedule, "CreateProfile", pb.CreateProfileRequest(
        school_id=school.id, academic_year_id=school.year.id, name="Х", grade_from=10, grade_to=11))[0] == \
        grpc.StatusCode.PERMISSION_DENIED
    listed = schedule.call("ListProfiles", pb.ListProfilesRequest(school_id=school.id, academic_year_id=school.year.id))
    assert [p.name for p in listed.profiles] == ["Физико-математический"]  # reading is for every role
