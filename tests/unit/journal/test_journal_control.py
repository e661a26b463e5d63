"""R1's control rules: what a past lesson lacks, a recorded lesson without homework, the watched terms, the days
asked, and the shortfall of current marks by the rule SetTermMark applies (term_mark.marks_needed)."""
import datetime as dt
import uuid

import pytest

from proto.schedule.v1.schedule_pb2 import Lesson
from services.common.errors import FailedPrecondition, Invalid
from services.journal.domain import journal_control as rules
from services.journal.domain import term_mark
from services.journal.domain.journal_policy import DEFAULT, JournalPolicy
from services.journal.domain.student_plan import REGULAR, Plan

TODAY = dt.date(2026, 3, 20)
START, END = dt.date(2026, 1, 12), dt.date(2026, 3, 22)  # 10 weeks


def test_a_lesson_is_checked_from_the_day_after_it():
    assert rules.due(TODAY - dt.timedelta(days=1), TODAY) and not rules.due(TODAY, TODAY)


def test_what_a_past_lesson_lacks():
    assert rules.missing(None) == ["нет темы", "нет отметок посещаемости"]
    assert rules.missing(rules.Record(topic=" ", homework="№ 5")) == ["нет темы"]
    assert rules.missing(rules.Record(topic="Дроби", homework="")) == []


def test_only_a_recorded_lesson_can_lack_homework():
    assert rules.lacks_homework(rules.Record("Дроби", "  "))
    assert not rules.lacks_homework(rules.Record("Дроби", "№ 5")) and not rules.lacks_homework(None)


def test_the_days_ahead_default_to_14_and_are_bounded():
    assert (rules.checked_days(0), rules.checked_days(30)) == (14, 30)
    for wrong in (-1, 367):
        with pytest.raises(Invalid) as err:
            rules.checked_days(wrong)
        assert list(err.value.fields) == ["days"]


def test_a_term_is_watched_from_its_start_until_its_end_is_within_the_days():
    assert rules.term_watched(START, END, TODAY, 14)
    assert rules.term_watched(START, TODAY - dt.timedelta(days=40), TODAY, 14)  # ended: stays until marked
    assert not rules.term_watched(START, TODAY + dt.timedelta(days=15), TODAY, 14)
    assert not rules.term_watched(TODAY + dt.timedelta(days=1), TODAY + dt.timedelta(days=5), TODAY, 14)


def test_the_shortfall_is_the_term_marks_rule_ahead_of_time():
    subject = "math"
    assert rules.shortfall(4, 20, START, END, DEFAULT, REGULAR, subject) == (2, 5)  # 2 h a week: 5 marks
    assert rules.shortfall(5, 20, START, END, DEFAULT, REGULAR, subject) is None
    assert rules.shortfall(2, 10, START, END, DEFAULT, REGULAR, subject) == (1, 3)  # 1 h a week: 3 marks
    assert rules.shortfall(2, 10, START, END, JournalPolicy(min_marks_1h=2), REGULAR, subject) is None
    assert rules.shortfall(0, 20, START, END, DEFAULT, Plan(home_schooled=True), subject) is None
    assert rules.shortfall(0, 20, START, END, DEFAULT, Plan(excluded_subject_ids=frozenset({subject})), subject) is None
    hours, needed = term_mark.marks_needed(20, START, END, DEFAULT)  # what SetTermMark refuses on
    with pytest.raises(FailedPrecondition):
        term_mark.check_enough_marks("5", 4, needed, hours)



def test_each_student_takes_the_whole_class_lessons_and_only_those_of_their_subgroups():
    def lesson(subject_id: str, subgroup_id: str = "") -> Lesson:
        return Lesson(id=str(uuid.uuid4()), subject_id=subject_id, subgroup_id=subgroup_id)

    lessons = [lesson("math"), lesson("math"), lesson("english", "g1"), lesson("english", "g1"),
               lesson("english", "g2"), lesson("it", "g2")]
    taken = rules.lessons_taken(lessons, ["a", "b", "c"], {"g1": {"a", "left-the-class"}, "g2": {"b"}})
    assert taken == {"a": {"math": 2, "english": 2}, "b": {"math": 2, "english": 1, "it": 1}, "c": {"math": 2}}
