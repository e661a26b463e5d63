import datetime as dt

import pytest

from services.tooling import municipality as m
from services.tooling import school_loader as loader


def test_a_stage_refuses_to_run_before_the_stages_it_builds_on():
    school = m.generate("demo", 1).schools[0]
    with pytest.raises(RuntimeError, match="lessons needs people, teaching first"):
        loader.load_school(school, {}, None, loader.Phases(), 1, 1, "run", {}, ("lessons",))
    with pytest.raises(RuntimeError, match="teaching needs people first"):
        loader.load_school(school, {}, None, loader.Phases(), 1, 1, "run", {"done": []}, ("teaching", "lessons"))


def test_stages_already_done_are_skipped_without_a_call():
    school = m.generate("demo", 1).schools[0]
    state = {"done": list(loader.STAGES), "id": "x"}
    assert loader.load_school(school, {}, None, loader.Phases(), 1, 1, "run", state) == state


def test_the_lessons_loaded_are_the_first_quarters_or_the_weeks_up_to_a_day_within_its_year():
    year = m.calendar(2026)
    assert loader.lesson_period(year) == {"from": "2026-09-01", "to": "2026-10-25"}
    assert loader.lesson_period(year, dt.date(2026, 12, 6)) == {"from": "2026-10-25", "to": "2026-12-06"}
    assert loader.lesson_period(year, dt.date(2026, 9, 10)) == {"from": "2026-09-01", "to": "2026-09-10"}
    assert loader.lesson_period(year, dt.date(2027, 7, 1)) == {"from": "2027-05-20", "to": "2027-05-31"}
