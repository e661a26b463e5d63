"""The fault suite's verdicts (bench/faults.py): which acknowledged saves count as lost, and its table."""
from bench.faults import Attempt, Load, lost_saves, table


def load_with(history: dict[str, list[tuple[str, bool]]]) -> Load:
    load = Load("", None, None, [], [], ("", ""))
    load.attempts = {lesson: [Attempt(topic, 0.0, 0.0, ok) for topic, ok in saves] for lesson, saves in history.items()}
    return load


def test_a_lesson_ending_with_its_last_acknowledged_save_lost_nothing():
    assert lost_saves(load_with({"a": [("1", True), ("2", True)]}), {"a": "2"}) == 0


def test_a_save_whose_answer_was_lost_after_the_last_acknowledged_one_may_have_been_written():
    load = load_with({"a": [("1", True), ("2", False), ("3", False)]})
    assert [lost_saves(load, {"a": topic}) for topic in ("1", "2", "3")] == [0, 0, 0]


def test_a_lesson_that_went_back_to_an_older_save_lost_the_acknowledged_one():
    load = load_with({"a": [("1", True), ("2", True), ("3", False)], "b": [("1", True)]})
    assert lost_saves(load, {"a": "1", "b": "1"}) == 1
    assert lost_saves(load, {"a": "2"}) == 1  # b's acknowledged save is not in the journal at all


def test_a_lesson_never_acknowledged_cannot_have_lost_a_save():
    assert lost_saves(load_with({"a": [("1", False)]}), {}) == 0


def test_the_table_says_when_a_part_was_not_started_again_or_reporting_did_not_converge():
    result = {"fault": "kafka", "saves": {"acknowledged": 10, "refused": 2}, "diary_reads": {"ok": 5, "refused": 0},
              "refused_seconds": 1.5, "ready_again_seconds": None, "gateway_serving_after_ready_seconds": None,
              "acknowledged_saves_lost": 0, "reporting_converged": False, "converge_seconds": 120.0}
    row = table([result]).splitlines()[-1]
    assert row == "| kafka | 10 / 2 | 5 / 0 | 1.5 | not restarted | None | 0 | NO (120.0 s) |"
