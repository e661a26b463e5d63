"""The form teacher's report for a period (отчёт классного руководителя за период): the class's results of every
subject and its students by category with quality and pass rate (domain/period_results.py), the lessons missed in the
period per student by reason with the class's total (domain/attendance_sheet.py), and the lists the form teacher
reports on — students with 2s (the subjects), with one 3 (the subject), хорошисты, отличники, не аттестованы (the
subjects) — of the students the rates count. Plain Python, no I/O."""
from dataclasses import dataclass

from services.reporting.domain.attendance_sheet import AttendanceSheet
from services.reporting.domain.period_results import EXCELLENT, FAILING, GOOD, NOT_ASSESSED, ONE_THREE, ClassResults, band

# the lists in the order the report prints them: (category, title, the band whose subjects are named; "" = none)
LISTS = ((FAILING, "Имеют «2»", "2"), (ONE_THREE, "Имеют одну «3»", "3"), (GOOD, "Хорошисты (только «4» и «5»)", ""),
         (EXCELLENT, "Отличники", ""), (NOT_ASSESSED, "Не аттестованы", "na"))


@dataclass(frozen=True)
class ListedStudent:
    student_id: str
    student_name: str
    subjects: tuple[str, ...]  # the subjects of the list's band, by name ("" band: none)


@dataclass(frozen=True)
class StudentList:
    category: str
    title: str
    students: tuple[ListedStudent, ...]  # by name


@dataclass(frozen=True)
class FormTeacherReport:
    school_name: str
    results: ClassResults
    attendance: AttendanceSheet  # of the period's dates
    lists: tuple[StudentList, ...]  # LISTS' order


def student_lists(results: ClassResults) -> tuple[StudentList, ...]:
    names = [s.subject.name for s in results.subjects]
    lists = []
    for code, title, named_band in LISTS:
        listed = tuple(
            ListedStudent(student.student_id, student.student_name,
                          tuple(name for name, r in zip(names, student.subjects, strict=True)
                                if named_band and band(r.result, results.mark_scale) == named_band))
            for student in results.students if student.counted and student.category == code)
        lists.append(StudentList(code, title, listed))
    return tuple(lists)


def form_teacher_report(school_name: str, results: ClassResults, attendance: AttendanceSheet) -> FormTeacherReport:
    return FormTeacherReport(school_name, results, attendance, student_lists(results))
