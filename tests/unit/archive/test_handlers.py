"""The archive's service layer against a fake unit of work (no PostgreSQL), as cosmicpython's test_handlers: a year
reporting has finished requests one package per record class, waiting for the director's signature; a failed one
(signed before it failed) is built again, one waiting, building or sealed is left alone."""
import dataclasses
import uuid

import pytest

from services.archive.domain.archive_package import (
    AWAITING_SIGNATURE,
    BUILDING,
    FAILED,
    JOURNAL,
    RECORD_CLASSES,
    SEALED,
    SUMMARY_SHEET,
    PackageRequest,
)
from services.archive.service_layer.package_request import request_package
from tests.support import fake_unit_of_work


@dataclasses.dataclass
class Package:
    id: str
    academic_year_id: str
    record_class: str
    academic_year_name: str
    class_group_ids: list[str]
    status: str
    error: str | None = None


class FakePackages:
    """The package store in memory, one package per year and record class."""

    def __init__(self):
        self.rows: dict[tuple[str, str], Package] = {}

    def statuses_of_year(self, academic_year_id: str) -> dict[str, str]:
        return {record_class: package.status for (year, record_class), package in self.rows.items()
                if year == academic_year_id}

    def add(self, request: PackageRequest, record_class: str) -> None:
        self.rows[request.academic_year_id, record_class] = Package(
            str(uuid.uuid4()), request.academic_year_id, record_class, request.academic_year_name,
            list(request.class_group_ids), AWAITING_SIGNATURE)

    def request_again(self, request: PackageRequest, record_class: str) -> None:
        key = (request.academic_year_id, record_class)
        self.rows[key] = dataclasses.replace(self.rows[key], academic_year_name=request.academic_year_name,
                                             class_group_ids=list(request.class_group_ids), status=BUILDING,
                                             error=None)


class FakeUnitOfWork(fake_unit_of_work.FakeUnitOfWork):
    def __init__(self):
        super().__init__(str(uuid.uuid4()))
        self.packages = FakePackages()


def request(year_id: str, *class_group_ids: str) -> PackageRequest:
    return PackageRequest(year_id, "2025/2026", class_group_ids)


def test_a_finished_year_requests_a_package_per_record_class_for_the_director_to_sign():
    uow, year_id = FakeUnitOfWork(), str(uuid.uuid4())
    request_package(request(year_id, "a", "b"), uow)
    assert sorted((p.record_class, p.status, tuple(p.class_group_ids)) for p in uow.packages.rows.values()) == [
        (JOURNAL, AWAITING_SIGNATURE, ("a", "b")), (SUMMARY_SHEET, AWAITING_SIGNATURE, ("a", "b"))]
    before = dict(uow.packages.rows)
    request_package(request(year_id, "a", "b"), uow)  # re-published
    assert uow.packages.rows == before and uow.committed == 2


def test_a_failed_package_is_built_again_and_the_other_left_alone():
    uow, year_id = FakeUnitOfWork(), str(uuid.uuid4())
    request_package(request(year_id, "a"), uow)
    failed = uow.packages.rows[year_id, JOURNAL] = dataclasses.replace(
        uow.packages.rows[year_id, JOURNAL], status=FAILED, error="Не удалось сформировать архив")
    waiting = uow.packages.rows[year_id, SUMMARY_SHEET]
    request_package(request(year_id, "a", "c"), uow)
    again = uow.packages.rows[year_id, JOURNAL]
    assert (again.id, again.status, again.error, again.class_group_ids) == (failed.id, BUILDING, None, ["a", "c"])
    assert uow.packages.rows[year_id, SUMMARY_SHEET] == waiting


@pytest.mark.parametrize("status", [AWAITING_SIGNATURE, BUILDING, SEALED])
def test_a_waiting_building_or_sealed_package_is_left_alone(status):
    uow, year_id = FakeUnitOfWork(), str(uuid.uuid4())
    request_package(request(year_id, "a"), uow)
    for record_class in RECORD_CLASSES:
        uow.packages.rows[year_id, record_class] = dataclasses.replace(uow.packages.rows[year_id, record_class],
                                                                       status=status)
    kept = dict(uow.packages.rows)
    request_package(request(year_id, "a", "c"), uow)
    assert uow.packages.rows == kept
