"""The year transition on the real PostgreSQL with a fake of our schedule port: the preview writes nothing, the
transition signs the orders of every class, moves the students into the next year's classes, graduates the 9th and
11th grades, carries the form teachers and is done once per source year; bad decisions write nothing."""
import datetime as dt
from concurrent.futures import ThreadPoolExecutor

import grpc
import pytest
from sqlalchemy import func, select

from proto.identity.v1 import identity_pb2 as pb
from services.common.dates import school_today
from services.identity.adapters import tables
from tests.integration.identity.conftest import onboard, staff_login
from tests.integration.identity.test_movement_register import add_class, events, memberships, person, student
from tests.support.grpc_harness import rpc_error

pytestmark = pytest.mark.stack


@pytest.fixture
def school(identity):
    """A school of each test's own with last academic year, closed, and its classes and students."""
    school = onboard(identity, "Школа ПГ")
    today = school_today()
    start = dt.date(today.year - 1 if today.month >= 9 else today.year - 2, 9, 1)
    school.source = identity.class_groups.year(school.id, start, "closed")
    school.classes = {name: add_class(identity, school, school.source, int(name[:-1]), name)
                      for name in ("1А", "4А", "5А", "9А", "11А")}
    school.students = {name: student(identity, school, school.classes[class_name], name).id
                       for name, class_name in (("Первоклассница", "1А"), ("Четвероклассница", "4А"),
                                                ("Переведённая", "5А"), ("Должница", "5А"), ("Второгодница", "5А"),
                                                ("Девятиклассница", "9А"), ("Одиннадцатиклассница", "11А"))}
    return school


def request(school, *decisions, **asked) -> pb.YearTransitionRequest:
    return pb.YearTransitionRequest(school_id=school.id, source_year_id=school.source.id, decisions=decisions,
                                    **asked)


def decisions(identity, school) -> list[pb.TransitionDecision]:
    debt = pb.AcademicDebt(subject_id=identity.class_groups.add_subject(school.id, "Физика"),
                           deadline=(school.source.end + dt.timedelta(days=120)).isoformat())
    return [pb.TransitionDecision(student_id=school.students["Должница"], outcome="conditional", debts=[debt]),
            pb.TransitionDecision(student_id=school.students["Второгодница"], outcome="repeating")]


def written(identity, school) -> tuple[int, int, int]:
    with identity.db.tenant_session(school.id) as session:
        return tuple(session.scalar(select(func.count()).select_from(table))
                     for table in (tables.movement_orders, tables.year_transitions, tables.form_classes))


def test_the_preview_shows_each_class_and_writes_nothing(identity, school):
    preview = identity.call("PreviewYearTransition", request(school, *decisions(identity, school)), school.admin_token)
    by_name = {c.name: c for c in preview.classes}
    assert [(c.name, c.successor_name, c.promoted, c.conditional, c.repeating, c.graduated)
            for c in preview.classes] == [("1А", "2А", 1, 0, 0, 0), ("4А", "5А", 1, 0, 0, 0), ("5А", "6А", 1, 1, 1, 0),
                                          ("9А", "", 0, 0, 0, 1), ("11А", "", 0, 0, 0, 1)]
    assert {s.full_name.split()[0]: s.to_class_name for s in by_name["5А"].students} == {
        "Переведённая": "6А", "Должница": "6А", "Второгодница": "5А"}
    assert [d.subject_name for s in by_name["5А"].students for d in s.debts] == ["Физика"]
    assert [(c.grade, c.name) for c in preview.new_classes] == [(1, "1А")]
    start_year = school.source.start.year + 1
    assert (preview.name, preview.deadline, preview.target_year_id) == (
        f"{start_year}/{start_year + 1}", f"{start_year}-09-15", "")
    assert written(identity, school) == (0, 0, 0)


def test_the_transition_moves_every_class_once(identity, school):
    teacher = identity.call("CreatePerson", pb.CreatePersonRequest(
        school_id=school.id, kind=pb.STAFF, name=pb.PersonName(last_name="Классная", first_name="Ольга"),
        roles=["form_teacher"]), school.admin_token).person
    identity.call("AssignFormTeacher", pb.AssignFormTeacherRequest(
        school_id=school.id, class_group_id=school.classes["5А"], person_id=teacher.id), school.admin_token)
    done = identity.call("TransitionYear", request(school, *decisions(identity, school)), school.admin_token)
    opened = identity.class_groups.opened[school.id, school.source.id]
    new = {g.name: g.id for g in opened.class_groups}
    start, end = opened.academic_year.start.isoformat(), school.source.end.isoformat()
    assert done.target_year_id == opened.academic_year.id
    assert sorted((pb.OrderKind.Name(o.kind), len(o.lines)) for o in done.orders) == [
        ("CONDITIONAL_PROMOTION", 1), ("GRADUATION", 1), ("GRADUATION", 1), ("PROMOTION", 1), ("PROMOTION", 1),
        ("PROMOTION", 1), ("REPETITION", 1)]
    assert sorted(o.number for o in done.orders) == sorted(str(n) for n in range(1, 8))
    assert {o.effective_date for o in done.orders if o.kind != pb.GRADUATION} == {start}
    graduation = (school.source.end + dt.timedelta(days=1)).isoformat()
    assert {o.effective_date for o in done.orders if o.kind == pb.GRADUATION} == {graduation}
    students = school.students
    assert memberships(person(identity, school, students["Переведённая"])) == [
        (school.classes["5А"], "", (opened.academic_year.start - dt.timedelta(days=1)).isoformat(), ""),
        (new["6А"], start, "", next(o.id for o in done.orders if o.kind == pb.PROMOTION
                                    and o.lines[0].student_id == students["Переведённая"]))]
    assert memberships(person(identity, school, students["Второгодница"]))[-1][:2] == (new["5А"], start)
    assert memberships(person(identity, school, students["Четвероклассница"]))[-1][:2] == (new["5А"], start)
    assert memberships(person(identity, school, students["Девятиклассница"])) == [(school.classes["9А"], "", end, "")]
    assert list(person(identity, school, teacher.id).form_class_group_ids) == sorted(
        [school.classes["5А"], new["6А"]])
    [transitioned] = events(identity, school, pb.YearTransitioned)
    assert transitioned.transition == done
    assert identity.call("GetYearTransition", pb.GetYearTransitionRequest(
        school_id=school.id, source_year_id=school.source.id), school.admin_token) == done
    with pytest.raises(grpc.RpcError) as refused:
        identity.call("TransitionYear", request(school), school.admin_token)
    code, _, fields = rpc_error(refused)
    assert code == grpc.StatusCode.ALREADY_EXISTS and "source_year_id" in fields
    assert written(identity, school)[:2] == (7, 1)


def test_bad_decisions_write_nothing(identity, school, other_school):
    stranger = identity.call("CreatePerson", pb.CreatePersonRequest(
        school_id=other_school.id, kind=pb.STUDENT, name=pb.PersonName(last_name="Чужая", first_name="Вера"),
        gender="female", birth_date="2014-03-01"), other_school.admin_token).person
    fifth = school.students["Переведённая"]
    for decision, field in ((pb.TransitionDecision(student_id=stranger.id, outcome="promoted"), "student_id"),
                            (pb.TransitionDecision(student_id=fifth, outcome="graduated"), "outcome"),
                            (pb.TransitionDecision(student_id=fifth, outcome="expelled"), "outcome"),
                            (pb.TransitionDecision(student_id=fifth, outcome="conditional"), "debts")):
        for method in ("PreviewYearTransition", "TransitionYear"):
            with pytest.raises(grpc.RpcError) as refused:
                identity.call(method, request(school, decision), school.admin_token)
            code, _, fields = rpc_error(refused)
            assert code == grpc.StatusCode.INVALID_ARGUMENT and f"decisions[0].{field}" in fields, fields
    assert written(identity, school) == (0, 0, 0)
    assert (school.id, school.source.id) not in identity.class_groups.opened
    secretary = identity.call("CreatePerson", pb.CreatePersonRequest(
        school_id=school.id, kind=pb.STAFF, name=pb.PersonName(last_name="Секретарь", first_name="Ирина"),
        roles=["secretary"], create_account=True), school.admin_token)
    with pytest.raises(grpc.RpcError) as refused:  # the transition is the managers'
        identity.call("TransitionYear", request(school), staff_login(identity, secretary))
    assert refused.value.code() == grpc.StatusCode.PERMISSION_DENIED


def test_two_transitions_at_once_make_one(identity, school):
    def run(_):
        try:
            return identity.call("TransitionYear", request(school), school.admin_token).target_year_id
        except grpc.RpcError as refused:
            return refused.code()

    with ThreadPoolExecutor(max_workers=2) as pool:
        outcomes = list(pool.map(run, range(2)))
    assert sorted(outcomes, key=str) == sorted([grpc.StatusCode.ALREADY_EXISTS,
                                                identity.class_groups.opened[school.id, school.source.id]
                                                .academic_year.id], key=str)
    assert written(identity, school)[:2] == (5, 1)  # 1А, 4А, 5А promoted, the 9th and the 11th graduated


def test_a_student_who_left_over_the_summer_is_not_moved(identity, school):
    summer = (school.source.end + dt.timedelta(days=30)).isoformat()
    identity.call("SignOrder", pb.SignOrderRequest(
        school_id=school.id, kind=pb.LEAVING, effective_date=summer, order_date=summer, reason="Переезд",
        lines=[pb.OrderLine(student_id=school.students["Переведённая"], destination="Школа № 3 г. Твери")]),
        school.admin_token)
    preview = identity.call("PreviewYearTransition", request(school, *decisions(identity, school)), school.admin_token)
    [fifth] = [c for c in preview.classes if c.name == "5А"]
    assert (fifth.promoted, fifth.conditional, fifth.repeating) == (0, 1, 1)
    assert "Переведённая" not in {s.full_name.split()[0] for s in fifth.students}
    done = identity.call("TransitionYear", request(school, *decisions(identity, school)), school.admin_token)
    moved = {line.student_id for order in done.orders for line in order.lines}
    assert school.students["Переведённая"] not in moved and school.students["Должница"] in moved


def test_a_transition_resumed_after_schedule_opened_the_year_is_recorded_as_it_was_opened(identity, school):
    """Identity failed after schedule's step (here: schedule's step alone), and the deputy head retries with other
    new classes: the transition is that of the classes schedule opened the first time."""
    identity.class_groups.open_next_year(school.id, school.source.id, "", [(1, "1А"), (1, "1Б")])
    done = identity.call("TransitionYear", request(school, *decisions(identity, school), new_classes=[
        pb.NewClass(grade=1, name="1В")]), school.admin_token)
    assert [(c.grade, c.name) for c in done.new_classes] == [(1, "1А"), (1, "1Б")]
    assert done.target_year_id == identity.class_groups.opened[school.id, school.source.id].academic_year.id
