"""The summary attendance sheet of a class for a period: who is in it, what counts, by reason, and the totals."""
import datetime as dt

from services.reporting.adapters.attendance_sheet_files import sheet_rows
from services.reporting.domain.attendance_sheet import (
    REASONS,
    Absence,
    Member,
    Missed,
    attendance_sheet,
)

D = dt.date
MATH, RUS = ("m", "Математика"), ("r", "Русский язык")


def absence(student: str, day: int, status: str, subject=MATH) -> Absence:
    return Absence(student, D(2027, 1, day), status, *subject)


def sheet(members, absences):
    return attendance_sheet("СШ № 7", "c5a", "5А", D(2027, 1, 10), D(2027, 1, 20), members, absences)


def test_the_reasons_are_the_journals_absence_kinds_but_late_with_its_names():
    assert REASONS == (("absent", "Н — отсутствовал"), ("ill", "Б — болел"), ("excused", "УП — уважительная"),
                       ("unexcused", "НП — неуважительная"))


def test_missed_lessons_are_split_by_reason_per_subject_with_row_and_column_totals():
    report = sheet([Member("s1", "Петрова Мария", None, None), Member("s2", "Иванов Иван", None, None)], [
        absence("s1", 11, "ill"), absence("s1", 12, "ill"), absence("s1", 12, "unexcused", RUS),
        absence("s1", 13, "late"), absence("s2", 14, "absent", RUS), absence("s2", 15, "excused")])
    assert [s.student_name for s in report.students] == ["Иванов Иван", "Петрова Мария"], "by name"
    petrova = report.students[1]
    assert [(s.subject_name, s.missed) for s in petrova.subjects] == [
        ("Математика", Missed((0, 2, 0, 0), 2)), ("Русский язык", Missed((0, 0, 0, 1), 1))], "late is no missed lesson"
    assert petrova.missed == Missed((0, 2, 0, 1), 3)
    assert [(s.subject_name, s.missed) for s in report.subjects] == [
        ("Математика", Missed((0, 2, 1, 0), 3)), ("Русский язык", Missed((1, 0, 0, 1), 2))]
    assert report.missed == Missed((1, 2, 1, 1), 5)


def test_a_student_transferred_mid_period_counts_only_the_lessons_while_in_the_class():
    report = sheet([Member("s1", "Иванов Иван", None, D(2027, 1, 13)), Member("s3", "Ким Саша", D(2027, 1, 14), None),
                    Member("gone", "Орлов Пётр", None, D(2027, 1, 9))],
                   [absence("s1", 13, "ill"), absence("s1", 14, "ill"), absence("s3", 13, "absent"),
                    absence("s3", 14, "absent"), absence("s1", 21, "ill"), absence("gone", 9, "ill")])
    assert [(s.student_name, s.missed.total) for s in report.students] == [("Иванов Иван", 1), ("Ким Саша", 1)], \
        "a student not in the class during the period is not listed; a day outside the period does not count"
    assert report.missed == Missed((1, 1, 0, 0), 2)


def test_a_student_without_absences_is_listed_with_zero_and_the_rows_of_the_files():
    report = sheet([Member("s1", "Иванов Иван", None, None), Member("s2", "Ким Саша", None, None)],
                   [absence("s2", 11, "excused", ("", ""))])
    assert report.students[0].subjects == () and report.students[0].missed == Missed((0, 0, 0, 0), 0)
    assert sheet_rows(report) == [
        ("Иванов Иван", "Итого", 0, 0, 0, 0, 0),
        ("Ким Саша", "Предмет не известен", 0, 0, 1, 0, 1), ("Ким Саша", "Итого", 0, 0, 1, 0, 1),
        ("Итого по классу", "Предмет не известен", 0, 0, 1, 0, 1), ("Итого по классу", "Итого", 0, 0, 1, 0, 1)]
