"""A class's period results: the periods from terms, weighted averages, estimated results, each student's category,
quality and pass rate, a subject's distribution and lessons, several classes combined (hand-computed numbers)."""
import datetime as dt
from decimal import Decimal

from services.common.mark_average import DEFAULTS, weights
from services.common.mark_scales import FIVE_POINT, PASS_FAIL, TEN_POINT
from services.reporting.domain import period_results as rules

D = dt.date
WEIGHTS = weights(DEFAULTS)
Q1 = rules.Period("q1", "1 четверть", D(2026, 9, 1), D(2026, 10, 24))
MATH, RUS = rules.Named("m", "Математика"), rules.Named("r", "Русский язык")


def test_periods_are_the_terms_by_start_then_the_year_and_an_untold_end_is_the_day_before_the_next_term():
    terms = [rules.TermDates("q2", "2 четверть", D(2026, 11, 5), None),
             rules.TermDates("q1", "1 четверть", D(2026, 9, 1), D(2026, 10, 24)),
             rules.TermDates("q3", "3 четверть", D(2027, 1, 12), None)]
    periods = rules.periods(terms, "2026/2027")
    assert [(p.id, p.date_from, p.date_to) for p in periods] == [
        ("q1", D(2026, 9, 1), D(2026, 10, 24)), ("q2", D(2026, 11, 5), D(2027, 1, 11)),
        ("q3", D(2027, 1, 12), D(2027, 5, 31)), (rules.YEAR, D(2026, 9, 1), D(2027, 5, 31))]
    assert periods[-1].name == "Учебный год 2026/2027"
    assert rules.periods([]) == ()


def test_categories_by_the_results_of_all_subjects():
    assert rules.category(["5", "5", ""]) == rules.EXCELLENT
    assert rules.category(["5", "4"]) == rules.GOOD
    assert rules.category(["5", "3", "4"]) == rules.ONE_THREE
    assert rules.category(["3", "3"]) == rules.SATISFACTORY
    assert rules.category(["5", "2", "na"]) == rules.FAILING
    assert rules.category(["5", "na"]) == rules.NOT_ASSESSED
    assert rules.category(["pass", "5"]) == rules.EXCELLENT
    assert rules.category(["pass"]) == rules.PASSED
    assert rules.category(["", ""]) == rules.NO_RESULT


def test_bands_of_each_scale():
    assert [rules.band(v, FIVE_POINT) for v in ("5", "4", "3", "2", "1", "ОСВ", "Н/А", "")] == [
        "5", "4", "3", "2", "2", "", "na", ""]
    assert [rules.band(v, TEN_POINT) for v in ("10", "9", "8", "7", "6", "4", "3", "1")] == [
        "5", "5", "4", "4", "3", "3", "2", "2"]
    assert [rules.band(v, PASS_FAIL) for v in ("зачёт", "незачёт", "5")] == ["pass", "2", ""]


def member(student_id: str, name: str, date_from=None, date_to=None) -> rules.Member:
    return rules.Member(student_id, name, date_from, date_to)


def mark(student_id: str, subject: rules.Named, day: int, value: str, work_type: str = "classwork",
         month: int = 9) -> rules.MarkFact:
    return rules.MarkFact(student_id, subject.id, D(2026, month, day), value, work_type)


def lesson(subject: rules.Named, day: int, cancelled=False, recorded=True, teacher="t1") -> rules.LessonFact:
    return rules.LessonFact(subject.id, teacher, D(2026, 10, day), cancelled, recorded)


def results(as_of=D(2026, 11, 10), scale=FIVE_POINT) -> rules.ClassResults:
    members = [member("a", "Антонов Антон"), member("b", "Борисова Вера"), member("c", "Васильев Глеб"),
               member("d", "Громов Дан", date_to=D(2026, 10, 1))]
    marks = [
        # Антонов, mathematics: (5·1 + 3·2 + 4·1.5) / 4.5 = 3.777… → 3.78, the term mark 4 set
        mark("a", MATH, 2, "5"), mark("a", MATH, 9, "3", "test"), mark("a", MATH, 16, "4", "independent"),
        mark("a", RUS, 3, "5"), mark("a", RUS, 10, "5"),
        # Борисова: no term marks yet: mathematics (4 + 3·2) / 3 = 3.33 → 3, Russian 5, 4 → 4.5 → 5 (half up)
        mark("b", MATH, 2, "4"), mark("b", MATH, 9, "3", "test"), mark("b", RUS, 3, "5"), mark("b", RUS, 10, "4"),
        # Васильев: a 2 in mathematics; a mark after the term does not count
        mark("c", MATH, 2, "2"), mark("c", RUS, 3, "4"), mark("c", RUS, 5, "2", month=11),
        mark("d", MATH, 2, "5"),
    ]
    period_marks = [rules.PeriodMarkFact("a", "m", "4"), rules.PeriodMarkFact("a", "r", "5"),
                    rules.PeriodMarkFact("c", "m", "2"), rules.PeriodMarkFact("c", "r", "Н/А")]
    lessons = [lesson(MATH, 1), lesson(MATH, 2, cancelled=True), lesson(MATH, 3, recorded=False),
               lesson(MATH, 20, recorded=False, teacher="t2"), lesson(RUS, 1)]
    return rules.class_results(rules.Named("5a", "5А"), 5, "2026/2027", Q1, as_of, members, [RUS, MATH], marks,
                               period_marks, lessons, WEIGHTS, scale)


def test_each_students_results_averages_and_category():
    report = results()
    assert [x.subject.name for x in report.subjects] == ["Математика", "Русский язык"]
    antonov, borisova, vasiliev, gromov = report.students
    assert [(r.marks, r.average, r.period_mark, r.result, r.estimated) for r in antonov.subjects] == [
        (("5", "3", "4"), "3.78", "4", "4", False), (("5", "5"), "5.00", "5", "5", False)]
    assert (antonov.category, antonov.average, antonov.counted) == (rules.GOOD, "4.50", True)
    assert [(r.average, r.result, r.estimated) for r in borisova.subjects] == [("3.33", "3", True), ("4.50", "5", True)]
    assert borisova.category == rules.ONE_THREE
    assert [(r.marks, r.result) for r in vasiliev.subjects] == [(("2",), "2"), (("4",), "Н/А")]
    assert vasiliev.category == rules.FAILING
    # Громов left on 01.10: listed with his days, not counted on the term's last day
    assert (gromov.date_from, gromov.date_to, gromov.counted) == ("", "2026-10-01", False)


def test_the_rates_count_the_students_in_the_class_on_the_last_day():
    rates = results().rates
    assert rates.with_result == 3
    assert (rates.count(rules.GOOD), rates.count(rules.ONE_THREE), rates.count(rules.FAILING)) == (1, 1, 1)
    assert rates.quality == "33.3"  # 1 of 3
    assert rates.pass_rate == "66.7"  # 2 of 3
    # while the term lasts, the class of today counts: Громов is still in it on 30.09
    early = results(as_of=D(2026, 9, 30))
    assert early.counted_on == D(2026, 9, 30)
    assert early.rates.with_result == 4 and early.rates.count(rules.EXCELLENT) == 1


def test_a_subjects_distribution_rates_average_and_lessons():
    math, rus = results().subjects
    assert dict(math.distribution) == {"5": 0, "4": 1, "3": 1, "2": 1, "1": 0, "Н/А": 0}
    assert (math.with_result, math.quality, math.pass_rate, math.average) == (3, "33.3", "66.7", "3.00")
    # four lessons of mathematics, one cancelled; on 10.11 all three held are to date, one given with a topic
    assert (math.lessons.planned, math.lessons.to_date, math.lessons.given) == (3, 3, 1)
    assert math.teacher_ids == ("t1", "t2")
    assert dict(rus.distribution)["Н/А"] == 1 and (rus.quality, rus.pass_rate, rus.average) == ("66.7", "66.7", "5.00")
    early = results(as_of=D(2026, 10, 3)).subjects[0]  # the lessons of 01.10 and 03.10
    assert (early.lessons.planned, early.lessons.to_date) == (3, 2)


def test_weights_are_the_schools_and_a_pass_fail_scale_has_no_average():
    heavy = {**WEIGHTS, "test": Decimal("4")}
    antonov = rules.class_results(
        rules.Named("5a", "5А"), 5, "", Q1, D(2026, 11, 1), [member("a", "А")], [MATH],
        [mark("a", MATH, 2, "5"), mark("a", MATH, 9, "3", "test")], [], [], heavy, FIVE_POINT).students[0]
    assert antonov.subjects[0].average == "3.40"  # (5 + 3·4) / 5
    passed = rules.class_results(rules.Named("5a", "5А"), 5, "", Q1, D(2026, 11, 1), [member("a", "А")], [MATH],
                                 [mark("a", MATH, 2, "зачёт")], [rules.PeriodMarkFact("a", "m", "зачёт")], [],
                                 WEIGHTS, PASS_FAIL)
    assert passed.students[0].subjects[0].average == "" and passed.students[0].category == rules.PASSED
    assert passed.rates.quality == "0.0" and passed.rates.pass_rate == "100.0"


def test_classes_combined():
    one, two = results(), results(as_of=D(2026, 9, 30))
    rates = rules.combined_rates([one.rates, two.rates])
    assert rates.with_result == 7 and rates.quality == "42.9"  # 1 хорошист, then 1 хорошист and 1 отличник: 3 of 7
    math = rules.combined_subject([one.subjects[0], two.subjects[0]])
    # 4 + 3 + 2, then 4 + 3 + 2 + 5 (Громов still in the class): 23 / 7 = 3.2857…
    assert (math.with_result, math.lessons.planned, math.average) == (7, 6, "3.29")


def test_the_period_under_way_is_the_term_of_the_day_else_the_last_ended_else_the_year():
    q2 = rules.Period("q2", "2 четверть", D(2026, 11, 5), D(2026, 12, 28))
    year = rules.Period(rules.YEAR, "Учебный год", D(2026, 9, 1), D(2026, 12, 28))
    periods = (Q1, q2, year)
    assert rules.period_under_way(periods, D(2026, 11, 5)) == "q2"
    assert rules.period_under_way(periods, D(2026, 11, 1)) == "q1", "between the terms: the one ended"
    assert rules.period_under_way(periods, D(2027, 3, 1)) == "q2"
    assert rules.period_under_way(periods, D(2026, 8, 1)) == rules.YEAR, "before the first term"
    assert rules.period_under_way((), D(2026, 8, 1)) == ""
