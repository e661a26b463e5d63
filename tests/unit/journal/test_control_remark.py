"""The deputy head's remarks: the text's bounds, the list's filter, and who answers, once."""
import datetime as dt

import pytest

from services.common.errors import FailedPrecondition, Forbidden, Invalid
from services.journal.domain import control_remark as rules


def test_a_text_is_1_to_2000_characters_trimmed():
    assert rules.text("  Нет тем за неделю ", "text") == "Нет тем за неделю"
    assert len(rules.text("я" * 2000, "answer")) == 2000
    for wrong in ("", "   ", "я" * 2001):
        with pytest.raises(Invalid) as err:
            rules.text(wrong, "answer")
        assert list(err.value.fields) == ["answer"]


def test_the_status_filter():
    assert [rules.status(s) for s in ("", "open", "answered")] == ["", "open", "answered"]
    with pytest.raises(Invalid) as err:
        rules.status("closed")
    assert list(err.value.fields) == ["status"]


def test_only_the_addressed_teacher_answers_and_only_once():
    remark = {"teacher_id": "t1", "answered_at": None}
    rules.check_answerable(remark, "t1")
    with pytest.raises(Forbidden):
        rules.check_answerable(remark, "t2")
    with pytest.raises(FailedPrecondition) as err:
        rules.check_answerable({**remark, "answered_at": dt.datetime(2026, 3, 1, tzinfo=dt.UTC)}, "t1")
    assert list(err.value.fields) == ["remark_id"]
