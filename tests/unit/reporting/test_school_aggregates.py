"""The municipal authority's aggregates in plain Python: period keys (by the term's name, else by how many terms),
the lessons filled on time of a period, a class's numbers from its period results, a school's rows per period and
grade, the municipality's total (counts summed, rates of the sums) and the side-by-side sorting."""
import datetime as dt
from decimal import Decimal

from services.reporting.domain.attendance_sheet import Missed
from services.reporting.domain.period_results import (
    CATEGORIES,
    EXCELLENT,
    FAILING,
    GOOD,
    ONE_THREE,
    ClassResults,
    LessonCount,
    Named,
    Period,
    Rates,
    SubjectSummary,
)
from services.reporting.domain.school_aggregates import (
    Accounts,
    SchoolRow,
    class_aggregate,
    combined,
    fill,
    period_keys,
    period_label,
    school_aggregates,
    sorted_schools,
)

D = dt.date


def period(pid: str, name: str, start: D, end: D) -> Period:
    return Period(pid, name, start, end)


def terms(*names: str) -> list[Period]:
    days = [D(2026, 9, 1) + dt.timedelta(days=60 * i) for i in range(len(names))]
    return [*(period(f"t{i}", n, d, d + dt.timedelta(days=50)) for i, (n, d) in enumerate(zip(names, days, strict=True))),
            period("year", "Учебный год", D(2026, 9, 1), D(2027, 5, 31))]


def test_period_keys_by_the_terms_name_else_by_how_many():
    assert [k for k, _ in period_keys(terms("1 четверть", "2 четверть"))] == ["q1", "q2", "year"]
    assert [k for k, _ in period_keys(terms("1 полугодие", "2 полугодие"))] == ["h1", "h2", "year"]
    assert [k for k, _ in period_keys(terms("Осень", "Зима", "Весна"))] == ["t1", "t2", "t3", "year"]
    assert [k for k, _ in period_keys(terms("А", "Б", "В", "Г"))] == ["q1", "q2", "q3", "q4", "year"]
    assert [k for k, _ in period_keys(terms("А", "Б", "В", "Г", "Д"))] == ["p1", "p2", "p3", "p4", "p5", "year"]
    assert [period_label(k) for k in ("q3", "h2", "t1", "p5", "year")] == [
        "3 четверть", "2 полугодие", "1 триместр", "Период 5", "Учебный год"]


def test_lessons_filled_on_time_count_the_days_of_the_period_up_to_today():
    q1 = period("q1", "1 четверть", D(2026, 9, 1), D(2026, 10, 24))
    days = [(D(2026, 8, 31), 5, 5), (D(2026, 9, 10), 3, 2), (D(2026, 10, 20), 2, 0), (D(2026, 10, 25), 4, 4)]
    assert fill(days, q1, D(2026, 12, 1)) == (5, 2)
    assert fill(days, q1, D(2026, 10, 1)) == (3, 2)  # the lessons after today are not held yet


def results(class_id: str, grade: int, counts: dict, mark_sum: str, mark_count: int, p: Period) -> ClassResults:
    summary = SubjectSummary(Named("m", "Математика"), (), 0, 0, 0, Decimal(mark_sum), mark_count,
                             LessonCount(0, 0, 0), ())
    rates = Rates(tuple((code, counts.get(code, 0)) for code, _ in CATEGORIES))
    return ClassResults(Named(class_id, class_id), grade, "2026/2027", p, "five_point", p.date_to, (summary,), (),
                        rates)


def test_a_schools_rows_per_period_and_grade_and_the_municipalitys_total():
    q1 = period("q1", "1 четверть", D(2026, 9, 1), D(2026, 10, 24))
    c5a = class_aggregate("q1", results("5А", 5, {EXCELLENT: 1, ONE_THREE: 1}, "17", 4, q1), Missed((1, 1, 0, 0), 2),
                          (3, 1))
    c6a = class_aggregate("q1", results("6А", 6, {GOOD: 1, FAILING: 1}, "13", 4, q1), Missed((0, 0, 2, 0), 2),
                          (2, 2))
    rows = school_aggregates([c5a, c6a], Accounts(2, 1, 4, 1), 3)
    assert [(r.period_key, r.grade) for r in rows] == [("q1", 0), ("q1", 5), ("q1", 6)]
    school = rows[0]
    # 4 students: отличник, с одной «3», хорошист, неуспевающий — quality 2/4, pass rate 3/4; marks 30 / 8
    assert (school.students, school.quality, school.pass_rate, school.average) == (4, "50.0", "75.0", "3.75")
    assert (school.lessons_missed, school.missed_per_student, school.fill_rate) == (4, "1.00", "60.0")
    assert [(code, n, share) for code, _, n, share in school.missed_shares] == [
        ("absent", 1, "25.0"), ("ill", 1, "25.0"), ("excused", 2, "50.0"), ("unexcused", 0, "0.0")]
    assert (school.accounts.staff_rate, school.accounts.families_rate, school.archives_sealed) == ("50.0", "25.0", 3)
    assert (rows[1].quality, rows[1].accounts, rows[1].archives_sealed) == ("50.0", Accounts(), 0)
    other = combined([c6a], "q1", "1 четверть", 0, Accounts(1, 1, 0, 0), 1)
    total = combined([school, other], "q1", "Итого по муниципалитету")
    assert (total.students, total.quality, total.pass_rate, total.classes) == (6, "50.0", "66.7", 3)
    assert (total.accounts, total.archives_sealed) == (Accounts(3, 2, 4, 1), 4)
    assert combined([], "q1", "Итого").quality == ""


def test_the_schools_sorted_by_a_metric_those_without_it_last():
    q1 = period("q1", "1 четверть", D(2026, 9, 1), D(2026, 10, 24))
    good = class_aggregate("q1", results("5А", 5, {EXCELLENT: 2}, "20", 4, q1), Missed((0, 0, 0, 0), 0), (0, 0))
    poor = class_aggregate("q1", results("5Б", 5, {FAILING: 2}, "8", 4, q1), Missed((0, 0, 0, 0), 0), (0, 0))
    rows = [SchoolRow("a", "Бета", poor), SchoolRow("b", "Альфа", good), SchoolRow("c", "Гамма", None)]
    assert [r.school_name for r in sorted_schools(rows, "quality", True)] == ["Альфа", "Бета", "Гамма"]
    assert [r.school_name for r in sorted_schools(rows, "quality", False)] == ["Бета", "Альфа", "Гамма"]
    assert [r.school_name for r in sorted_schools(rows, "fill_rate", False)] == ["Альфа", "Бета", "Гамма"]
    assert [r.school_name for r in sorted_schools(rows, "name", True)] == ["Гамма", "Бета", "Альфа"]
