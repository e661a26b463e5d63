"""Journal rules: lesson entry validation, the class list, change reasons, the mark and attendance diff."""
import datetime as dt
import uuid

import pytest

from services.common.errors import Invalid
from services.journal.domain import lesson_entry as domain
from services.journal.domain.lesson_entry import AttendanceInput, MarkInput, StoredMark

ANNA, BORIS, VERA = (str(uuid.uuid4()) for _ in range(3))


def invalid_field(fn, *args) -> str:
    with pytest.raises(Invalid) as err:
        fn(*args)
    (field,) = err.value.fields
    return field


def entry(marks=(), attendance=(), topic="", homework=""):
    return domain.lesson_entry(topic, homework, marks, attendance)


def test_valid_entry_defaults_work_type():
    e = entry([MarkInput(ANNA, " 5 ", "", " молодец ")], [AttendanceInput(BORIS, "ill")], " Дроби ", "№ 12")
    assert e.marks == [MarkInput(ANNA, "5", "classwork", "молодец")]
    assert e.attendance == {BORIS: "ill"}
    assert (e.topic, e.homework) == ("Дроби", "№ 12")


@pytest.mark.parametrize("marks, attendance, topic, homework, field", [
    ([MarkInput(ANNA, " ")], [], "", "", "marks[0].value"),
    ([MarkInput(ANNA, "5"), MarkInput(ANNA, "", "test")], [], "", "", "marks[1].value"),
    ([MarkInput("anna", "5")], [], "", "", "marks[0].student_id"),
    ([MarkInput(ANNA, "5"), MarkInput(ANNA, "4", "classwork")], [], "", "", "marks[1].work_type"),
    ([MarkInput(ANNA, "5", "x" * 51)], [], "", "", "marks[0].work_type"),
    ([], [AttendanceInput(ANNA, "present")], "", "", "attendance[0].status"),
    ([], [AttendanceInput(ANNA, "ill"), AttendanceInput(ANNA, "late")], "", "", "attendance[1].student_id"),
    ([], [], "т" * 501, "", "topic"),
    ([], [], "", "д" * 4001, "homework"),
])
def test_invalid_entry(marks, attendance, topic, homework, field):
    assert invalid_field(domain.lesson_entry, topic, homework, marks, attendance) == field


@pytest.mark.parametrize("scale, values, refused", [
    ("five_point", ["5", "1"], ["6", "0", "н", "зачёт", "10"]),
    ("ten_point", ["10", "6", "1"], ["11", "0", "зачёт"]),
    ("pass_fail", ["зачёт", "Незачет"], ["5", "1", "н"]),
])
def test_marks_follow_the_school_scale(scale, values, refused):
    domain.check_scale(entry([MarkInput(ANNA, v, f"w{i}") for i, v in enumerate(values)]).marks, scale)
    for value in refused:
        marks = entry([MarkInput(BORIS, "1" if scale != "pass_fail" else "зачёт"), MarkInput(ANNA, value)]).marks
        assert invalid_field(domain.check_scale, marks, scale) == "marks[1].value"


def test_several_work_types_per_student():
    e = entry([MarkInput(ANNA, "5", "classwork"), MarkInput(ANNA, "3", "test")])
    assert len(e.marks) == 2


def test_class_list():
    e = entry([MarkInput(ANNA, "5"), MarkInput(VERA, "4")], [AttendanceInput(ANNA, "late"), AttendanceInput(BORIS, "ill")])
    assert invalid_field(domain.check_class_list, e, {ANNA, BORIS}) == "marks[1].student_id"
    assert invalid_field(domain.check_class_list, e, {ANNA, VERA}) == "attendance[1].student_id"
    domain.check_class_list(e, {ANNA, BORIS, VERA})


def test_reason_required_after_the_lesson_day():
    today = dt.date(2025, 10, 10)
    assert domain.change_reason(today, today, "") == ""
    assert invalid_field(domain.change_reason, dt.date(2025, 10, 9), today, "  ") == "reason"
    assert domain.change_reason(dt.date(2025, 10, 9), today, " исправление ") == "исправление"


def test_diff_marks():
    stored = [StoredMark("m1", ANNA, "classwork", "4", ""), StoredMark("m2", BORIS, "classwork", "3", ""),
              StoredMark("m3", VERA, "test", "5", "")]
    wanted = [MarkInput(ANNA, "4"), MarkInput(BORIS, "5"), MarkInput(VERA, "2", "classwork")]
    diff = domain.diff_marks(stored, wanted)
    assert diff.added == [MarkInput(VERA, "2", "classwork")]
    assert diff.changed == [(stored[1], MarkInput(BORIS, "5"))]
    assert diff.removed == [stored[2]]


def test_diff_marks_comment_change_is_a_change():
    stored = [StoredMark("m1", ANNA, "classwork", "4", "")]
    assert domain.diff_marks(stored, [MarkInput(ANNA, "4", "classwork", "у доски")]).changed


def test_diff_marks_a_mark_taken_out_of_the_average_is_a_change():
    stored = [StoredMark("m1", ANNA, "classwork", "3", "")]
    [(old, new)] = domain.diff_marks(stored, [MarkInput(ANNA, "3", "classwork", "", not_counted=True)]).changed
    assert (old.not_counted, new.not_counted) == (False, True)


def test_diff_attendance():
    changes = domain.diff_attendance({ANNA: "ill", BORIS: "late"}, {BORIS: "absent", VERA: "late"})
    assert {(c.student_id, c.old, c.new) for c in changes} == {
        (ANNA, "ill", None), (BORIS, "late", "absent"), (VERA, None, "late")}
    assert domain.diff_attendance({ANNA: "ill"}, {ANNA: "ill"}) == []


def test_diary_range():
    assert domain.diary_range("2025-09-01", "2025-11-01") == (dt.date(2025, 9, 1), dt.date(2025, 11, 1))
    assert invalid_field(domain.diary_range, "2025-09-01", "2025-11-02") == "date_to"
    assert invalid_field(domain.diary_range, "2025-09-02", "2025-09-01") == "date_to"
    assert invalid_field(domain.diary_range, "сентябрь", "2025-09-01") == "date_from"
