"""Changing a year's terms and editing holidays on the real PostgreSQL: later lessons follow the new terms, past ones
never change, recorded ones are kept only when the caller says so, lessons move to the term holding their date,
a removed term takes its cancelled lessons along, TermsChanged goes out with the change; refusals and roles."""
import datetime as dt
import uuid

import grpc
import pytest

from proto.journal.v1 import journal_pb2
from proto.schedule.v1 import schedule_pb2 as pb
from tests.integration.schedule.conftest import entry
from tests.integration.schedule.test_service import events
from tests.integration.schedule.test_timetable_changes import BEFORE, FROM_OCT_6, lessons, record
from tests.support.grpc_harness import rpc_error

pytestmark = pytest.mark.stack

MONDAYS = BEFORE + FROM_OCT_6  # of the quarters 01.09-24.10 and 05.11-28.12.2025


def term(old: pb.Term, **changes) -> pb.Term:
    copy = pb.Term()
    copy.CopyFrom(old)
    for key, value in changes.items():
        setattr(copy, key, value)
    return copy


def change(schedule, school, *terms, keep=False) -> pb.ChangeTermsResponse:
    return schedule.call("ChangeTerms", pb.ChangeTermsRequest(school_id=school.id, academic_year_id=school.year.id,
                                                              terms=terms, keep_recorded_lessons=keep))


def refusal(schedule, school, *terms, keep=False):
    with pytest.raises(grpc.RpcError) as err:
        change(schedule, school, *terms, keep=keep)
    return rpc_error(err)


def dates(schedule, school) -> list[str]:
    return [x.date for x in lessons(schedule, school)]


def terms_changed(schedule, school) -> list[pb.TermsChanged]:
    found = [e for e in events(schedule, school.id) if e.type.endswith(".TermsChanged")]
    return [pb.TermsChanged.FromString(e.payload.value) for e in found]


@pytest.fixture
def monday(schedule, school):
    schedule.call("CreateTimetableEntry", entry(school, weekday=1, lesson_number=1))
    assert dates(schedule, school) == MONDAYS
    return school.year.terms


def test_before_the_year_new_dates_reschedule_and_keep_the_term_ids(schedule, school, monday):
    first, second = monday
    reply = change(schedule, school, term(first, end_date="2025-10-31", name="I четверть"),
                   term(second, end_date="2025-12-21"))
    # 27.10 joins the first quarter; 22.12 leaves the second
    assert (reply.lessons_scheduled, reply.lessons_cancelled, reply.lessons_kept) == (1, 1, 0)
    assert [t.id for t in reply.academic_year.terms] == [first.id, second.id]
    assert [(t.name, t.end_date) for t in reply.academic_year.terms] == [("I четверть", "2025-10-31"),
                                                                         ("2 четверть", "2025-12-21")]
    by_date = {x.date: x for x in lessons(schedule, school)}
    assert list(by_date) == sorted([d for d in MONDAYS if d != "2025-12-22"] + ["2025-10-27"])
    assert by_date["2025-10-27"].term_id == first.id
    years = schedule.call("ListAcademicYears", pb.ListAcademicYearsRequest(school_id=school.id)).academic_years
    assert [t.end_date for t in years[0].terms] == ["2025-10-31", "2025-12-21"]
    [event] = terms_changed(schedule, school)
    assert (list(event.grades), list(event.removed_term_ids)) == (list(range(1, 12)), [])
    assert [t.end_date for t in event.academic_year.terms] == ["2025-10-31", "2025-12-21"]
    # the same list again changes nothing and says nothing
    again = change(schedule, school, *reply.academic_year.terms)
    assert (again.lessons_scheduled, again.lessons_cancelled) == (0, 0)
    assert len(terms_changed(schedule, school)) == 1


def test_merging_quarters_into_a_half_year_moves_the_lessons_and_removes_the_term(schedule, school, monday):
    first, second = monday
    schedule.clock.today = dt.date(2025, 10, 1)
    december = next(x for x in lessons(schedule, school) if x.date == "2025-12-08")
    schedule.call("CancelLesson", pb.CancelLessonRequest(school_id=school.id, lesson_id=december.id, reason="Экскурсия"))
    reply = change(schedule, school, term(first, name="1 полугодие", kind="half_year", end_date="2025-12-28"))
    assert list(reply.removed_term_ids) == [second.id]
    assert (reply.lessons_scheduled, reply.lessons_cancelled) == (2, 0)  # 27.10 and 03.11: the break is gone
    everything = lessons(schedule, school, include_cancelled=True)
    assert {x.term_id for x in everything} == {first.id}
    assert next(x for x in everything if x.date == "2025-12-08").status == "cancelled"
    with pytest.raises(grpc.RpcError) as err:
        schedule.call("GetTerm", pb.GetTermRequest(school_id=school.id, term_id=second.id))
    assert rpc_error(err)[0] == grpc.StatusCode.NOT_FOUND


def test_a_removed_term_cancels_its_later_lessons_and_takes_them_along(schedule, school, monday):
    first, second = monday
    schedule.clock.today = dt.date(2025, 10, 1)
    reply = change(schedule, school, first)
    assert (reply.lessons_scheduled, reply.lessons_cancelled, list(reply.removed_term_ids)) == (0, 7, [second.id])
    assert dates(schedule, school) == MONDAYS[:8]
    assert len(lessons(schedule, school, include_cancelled=True)) == 8
    cancelled = [e for e in events(schedule, school.id) if e.type.endswith(".LessonCancelled")]
    assert len(cancelled) == 7


def test_past_lessons_stay_inside_and_recorded_ones_need_consent(schedule, school, monday):
    first, second = monday
    schedule.clock.today = dt.date(2025, 10, 1)
    code, message, fields = refusal(schedule, school, term(first, start_date="2025-09-10"), second)
    assert (code, list(fields)) == (grpc.StatusCode.FAILED_PRECONDITION, ["terms"])
    assert "«Математика», 5А, 1 сентября 2025 уже прошёл" in message
    last = next(x for x in lessons(schedule, school) if x.date == "2025-12-22")
    record(schedule, school.id, journal_pb2.TopicSet(lesson_id=last.id, topic="Повторение"))
    shorter = term(second, end_date="2025-12-19")
    code, message, fields = refusal(schedule, school, first, shorter)
    assert (code, list(fields)) == (grpc.StatusCode.FAILED_PRECONDITION, ["keep_recorded_lessons"])
    assert "22 декабря 2025" in message
    assert dates(schedule, school) == MONDAYS  # refused: nothing written
    assert not terms_changed(schedule, school)
    reply = change(schedule, school, first, shorter, keep=True)
    assert (reply.lessons_scheduled, reply.lessons_cancelled, reply.lessons_kept) == (0, 0, 1)
    kept = next(x for x in lessons(schedule, school) if x.date == "2025-12-22")
    assert kept.id == last.id and "уже есть записи" in kept.change_note
    # a term with a recorded lesson nobody else covers cannot be removed
    code, _, fields = refusal(schedule, school, first, keep=True)
    assert (code, list(fields)) == (grpc.StatusCode.FAILED_PRECONDITION, ["terms"])


def test_grades_of_a_term_decide_whose_lessons_follow(schedule, school, monday):
    first, second = monday
    senior = schedule.call("CreateClassGroup", pb.CreateClassGroupRequest(
        school_id=school.id, academic_year_id=school.year.id, grade=10, name="10а"))
    schedule.call("AssignTeacher", pb.AssignTeacherRequest(school_id=school.id, teacher_id=school.teacher_id,
                                                           subject_id=school.subject.id, class_group_id=senior.id))
    schedule.call("CreateTimetableEntry", entry(school, weekday=1, lesson_number=2, class_group_id=senior.id))
    # quarters stay for 1-9; 10-11 get one half-year in their place
    reply = change(schedule, school, term(first, grade_from=1, grade_to=9), term(second, grade_from=1, grade_to=9),
                   pb.Term(name="1 полугодие", kind="half_year", start_date="2025-09-01", end_date="2025-12-28",
                           grade_from=10, grade_to=11))
    assert (reply.lessons_scheduled, reply.lessons_cancelled) == (2, 0)  # 10А: 27.10, 03.11
    assert dates(schedule, school) == MONDAYS
    half_year = next(t for t in reply.academic_year.terms if t.kind == "half_year")
    tenth = schedule.call("ListLessons", pb.ListLessonsRequest(school_id=school.id, class_group_id=senior.id)).lessons
    assert len(tenth) == 17 and {x.term_id for x in tenth} == {half_year.id}
    overlap = pb.Term(name="Лишний", kind="quarter", start_date="2025-10-01", end_date="2025-10-10", grade_from=5,
                      grade_to=5)
    code, message, fields = refusal(schedule, school, *reply.academic_year.terms, overlap)
    assert (code, list(fields)) == (grpc.StatusCode.INVALID_ARGUMENT, ["terms[3].start_date"])


def test_refusals_name_the_field(schedule, school):
    first, second = school.year.terms
    cases = [
        ((term(first, id=str(uuid.uuid4())), second), grpc.StatusCode.NOT_FOUND, "terms[0].id"),
        ((first, term(first, name="Копия")), grpc.StatusCode.INVALID_ARGUMENT, "terms[1].id"),
        ((term(first, id="x"),), grpc.StatusCode.INVALID_ARGUMENT, "terms[0].id"),
        ((term(first, end_date="2026-06-30"),), grpc.StatusCode.INVALID_ARGUMENT, "terms[0].end_date"),
        ((term(first, kind="season"),), grpc.StatusCode.INVALID_ARGUMENT, "terms[0].kind"),
        ((), grpc.StatusCode.INVALID_ARGUMENT, "terms"),
    ]
    for terms, code, field in cases:
        got, _, fields = refusal(schedule, school, *terms)
        assert (got, list(fields)) == (code, [field]), field
    schedule.principals.grant(school.id, "subject_teacher")
    assert refusal(schedule, school, first, second)[0] == grpc.StatusCode.PERMISSION_DENIED
    schedule.principals.grant(school.id, "school_admin")
    schedule.call("CloseAcademicYear", pb.CloseAcademicYearRequest(school_id=school.id, academic_year_id=school.year.id))
    assert refusal(schedule, school, first, second)[0] == grpc.StatusCode.FAILED_PRECONDITION


def holiday(schedule, school, name, start, end):
    return schedule.call("AddHoliday", pb.AddHolidayRequest(school_id=school.id, academic_year_id=school.year.id,
                                                            name=name, start_date=start, end_date=end)).holiday


def update(schedule, school, holiday_id, name, start, end):
    return schedule.call("UpdateHoliday", pb.UpdateHolidayRequest(school_id=school.id, holiday_id=holiday_id,
                                                                  name=name, start_date=start, end_date=end))


def test_a_changed_holiday_gives_back_the_dates_it_leaves_and_takes_the_new_ones(schedule, school, monday):
    quarantine = holiday(schedule, school, "Карантин", "2025-10-13", "2025-10-14")
    holiday(schedule, school, "Осенние каникулы", "2025-10-27", "2025-11-02")
    assert "2025-10-13" not in dates(schedule, school)
    reply = update(schedule, school, quarantine.id, "Карантин по гриппу", "2025-10-20", "2025-10-21")
    assert (reply.lessons_scheduled, reply.lessons_cancelled) == (1, 1)
    assert (reply.holiday.name, reply.holiday.start_date, reply.holiday.id) == ("Карантин по гриппу", "2025-10-20",
                                                                                 quarantine.id)
    assert "2025-10-13" in dates(schedule, school) and "2025-10-20" not in dates(schedule, school)
    schedule.clock.today = dt.date(2025, 10, 18)  # a start moved to 21.10 three days ahead: late, and 20.10 works
    late = update(schedule, school, quarantine.id, "Карантин по гриппу", "2025-10-21", "2025-10-22")
    assert (late.lessons_scheduled, late.lessons_cancelled) == (1, 0) and "внесены позже срока" in late.warnings[0]
    listed = schedule.call("ListHolidays", pb.ListHolidaysRequest(school_id=school.id,
                                                                  academic_year_id=school.year.id)).holidays
    assert [(h.name, h.start_date) for h in listed] == [("Карантин по гриппу", "2025-10-21"),
                                                        ("Осенние каникулы", "2025-10-27")]
    cases = [("2025-10-30", "2025-11-03", grpc.StatusCode.ALREADY_EXISTS, "start_date"),
             ("2025-10-22", "2025-10-20", grpc.StatusCode.INVALID_ARGUMENT, "end_date"),
             ("2026-05-30", "2026-06-02", grpc.StatusCode.INVALID_ARGUMENT, "end_date")]
    for start, end, code, field in cases:
        with pytest.raises(grpc.RpcError) as err:
            update(schedule, school, quarantine.id, "Карантин", start, end)
        got, _, fields = rpc_error(err)
        assert (got, list(fields)) == (code, [field])
    with pytest.raises(grpc.RpcError) as err:
        update(schedule, school, str(uuid.uuid4()), "Карантин", "2025-10-20", "2025-10-21")
    code, _, fields = rpc_error(err)
    assert (code, list(fields)) == (grpc.StatusCode.NOT_FOUND, ["holiday_id"])
