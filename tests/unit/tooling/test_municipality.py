"""The synthetic municipality: deterministic from its seed, with realistic sizes and distributions."""
import datetime as dt
import re
from collections import Counter

import pytest

from services.identity.domain.snils import snils_digits, valid_snils
from services.tooling.municipality import (
    ABSENCE_RATE,
    CURRICULUM,
    calendar,
    generate,
    lesson_record,
    next_year,
    snils_with_checksum,
    year_containing,
)


@pytest.fixture(scope="module")
def town():
    return generate("town", seed=7)


def test_the_same_seed_gives_the_same_municipality_and_another_seed_another(town):
    assert generate("town", seed=7) == town
    other = generate("town", seed=8)
    assert other != town
    assert [p.person.last_name for p in other.schools[0].students()] != [p.person.last_name for p in town.schools[0].students()]


def test_sizes():
    demo = generate("demo")
    assert demo.counts()["schools"] == 1 and [c.name for c in demo.schools[0].classes][:3] == ["1А", "2А", "3А"]
    assert generate("town").counts()["schools"] == 3


def test_classes_have_20_to_30_students_in_2_to_4_parallels_of_grades_1_to_11(town):
    for school in town.schools:
        assert all(20 <= len(c.students) <= 30 for c in school.classes)
        parallels = Counter(c.grade for c in school.classes)
        assert sorted(parallels) == list(range(1, 12)) and set(parallels.values()) <= {2, 3, 4}
        assert all(re.fullmatch(r"\d{1,2}[АБВГ]", c.name) for c in school.classes)


def test_the_timetable_has_the_curriculum_hours_without_clashes(town):
    for school in town.schools:
        assert school.unplaced == 0
        grade = {c.key: c.grade for c in school.classes}
        hours = Counter((e.class_key, e.subject) for e in school.timetable)
        assert hours == Counter({(c.key, s): h for c in school.classes for s, h in CURRICULUM[c.grade].items()})
        assert len({(e.class_key, e.weekday, e.number) for e in school.timetable}) == len(school.timetable)
        assert len({(e.teacher, e.weekday, e.number) for e in school.timetable}) == len(school.timetable)
        assert all(1 <= e.weekday <= 5 for e in school.timetable)
        assert {grade[k] for k, s, _ in school.assignments if s == "Алгебра"} == {7, 8, 9, 10, 11}
        load = Counter(e.teacher for e in school.timetable)
        assert max(load.values()) <= 26, "no teacher over a full load"


def test_people_are_named_in_russian_with_valid_unique_snils(town):
    people = [s.person for school in town.schools for s in school.students()] + \
             [g.guardian for school in town.schools for g in school.guardianships]
    assert all(re.fullmatch(r"[А-ЯЁ][а-яё]+", p.last_name) and re.fullmatch(r"[А-ЯЁ][а-яё]+", p.first_name) for p in people)
    assert all(p.middle_name.endswith(("вич", "ич")) if p.gender == "male" else p.middle_name.endswith("на")
               for p in people)
    snils = [p.snils for p in people]
    assert len(set(snils)) == len(snils) and all(valid_snils(snils_digits(s)) for s in snils)
    assert snils_with_checksum(112233445) == "112-233-445 95"


def test_marks_are_mostly_4_and_5_and_about_8_percent_are_absent(town):
    school = town.schools[0]
    students = {c.key: c.students for c in school.classes}
    marks, absent, seats = Counter(), 0, 0
    for entry in school.timetable:
        record = lesson_record(town.seed, entry, "2025-09-03", students[entry.class_key])
        marks.update(value for _, value in record["marks"])
        absent += sum(status != "late" for _, status in record["attendance"])
        seats += len(students[entry.class_key])
    total = sum(marks.values())
    share = {v: marks[v] / total for v in "5432"}
    assert share["5"] + share["4"] > 0.7 and 0.1 < share["3"] < 0.3 and 0.01 < share["2"] < 0.07
    assert abs(absent / seats - ABSENCE_RATE) < 0.02
    assert 0.2 < total / seats < 0.35, "about a third of a class gets a mark in a lesson"
    entry = school.timetable[0]
    assert lesson_record(1, entry, "2025-09-03", students[entry.class_key]) == \
        lesson_record(1, entry, "2025-09-03", students[entry.class_key])


def test_the_school_year_is_laid_on_any_year_from_1_september_with_its_quarters_and_holidays_in_order():

    assert calendar(2025).terms[0] == ("1 четверть", "2025-09-01", "2025-10-26")  # the pattern's own year
    assert calendar(2025).holidays[1] == ("Зимние каникулы", "2025-12-29", "2026-01-11")
    for start_year in range(2024, 2036):
        year = calendar(start_year)
        assert (year.year["name"], year.year["start_date"], year.year["end_date"]) == (
            f"{start_year}/{start_year + 1}", f"{start_year}-09-01", f"{start_year + 1}-05-31")
        days = [d for _, a, b in sorted([*year.terms, *year.holidays], key=lambda x: x[1]) for d in (a, b)]
        assert days == sorted(days) and days[0] == year.year["start_date"] and days[-1] <= year.year["end_date"]
        assert len(set(days)) == len(days), "no term or holiday touches another"
    assert [year_containing(dt.date(*d)) for d in ((2026, 12, 6), (2027, 5, 31), (2027, 8, 31), (2027, 9, 1))] == [
        2026, 2026, 2026, 2027]


def test_people_are_of_the_age_of_their_grade_in_the_year_given():
    for start_year in (2025, 2031):
        school = generate("demo", 1, start_year).schools[0]
        fifth = next(c for c in school.classes if c.grade == 5)
        assert {st.person.birth_date[:4] for st in fifth.students} == {str(start_year - 12)}


def test_the_next_year_promotes_classes_forms_the_1st_and_10th_and_keeps_snils_apart():
    school = generate("demo", start_year=2025).schools[0]
    newcomers = generate("demo", start_year=2026, snils_from=500_000_000).schools[0]
    after = next_year(school, newcomers)
    before = {c.key: c for c in school.classes}
    names = {c.name: c for c in after.classes}
    assert {c.grade for c in after.classes} == set(range(1, 12))
    assert names["5А"].students == before["1-4А"].students and names["5А"].key == "1-4А"
    assert names["10А"].students == before["1-9А"].students  # the 9th graders go on into the 10th
    assert names["11А"].students == before["1-10А"].students
    assert not any(c.key == "1-11А" for c in after.classes)  # the 11th graders graduated
    first = [s.person for c in after.classes if c.grade == 1 for s in c.students]
    assert first and all(p.key.startswith("new:") for p in first)
    assert not {p.snils for p in first} & {s.person.snils for s in school.students()}
    assert {e.class_key for e in after.timetable} <= {c.key for c in after.classes if c.grade not in (1, 10)}
    new_guardians = [g for g in after.guardianships if g.student_key.startswith("new:")]
    assert {g.student_key for g in new_guardians} <= {p.key for p in first} and new_guardians
