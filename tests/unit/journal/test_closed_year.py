"""What a closed year covers: its class groups, its terms and the year itself; anything else stays open."""
import pytest

from services.common.errors import FailedPrecondition
from services.journal.domain.closed_year import ClosedYears

CLOSED = ClosedYears(frozenset({"year-1"}), frozenset({"group-1"}), frozenset({"term-1"}))


@pytest.mark.parametrize("kw", [dict(class_group_id="group-1"), dict(term_id="term-1"),
                                dict(academic_year_id="year-1"), dict(class_group_id="group-2", term_id="term-1")])
def test_a_closed_years_class_groups_terms_and_the_year_are_refused(kw):
    assert CLOSED.covers(**kw)
    with pytest.raises(FailedPrecondition) as refused:
        CLOSED.require_open("lesson_id", **kw)
    assert refused.value.fields == {"lesson_id": "учебный год закрыт"}
    assert "Учебный год закрыт" in refused.value.message


def test_other_years_and_no_closed_years_stay_open():
    assert not CLOSED.covers(class_group_id="group-2", term_id="term-2", academic_year_id="year-2")
    assert not CLOSED.covers()
    assert not ClosedYears().covers(class_group_id="group-1")
    ClosedYears().require_open("lesson_id", class_group_id="group-1")
