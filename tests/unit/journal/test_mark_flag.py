"""The rules of a family's flag of a mark: the texts' bounds, the filters, one open flag a mark, one answer a flag,
and "corrected" only of a mark that changed since it was flagged."""
import datetime as dt

import pytest

from services.common.errors import Conflict, FailedPrecondition, Invalid
from services.journal.domain import mark_flag as rules


def test_a_flag_is_1_to_1000_characters_and_an_answer_up_to_2000():
    assert rules.text("  Я писал контрольную на 5 ", "text") == "Я писал контрольную на 5"
    assert len(rules.text("я" * 1000, "text")) == 1000
    assert len(rules.text("я" * 2000, "answer", rules.MAX_ANSWER)) == 2000
    for wrong, field, limit in (("", "text", rules.MAX_TEXT), ("  ", "answer", rules.MAX_ANSWER),
                                ("я" * 1001, "text", rules.MAX_TEXT), ("я" * 2001, "answer", rules.MAX_ANSWER)):
        with pytest.raises(Invalid) as err:
            rules.text(wrong, field, limit)
        assert list(err.value.fields) == [field]


def test_the_status_filter_and_the_outcomes():
    assert [rules.status(s) for s in ("", "open", "answered")] == ["", "open", "answered"]
    assert [rules.outcome(o) for o in ("explained", "corrected")] == ["explained", "corrected"]
    for call, value, field in ((rules.status, "closed", "status"), (rules.outcome, "", "outcome"),
                               (rules.outcome, "deleted", "outcome")):
        with pytest.raises(Invalid) as err:
            call(value)
        assert list(err.value.fields) == [field]


def test_who_flagged():
    assert rules.author_role("s1", "s1") == "student"
    assert rules.author_role("g1", "s1") == "guardian"
    assert rules.author_role("", "s1") == "guardian"


def test_one_open_flag_a_mark_and_one_answer_a_flag():
    rules.check_none_open(None)
    with pytest.raises(Conflict) as err:
        rules.check_none_open("f1")
    assert list(err.value.fields) == ["mark_id"]
    rules.check_open({"answered_at": None})
    with pytest.raises(FailedPrecondition) as err:
        rules.check_open({"answered_at": dt.datetime(2026, 3, 1, tzinfo=dt.UTC)})
    assert list(err.value.fields) == ["flag_id"]


def test_corrected_only_of_a_mark_that_changed_or_was_removed():
    rules.check_outcome("explained", "3", "test", ("3", "test"))  # explaining needs no change
    rules.check_outcome("corrected", "3", "test", ("4", "test"))
    rules.check_outcome("corrected", "3", "test", ("3", "classwork"))
    rules.check_outcome("corrected", "3", "test", None)  # removed
    with pytest.raises(FailedPrecondition) as err:
        rules.check_outcome("corrected", "3", "test", ("3", "test"))
    assert list(err.value.fields) == ["outcome"]
