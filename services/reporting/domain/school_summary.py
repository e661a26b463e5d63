"""The school summary report (отчёт о всей школе) for a period: per class of the year its fill on the period's last
day by gender (`class_fill`), its results (`school_results`; blank for a class not assessed in the period), the
lessons its students missed in the period by reason (`attendance_sheet`'s counting) and its lessons planned and given
(the sum of its subjects' `LessonCount`); then the school's totals. Plain Python, no I/O."""
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from services.reporting.domain.attendance_sheet import REASON_CODES, Missed
from services.reporting.domain.class_fill import ClassFill, FillRow
from services.reporting.domain.period_results import LessonCount
from services.reporting.domain.school_results import ResultsRow, SchoolResults

NO_MISSED = Missed((0,) * len(REASON_CODES), 0)


@dataclass(frozen=True)
class SummaryRow:
    fill: FillRow  # the class (its id, name, grade) and its students on the period's last day
    results: ResultsRow | None  # None = not assessed in the period
    missed: Missed
    lessons: LessonCount | None  # None = not assessed in the period


@dataclass(frozen=True)
class SchoolSummary:
    results: SchoolResults  # the school, the year, the period, the classes left out
    on_date: str  # the day of the fill (ISO): the period's last day
    rows: tuple[SummaryRow, ...]  # by grade and name
    total: SummaryRow


def total_missed(counts: Iterable[Missed]) -> Missed:
    counts = list(counts)
    return Missed(tuple(sum(m.by_reason[i] for m in counts) for i in range(len(REASON_CODES))),
                  sum(m.total for m in counts))


def total_lessons(counts: Iterable[LessonCount]) -> LessonCount:
    counts = list(counts)
    return LessonCount(sum(c.planned for c in counts), sum(c.to_date for c in counts), sum(c.given for c in counts))


def school_summary(results: SchoolResults, fill: ClassFill, missed: Mapping[str, Missed]) -> SchoolSummary:
    """`fill`: on the period's last day; `missed`: the lessons missed in the period per class id."""
    rows_of = {row.class_group_id: row for row in results.class_rows}
    lessons_of = {r.class_group.id: total_lessons(s.lessons for s in r.subjects) for r in results.classes}
    rows = tuple(SummaryRow(row, rows_of.get(row.class_group_id), missed.get(row.class_group_id, NO_MISSED),
                            lessons_of.get(row.class_group_id)) for row in fill.rows)
    return SchoolSummary(results, fill.on_date, rows, SummaryRow(
        fill.total, results.total, total_missed(r.missed for r in rows), total_lessons(lessons_of.values())))
