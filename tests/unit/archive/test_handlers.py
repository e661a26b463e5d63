"""The archive's service layer against a fake unit of work (no PostgreSQL), as cosmicpython's test_handlers: a year
reporting has finished requests one package; a failed one is requested again, a building or sealed one is left
alone."""
import dataclasses
import uuid

import pytest

from services.archive.domain.archive_package import BUILDING, FAILED, SEALED, PackageRequest
from services.archive.service_layer.package_request import request_package
from tests.support import fake_unit_of_work


@dataclasses.dataclass
class Package:
    id: str
    academic_year_id: str
    academic_year_name: str
    class_group_ids: list[str]
    status: str
    error: str | None = None


class FakePackages:
    """The package store in memory, one package per year."""

    def __init__(self):
        self.by_year: dict[str, Package] = {}

    def status_of_year(self, academic_year_id: str) -> str | None:
        package = self.by_year.get(academic_year_id)
        return package.status if package else None

    def add(self, request: PackageRequest) -> None:
        self.by_year[request.academic_year_id] = Package(str(uuid.uuid4()), request.academic_year_id,
                                                         request.academic_year_name, list(request.class_group_ids),
                                                         BUILDING)

    def request_again(self, request: PackageRequest) -> None:
        self.by_year[request.academic_year_id] = dataclasses.replace(
            self.by_year[request.academic_year_id], academic_year_name=request.academic_year_name,
            class_group_ids=list(request.class_group_ids), status=BUILDING, error=None)


class FakeUnitOfWork(fake_unit_of_work.FakeUnitOfWork):
    def __init__(self):
        super().__init__(str(uuid.uuid4()))
        self.packages = FakePackages()


def request(year_id: str, *class_group_ids: str) -> PackageRequest:
    return PackageRequest(year_id, "2025/2026", class_group_ids)


def test_a_finished_year_requests_one_package():
    uow, year_id = FakeUnitOfWork(), str(uuid.uuid4())
    request_package(request(year_id, "a", "b"), uow)
    (package,) = uow.packages.by_year.values()
    assert (package.academic_year_id, package.class_group_ids, package.status) == (year_id, ["a", "b"], BUILDING)
    request_package(request(year_id, "a", "b"), uow)  # re-published
    assert list(uow.packages.by_year.values()) == [package] and uow.committed == 2


def test_a_failed_package_is_requested_again():
    uow, year_id = FakeUnitOfWork(), str(uuid.uuid4())
    request_package(request(year_id, "a"), uow)
    failed = uow.packages.by_year[year_id] = dataclasses.replace(uow.packages.by_year[year_id], status=FAILED,
                                                                 error="Не удалось сформировать архив")
    request_package(request(year_id, "a", "c"), uow)
    again = uow.packages.by_year[year_id]
    assert (again.id, again.status, again.error, again.class_group_ids) == (failed.id, BUILDING, None, ["a", "c"])


@pytest.mark.parametrize("status", [BUILDING, SEALED])
def test_a_building_or_sealed_package_is_left_alone(status):
    uow, year_id = FakeUnitOfWork(), str(uuid.uuid4())
    request_package(request(year_id, "a"), uow)
    kept = uow.packages.by_year[year_id] = dataclasses.replace(uow.packages.by_year[year_id], status=status)
    request_package(request(year_id, "a", "c"), uow)
    assert uow.packages.by_year[year_id] == kept
