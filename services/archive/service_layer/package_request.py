"""A year reporting has finished (ReportingYearReady: it has seen schedule's AcademicYearClosed and every journal
event of the year up to JournalYearClosed) requests its archive package, built later by the builder."""
from services.archive.domain.archive_package import PackageRequest, may_rebuild
from services.archive.service_layer.unit_of_work import ArchiveUnitOfWork


def request_package(request: PackageRequest, uow: ArchiveUnitOfWork) -> None:
    """One package per school and year: a new one is registered as building, a failed one is retried,
    a building or sealed one is left alone."""
    with uow:
        status = uow.packages.status_of_year(request.academic_year_id)
        if status is None:
            uow.packages.add(request)
        elif may_rebuild(status):
            uow.packages.request_again(request)
