"""A class's results for a period (итоги успеваемости класса): the grid of the students the rates count × the subjects
with each result (an estimated one — the rounded average while no period mark is set — marked «*»), each student's
average and category; the students who were in the class during the period but not on its counting day listed apart;
then the counts by category with quality and pass rate and each subject's average (domain/period_results.py).
Plain Python, no I/O."""
from dataclasses import dataclass

from services.reporting.domain.period_results import ClassResults, StudentResult, SubjectResult

ESTIMATED = "*"
LEGEND = "* — по текущим отметкам, отметка за период не выставлена"


@dataclass(frozen=True)
class ClassResultsReport:
    school_name: str
    results: ClassResults
    students: tuple[StudentResult, ...]  # counted: in the class on results.counted_on, by name
    others: tuple[StudentResult, ...]  # in the class during the period only, by name


def result_text(result: SubjectResult) -> str:
    """The result as printed: "4", an estimated one "4*"."""
    return result.result + ESTIMATED if result.estimated else result.result


def class_results_report(school_name: str, results: ClassResults) -> ClassResultsReport:
    return ClassResultsReport(school_name, results, tuple(s for s in results.students if s.counted),
                              tuple(s for s in results.students if not s.counted))
