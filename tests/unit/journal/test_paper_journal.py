import datetime as dt
from types import SimpleNamespace

import pytest

from services.common.errors import Invalid
from services.journal.domain import paper_journal as rules


def person(pid, last, first, middle=""):
    return SimpleNamespace(id=pid, name=SimpleNamespace(last_name=last, first_name=first, middle_name=middle))


def test_lines_are_read_by_header_and_checked_column_by_column():
    text = "Date;Lesson_number;Student;Mark;Attendance\n2026-03-10;2;Ёлкин Пётр;5;Н\n\n2026-03-10;x;Ёлкин Пётр;;\n"
    lines = rules.read_lines("paper.csv", text.encode())
    assert [number for number, _ in lines] == [2, 4]
    line = rules.check_line(*lines[0])
    assert (line.date, line.lesson_number, line.mark, line.work_type, line.attendance) == (
        dt.date(2026, 3, 10), 2, "5", "classwork", "absent")
    with pytest.raises(rules.LineError) as err:
        rules.check_line(*lines[1])
    assert err.value.field == "lesson_number"
    with pytest.raises(rules.LineError) as err:
        rules.check_line(5, {"date": "2026-03-10", "lesson_number": "1", "student": "Ёлкин Пётр"})
    assert err.value.field == "mark"  # nothing to record
    with pytest.raises(Invalid):
        rules.read_lines("paper.csv", b"date;student\n2026-03-10;x\n")  # no lesson_number column


def test_students_by_name_ignore_case_and_yo_and_refuse_namesakes():
    people = [person("1", "Ёлкин", "Пётр"), person("2", "Иванов", "Иван", "Петрович"), person("3", "Иванов", "Иван", "Ильич")]
    index, ids = rules.name_index(people), {"1", "2", "3"}
    assert rules.student_of("елкин  пётр", index, ids) == "1"
    assert rules.student_of("Иванов Иван Ильич", index, ids) == "3"
    for text, reason in (("Иванов Иван", "несколько"), ("Сидоров Иван", "нет такого")):
        with pytest.raises(rules.LineError, match=reason):
            rules.student_of(text, index, ids)
    with pytest.raises(rules.LineError, match="не учится"):
        rules.student_of("00000000-0000-0000-0000-000000000009", index, ids)


def test_merging_keeps_what_is_there_and_refuses_other_values():
    assert rules.merge("", "5", "mark") is True
    assert rules.merge("5", "5", "mark") is False
    assert rules.merge("5", "", "mark") is False
    with pytest.raises(rules.LineError, match="«4»"):
        rules.merge("4", "5", "mark")
    lines = [rules.PaperLine(2, dt.date(2025, 1, 1), 1, "", "x", "5", "classwork", "", ""),
             rules.PaperLine(3, dt.date(2026, 1, 2), 1, "", "x", "5", "classwork", "", "")]
    with pytest.raises(Invalid):
        rules.check_period(lines)
