"""The year transition's structure on the real PostgreSQL (OpenNextYear): classes continued as grade + 1 with their
profile, subgroups without students, assignments and curriculum hours (those of the old class of the new name where
there is one), the 9th and 11th grades not continued, new classes empty; the timetable in force on the last day
copied as a draft that makes no lessons until published; once per source year; refusals that write nothing; the
events in the outbox."""
import datetime as dt
import uuid

import grpc
import pytest
from sqlalchemy import func, select

from proto.events.v1.envelope_pb2 import Envelope
from proto.schedule.v1 import schedule_pb2 as pb
from services.schedule.adapters.tables import academic_years, outbox, timetable_entries
from tests.integration.schedule.conftest import entry
from tests.support import grpc_harness, stack
from tests.support.grpc_harness import rpc_error

pytestmark = pytest.mark.stack

AFTER_THE_TERMS = dt.date(2026, 1, 10)  # the fixture's last quarter ends on 28 December 2025


def group(schedule, school, grade: int, name: str) -> pb.ClassGroup:
    return schedule.call("CreateClassGroup", pb.CreateClassGroupRequest(
        school_id=school.id, academic_year_id=school.year.id, grade=grade, name=name))


def set_hours(schedule, school, class_group_id: str, value: str) -> None:
    schedule.call("SetCurriculumHours", pb.SetCurriculumHoursRequest(
        school_id=school.id, class_group_id=class_group_id, subject_id=school.subject.id, hours_per_week=value))


def assign(schedule, school, class_group_id: str, teacher_id: str, subject_id: str = "", subgroup_id: str = ""):
    schedule.call("AssignTeacher", pb.AssignTeacherRequest(school_id=school.id, teacher_id=teacher_id,
                                                           subject_id=subject_id or school.subject.id,
                                                           class_group_id=class_group_id, subgroup_id=subgroup_id))


@pytest.fixture
def source(schedule, school):
    """2025/2026 with 5А (hours 4.5, a profile of the 5th grade, a subgroup with students, its English teacher, a
    timetable changed mid-year), 6А (hours 5), 9А, 10Б (a profile of 10-11) and 11А, each with a Monday lesson."""
    sid = school.id
    classes = {"5А": school.class_group} | {name: group(schedule, school, int(name[:-1]), name)
                                            for name in ("6А", "9А", "10Б", "11А")}
    set_hours(schedule, school, classes["5А"].id, "4.5")
    set_hours(schedule, school, classes["6А"].id, "5")
    students = schedule.staff.enrol(classes["5А"].id, 2)
    part = schedule.call("CreateSubgroup", pb.CreateSubgroupRequest(
        school_id=sid, class_group_id=classes["5А"].id, name="1 группа", student_ids=students))
    english = schedule.call("CreateSubject", pb.CreateSubjectRequest(school_id=sid, name="Английский язык"))
    english_teacher = str(uuid.uuid4())
    assign(schedule, school, classes["5А"].id, english_teacher, english.id, part.id)
    science = schedule.call("CreateProfile", pb.CreateProfileRequest(
        school_id=sid, academic_year_id=school.year.id, name="Физико-математический", grade_from=10, grade_to=11))
    schedule.call("ApplyProfile", pb.ApplyProfileRequest(school_id=sid, class_group_id=classes["10Б"].id,
                                                         profile_id=science.id))
    fifth = schedule.call("CreateProfile", pb.CreateProfileRequest(  # for the 5th grade only: 6А will follow none
        school_id=sid, academic_year_id=school.year.id, name="Пятые классы", grade_from=5, grade_to=5))
    schedule.call("ApplyProfile", pb.ApplyProfileRequest(school_id=sid, class_group_id=classes["5А"].id,
                                                         profile_id=fifth.id))
    for number, name in enumerate(("6А", "9А", "10Б", "11А"), start=2):
        teacher = str(uuid.uuid4())
        assign(schedule, school, classes[name].id, teacher)
        schedule.call("CreateTimetableEntry", entry(school, 1, number, class_group_id=classes[name].id,
                                                    teacher_id=teacher))
    monday = schedule.call("CreateTimetableEntry", entry(school, 1, 1)).entry
    schedule.call("ReplaceTimetableEntry", pb.ReplaceTimetableEntryRequest(  # from October: in room 305
        school_id=sid, entry_id=monday.id, effective_from="2025-10-06", entry=pb.TimetableEntry(
            subject_id=school.subject.id, teacher_id=school.teacher_id, weekday=1, lesson_number=1, starts_at="08:30",
            ends_at="09:15", room="305")))
    schedule.call("CreateTimetableEntry", entry(school, 2, 3, subject_id=english.id, teacher_id=english_teacher,
                                                subgroup_id=part.id, room="12"))
    return dict(classes=classes, english=english, english_teacher=english_teacher)


def open_next(schedule, school, name="2026/2027", new_classes=((1, "1а"), (10, "10А"))):
    return schedule.call("OpenNextYear", pb.OpenNextYearRequest(
        school_id=school.id, source_year_id=school.year.id, name=name,
        new_classes=[pb.NewClassGroup(grade=g, name=n) for g, n in new_classes]))


def events(schedule, school_id: str) -> list[str]:
    with schedule.db.tenant_session(school_id) as session:
        return list(session.scalars(select(outbox.c.type).where(outbox.c.school_id == school_id).order_by(outbox.c.seq)))


def curriculum(schedule, school, class_group_id: str) -> list[tuple[str, str]]:
    reply = schedule.call("GetCurriculum", pb.GetCurriculumRequest(school_id=school.id, class_group_id=class_group_id))
    return [(h.subject_name, h.hours_per_week) for h in reply.hours]


def test_the_next_year_continues_the_classes_and_drafts_their_timetable(schedule, school, source):
    sid, old = school.id, source["classes"]
    schedule.clock.today = AFTER_THE_TERMS  # the year is not closed, but its last term is over
    before = events(schedule, sid)
    reply = open_next(schedule, school)

    year = reply.academic_year
    assert (year.name, year.start_date, year.end_date, year.status, reply.resumed) == (
        "2026/2027", "2026-09-01", "2027-05-31", "open", False)
    assert [(t.name, t.start_date, t.end_date) for t in year.terms] == [
        ("1 четверть", "2026-09-01", "2026-10-24"), ("2 четверть", "2026-11-05", "2026-12-28")]
    new = {g.name: g for g in reply.class_groups}
    assert [(g.grade, g.name) for g in reply.class_groups] == [(1, "1А"), (6, "6А"), (7, "7А"), (10, "10А"),
                                                                (11, "11Б")]
    assert {(s.source_class_group_id, s.class_group_id) for s in reply.successions} == {
        (old["5А"].id, new["6А"].id), (old["6А"].id, new["7А"].id), (old["10Б"].id, new["11Б"].id)}
    listed = schedule.call("ListClassGroups", pb.ListClassGroupsRequest(school_id=sid, academic_year_id=year.id))
    assert list(listed.class_groups) == list(reply.class_groups)

    # hours: the old 6А's for the new 6А, its own for the new 7А (there was no 7А); new classes have none
    assert curriculum(schedule, school, new["6А"].id) == [("Математика", "5")]
    assert curriculum(schedule, school, new["7А"].id) == [("Математика", "5")]
    assert curriculum(schedule, school, new["1А"].id) == curriculum(schedule, school, new["10А"].id) == []
    # the profile goes with 10Б to 11Б (as the year's copy); subgroups without students; assignments
    profiles = schedule.call("ListProfiles", pb.ListProfilesRequest(school_id=sid, academic_year_id=year.id)).profiles
    science = next(p for p in profiles if p.grade_from == 10)
    assert (len(profiles), new["11Б"].profile_id, new["6А"].profile_id) == (2, science.id, "")
    part, = schedule.call("ListSubgroups", pb.ListSubgroupsRequest(school_id=sid, class_group_id=new["6А"].id)).subgroups
    assert (part.name, list(part.student_ids)) == ("1 группа", [])
    assigned = schedule.call("ListTeachingAssignments", pb.ListTeachingAssignmentsRequest(
        school_id=sid, class_group_id=new["6А"].id)).assignments
    assert {(a.teacher_id, a.subgroup_id) for a in assigned} == {(school.teacher_id, ""),
                                                                 (source["english_teacher"], part.id)}
    assert not schedule.call("ListSubgroups", pb.ListSubgroupsRequest(school_id=sid, class_group_id=new["1А"].id)).subgroups

    # the timetable in force on the last day, as drafts of the successors, making no lessons
    drafts = schedule.call("ListTimetableEntries", pb.ListTimetableEntriesRequest(
        school_id=sid, class_group_id=new["6А"].id)).entries
    assert [(e.weekday, e.lesson_number, e.subject_id, e.teacher_id, e.room, e.subgroup_id, e.starts_at, e.starts_on,
             e.ends_before, e.draft) for e in drafts] == [
        (1, 1, school.subject.id, school.teacher_id, "305", "", "08:30", "", "", True),
        (2, 3, source["english"].id, source["english_teacher"], "12", part.id, "08:30", "", "", True)]
    assert [e.lesson_number for e in schedule.call("ListTimetableEntries", pb.ListTimetableEntriesRequest(
        school_id=sid, class_group_id=new["11Б"].id)).entries] == [4]
    assert not schedule.call("ListLessons", pb.ListLessonsRequest(
        school_id=sid, class_group_id=new["6А"].id, date_from="2026-09-01", date_to="2027-05-31")).lessons

    created = events(schedule, sid)[len(before):]
    # issue 13: the copied curriculum hours reach reporting (CurriculumHoursSet, one per row copied)
    assert created == (["otmetka.schedule.v1.AcademicYearCreated"] + ["otmetka.schedule.v1.ClassGroupCreated"] * 5
                       + ["otmetka.schedule.v1.CurriculumHoursSet"] * 2 + ["otmetka.schedule.v1.NextYearOpened"])
    with schedule.db.tenant_session(sid) as session:
        payload = session.scalars(select(outbox.c.payload).where(
            outbox.c.type == "otmetka.schedule.v1.NextYearOpened")).one()
        hours_payloads = session.scalars(select(outbox.c.payload).where(
            outbox.c.type == "otmetka.schedule.v1.CurriculumHoursSet").order_by(outbox.c.seq)).all()
    copied = [Envelope.FromString(p).payload for p in hours_payloads[-2:]]
    told = []
    for packed in copied:
        hours = pb.CurriculumHoursSet()
        packed.Unpack(hours)
        told.append((hours.hours.class_group_id, hours.hours.subject_id, hours.hours.hours_per_week))
    assert sorted(told) == sorted([(new["6А"].id, school.subject.id, "5"), (new["7А"].id, school.subject.id, "5")])
    opened = pb.NextYearOpened()
    Envelope.FromString(payload).payload.Unpack(opened)
    assert (opened.source_year_id, opened.academic_year.id, len(opened.successions)) == (school.year.id, year.id, 3)

    # a second call, even named otherwise, returns the first one's result; nothing new is written
    again = open_next(schedule, school, name="2027/2028", new_classes=())
    assert again.resumed and (again.academic_year, list(again.class_groups)) == (year, list(reply.class_groups))
    assert {(s.source_class_group_id, s.class_group_id) for s in again.successions} == {
        (s.source_class_group_id, s.class_group_id) for s in reply.successions}
    assert events(schedule, sid) == before + created
    # a plain copy of the year is still possible and unaffected
    copied = schedule.call("CopyAcademicYear", pb.CopyAcademicYearRequest(school_id=sid, source_year_id=school.year.id,
                                                                          name="2027/2028"))
    assert copied.class_groups == 5
    assert open_next(schedule, school).academic_year.id == year.id


def test_a_closed_year_opens_its_next_year_any_day_also_for_identitys_own_call(schedule, school, source):
    schedule.call("CloseAcademicYear", pb.CloseAcademicYearRequest(school_id=school.id, academic_year_id=school.year.id))
    reply = grpc_harness.call(schedule.stub, "OpenNextYear", pb.OpenNextYearRequest(
        school_id=school.id, source_year_id=school.year.id, name="2026/2027"), stack.service_token())
    assert [g.name for g in reply.class_groups] == ["6А", "7А", "11Б"] and not reply.resumed
    assert open_next(schedule, school).resumed


def counts(schedule, school_id: str) -> tuple[int, int, int]:
    with schedule.db.tenant_session(school_id) as session:
        return (session.scalar(select(func.count()).select_from(academic_years)),
                session.scalar(select(func.count()).select_from(timetable_entries)),
                session.scalar(select(func.count()).select_from(outbox)))


def test_refusals_name_the_field_and_write_nothing(schedule, school, source):
    sid = school.id
    schedule.call("CopyAcademicYear", pb.CopyAcademicYearRequest(school_id=sid, source_year_id=school.year.id,
                                                                 name="2027/2028"))
    before = counts(schedule, sid)

    def refused(request, token=None):
        with pytest.raises(grpc.RpcError) as err:
            grpc_harness.call(schedule.stub, "OpenNextYear", request, token or schedule.token)
        code, _, fields = rpc_error(err)
        return code, sorted(fields)

    def request(**fields):
        values = dict(school_id=sid, source_year_id=school.year.id, name="2026/2027") | fields
        return pb.OpenNextYearRequest(**values)

    assert refused(request()) == (grpc.StatusCode.FAILED_PRECONDITION, ["source_year_id"])  # 1 August 2025
    schedule.clock.today = dt.date(2025, 12, 28)  # the last term's last day: not over yet
    assert refused(request()) == (grpc.StatusCode.FAILED_PRECONDITION, ["source_year_id"])
    schedule.clock.today = AFTER_THE_TERMS
    cases = [(request(source_year_id=str(uuid.uuid4())), grpc.StatusCode.NOT_FOUND, ["source_year_id"]),
             (request(source_year_id="x"), grpc.StatusCode.INVALID_ARGUMENT, ["source_year_id"]),
             (request(name="2026-2027"), grpc.StatusCode.INVALID_ARGUMENT, ["name"]),
             (request(name="2025/2026"), grpc.StatusCode.INVALID_ARGUMENT, ["name"]),
             (request(name="2027/2028"), grpc.StatusCode.ALREADY_EXISTS, ["name"]),
             (request(new_classes=[pb.NewClassGroup(grade=1, name="1А"), pb.NewClassGroup(grade=6, name="6а")]),
              grpc.StatusCode.ALREADY_EXISTS, ["new_classes[1].name"]),
             (request(new_classes=[pb.NewClassGroup(grade=12, name="12А")]),
              grpc.StatusCode.INVALID_ARGUMENT, ["new_classes[0].grade"]),
             (request(new_classes=[pb.NewClassGroup(grade=1, name="2А")]),
              grpc.StatusCode.INVALID_ARGUMENT, ["new_classes[0].name"])]
    for case, code, fields in cases:
        assert refused(case) == (code, fields), case
    schedule.principals.grant(sid, "subject_teacher")
    assert refused(request())[0] == grpc.StatusCode.PERMISSION_DENIED
    assert counts(schedule, sid) == before
    schedule.principals.grant(sid, "deputy_head")  # the deputy head's token, as identity's TransitionYear calls it
    assert not open_next(schedule, school).resumed


def study_days(weekday: int) -> list[str]:
    """The weekday's dates in 2026/2027's quarters (shifted from the fixture's) but the winter holiday."""
    days = [dt.date(2026, 9, 1) + dt.timedelta(days=n) for n in range(120)]
    return [d.isoformat() for d in days if d.isoweekday() == weekday and (
        d <= dt.date(2026, 10, 24) or dt.date(2026, 11, 5) <= d <= dt.date(2026, 12, 20))]


def test_a_published_draft_makes_its_lessons_once(schedule, school, source):
    sid = school.id
    schedule.call("CloseAcademicYear", pb.CloseAcademicYearRequest(school_id=sid, academic_year_id=school.year.id))
    reply = open_next(schedule, school, new_classes=())
    sixth = next(g for g in reply.class_groups if g.name == "6А")
    # the draft books its slot: an ordinary line of the same class and time is refused
    with pytest.raises(grpc.RpcError) as err:
        schedule.call("CreateTimetableEntry", entry(school, 1, 1, class_group_id=sixth.id))
    assert rpc_error(err)[0] == grpc.StatusCode.ALREADY_EXISTS
    # calendar changes before publishing make no lessons of the drafts
    schedule.call("AddHoliday", pb.AddHolidayRequest(school_id=sid, academic_year_id=reply.academic_year.id,
                                                     name="Зимние", start_date="2026-12-21", end_date="2026-12-31"))

    def lessons():
        return schedule.call("ListLessons", pb.ListLessonsRequest(
            school_id=sid, class_group_id=sixth.id, date_from="2026-09-01", date_to="2027-05-31")).lessons

    assert not lessons()
    before = len(events(schedule, sid))
    published = schedule.call("PublishTimetableDraft", pb.PublishTimetableDraftRequest(
        school_id=sid, academic_year_id=reply.academic_year.id))
    assert published.entries_published == 4  # 6А's two, 7А's and 11Б's
    made = lessons()
    mondays, tuesdays = (study_days(weekday) for weekday in (1, 2))
    assert sorted((lesson.date, lesson.lesson_number, lesson.room) for lesson in made) == sorted(
        [(day, 1, "305") for day in mondays] + [(day, 3, "12") for day in tuesdays])
    assert published.lessons_created == len(made) + 2 * len(mondays)  # and 7А's and 11Б's Monday lessons
    assert len(events(schedule, sid)) - before == published.lessons_created  # LessonScheduled each
    entries = schedule.call("ListTimetableEntries", pb.ListTimetableEntriesRequest(
        school_id=sid, class_group_id=sixth.id)).entries
    assert [e.draft for e in entries] == [False, False]
    again = schedule.call("PublishTimetableDraft", pb.PublishTimetableDraftRequest(
        school_id=sid, academic_year_id=reply.academic_year.id))
    assert (again.entries_published, again.lessons_created, len(lessons())) == (0, 0, len(made))
    with pytest.raises(grpc.RpcError) as err:  # a closed year has no draft to publish
        schedule.call("PublishTimetableDraft", pb.PublishTimetableDraftRequest(school_id=sid,
                                                                               academic_year_id=school.year.id))
    assert rpc_error(err)[0] == grpc.StatusCode.FAILED_PRECONDITION


def test_a_draft_line_added_or_replaced_stays_a_draft(schedule, school, source):
    sid = school.id
    schedule.call("CloseAcademicYear", pb.CloseAcademicYearRequest(school_id=sid, academic_year_id=school.year.id))
    reply = open_next(schedule, school, new_classes=())
    seventh = next(g for g in reply.class_groups if g.name == "7А")
    teacher = str(uuid.uuid4())
    assign(schedule, school, seventh.id, teacher)
    added = schedule.call("CreateTimetableEntry", entry(school, 3, 1, class_group_id=seventh.id, teacher_id=teacher,
                                                        draft=True))
    assert (added.entry.draft, added.lessons_created) == (True, 0)
    changed = schedule.call("ReplaceTimetableEntry", pb.ReplaceTimetableEntryRequest(
        school_id=sid, entry_id=added.entry.id, effective_from="2026-10-05", entry=pb.TimetableEntry(
            subject_id=school.subject.id, teacher_id=teacher, weekday=4, lesson_number=1, starts_at="08:30",
            ends_at="09:15", room="1")))
    assert (changed.entry.draft, changed.lessons_created, changed.lessons_cancelled) == (True, 0, 0)
    assert not schedule.call("ListLessons", pb.ListLessonsRequest(
        school_id=sid, class_group_id=seventh.id, date_from="2026-09-01", date_to="2027-05-31")).lessons
