"""Reporting's service layer against a fake unit of work (no PostgreSQL), as cosmicpython's test_handlers: the
year-end barrier writes ReportingYearReady once, when its second half arrives, in either order."""
import dataclasses
import uuid

import pytest

from proto.reporting.v1 import reporting_pb2
from services.reporting.domain.year_closing import JOURNAL, SCHEDULE, YearClosing, YearClosingHalf
from services.reporting.service_layer.year_closing import record_year_closing
from tests.support import fake_unit_of_work


class FakeYearClosings:
    """The year-closing store in memory: halves merged per year, as the upsert does."""

    def __init__(self):
        self.years: dict[str, YearClosing] = {}

    def record(self, half: YearClosingHalf) -> YearClosing:
        known = self.years.get(half.academic_year_id,
                               YearClosing(half.academic_year_id, "", (), False, False, False))
        self.years[half.academic_year_id] = dataclasses.replace(
            known, name=half.name or known.name,
            class_group_ids=tuple(sorted({*known.class_group_ids, *half.class_group_ids})), **{half.half: True})
        return self.years[half.academic_year_id]

    def mark_ready(self, academic_year_id: str) -> None:
        self.years[academic_year_id] = dataclasses.replace(self.years[academic_year_id], ready=True)


class FakeUnitOfWork(fake_unit_of_work.FakeUnitOfWork):
    def __init__(self, school_id: str):
        super().__init__(school_id)
        self.year_closings = FakeYearClosings()


@pytest.mark.parametrize("first, second", [(SCHEDULE, JOURNAL), (JOURNAL, SCHEDULE)])
def test_the_second_half_makes_the_year_ready_once(first, second):
    uow = FakeUnitOfWork(str(uuid.uuid4()))
    year_id, groups = str(uuid.uuid4()), ("b", "a")

    def half(which: str, name: str = "2025/2026") -> YearClosingHalf:
        return YearClosingHalf(year_id, name, groups, which)

    assert record_year_closing(half(first, name=""), uow) is False
    assert uow.published == [], "half the barrier: nothing yet"
    assert record_year_closing(half(second), uow) is True
    assert uow.published == [reporting_pb2.ReportingYearReady(
        school_id=uow.school_id, academic_year_id=year_id, academic_year_name="2025/2026", class_group_ids=["a", "b"])]
    assert record_year_closing(half(first), uow) is False and record_year_closing(half(second), uow) is False
    assert len(uow.published) == 1 and uow.committed == 4


def test_another_years_half_does_not_complete_a_year():
    uow = FakeUnitOfWork(str(uuid.uuid4()))
    assert record_year_closing(YearClosingHalf(str(uuid.uuid4()), "2025/2026", (), SCHEDULE), uow) is False
    assert record_year_closing(YearClosingHalf(str(uuid.uuid4()), "2025/2026", (), JOURNAL), uow) is False
    assert uow.published == []
