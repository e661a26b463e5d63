"""Form ОШ-1's domain: age buckets on 1 January, the tables' rows and totals, blanks and the municipality's sum."""
import datetime as dt

from services.reporting.domain.form_osh1 import (
    NO_PREVIOUS_YEAR,
    Moved,
    Pupil,
    age_bucket,
    age_label,
    age_reference,
    form_osh1,
    summed,
)

ON = dt.date(2025, 9, 20)
JAN = dt.date(2026, 1, 1)


def line(form, code: str, number: str):
    section = next(s for s in form.sections if s.code == code)
    return next(ln for ln in section.lines if ln.number == number)


def test_ages_are_full_years_on_the_first_of_january_after_the_date():
    assert age_reference(ON) == JAN
    assert age_bucket(dt.date(2015, 5, 1), JAN) == 10  # born 2015: 10 on 1 January 2026
    assert age_bucket(dt.date(2015, 12, 31), JAN) == 10
    assert age_bucket(dt.date(2016, 1, 1), JAN) == 10  # the 1 January birthday counts
    assert age_bucket(dt.date(2021, 3, 1), JAN) == 5  # «моложе 6 лет»
    assert age_bucket(dt.date(2000, 3, 1), JAN) == 18  # «18 лет и старше»
    assert age_label(10, JAN) == "10 лет (родились в 2015 г.)"
    assert age_label(11, JAN) == "11 лет (родились в 2014 г.)"
    assert age_label(7, JAN) == "7 лет (родились в 2018 г.)"
    assert age_label(5, JAN) == "моложе 6 лет (родились в 2020 г. и позже)"
    assert age_label(18, JAN) == "18 лет и старше (родились в 2007 г. и раньше)"


def test_classes_students_girls_and_ages_by_grade():
    pupils = [Pupil(1, "female", dt.date(2018, 4, 1)), Pupil(1, "male", dt.date(2018, 9, 1)),
              Pupil(5, "female", dt.date(2014, 2, 2)), Pupil(5, "", None)]
    form = form_osh1("Школа № 1", ON, "2025/2026", "2024/2025", [1, 1, 5], pupils, [])
    classes = line(form, "1", "01")
    assert classes.by_grade[0] == 2 and classes.by_grade[4] == 1 and classes.total == 3
    students, girls = line(form, "1", "02"), line(form, "1", "03")
    assert (students.by_grade[0], students.by_grade[4], students.total) == (2, 2, 4)
    assert (girls.by_grade[0], girls.total) == (1, 2)
    assert "без указанного пола" in form.sections[0].note
    ages = form.sections[1]
    seven = next(ln for ln in ages.lines if ln.name.startswith("7 лет"))
    girls_seven = ages.lines[ages.lines.index(seven) + 1]
    assert (seven.by_grade[0], seven.total, girls_seven.name, girls_seven.total) == (2, 2, "из них девочки", 1)
    eleven = next(ln for ln in ages.lines if ln.name.startswith("11 лет"))
    assert (eleven.by_grade[4], eleven.total) == (1, 1)
    unknown = next(ln for ln in ages.lines if ln.name == "Дата рождения не указана")
    assert unknown.total == 1
    total = next(ln for ln in ages.lines if ln.name == "Всего обучающихся")
    assert total.total == 4 == sum(ln.total for ln in ages.lines[:-2:2])  # every age row, once
    assert [ln.number for ln in ages.lines] == [f"{n:02d}" for n in range(1, len(ages.lines) + 1)]


def test_movement_sections_and_their_crossed_and_blank_cells():
    moved = [Moved("repetition", 3, "male"), Moved("conditional_promotion", 7, "female"),
             Moved("leaving", 4, "female"), Moved("leaving", 8, "male"),
             Moved("graduation", 9, "female"), Moved("graduation", 9, "male"), Moved("graduation", 11, "male")]
    form = form_osh1("Школа", ON, "2025/2026", "2024/2025", [], [], moved)
    assert line(form, "3", "01").by_grade[2] == 1 and line(form, "3", "01").total == 1
    assert line(form, "3", "02").total == 0
    assert line(form, "3", "03").by_grade[6] == 1 and line(form, "3", "04").total == 1
    assert line(form, "4", "01").total == 2 and line(form, "4", "02").by_grade[3] == 1
    assert line(form, "4", "03").blank and "свободным текстом" in form.sections[3].note
    nine, nine_girls, eleven = line(form, "5", "01"), line(form, "5", "02"), line(form, "5", "03")
    assert (nine.by_grade[8], nine.total, nine_girls.total, eleven.by_grade[10]) == (2, 2, 1, 1)
    assert nine.by_grade[0] is None and nine.by_grade[10] is None  # crossed out: 9th class only
    assert line(form, "5", "05").blank and line(form, "5", "05").total is None


def test_an_unknown_previous_year_leaves_the_movement_sections_blank_with_a_note():
    form = form_osh1("Школа", ON, "2025/2026", "", [], [], None)
    assert all(NO_PREVIOUS_YEAR in s.note for s in form.sections[2:])
    assert line(form, "3", "01").total == 0


def test_the_municipality_sums_the_schools_row_by_row():
    one = form_osh1("А", ON, "", "", [1], [Pupil(1, "female", dt.date(2018, 4, 1))], [Moved("graduation", 9, "male")])
    two = form_osh1("Б", ON, "", "", [1, 2], [Pupil(1, "male", dt.date(2018, 4, 1)),
                                              Pupil(2, "female", dt.date(2017, 4, 1))], [])
    empty = form_osh1("М", ON, "", "", [], [], [])
    total = summed("Муниципалитет", [one, two], empty)
    assert line(total, "1", "01").by_grade[:2] == (2, 1) and line(total, "1", "02").total == 3
    assert line(total, "1", "03").total == 2
    assert line(total, "5", "01").total == 1 and line(total, "5", "01").by_grade[0] is None
    assert line(total, "5", "05").blank
    assert summed("М", [], empty).sections[0].lines[1].total == 0
