"""The reports on a student of a class (issue 13, R2 items 9–11 and 13), built from the class's period results
(domain/period_results.py: marks, weighted averages, period marks) and its attendance sheet (domain/attendance_sheet.py:
lessons missed by reason): the student's average mark and its dynamics over the terms (средний балл ученика и его
динамика), the report card (табель успеваемости), the progress and attendance report (отчёт об успеваемости и
посещаемости ученика) and the information letter to guardians (информационное письмо родителям), which carries the
same progress as the report. Plain Python, no I/O."""
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from services.reporting.domain.attendance_sheet import REASON_CODES, AttendanceSheet, Missed
from services.reporting.domain.period_results import (
    YEAR,
    ClassResults,
    Named,
    Period,
    StudentResult,
    SubjectResult,
    collation_key,
    mean,
)

NOTHING_MISSED = Missed((0,) * len(REASON_CODES), 0)
# the year's marks a report card shows after the terms' (the exam's only when the class has one)
YEAR_MARKS = (("annual", "Годовая"), ("exam", "Экзаменационная"), ("final", "Итоговая"))
LETTER_TEXT_LIMIT = 2000  # characters of the form teacher's text in a letter


@dataclass(frozen=True)
class FinalMarkFact:
    """A student's annual, exam or final mark in a subject as the journal set it in the class."""
    student_id: str
    subject_id: str
    kind: str
    value: str


@dataclass(frozen=True)
class TermAverage:
    average: str  # the weighted average of the term's current marks, "" = none
    term_mark: str  # "" = not set


@dataclass(frozen=True)
class DynamicsSubject:
    subject: Named
    terms: tuple[TermAverage, ...]  # in StudentDynamics.terms' order


@dataclass(frozen=True)
class DynamicsTerm:
    period: Period
    average: str  # the mean of the subject averages of the term, 2 decimals half up; "" = none
    change: str  # against the term before: "+0.25", "-0.10", "0.00"; "" = the first term or an average missing


@dataclass(frozen=True)
class StudentDynamics:
    school_name: str
    class_group: Named
    academic_year_name: str
    student: Named
    terms: tuple[DynamicsTerm, ...]
    subjects: tuple[DynamicsSubject, ...]  # by name


@dataclass(frozen=True)
class CardSubject:
    subject: Named
    marks: tuple[str, ...]  # per column of the cards


@dataclass(frozen=True)
class ReportCard:
    student: Named
    subjects: tuple[CardSubject, ...]
    missed: Missed  # the period's lessons missed by reason


@dataclass(frozen=True)
class ReportCards:
    school_name: str
    class_group: Named
    academic_year_name: str
    period: Period
    columns: tuple[Named, ...]  # the terms up to the period; for the year then the year's marks
    cards: tuple[ReportCard, ...]  # by name


@dataclass(frozen=True)
class ProgressSubject:
    subject: Named
    marks: tuple[str, ...]  # the period's current marks in date order
    average: str  # their weighted average, "" = none
    period_mark: str  # "" = not set
    missed: Missed


@dataclass(frozen=True)
class StudentProgress:
    student: Named
    subjects: tuple[ProgressSubject, ...]  # by name: a subject with a mark, a period mark or a missed lesson
    missed: Missed  # the total by reason


@dataclass(frozen=True)
class ProgressReport:
    """The progress and attendance of students of a class for a period: one for the student's report, the class's
    (or one) for the letters to guardians."""
    school_name: str
    class_group: Named
    academic_year_name: str
    period: Period
    students: tuple[StudentProgress, ...]  # by name


def student_of(results: ClassResults, student_id: str) -> StudentResult | None:
    return next((s for s in results.students if s.student_id == student_id), None)


def subject_of(results: ClassResults, student: StudentResult | None, subject_id: str) -> SubjectResult | None:
    if student is None:
        return None
    return next((r for s, r in zip(results.subjects, student.subjects, strict=True) if s.subject.id == subject_id),
                None)


def subjects_of(results: Iterable[ClassResults]) -> tuple[Named, ...]:
    """Every subject of these results once, by name."""
    named = {s.subject.id: s.subject for r in results for s in r.subjects}
    return tuple(sorted(named.values(), key=lambda s: collation_key(s.name)))


def change(before: str, now: str) -> str:
    if not before or not now:
        return ""
    difference = Decimal(now) - Decimal(before)
    return "0.00" if not difference else f"{difference:+.2f}"


def student_dynamics(school_name: str, term_results: list[ClassResults], student_id: str) -> StudentDynamics | None:
    """The student's weighted average and term mark per subject and term, and per term the mean of the subject
    averages with its change from the term before; None when the student was in the class in none of the terms."""
    found = [student_of(r, student_id) for r in term_results]
    named = next((s for s in found if s), None)
    if named is None:
        return None
    subjects = subjects_of(term_results)
    cells = [[subject_of(r, s, subject.id) for r, s in zip(term_results, found, strict=True)] for subject in subjects]
    rows = tuple(DynamicsSubject(subject, tuple(TermAverage(c.average, c.period_mark) if c else TermAverage("", "")
                                                for c in row)) for subject, row in zip(subjects, cells, strict=True))
    averages = []
    for i in range(len(term_results)):
        numbers = [Decimal(row.terms[i].average) for row in rows if row.terms[i].average]
        averages.append(mean(sum(numbers, Decimal(0)), len(numbers)))
    terms = tuple(DynamicsTerm(r.period, average, change(averages[i - 1], average) if i else "")
                  for i, (r, average) in enumerate(zip(term_results, averages, strict=True)))
    first = term_results[0]
    return StudentDynamics(school_name, first.class_group, first.academic_year_name,
                           Named(student_id, named.student_name), terms, rows)


def missed_of(sheet: AttendanceSheet, student_id: str) -> tuple[Missed, dict[str, Missed]]:
    """The student's lessons missed in the sheet's period: the total and per subject id."""
    lines = next((s for s in sheet.students if s.student_id == student_id), None)
    if lines is None:
        return NOTHING_MISSED, {}
    return lines.missed, {s.subject_id: s.missed for s in lines.subjects}


def report_cards(school_name: str, term_results: list[ClassResults], results: ClassResults,
                 final_marks: list[FinalMarkFact], sheet: AttendanceSheet, student_id: str = "") -> ReportCards:
    """The cards of the students in the class during the period (or of one): per subject the term marks of the
    terms given (those up to the period), for the year then the annual, exam (when the class has one) and final
    marks; the period's lessons missed by reason."""
    year = results.period.id == YEAR
    kinds = [(kind, name) for kind, name in YEAR_MARKS
             if year and (kind != "exam" or any(f.kind == "exam" for f in final_marks))]
    columns = (*(Named(r.period.id, r.period.name) for r in term_results), *(Named(k, n) for k, n in kinds))
    finals = {(f.student_id, f.subject_id, f.kind): f.value for f in final_marks}
    subjects = subjects_of([*term_results, results])
    cards = []
    for student in results.students:
        if student_id and student.student_id != student_id:
            continue
        in_terms = [student_of(r, student.student_id) for r in term_results]
        rows = []
        for subject in subjects:
            marks = [getattr(subject_of(r, s, subject.id), "period_mark", "")
                     for r, s in zip(term_results, in_terms, strict=True)]
            marks += [finals.get((student.student_id, subject.id, kind), "") for kind, _ in kinds]
            rows.append(CardSubject(subject, tuple(marks)))
        cards.append(ReportCard(Named(student.student_id, student.student_name), tuple(rows),
                                missed_of(sheet, student.student_id)[0]))
    return ReportCards(school_name, results.class_group, results.academic_year_name, results.period, columns,
                       tuple(cards))


def student_progress(results: ClassResults, student: StudentResult, sheet: AttendanceSheet) -> StudentProgress:
    total, by_subject = missed_of(sheet, student.student_id)
    named = {s.subject.id: s.subject for s in results.subjects}
    lines = next((s.subjects for s in sheet.students if s.student_id == student.student_id), ())
    named.update({s.subject_id: Named(s.subject_id, s.subject_name) for s in lines if s.subject_id not in named})
    subjects = []
    for subject in sorted(named.values(), key=lambda s: collation_key(s.name)):
        result = subject_of(results, student, subject.id)
        missed = by_subject.get(subject.id, NOTHING_MISSED)
        if result and (result.marks or result.period_mark) or missed.total:
            subjects.append(ProgressSubject(subject, result.marks if result else (), result.average if result else "",
                                            result.period_mark if result else "", missed))
    return StudentProgress(Named(student.student_id, student.student_name), tuple(subjects), total)


def progress_report(school_name: str, results: ClassResults, sheet: AttendanceSheet,
                    student_id: str = "") -> ProgressReport:
    """The progress and attendance of the students in the class during the period (or of one)."""
    return ProgressReport(school_name, results.class_group, results.academic_year_name, results.period, tuple(
        student_progress(results, s, sheet) for s in results.students if not student_id or s.student_id == student_id))
