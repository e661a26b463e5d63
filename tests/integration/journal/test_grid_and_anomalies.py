"""Work types with weights, the teacher's grid (one call to each peer, weighted averages) and the anomaly flags
over the ledger, on the real PostgreSQL."""
import datetime as dt
import uuid
import zoneinfo

import grpc
import pytest
from sqlalchemy import insert, select

from proto.journal.v1 import journal_pb2 as pb
from proto.schedule.v1 import schedule_pb2
from services.journal.adapters.tables import ledger
from tests.integration.journal.conftest import add_lesson, new_lesson, school_today
from tests.integration.journal.test_policy_and_locks import act_as, as_teacher, refused
from tests.integration.journal.test_service import save

pytestmark = pytest.mark.stack
MSK = zoneinfo.ZoneInfo("Europe/Moscow")


def work_types(journal, school_id: str) -> dict[str, tuple[str, str]]:
    reply = journal.call("ListWorkTypes", pb.ListWorkTypesRequest(school_id=school_id))
    return {w.code: (w.name, w.weight) for w in reply.work_types}


def set_work_type(journal, school_id: str, code: str, name: str, weight: str) -> pb.WorkType:
    return journal.call("SetWorkType", pb.SetWorkTypeRequest(school_id=school_id, code=code, name=name, weight=weight))


def test_work_types_have_defaults_admins_change_them_and_marks_must_use_them(journal, today_lesson):
    school, (a, b, _) = today_lesson.school_id, today_lesson.students
    assert work_types(journal, school) == {
        "classwork": ("Работа на уроке", "1"), "homework": ("Домашняя работа", "1"),
        "test": ("Контрольная работа", "2"), "independent": ("Самостоятельная работа", "1.5"),
        "oral": ("Устный ответ", "1")}
    code, _, fields = refused(set_work_type, journal, school, "lab", "Лабораторная работа", "3")
    assert code == grpc.StatusCode.PERMISSION_DENIED, "a teacher does not set weights"
    code, message, fields = refused(save, journal, today_lesson, marks=[
        dict(student_id=a, value="5"), dict(student_id=b, value="4", work_type="lab")])
    assert (code, list(fields)) == (grpc.StatusCode.INVALID_ARGUMENT, ["marks[1].work_type"])
    assert "неизвестный вид работы «lab»" in message

    act_as(journal, today_lesson, "deputy_head")
    assert set_work_type(journal, school, "lab", " Лабораторная работа ", "3").weight == "3"
    assert set_work_type(journal, school, "test", "Контрольная работа", "2,5").weight == "2.5"
    set_work_type(journal, school, "test", "Контрольная работа", "2.50")  # the same again: no ledger row
    code, _, fields = refused(set_work_type, journal, school, "lab", "Лабораторная работа", "0")
    assert (code, list(fields)) == (grpc.StatusCode.INVALID_ARGUMENT, ["weight"])
    types = work_types(journal, school)
    assert (types["lab"], types["test"], types["oral"]) == (("Лабораторная работа", "3"), ("Контрольная работа", "2.5"),
                                                           ("Устный ответ", "1"))
    with journal.db.tenant_session(school) as session:
        rows = session.execute(select(ledger.c.old_value, ledger.c.new_value, ledger.c.actor_person_id)
                               .where(ledger.c.entity == "work_type").order_by(ledger.c.occurred_at)).all()
    assert [(r.old_value, r.new_value["weight"]) for r in rows] == [
        (None, "3"), ({"code": "test", "name": "Контрольная работа", "weight": "2"}, "2.5")]
    assert rows[0].actor_person_id == journal.principals.grants[school].person_id

    as_teacher(journal, today_lesson)
    record = save(journal, today_lesson, marks=[dict(student_id=b, value="4", work_type="lab")])
    assert [m.work_type for m in record.marks] == ["lab"]
    other = new_lesson(journal, school_today())
    assert "lab" not in work_types(journal, other.school_id), "work types are per school"


def grid(journal, school_id: str, class_group_id: str, subject_id: str, **period) -> pb.Grid:
    return journal.call("GetGrid", pb.GetGridRequest(school_id=school_id, class_group_id=class_group_id,
                                                     subject_id=subject_id, **period))


def test_the_grid_of_a_week_shows_what_was_saved_with_weighted_averages(journal):
    monday = school_today() - dt.timedelta(days=3)  # a week from three days ago: its first lessons are still open
    week = new_lesson(journal, monday)
    school, teacher, (a, b, c) = week.school_id, week.teacher_id, week.students
    group, subject, term = week.lesson.class_group_id, week.lesson.subject_id, str(uuid.uuid4())
    journal.identity.names.update({a: ("Петров", "Пётр"), b: ("Антонова", "Анна"), c: ("Сидоров", "Иван")})
    week.lesson.term_id = term
    journal.schedule.terms[term] = (school, schedule_pb2.Term(
        id=term, name="1 четверть", start_date=monday.isoformat(), end_date=(monday + dt.timedelta(days=6)).isoformat()))
    tuesday = add_lesson(journal, school, group, teacher, monday + dt.timedelta(days=1), 2, subject, term)
    thursday = add_lesson(journal, school, group, teacher, monday + dt.timedelta(days=3), 1, subject, term)
    add_lesson(journal, school, group, teacher, monday + dt.timedelta(days=1), 3)  # another subject
    add_lesson(journal, school, group, teacher, monday + dt.timedelta(days=7), 1, subject)  # next week, no term
    reason = "Заполняю журнал за прошлые дни"
    save(journal, week, topic="Дроби", homework="№ 1", reason=reason, marks=[
        dict(student_id=a, value="5"), dict(student_id=a, value="3", work_type="test", comment="вариант 2")],
        attendance=[dict(student_id=c, status="ill")])
    save(journal, _at(week, tuesday), reason=reason,
         marks=[dict(student_id=a, value="4", work_type="independent"), dict(student_id=b, value="2", work_type="test"),
                dict(student_id=b, value="5", work_type="oral")], attendance=[dict(student_id=a, status="late")])
    journal.schedule.calls.clear()
    journal.identity.calls.clear()

    result = grid(journal, school, group, subject, date_from=monday.isoformat(),
                  date_to=(monday + dt.timedelta(days=6)).isoformat())
    assert journal.schedule.calls == ["ListLessons"] and journal.identity.calls == ["ListPeople"]
    assert [(lesson.lesson_id, lesson.topic, lesson.homework) for lesson in result.lessons] == [
        (week.lesson.id, "Дроби", "№ 1"), (tuesday.id, "", ""), (thursday.id, "", "")]
    assert result.subject_name == "Математика" and len(result.work_types) == 5
    assert [(s.last_name, s.first_name) for s in result.students] == [("Антонова", "Анна"), ("Петров", "Пётр"),
                                                                         ("Сидоров", "Иван")]
    anna, petr, ivan = result.students
    assert [[(m.value, m.work_type, m.comment) for m in cell.marks] for cell in petr.cells] == [
        [("5", "classwork", ""), ("3", "test", "вариант 2")], [("4", "independent", "")], []]
    assert [cell.attendance for cell in petr.cells] == ["", "late", ""]
    assert [cell.attendance for cell in ivan.cells] == ["ill", "", ""]
    assert [cell.lesson_id for cell in anna.cells] == [lesson.lesson_id for lesson in result.lessons]
    # Пётр: (5·1 + 3·2 + 4·1.5) / 4.5 = 3.777… → 3.78; Анна: (2·2 + 5·1) / 3 = 3.00; Иван: no marks
    assert [(s.average, s.marks_count) for s in result.students] == [("3.00", 2), ("3.78", 3), ("", 0)]

    by_term = grid(journal, school, group, subject, term_id=term)
    assert [lesson.lesson_id for lesson in by_term.lessons] == [week.lesson.id, tuesday.id, thursday.id]
    assert [s.average for s in by_term.students] == ["3.00", "3.78", ""]
    # three lessons in a week's term: 3 h a week, 5 marks needed (min_marks_2h): too few for everyone, proposed Н/А
    assert [(s.term_mark, s.proposed_term_mark) for s in by_term.students] == [("", "Н/А")] * 3
    act_as(journal, week, "school_admin")
    journal.call("SetJournalPolicy", pb.SetJournalPolicyRequest(school_id=school, min_marks_2h=2))
    by_term = grid(journal, school, group, subject, term_id=term)
    assert [s.proposed_term_mark for s in by_term.students] == ["3", "4", "Н/А"]  # 3.00 → 3, 3.78 → 4, no marks

    code, _, fields = refused(grid, journal, school, group, subject)
    assert (code, list(fields)) == (grpc.StatusCode.INVALID_ARGUMENT, ["term_id"])
    act_as(journal, week, "guardian")
    code, _, _ = refused(grid, journal, school, group, subject, term_id=term)
    assert code == grpc.StatusCode.PERMISSION_DENIED
    act_as(journal, week, "deputy_head")
    assert len(grid(journal, school, group, subject, term_id=term).students) == 3


def _at(lesson, other):
    """The same school, teacher and students at another lesson."""
    return type(lesson)(lesson.school_id, lesson.teacher_id, lesson.students, other)


def anomalies(journal, school_id: str, date_from: dt.date, date_to: dt.date) -> list[pb.Anomaly]:
    return list(journal.call("ListAnomalies", pb.ListAnomaliesRequest(
        school_id=school_id, date_from=date_from.isoformat(), date_to=date_to.isoformat())).anomalies)


def test_anomalies_flag_bulk_night_and_someone_elses_lesson(journal, today_lesson):
    school, (a, b, c) = today_lesson.school_id, today_lesson.students
    act_as(journal, today_lesson, "school_admin")
    journal.call("SetJournalPolicy", pb.SetJournalPolicyRequest(school_id=school, anomaly_bulk_changes=4))
    as_teacher(journal, today_lesson)
    record = save(journal, today_lesson, topic="Дроби", marks=[
        dict(student_id=a, value="5"), dict(student_id=b, value="4"), dict(student_id=c, value="3")],
        attendance=[dict(student_id=a, status="late")])
    with journal.db.tenant_session(school) as session:
        assert set(session.scalars(select(ledger.c.actor_person_id).where(ledger.c.entity == "mark"))) == {
            today_lesson.teacher_id}
    yesterday = school_today() - dt.timedelta(days=1)
    stranger = str(uuid.uuid4())
    hand_made = [  # a stranger changed a mark of this lesson at 02:10 and 02:40 last night (school time)
        dict(id=str(uuid.uuid4()), school_id=school, actor_subject="subject-stranger", actor_person_id=stranger,
             actor_roles=["deputy_head"], client_address="198.51.100.4", entity="mark", entity_id=record.marks[i].id,
             lesson_id=today_lesson.lesson.id, student_id=record.marks[i].student_id, old_value={"value": "2"},
             new_value={"value": "5"}, reason="",
             occurred_at=dt.datetime.combine(school_today(), dt.time(2, 10 + 30 * i), MSK)) for i in range(2)]
    with journal.db.tenant_session(school) as session:
        session.execute(insert(ledger), hand_made)

    act_as(journal, today_lesson, "director")
    flags = anomalies(journal, school, yesterday, school_today())
    teacher_subject = f"subject-{today_lesson.teacher_id}"
    assert {f.kind for f in flags if f.actor_subject == "subject-stranger"} == {"night_changes", "not_own_lesson"}
    assert "bulk_changes" in {f.kind for f in flags if f.actor_subject == teacher_subject}
    assert {f.kind for f in flags if f.actor_subject == teacher_subject} <= {"bulk_changes", "night_changes"}, \
        "the teacher's own save is a night change only when the test runs at night"
    assert all(f.kind != "not_own_lesson" for f in flags if f.actor_subject == teacher_subject)
    bulk = next(f for f in flags if f.kind == "bulk_changes")
    assert (bulk.actor_subject, bulk.actor_person_id, bulk.count) == (
        teacher_subject, today_lesson.teacher_id, 5)  # topic + 3 marks + attendance
    assert set(bulk.sample_entity_ids) >= {m.id for m in record.marks}
    assert bulk.description.startswith("Массовые изменения: 5 изменений")
    night = next(f for f in flags if f.kind == "night_changes" and f.actor_subject == "subject-stranger")
    assert (night.actor_person_id, night.count, night.sample_entity_ids) == (
        stranger, 2, [record.marks[0].id, record.marks[1].id])
    assert dt.datetime.fromisoformat(night.window_start) == hand_made[0]["occurred_at"]
    assert f"в ночь на {school_today():%d.%m.%Y}, с 02:10 до 02:40" in night.description
    not_own = next(f for f in flags if f.kind == "not_own_lesson")
    assert (not_own.actor_subject, not_own.count) == ("subject-stranger", 2)
    assert "не учителем урока: 2 изменения" in not_own.description

    assert anomalies(journal, school, yesterday - dt.timedelta(days=3), yesterday) == []
    code, _, fields = refused(anomalies, journal, school, school_today(), yesterday)
    assert (code, list(fields)) == (grpc.StatusCode.INVALID_ARGUMENT, ["date_to"])
    for role in ("subject_teacher", "deputy_head", "guardian"):
        act_as(journal, today_lesson, role)
        assert refused(anomalies, journal, school, yesterday, school_today())[0] == grpc.StatusCode.PERMISSION_DENIED
