"""The school's results of a period, the one aggregation the school-wide period reports share (results and knowledge
quality, the school summary report, the school progress summary): per class taking part in the period (its periods
include it) the students counted by category, the knowledge quality, the pass rate and the average of the numeric
results; the subtotals per grade and the school's total (`period_results.combined_rates`); per subject across the
school and per grade (`period_results.combined_subject`); and the classes left out with why. Plain Python, no I/O."""
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from services.reporting.domain.class_fill import TOTAL
from services.reporting.domain.movement_register import number_key
from services.reporting.domain.period_results import (
    ClassResults,
    Period,
    Rates,
    SubjectSummary,
    collation_key,
    combined_rates,
    combined_subject,
    mean,
)


@dataclass(frozen=True)
class ResultsRow:
    """A class, a grade or the school: its counted students by category and the rates of them."""
    class_group_id: str  # "" = a grade's or the school's total
    name: str
    grade: int
    rates: Rates
    mark_sum: Decimal  # the numeric results of the counted students, every subject
    mark_count: int

    @property
    def students(self) -> int:
        return sum(n for _, n in self.rates.categories)

    def count(self, category: str) -> int:
        return self.rates.count(category)

    @property
    def average(self) -> str:
        return mean(self.mark_sum, self.mark_count)


@dataclass(frozen=True)
class GradeSubjects:
    grade: int
    name: str
    subjects: tuple[SubjectSummary, ...]  # by name


@dataclass(frozen=True)
class LeftOut:
    """Classes not assessed in the period: their names and the periods they are assessed for."""
    class_names: tuple[str, ...]
    their_periods: tuple[str, ...]


@dataclass(frozen=True)
class SchoolResults:
    """Results and knowledge quality (итоги успеваемости и качество знаний) of the school for a period."""
    school_name: str
    academic_year_id: str
    academic_year_name: str
    period: Period
    classes: tuple[ClassResults, ...]  # the classes taking part, by grade and name
    class_rows: tuple[ResultsRow, ...]  # in the same order
    grades: tuple[ResultsRow, ...]  # by grade
    total: ResultsRow
    subjects: tuple[SubjectSummary, ...]  # across the school, by name
    grade_subjects: tuple[GradeSubjects, ...]
    left_out: tuple[LeftOut, ...]

    @property
    def notes(self) -> tuple[str, ...]:
        """Why classes are missing, in Russian: «10А, 11А — не аттестуются за период «1 четверть» (их периоды:
        1 полугодие, 2 полугодие)»."""
        return tuple(f"{', '.join(o.class_names)} — не аттестуются за период «{self.period.name}» "
                     f"({'их периоды: ' + ', '.join(o.their_periods) if o.their_periods else 'нет периодов'})"
                     for o in self.left_out)


def grade_name(grade: int) -> str:
    return f"{grade} классы" if grade else "Параллель не указана"


def class_key(results: ClassResults) -> tuple:
    return results.grade, number_key(results.class_group.name), results.class_group.id


def combined_row(class_group_id: str, name: str, grade: int, results: Iterable[ClassResults]) -> ResultsRow:
    """The rows' counts summed and the rates recomputed (one class: its own)."""
    results = list(results)
    summaries = [s for r in results for s in r.subjects]
    return ResultsRow(class_group_id, name, grade, combined_rates(r.rates for r in results),
                      sum((s.mark_sum for s in summaries), Decimal(0)), sum(s.mark_count for s in summaries))


def by_grade(results: Iterable[ClassResults]) -> dict[int, list[ClassResults]]:
    grades: dict[int, list[ClassResults]] = {}
    for one in sorted(results, key=class_key):
        grades.setdefault(one.grade, []).append(one)
    return grades


def grade_rows(results: Iterable[ClassResults]) -> tuple[ResultsRow, ...]:
    return tuple(combined_row("", grade_name(grade), grade, of_grade) for grade, of_grade in by_grade(results).items())


def subjects_of(results: Iterable[ClassResults]) -> tuple[SubjectSummary, ...]:
    """Each subject over the classes that have it, by name."""
    of_subject: dict[str, list[SubjectSummary]] = {}
    for one in results:
        for summary in one.subjects:
            of_subject.setdefault(summary.subject.id, []).append(summary)
    return tuple(sorted((combined_subject(s) for s in of_subject.values()),
                        key=lambda s: (collation_key(s.subject.name), s.subject.id)))


def school_results(school_name: str, academic_year_id: str, academic_year_name: str, period: Period,
                   results: list[ClassResults], left_out: list[tuple[str, tuple[str, ...]]]) -> SchoolResults:
    """`results`: the classes taking part; `left_out`: (class name, the names of its periods) of the others."""
    ordered = sorted(results, key=class_key)
    grades = by_grade(ordered)
    not_taking: dict[tuple[str, ...], list[str]] = {}
    for name, their_periods in sorted(left_out, key=lambda item: number_key(item[0])):
        not_taking.setdefault(their_periods, []).append(name)
    return SchoolResults(
        school_name, academic_year_id, academic_year_name, period, tuple(ordered),
        tuple(combined_row(r.class_group.id, r.class_group.name, r.grade, [r]) for r in ordered),
        grade_rows(ordered), combined_row("", TOTAL, 0, ordered), subjects_of(ordered),
        tuple(GradeSubjects(grade, grade_name(grade), subjects_of(of_grade)) for grade, of_grade in grades.items()),
        tuple(LeftOut(tuple(names), their_periods) for their_periods, names in not_taking.items()))
