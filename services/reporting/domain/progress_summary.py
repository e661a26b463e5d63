"""The school progress summary (сводный отчёт об успеваемости) for a period: the knowledge quality and the pass rate per
grade and for the school (`school_results`), beside those of the previous period of the same year (each class's term
before this one: «2 четверть» beside «1 четверть»; none for the first term or the year) and the change in percentage
points. Plain Python, no I/O."""
from dataclasses import dataclass
from decimal import Decimal

from services.reporting.domain.period_results import ClassResults
from services.reporting.domain.school_results import ResultsRow, SchoolResults, combined_row, grade_rows


@dataclass(frozen=True)
class ProgressRow:
    now: ResultsRow
    before: ResultsRow | None  # None = no previous period

    @property
    def quality_change(self) -> str:
        return change(self.now.rates.quality, self.before.rates.quality if self.before else "")

    @property
    def pass_rate_change(self) -> str:
        return change(self.now.rates.pass_rate, self.before.rates.pass_rate if self.before else "")


@dataclass(frozen=True)
class ProgressSummary:
    results: SchoolResults  # the school, the year, the period, the classes left out
    previous_names: tuple[str, ...]  # the previous periods compared ("1 четверть"), () = none
    grades: tuple[ProgressRow, ...]
    total: ProgressRow


def change(now: str, before: str) -> str:
    """The change in percentage points, signed ("+5.0", "-3.3", "0.0"); "" when either is not known."""
    if not now or not before:
        return ""
    points = Decimal(now) - Decimal(before)
    return f"+{points}" if points > 0 else str(points)


def progress_summary(results: SchoolResults, previous: list[ClassResults]) -> ProgressSummary:
    """`previous`: the results of the previous period of each class that has one."""
    before = {row.grade: row for row in grade_rows(previous)}
    names = tuple(dict.fromkeys(r.period.name for r in previous))
    return ProgressSummary(
        results, names, tuple(ProgressRow(row, before.get(row.grade)) for row in results.grades),
        ProgressRow(results.total, combined_row("", results.total.name, 0, previous) if previous else None))
