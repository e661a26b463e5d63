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
