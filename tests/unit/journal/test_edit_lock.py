"""Edit locks: when a lesson closes for its teacher, unlock requests and decisions, the refusal's reason and the
lock state the grid shows."""
import datetime as dt

import pytest

from proto.journal.v1 import journal_pb2 as pb
from proto.schedule.v1 import schedule_pb2
from services.common.errors import Invalid
from services.journal.domain import closed_year
from services.journal.domain import edit_lock as locks
from services.journal.domain.closed_year import ClosedYears
from services.journal.domain.school_settings import SchoolSettings

TODAY = dt.date(2026, 11, 23)


@pytest.mark.parametrize("days_ago, lock_days, term_marked, closed", [
    (0, 7, False, False),
    (7, 7, False, False),   # exactly N days ago: still open
    (8, 7, False, True),
    (400, 0, False, False),  # 0 = the school does not lock lessons
    (0, 7, True, True),     # term marks set: closed whatever the age
    (1, 1, False, False),
    (2, 1, False, True),
])
def test_a_lesson_closes_after_the_policys_days_or_once_term_marks_are_set(days_ago, lock_days, term_marked, closed):
    why = locks.lock_reason(TODAY - dt.timedelta(days=days_ago), TODAY, lock_days, term_marked)
    assert (why is not None) == closed


def test_the_refusal_says_why_and_how_to_ask_for_an_unlock():
    err = locks.refuse_locked(locks.lock_reason(dt.date(2026, 11, 1), TODAY, 7, False), 24)
    assert "больше 7 дн." in err.message and "запрос на открытие урока" in err.message and "24 ч" in err.message
    assert list(err.fields) == ["lesson_id"]
    assert "оценки за учебный период" in locks.lock_reason(TODAY, TODAY, 7, True)


def test_an_unlock_request_needs_a_reason():
    assert locks.request_reason("  Ошибка в отметке  ") == "Ошибка в отметке"
    for reason, in [("",), ("   ",), ("x" * 1001,)]:
        with pytest.raises(Invalid) as err:
            locks.request_reason(reason)
        assert list(err.value.fields) == ["reason"]


@pytest.mark.parametrize("decision, comment, expected", [
    ("approve", "", ("approved", "")), ("APPROVE", "ок", ("approved", "ок")),
    ("refuse", "Нет оснований", ("refused", "Нет оснований"))])
def test_decisions(decision, comment, expected):
    assert locks.decision(decision, comment) == expected


@pytest.mark.parametrize("decision, comment, field", [("maybe", "", "decision"), ("", "", "decision"),
                                                      ("refuse", " ", "comment"), ("approve", "x" * 1001, "comment")])
def test_bad_decisions_are_refused_naming_the_field(decision, comment, field):
    with pytest.raises(Invalid) as err:
        locks.decision(decision, comment)
    assert list(err.value.fields) == [field]


def test_status_filter_and_expiry():
    assert [locks.status_filter(s) for s in ("", "Pending", "approved")] == ["", "pending", "approved"]
    with pytest.raises(Invalid):
        locks.status_filter("open")
    start = dt.datetime(2026, 11, 23, 10, tzinfo=dt.UTC)
    assert locks.expires_at(start, 24) == dt.datetime(2026, 11, 24, 10, tzinfo=dt.UTC)


def test_the_refusals_reasons_are_the_protos_error_reasons():
    assert (locks.LESSON_LOCKED, closed_year.YEAR_CLOSED) == (pb.ErrorReason.Name(pb.LESSON_LOCKED),
                                                              pb.ErrorReason.Name(pb.YEAR_CLOSED))
    assert locks.refuse_locked("с урока прошло больше 7 дн.", 24).reason == "LESSON_LOCKED"
    assert closed_year.refuse_closed("lesson_id").reason == "YEAR_CLOSED"


def test_the_lock_state_of_a_lesson_for_the_caller():
    def lesson(days_ago: int, **fields) -> schedule_pb2.Lesson:
        return schedule_pb2.Lesson(id=f"l{days_ago}", class_group_id="c1", subject_id="s1",
                                   date=(TODAY - dt.timedelta(days=days_ago)).isoformat(), **fields)
    school = SchoolSettings()
    assert [locks.state(lesson(d), school, TODAY) for d in (0, 7, 8)] == ["", "", "LESSON_LOCKED"]
    assert locks.state(lesson(8), SchoolSettings(unlocked=frozenset({"l8"})), TODAY) == "", "an approved unlock"
    assert locks.state(lesson(1, term_id="t1"), SchoolSettings(marked=frozenset({("c1", "s1", "t1")})), TODAY) == \
        "LESSON_LOCKED", "the period's marks are set"
    assert locks.state(lesson(1), SchoolSettings(closed=ClosedYears(class_group_ids=frozenset({"c1"}))), TODAY) == \
        "YEAR_CLOSED"
    assert locks.state(lesson(8, year_closed=True), SchoolSettings(unlocked=frozenset({"l8"})), TODAY) == \
        "YEAR_CLOSED", "no unlock opens a closed year"
    assert locks.closed_for([lesson(0), lesson(8), lesson(9)], SchoolSettings(unlocked=frozenset({"l9"})), TODAY) == {
        "l8": "с урока прошло больше 7 дн."}
