"""The summary attendance sheet (сводная ведомость посещаемости) of a class for a period: per student in the class
during the period, per subject, the lessons missed by reason (the journal's attendance kinds but "late"), with each
line's total, each student's and the class's. Plain Python, no I/O."""
import datetime as dt
from collections import Counter
from dataclasses import dataclass

from services.common.attendance_kinds import ATTENDANCE_KINDS
from services.common.memberships import covers, overlaps

# the reasons a lesson is missed for, in the journal's order, with the journal's names ("late" is no missed lesson)
REASONS = tuple((code, name) for code, name in ATTENDANCE_KINDS.items() if code != "late")
REASON_CODES = tuple(code for code, _ in REASONS)
STUDENT_TOTAL = "Итого"
CLASS_TOTAL = "Итого по классу"
UNKNOWN_SUBJECT = "Предмет не известен"


@dataclass(frozen=True)
class Member:
    """A student's membership of the class (None ends = open), with the student's name."""
    student_id: str
    student_name: str
    date_from: dt.date | None
    date_to: dt.date | None


@dataclass(frozen=True)
class Absence:
    """A lesson of the class the student missed (the journal's latest status of it); subject "" = not known yet."""
    student_id: str
    lesson_date: dt.date
    status: str
    subject_id: str
    subject_name: str


@dataclass(frozen=True)
class Missed:
    """Lessons missed: by reason (REASON_CODES' order) and their total."""
    by_reason: tuple[int, ...]
    total: int


@dataclass(frozen=True)
class SubjectLine:
    subject_id: str
    subject_name: str
    missed: Missed


@dataclass(frozen=True)
class StudentLines:
    student_id: str
    student_name: str
    subjects: tuple[SubjectLine, ...]  # by subject name, only subjects with a missed lesson
    missed: Missed


@dataclass(frozen=True)
class AttendanceSheet:
    school_name: str
    class_group_id: str
    class_group_name: str
    date_from: str  # ISO
    date_to: str
    students: tuple[StudentLines, ...]  # by name
    subjects: tuple[SubjectLine, ...]  # the class's total per subject, by subject name
    missed: Missed  # the class's total


def missed(absences: list[Absence]) -> Missed:
    counts = Counter(a.status for a in absences)
    by_reason = tuple(counts[code] for code in REASON_CODES)
    return Missed(by_reason, sum(by_reason))


def subject_lines(absences: list[Absence]) -> tuple[SubjectLine, ...]:
    by_subject: dict[tuple[str, str], list[Absence]] = {}
    for absence in absences:
        by_subject.setdefault((absence.subject_id, absence.subject_name or UNKNOWN_SUBJECT), []).append(absence)
    return tuple(SubjectLine(subject_id, name, missed(of_subject))
                 for (subject_id, name), of_subject in sorted(by_subject.items(), key=lambda item: item[0][1]))


def attendance_sheet(school_name: str, class_group_id: str, class_group_name: str, date_from: dt.date,
                     date_to: dt.date, members: list[Member], absences: list[Absence]) -> AttendanceSheet:
    """The students with a membership of the class overlapping the period; a student's absence counts when it is for
    a missed lesson (REASONS) of the period on a day a membership of theirs covers (a student transferred mid-period
    counts only the lessons while in the class)."""
    during = [m for m in members if overlaps(m, date_from, date_to)]
    names = {m.student_id: m.student_name for m in during}
    counted = [a for a in absences if a.status in REASON_CODES and date_from <= a.lesson_date <= date_to
               and any(m.student_id == a.student_id and covers(m, a.lesson_date) for m in during)]
    students = tuple(
        StudentLines(student_id, name, subject_lines(mine), missed(mine))
        for student_id, name in sorted(names.items(), key=lambda item: (item[1], item[0]))
        for mine in ([a for a in counted if a.student_id == student_id],))
    return AttendanceSheet(school_name, class_group_id, class_group_name, date_from.isoformat(), date_to.isoformat(),
                           students, subject_lines(counted), missed(counted))
