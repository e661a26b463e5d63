"""The acceptance test of the schedule issue: a school with 30 class groups sets up a whole year through the
servicer (the calls the API makes) — four quarters, holidays, a transferred working day and a day off — and the
generated dated lessons match a calendar checked by hand (one class group date by date, all 30 by count)."""
import time
import uuid

import pytest

from proto.schedule.v1 import schedule_pb2 as pb

pytestmark = pytest.mark.stack

QUARTERS = [pb.Term(name="1 четверть", kind="quarter", start_date="2025-09-01", end_date="2025-10-24"),
            pb.Term(name="2 четверть", kind="quarter", start_date="2025-11-05", end_date="2025-12-28"),
            pb.Term(name="3 четверть", kind="quarter", start_date="2026-01-12", end_date="2026-03-20"),
            pb.Term(name="4 четверть", kind="quarter", start_date="2026-03-30", end_date="2026-05-26")]
CLASS_GROUPS = [(grade, f"{grade}{letter}") for grade in range(1, 11) for letter in "АБВ"]

# Counted on a paper calendar. Mondays of the quarters, without 23.02.2026 (holiday), 09.03.2026 (a day off by
# transfer) and 01-11.05.2026 (holidays), with Saturday 28.02.2026 that works as a Monday:
MONDAYS = [
    ["2025-09-01", "2025-09-08", "2025-09-15", "2025-09-22", "2025-09-29", "2025-10-06", "2025-10-13", "2025-10-20"],
    ["2025-11-10", "2025-11-17", "2025-11-24", "2025-12-01", "2025-12-08", "2025-12-15", "2025-12-22"],
    ["2026-01-12", "2026-01-19", "2026-01-26", "2026-02-02", "2026-02-09", "2026-02-16", "2026-02-28", "2026-03-02",
     "2026-03-16"],
    ["2026-03-30", "2026-04-06", "2026-04-13", "2026-04-20", "2026-04-27", "2026-05-18", "2026-05-25"],
]
# Wednesdays of the quarters without 06.05.2026 (holidays):
WEDNESDAYS = [
    ["2025-09-03", "2025-09-10", "2025-09-17", "2025-09-24", "2025-10-01", "2025-10-08", "2025-10-15", "2025-10-22"],
    ["2025-11-05", "2025-11-12", "2025-11-19", "2025-11-26", "2025-12-03", "2025-12-10", "2025-12-17", "2025-12-24"],
    ["2026-01-14", "2026-01-21", "2026-01-28", "2026-02-04", "2026-02-11", "2026-02-18", "2026-02-25", "2026-03-04",
     "2026-03-11", "2026-03-18"],
    ["2026-04-01", "2026-04-08", "2026-04-15", "2026-04-22", "2026-04-29", "2026-05-13", "2026-05-20"],
]
PER_CLASS = 31 + 33  # 8+7+9+7 Mondays, 8+8+10+7 Wednesdays


def test_a_school_of_30_class_groups_gets_the_hand_checked_year(schedule):
    sid = str(uuid.uuid4())
    schedule.principals.grant(sid, "deputy_head")
    started = time.monotonic()
    year = schedule.call("CreateAcademicYear", pb.CreateAcademicYearRequest(
        school_id=sid, name="2025/2026", start_date="2025-09-01", end_date="2026-05-31", terms=QUARTERS))
    for name, start, end in (("День защитника Отечества", "2026-02-23", "2026-02-23"),
                             ("Майские каникулы", "2026-05-01", "2026-05-11")):
        schedule.call("AddHoliday", pb.AddHolidayRequest(school_id=sid, academic_year_id=year.id, name=name,
                                                         start_date=start, end_date=end))
    maths = schedule.call("CreateSubject", pb.CreateSubjectRequest(school_id=sid, name="Математика"))
    russian = schedule.call("CreateSubject", pb.CreateSubjectRequest(school_id=sid, name="Русский язык"))
    groups, created = [], 0
    for grade, name in CLASS_GROUPS:
        group = schedule.call("CreateClassGroup", pb.CreateClassGroupRequest(
            school_id=sid, academic_year_id=year.id, grade=grade, name=name))
        teacher = str(uuid.uuid4())
        for subject, weekday, number in ((maths, 1, 1), (russian, 3, 2)):
            schedule.call("AssignTeacher", pb.AssignTeacherRequest(school_id=sid, teacher_id=teacher,
                                                                   subject_id=subject.id, class_group_id=group.id))
            created += schedule.call("CreateTimetableEntry", pb.CreateTimetableEntryRequest(entry=pb.TimetableEntry(
                school_id=sid, class_group_id=group.id, subject_id=subject.id, teacher_id=teacher, weekday=weekday,
                lesson_number=number, starts_at="08:30" if number == 1 else "09:25",
                ends_at="09:15" if number == 1 else "10:10", room=name))).lessons_created
        groups.append(group)
    # the calendar changes after the timetable exists: the lessons follow
    moved = schedule.call("AddDayTransfer", pb.AddDayTransferRequest(school_id=sid, academic_year_id=year.id,
                                                                     date="2026-02-28", works_as_weekday=1))
    off = schedule.call("AddDayTransfer", pb.AddDayTransferRequest(school_id=sid, academic_year_id=year.id,
                                                                   date="2026-03-09", works_as_weekday=0))
    assert (moved.lessons_scheduled, moved.lessons_cancelled, off.lessons_cancelled) == (30, 0, 30)
    assert created == 30 * PER_CLASS  # before the transfers: 09.03 counted instead of 28.02

    one = groups[CLASS_GROUPS.index((5, "5Б"))]
    lessons = schedule.call("ListLessons", pb.ListLessonsRequest(school_id=sid, class_group_id=one.id)).lessons
    def dates(subject) -> list[list[str]]:
        return [[x.date for x in lessons if x.subject_id == subject.id and x.term_id == term.id] for term in year.terms]

    assert (dates(maths), dates(russian)) == (MONDAYS, WEDNESDAYS)
    assert {(x.lesson_number, x.starts_at, x.room) for x in lessons if x.subject_id == maths.id} == {(1, "08:30", "5Б")}

    totals = {g.name: len(schedule.call("ListLessons", pb.ListLessonsRequest(school_id=sid, class_group_id=g.id)).lessons)
              for g in groups}
    assert totals == {name: PER_CLASS for _, name in CLASS_GROUPS}
    cancelled = schedule.call("ListLessons", pb.ListLessonsRequest(school_id=sid, class_group_id=one.id,
                                                                   include_cancelled=True)).lessons
    assert [x.date for x in cancelled if x.status == "cancelled"] == ["2026-03-09"]
    assert time.monotonic() - started < 60
