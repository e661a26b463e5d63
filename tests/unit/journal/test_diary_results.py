"""The whole diary's results, computed by hand: the weighted average per subject and term with its change, the year's,
every subject together (the mean of the subject averages), the lessons by attendance kind per term and for the year
(a holiday's lesson counts for the year only), the period marks, the grade's terms, and no averages on pass/fail."""
import datetime as dt
from decimal import Decimal

from services.common.mark_average import DEFAULTS, weights
from services.journal.domain import diary_results as rules
from services.journal.domain.diary_results import AttendanceRow, MarkRow

Q1 = rules.Term("q1", "1 четверть", dt.date(2025, 9, 1), dt.date(2025, 10, 26))
Q2 = rules.Term("q2", "2 четверть", dt.date(2025, 11, 5), dt.date(2025, 12, 28))
NAMES = {"math": "Математика", "history": "история", "pe": "Физкультура"}


def day(month: int, date: int) -> dt.date:
    return dt.date(2025, month, date)


def found(weighted=True) -> rules.Results:
    marks = [MarkRow("math", day(9, 3), "5", "classwork"), MarkRow("math", day(10, 1), "3", "test"),
             MarkRow("math", day(11, 12), "4", "classwork"), MarkRow("history", day(9, 10), "4", "oral")]
    attendance = [AttendanceRow("math", day(9, 4), "absent"), AttendanceRow("math", day(9, 5), "ill"),
                  AttendanceRow("history", day(11, 20), "late"), AttendanceRow("math", day(10, 30), "absent")]
    return rules.results((Q1, Q2), NAMES, marks, attendance, {("math", "q1"): "4", ("pe", "q1"): "ОСВ"},
                         {("math", "annual"): "4", ("math", "exam"): "5", ("math", "final"): "4"},
                         weights(DEFAULTS) if weighted else None)


def averages(periods) -> list[tuple[str, str]]:
    return [("" if p.average is None else str(p.average), p.change) for p in periods]


def test_averages_per_subject_and_term_with_their_changes_and_the_years():
    result = found()
    assert [s.name for s in result.subjects] == ["история", "Математика", "Физкультура"]  # by name, case ignored
    history, math, pe = result.subjects
    assert averages(math.terms) == [("3.67", ""), ("4.00", "+0.33")]  # (5 + 3×2) / 3, then 4
    assert str(math.year.average) == "3.75" and math.year.marks_count == 3  # (5 + 6 + 4) / 4
    assert averages(history.terms) == [("4.00", ""), ("", "")]
    assert averages(pe.terms) == [("", ""), ("", "")] and pe.year.average is None


def test_every_subject_together_is_the_mean_of_the_subject_averages():
    result = found()
    assert averages(result.totals) == [("3.84", ""), ("4.00", "+0.16")]  # (3.67 + 4.00) / 2 = 3.835 half up
    assert str(result.total.average) == "3.88"  # (3.75 + 4.00) / 2
    assert [p.marks_count for p in result.totals] == [3, 1] and result.total.marks_count == 4


def test_lessons_by_attendance_kind_per_term_and_for_the_year():
    result = found()
    history, math, _ = result.subjects
    assert [dict(p.attendance) for p in math.terms] == [{"absent": 1, "ill": 1}, {}]
    assert dict(math.year.attendance) == {"absent": 2, "ill": 1}  # the holiday's lesson counts for the year
    assert dict(history.terms[1].attendance) == {"late": 1}
    assert [dict(p.attendance) for p in result.totals] == [{"absent": 1, "ill": 1}, {"late": 1}]
    assert dict(result.total.attendance) == {"absent": 2, "ill": 1, "late": 1}


def test_the_period_marks_as_set():
    _, math, pe = found().subjects
    assert [p.mark for p in math.terms] == ["4", ""]
    assert (math.year.mark, math.exam, math.final) == ("4", "5", "4")
    assert [p.mark for p in pe.terms] == ["ОСВ", ""]  # a subject with a period mark only is listed


def test_a_pass_fail_scale_has_no_averages():
    result = found(weighted=False)
    assert all(p.average is None for s in result.subjects for p in (*s.terms, s.year))
    assert result.total.average is None and result.subjects[1].terms[0].marks_count == 2


def test_the_terms_of_the_grade_in_date_order():
    year = [("h2", "2 полугодие", "2026-01-12", "2026-05-31", 10, 11), ("q1", "1 четверть", "2025-09-01",
                                                                       "2025-10-26", 1, 9),
            ("h1", "1 полугодие", "2025-09-01", "2025-12-28", 10, 11), ("all", "Год", "2025-09-01", "2026-05-31", 0, 0)]
    assert [t.id for t in rules.terms_of_grade(year, 5)] == ["q1", "all"]
    assert [t.id for t in rules.terms_of_grade(year, 10)] == ["h1", "all", "h2"]
    assert rules.terms_of_grade(year, 10)[0].end == dt.date(2025, 12, 28)


def test_no_marks_no_averages():
    empty = rules.results((Q1,), {}, [], [], {}, {}, {"classwork": Decimal(1)})
    assert (empty.subjects, empty.totals[0].average, empty.total.average) == ((), None, None)
