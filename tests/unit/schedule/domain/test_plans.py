"""Curriculum hours, the due date policy, study weeks and reading thematic plan files."""
import datetime as dt
import io
from decimal import Decimal

import pytest
from openpyxl import Workbook

from services.common.errors import Invalid
from services.schedule.domain import curriculum, schedule_policy, thematic_plan
from services.schedule.domain.calendar import Calendar, Period


def test_weekly_hours_are_decimals_from_half_an_hour_to_ten():
    assert curriculum.weekly_hours("1,5") == Decimal("1.5")
    assert curriculum.weekly_hours(" 10 ") == Decimal("10")
    for bad in ("0.25", "10.5", "", "NaN", "1.005", "два"):
        with pytest.raises(Invalid) as err:
            curriculum.weekly_hours(bad)
        assert "hours_per_week" in err.value.fields, bad
    assert [curriculum.hours_text(Decimal(v)) for v in ("1.50", "10.00", "34", "0.5")] == ["1.5", "10", "34", "0.5"]


def test_the_curriculum_due_date_is_a_per_school_month_and_day():
    assert schedule_policy.from_stored({}).curriculum_due == "09-15"
    assert schedule_policy.from_stored({"curriculum_due": "10-01"}).curriculum_due == "10-01"
    for bad in ("02-29", "13-01", "15.09", ""):
        assert schedule_policy.from_stored({"curriculum_due": bad}).curriculum_due == "09-15", bad
    assert curriculum.due_date(dt.date(2025, 9, 1), "09-15") == dt.date(2025, 9, 15)
    due = dt.date(2025, 9, 15)
    assert curriculum.overdue_warning(due, due, ["5А"]) == []
    assert curriculum.overdue_warning(dt.date(2025, 9, 16), due, []) == []
    assert curriculum.overdue_warning(dt.date(2025, 9, 16), due, ["5А", "6Б"]) == [
        "Учебный план не заполнен после 15 сентября 2025: нет часов у классов 5А, 6Б"]


def test_study_weeks_count_weeks_with_a_working_day_of_the_terms():
    term = Period("t", dt.date(2025, 9, 3), dt.date(2025, 10, 5))     # Wed .. Sun: weeks of 1.9 .. 29.9 = 5
    assert curriculum.study_weeks(Calendar((term,))) == 5
    autumn = Period("h", dt.date(2025, 9, 15), dt.date(2025, 9, 21))  # a whole week of holidays
    assert curriculum.study_weeks(Calendar((term,), (autumn,))) == 4
    sunday = Period("s", dt.date(2025, 10, 5), dt.date(2025, 10, 5))
    assert curriculum.study_weeks(Calendar((sunday,))) == 0


def test_a_plan_file_reads_both_separators_skips_the_header_and_sorts_by_order():
    plan = thematic_plan.read("p.csv", "Порядок;Тема;Часы\n2;Б;1\n1;А;2,5\n".encode())
    assert plan.errors == [] and [(t.position, t.title, t.hours) for t in plan.topics] == [
        (1, "А", Decimal("2.5")), (2, "Б", Decimal("1"))]
    plan = thematic_plan.read("p.csv", '1,"Тема, с запятой",3\n'.encode())
    assert plan.topics[0].title == "Тема, с запятой"


def xlsx(*rows) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_an_xlsx_plan_reads_its_first_sheet_with_numbers_as_typed():
    plan = thematic_plan.read("План.XLSX", xlsx(["Порядок", "Тема", "Часы"], [1, "Числа", 2.5], [2, "Дроби", 3.0],
                                                 [None, None, None], [3, "Проценты", None, None]))
    assert [(t.position, t.title, t.hours) for t in plan.topics] == [(1, "Числа", Decimal("2.5")),
                                                                      (2, "Дроби", Decimal("3"))]
    assert [(e.line, e.field) for e in plan.errors] == [(5, "hours")]


def test_bad_rows_are_reported_by_line_and_field():
    plan = thematic_plan.read("p.csv", "1;А;1\n²;Б;1\n3;;300\n1;В;1\n4;Г\n".encode())
    assert [(e.line, e.field) for e in plan.errors] == [(2, "order"), (3, "title"), (3, "hours"), (4, "order"),
                                                         (5, "row")]
    assert [t.position for t in plan.topics] == [1]


@pytest.mark.parametrize("filename, content, field", [
    ("p.txt", b"1;A;1", "filename"), ("p.xlsx", b"1;A;1", "content"), ("p.csv", b"  ", "content"),
    ("p.csv", "1;Тема;1".encode("cp1251"), "content"),
    ("p.csv", b"order;title;hours\n", "content")])
def test_files_that_are_not_a_utf8_csv_plan_are_refused(filename, content, field):
    with pytest.raises(Invalid) as err:
        thematic_plan.read(filename, content)
    assert field in err.value.fields


def test_delivered_lessons_cover_whole_topics_in_plan_order():
    hours = [Decimal("2.5"), Decimal("3"), Decimal("0.5")]
    assert [curriculum.topics_covered(hours, n) for n in (0, 2, 3, 5, 6, 9)] == [0, 0, 1, 1, 3, 3]
    assert curriculum.topics_covered([], 4) == 0
    assert curriculum.delivery_warning("Физика", "7А", 4, 4) == []
    assert curriculum.delivery_warning("Физика", "7А", 4, 1) == [
        "«Физика», 7А: по расписанию прошло уроков 4, в журнале записаны 1 (без записей 3)"]
