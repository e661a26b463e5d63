"""The class journal's rules (domain/class_journal.py) and its files (adapters/class_journal_files.py, the PDF/A part
adapters/pdfa.py) without servers: lessons in order with the marks of a lesson reporting was not told, the students
by surname, attendance letters, «3*», period columns for the period; the grid split into sheets; the PDF's title
sheet, contents, sheet numbers, certification sheet, XMP and embedded fonts (poppler's tools), the xref kept valid."""
import datetime as dt
import json
import re
import shutil
import subprocess

import pytest

from services.reporting.adapters import class_journal_files as files
from services.reporting.adapters.pdfa import eol_before_endstream
from services.reporting.domain import class_journal as journal
from services.reporting.domain.attendance_sheet import Member
from services.reporting.domain.period_results import TermDates, periods
from services.reporting.domain.weekly_diary import AttendanceFact, LessonFact, MarkFact, Named, SubgroupFact

needs_poppler = pytest.mark.skipif(not all(shutil.which(t) for t in ("pdftotext", "pdfinfo", "pdffonts")),
                                   reason="needs poppler-utils")
D = dt.date
MATH, RUS, ART = "math", "rus", "art"
YEAR_PERIODS = periods([TermDates("q1", "1 четверть", D(2026, 9, 1), D(2026, 10, 24)),
                        TermDates("q2", "2 четверть", D(2026, 11, 5), D(2026, 12, 28)),
                        TermDates("q3", "3 четверть", D(2027, 1, 9), D(2027, 3, 20)),
                        TermDates("q4", "4 четверть", D(2027, 3, 30), D(2027, 5, 26))], "2026/2027")


def lesson(lesson_id: str, day: D, subject: str, number: int | None = 1, topic: str = "", homework: str = "",
           subgroup: str = "", teacher: str = "Иванова Мария Петровна") -> LessonFact:
    names = {MATH: "Математика", RUS: "Русский язык", ART: "ИЗО"}
    return LessonFact(lesson_id, day, number, None, subject, names[subject], subgroup, "", topic, homework, teacher)


def mark(student: str, day: D, lesson_id: str, value: str) -> MarkFact:
    return MarkFact(student, MATH, "Математика", day, lesson_id, value, "classwork", "")


def facts(**more) -> journal.JournalFacts:
    values = dict(
        class_group=Named("c5a", "5А"), academic_year_name="2026/2027", periods=YEAR_PERIODS,
        members=[Member("z", "Зайцев Пётр", None, None), Member("a", "Алексеева Ёлка", None, D(2026, 9, 30)),
                 Member("b", "Белов Иван", D(2026, 9, 9), None), Member("old", "Ушедший Олег", None, D(2026, 8, 31))],
        lessons=[lesson("m2", D(2026, 9, 9), MATH, 1, "Дроби", "№ 12"),
                 lesson("m1", D(2026, 9, 7), MATH, 2, "Натуральные числа", "§ 1"),
                 lesson("r1", D(2026, 9, 7), RUS, 1, "Орфограммы", "упр. 5", subgroup="g1", teacher=""),
                 lesson("a1", D(2026, 9, 8), ART, None, "Рисунок")],
        marks=[mark("z", D(2026, 9, 7), "m1", "5"),
               mark("z", D(2026, 9, 7), "m1", "3*"),
               mark("a", D(2026, 9, 9), "", "4"),  # no lesson told: that day's
               mark("b", D(2026, 9, 10), "", "2")],  # no lesson that day: a column
        attendance=[AttendanceFact("m2", "z", "ill"), AttendanceFact("m1", "a", "late"),
                    AttendanceFact("r1", "b", "unexcused")],
        subgroups=[SubgroupFact("g1", "1 группа", ("z",))],
        period_marks=[journal.PeriodMarkFact("z", MATH, "Математика", "q1", "5"),
                      journal.PeriodMarkFact("z", MATH, "Математика", "annual", "5"),
                      journal.PeriodMarkFact("a", RUS, "Русский язык", "q2", "4")])
    return journal.JournalFacts(**(values | more))


def test_the_subjects_lessons_and_cells_of_a_period():
    report = journal.class_journal("МБОУ СОШ № 5", facts(), D(2026, 9, 1), D(2026, 10, 24), False)
    assert [s.subject.name for s in report.subjects] == ["ИЗО", "Математика", "Русский язык"]
    art, math, rus = report.subjects
    assert [line.student.name for line in math.students] == ["Алексеева Ёлка", "Белов Иван", "Зайцев Пётр"]
    assert [(x.date.isoformat(), x.number, x.topic) for x in math.lessons] == [
        ("2026-09-07", 2, "Натуральные числа"), ("2026-09-09", 1, "Дроби"), ("2026-09-10", 0, "")]
    alekseeva, belov, zaitsev = math.students
    assert [c.text for c in zaitsev.cells] == ["5 3*", "б", ""]
    assert [c.text for c in alekseeva.cells] == ["оп", "4", ""]
    assert [c.text for c in belov.cells] == ["", "", "2"]
    assert [p.name for p in math.periods] == ["1 четверть"] and zaitsev.period_marks == ("5",)
    assert math.teachers == ("Иванова Мария Петровна",) and rus.teachers == ()
    assert rus.lessons[0].subgroup_name == "1 группа" and [c.text for c in rus.students[1].cells] == ["нп"]
    assert art.lessons[0].number == 0
    assert "q2" not in {p.id for p in rus.periods}  # the 2nd term is outside the period


def test_the_whole_year_has_every_term_and_the_year_marks_and_one_subject_may_be_asked_for():
    start, end = journal.year_span(YEAR_PERIODS)
    assert (start, end) == (D(2026, 9, 1), D(2027, 5, 26))
    report = journal.class_journal("", facts(), start, end, True, subject_id=MATH)
    (math,) = report.subjects
    assert [p.name for p in math.periods] == ["1 четверть", "2 четверть", "3 четверть", "4 четверть", "Годовая",
                                             "Итоговая"]
    assert math.students[2].period_marks == ("5", "", "", "", "5", "")
    assert "Ушедший Олег" not in [line.student.name for line in math.students]


def test_the_grid_is_split_into_sheets_of_at_most_n_lessons():
    assert journal.grid_pages(0, 0, 22) == [(range(0), False)]
    assert journal.grid_pages(5, 2, 22) == [(range(0, 5), True)]
    assert journal.grid_pages(50, 0, 22) == [(range(0, 22), False), (range(22, 44), False), (range(44, 50), False)]
    assert journal.grid_pages(44, 6, 22) == [(range(0, 22), False), (range(22, 44), False), (range(44, 44), True)]
    assert journal.grid_pages(30, 4, 22) == [(range(0, 22), False), (range(22, 30), True)]


def big_facts() -> journal.JournalFacts:
    """A term of mathematics every weekday (40 lessons: two grid sheets) and of Russian on Mondays."""
    days = [D(2026, 9, 1) + dt.timedelta(days=i) for i in range(56) if (D(2026, 9, 1) + dt.timedelta(days=i)).weekday() < 5]
    lessons = [lesson(f"m{i}", day, MATH, 1, f"Тема урока № {i + 1}", f"Задача {i + 1}") for i, day in enumerate(days)]
    lessons += [lesson(f"r{i}", day, RUS, 2, f"Правило {i + 1}") for i, day in enumerate(days) if day.weekday() == 0]
    marks = [mark("z", day, f"m{i}", "5" if i % 2 else "4") for i, day in enumerate(days)]
    return facts(lessons=lessons, marks=marks)


def pdf_tool(tool: str, pdf: bytes, tmp_path, *args: str) -> str:
    path = tmp_path / "journal.pdf"
    path.write_bytes(pdf)
    return subprocess.run([tool, *args, str(path), *(["-"] if tool == "pdftotext" else [])], check=True,
                          capture_output=True, text=True).stdout


@needs_poppler
def test_the_printout_numbers_its_sheets_and_certifies_their_number(tmp_path):
    report = journal.class_journal("МБОУ «Средняя школа № 5»", big_facts(), D(2026, 9, 1), D(2026, 10, 24), False)
    pdf = files.class_journal_pdf(report)
    pages = int(re.search(r"Pages:\s+(\d+)", pdf_tool("pdfinfo", pdf, tmp_path)).group(1))
    sheets = pdf_tool("pdftotext", pdf, tmp_path, "-layout").split("\f")[:pages]
    title = sheets[0]
    for expected in ("МБОУ «Средняя школа № 5»", "Классный журнал", "Класс 5А", "Учебный год 2026/2027",
                     "за период с 01.09.2026 по 24.10.2026", "Содержание", f"Всего листов: {pages}"):
        assert expected in title, expected
    contents = dict(re.findall(r"\d\s+(Математика|Русский язык)\s+Иванова Мария Петровна\s+(\d+)", title))
    assert set(contents) == {"Математика", "Русский язык"}
    for subject, sheet in contents.items():
        first = sheets[int(sheet) - 1]
        assert subject in first and "Отметки и посещаемость" in first, subject
        assert subject not in sheets[int(sheet) - 2] or int(sheet) == 2, subject
    assert all(f"Лист {n}" in sheets[n - 1] for n in range(1, pages + 1))
    math_start = int(contents["Математика"])
    assert "Отметки и посещаемость, уроки 01.09.2026 – 30.09.2026" in sheets[math_start - 1]
    assert "Тема урока № 1" in sheets[math_start] and "Задача 22" in sheets[math_start]
    assert "Тема урока № 23" in sheets[math_start + 2]  # the second spread
    assert "4 четверть" not in "".join(sheets) and "1 четверть" in sheets[math_start + 1]
    last = " ".join(sheets[-1].split())
    assert f"В журнале прошнуровано, пронумеровано и скреплено печатью {pages} листов" in last or \
        re.search(rf"печатью {pages} лист(а)? ", last)
    assert "Директор" in last and "М.П." in last
    meta = pdf_tool("pdfinfo", pdf, tmp_path, "-meta")
    assert "<pdfaid:part>2</pdfaid:part>" in meta and "<pdfaid:conformance>B</pdfaid:conformance>" in meta
    assert "Классный журнал 5А, 2026/2027" in meta
    fonts = pdf_tool("pdffonts", pdf, tmp_path).splitlines()[2:]
    assert fonts and all(" yes yes " in line for line in fonts), fonts


def test_the_certified_number_is_russian_plural():
    assert files.plural(21, "лист", "листа", "листов") == "21 лист"
    assert files.plural(12, "лист", "листа", "листов") == "12 листов"


def test_an_end_of_line_before_every_endstream_keeps_the_xref_valid():
    report = journal.class_journal("Школа", facts(), D(2026, 9, 1), D(2026, 9, 30), False)
    pdf = files.class_journal_pdf(report)
    assert all(pdf[m.start() - 1:m.start()] == b"\n" for m in re.finditer(rb"endstream", pdf))
    xref = int(pdf.rsplit(b"startxref", 1)[1].split()[0])
    assert pdf[xref:xref + 4] == b"xref"
    for number, offset in enumerate(re.findall(rb"(\d{10}) \d{5} n", pdf[xref:]), start=1):
        assert pdf[int(offset):].startswith(b"%d 0 obj" % number), number
    assert eol_before_endstream(pdf) == pdf  # nothing more to do
    for key in (b"/Metadata", b"/OutputIntents", b"/GTS_PDFA1", b"/ID"):
        assert key in pdf, key
    assert b"/Encrypt" not in pdf and b"Helvetica" not in pdf


def test_the_json_has_the_documented_shape():
    report = journal.class_journal("Школа", facts(), D(2026, 9, 1), D(2026, 10, 24), False, subject_id=MATH)
    data = json.loads(files.class_journal_file(report, "json"))
    assert (data["format"], data["class_group"], data["date_from"], data["whole_year"]) == (
        "otmetka.class-journal/1", {"id": "c5a", "name": "5А"}, "2026-09-01", False)
    (math,) = data["subjects"]
    assert [x["date"] for x in math["lessons"]] == ["2026-09-07", "2026-09-09", "2026-09-10"]
    zaitsev = math["students"][2]
    assert zaitsev["name"] == "Зайцев Пётр" and zaitsev["cells"][0] == {"marks": ["5", "3*"], "attendance": ""}
    assert math["periods"] == [{"id": "q1", "name": "1 четверть"}] and zaitsev["period_marks"] == ["5"]


@needs_poppler
def test_an_empty_period_prints_a_title_and_a_certification_sheet(tmp_path):
    report = journal.class_journal("Школа", facts(lessons=[], marks=[], period_marks=[]), D(2027, 7, 1),
                                   D(2027, 7, 31), False)
    assert report.subjects == () and journal.year_span(()) is None
    text = pdf_tool("pdftotext", files.class_journal_pdf(report), tmp_path)
    assert files.NOTHING in text and "Всего листов: 2" in text and "печатью 2 листа" in text
