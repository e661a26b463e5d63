"""ImportTimetable on the real PostgreSQL: many weekly lines at once, all or nothing, checked like
CreateTimetableEntry and against each other, with a LessonScheduled event per lesson."""
import uuid

import grpc
import pytest
from sqlalchemy import func, select

from proto.schedule.v1 import schedule_pb2 as pb
from services.schedule.adapters.tables import lessons, outbox, timetable_entries
from tests.integration.schedule.conftest import entry
from tests.integration.schedule.test_service import MONDAYS, event_types
from tests.support.grpc_harness import rpc_error

pytestmark = pytest.mark.stack


def line(school, weekday=1, lesson_number=1, **overrides) -> pb.TimetableEntry:
    return entry(school, weekday, lesson_number, **overrides).entry


def counts(schedule, school_id: str) -> tuple[int, int, int]:
    """(timetable entries, lessons, outbox events) of the school."""
    with schedule.db.tenant_session(school_id) as session:
        return tuple(session.scalar(select(func.count()).select_from(table))
                     for table in (timetable_entries, lessons, outbox))


def refused(schedule, school_id: str, lines) -> dict[str, str]:
    with pytest.raises(grpc.RpcError) as err:
        schedule.call("ImportTimetable", pb.ImportTimetableRequest(school_id=school_id, lines=lines))
    code, message, fields = rpc_error(err)
    assert code == grpc.StatusCode.INVALID_ARGUMENT and "ничего не сохранено" in message
    return fields


@pytest.fixture
def two_classes(schedule, school):
    """5А and 5Б with Математика by the school's teacher and Физика by another, two subgroups of 5А for English,
    room 31 and a bell schedule."""
    sid = school.id
    group_b = schedule.call("CreateClassGroup", pb.CreateClassGroupRequest(
        school_id=sid, academic_year_id=school.year.id, grade=5, name="5Б"))
    physics = schedule.call("CreateSubject", pb.CreateSubjectRequest(school_id=sid, name="Физика"))
    english = schedule.call("CreateSubject", pb.CreateSubjectRequest(school_id=sid, name="Английский язык"))
    physicist, english_1, english_2 = (str(uuid.uuid4()) for _ in range(3))
    students = schedule.staff.enrol(school.class_group.id, 4)
    subgroups = [schedule.call("CreateSubgroup", pb.CreateSubgroupRequest(
        school_id=sid, class_group_id=school.class_group.id, name=f"Английский, {n} группа", student_ids=part))
        for n, part in ((1, students[:2]), (2, students[2:]))]
    for teacher, subject, group, subgroup in (
            (school.teacher_id, school.subject.id, group_b.id, ""), (physicist, physics.id, school.class_group.id, ""),
            (physicist, physics.id, group_b.id, ""), (english_1, english.id, school.class_group.id, subgroups[0].id),
            (english_2, english.id, school.class_group.id, subgroups[1].id)):
        schedule.call("AssignTeacher", pb.AssignTeacherRequest(school_id=sid, teacher_id=teacher, subject_id=subject,
                                                               class_group_id=group, subgroup_id=subgroup))
    room = schedule.call("CreateRoom", pb.CreateRoomRequest(school_id=sid, name="31"))
    bells = schedule.call("CreateBellSchedule", pb.CreateBellScheduleRequest(school_id=sid, name="1 смена", periods=[
        pb.BellPeriod(lesson_number=n, starts_at=f"{7 + n:02d}:00", ends_at=f"{7 + n:02d}:45") for n in (1, 2, 3)]))
    return dict(group_b=group_b.id, physics=physics.id, english=english.id, physicist=physicist,
                english_teachers=(english_1, english_2), subgroups=[s.id for s in subgroups], room=room.id,
                bells=bells.id)


def test_a_whole_week_of_two_classes_is_imported_at_once(schedule, school, two_classes):
    c = two_classes
    lines = [
        line(school, 1, 1),
        line(school, 1, 1, class_group_id=c["group_b"], subject_id=c["physics"], teacher_id=c["physicist"], room="22"),
        line(school, 1, 2, class_group_id=c["group_b"], starts_at="", ends_at="", bell_schedule_id=c["bells"],
             room="", room_id=c["room"]),
        line(school, 1, 3, subject_id=c["english"], teacher_id=c["english_teachers"][0], subgroup_id=c["subgroups"][0],
             room="41"),
        line(school, 1, 3, subject_id=c["english"], teacher_id=c["english_teachers"][1], subgroup_id=c["subgroups"][1],
             room="42"),
    ]
    before = counts(schedule, school.id)
    reply = schedule.call("ImportTimetable", pb.ImportTimetableRequest(school_id=school.id, lines=lines))
    assert reply.lessons_created == 5 * MONDAYS and len(reply.entry_ids) == 5
    assert counts(schedule, school.id) == (before[0] + 5, before[1] + 5 * MONDAYS, before[2] + 5 * MONDAYS)
    assert event_types(schedule, school.id).count("LessonScheduled") == 5 * MONDAYS

    week_b = schedule.call("ListTimetableEntries", pb.ListTimetableEntriesRequest(
        school_id=school.id, class_group_id=c["group_b"])).entries
    assert [(e.lesson_number, e.subject_name, e.starts_at, e.ends_at, e.room) for e in week_b] == [
        (1, "Физика", "08:30", "09:15", "22"), (2, "Математика", "09:00", "09:45", "31")]
    monday = schedule.call("ListLessons", pb.ListLessonsRequest(
        school_id=school.id, class_group_id=school.class_group.id, date_from="2025-09-01", date_to="2025-09-01")).lessons
    assert sorted((x.lesson_number, x.subgroup_name) for x in monday) == [
        (1, ""), (3, "Английский, 1 группа"), (3, "Английский, 2 группа")]
    assert {x.timetable_entry_id for x in monday} <= set(reply.entry_ids)


def test_every_wrong_line_is_named_and_nothing_is_written(schedule, school, two_classes):
    c = two_classes
    before = counts(schedule, school.id)
    fields = refused(schedule, school.id, [
        line(school, 2, 1),  # a good line: not written either
        line(school, 7, 1),
        line(school, 2, 2, subject_id=str(uuid.uuid4())),
        line(school, 2, 3, teacher_id=c["physicist"]),
        line(school, 2, 4, class_group_id=str(uuid.uuid4())),
        line(school, 2, 5, class_group_id="5А"),
        line(school, 2, 6, starts_at="", ends_at="", bell_schedule_id=c["bells"]),
    ])
    assert fields == {
        "lines[1].weekday": "день недели от 1 (понедельник) до 6 (суббота)",
        "lines[2].subject_id": "Предмет не найден",
        "lines[3].teacher_id": "Учитель не ведёт предмет «Математика» в классе 5А: сначала назначьте нагрузку",
        "lines[4].class_group_id": "Класс не найден",
        "lines[5].class_group_id": fields["lines[5].class_group_id"],
        "lines[6].lesson_number": "в расписании звонков «1 смена» нет 6-го урока",
    }
    assert counts(schedule, school.id) == before


def test_lines_of_one_call_may_not_clash_with_each_other(schedule, school, two_classes):
    c = two_classes
    fields = refused(schedule, school.id, [
        line(school, 3, 1),
        line(school, 3, 1, subject_id=c["physics"], teacher_id=c["physicist"], room="22"),  # the class twice
        line(school, 3, 2, room="22"),
        line(school, 3, 2, class_group_id=c["group_b"], room="23"),  # the teacher twice
        line(school, 3, 3, subject_id=c["physics"], teacher_id=c["physicist"], room="22"),
        line(school, 3, 3, class_group_id=c["group_b"], room="22"),  # room 22 twice
    ])
    assert fields == {
        "lines[1].lesson_number": "Урок «Физика», 5А пересекается с уроком «Математика», 5А (среда, 1-й урок): "
                                  "у класса в это время уже есть урок",
        "lines[3].teacher_id": "Урок «Математика», 5Б пересекается с уроком «Математика», 5А (среда, 2-й урок): "
                               "учитель в это время уже ведёт урок",
        "lines[5].room": "Урок «Математика», 5Б пересекается с уроком «Физика», 5А (среда, 3-й урок): "
                         "кабинет 22 в это время занят",
    }
    assert counts(schedule, school.id)[0] == 0


def test_lines_may_not_clash_with_stored_ones(schedule, school, two_classes):
    schedule.call("CreateTimetableEntry", entry(school, weekday=4, lesson_number=2))
    fields = refused(schedule, school.id, [
        line(school, 4, 1), line(school, 4, 2, class_group_id=two_classes["group_b"], room="23")])
    assert fields == {"lines[1].teacher_id": "Урок «Математика», 5Б пересекается с уроком «Математика», 5А "
                                             "(четверг, 2-й урок): учитель в это время уже ведёт урок"}
    assert counts(schedule, school.id)[0] == 1


def test_a_closed_year_and_too_many_lines_are_refused(schedule, school):
    with pytest.raises(grpc.RpcError) as err:
        schedule.call("ImportTimetable", pb.ImportTimetableRequest(
            school_id=school.id, lines=[line(school, 1, 1)] * 2001))
    code, _, fields = rpc_error(err)
    assert code == grpc.StatusCode.INVALID_ARGUMENT and "не больше 2000 строк" in fields["lines"]
    with pytest.raises(grpc.RpcError) as err:
        schedule.call("ImportTimetable", pb.ImportTimetableRequest(school_id=school.id))
    assert rpc_error(err)[2] == {"lines": "нет ни одной строки расписания"}

    schedule.principals.grant(school.id, "school_admin")
    schedule.call("CloseAcademicYear", pb.CloseAcademicYearRequest(school_id=school.id, academic_year_id=school.year.id))
    assert refused(schedule, school.id, [line(school, 1, 1)]) == {"lines[0]": "Учебный год 2025/2026 закрыт"}


def test_only_managers_import_and_only_into_their_own_school(schedule, school):
    other = str(uuid.uuid4())
    schedule.principals.grant(other, "deputy_head")
    fields = refused(schedule, other, [line(school, 1, 1)])  # the other school's class is not found here
    assert fields == {"lines[0].class_group_id": "Класс не найден"}
    assert counts(schedule, school.id)[0] == counts(schedule, other)[0] == 0
    schedule.principals.grant(school.id, "teacher")
    with pytest.raises(grpc.RpcError) as err:
        schedule.call("ImportTimetable", pb.ImportTimetableRequest(school_id=school.id, lines=[line(school, 1, 1)]))
    assert err.value.code() == grpc.StatusCode.PERMISSION_DENIED
