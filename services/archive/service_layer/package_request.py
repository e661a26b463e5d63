"""A year reporting has finished (ReportingYearReady: it has seen schedule's AcademicYearClosed and every journal
event of the year up to JournalYearClosed) requests its archive packages — the class journals and the summary
sheets —, which wait for the director's signature and are then built by the builder."""
from services.archive.domain.archive_package import RECORD_CLASSES, PackageRequest, may_rebuild
from services.archive.service_layer.unit_of_work import ArchiveUnitOfWork


def request_package(request: PackageRequest, uow: ArchiveUnitOfWork) -> None:
    """One package per school, year and record class: a new one waits for the director's signature, a failed one
    (signed before) is built again, one waiting, building or sealed is left alone."""
    with uow:
        statuses = uow.packages.statuses_of_year(request.academic_year_id)
        for record_class in RECORD_CLASSES:
            status = statuses.get(record_class)
            if status is None:
                uow.packages.add(request, record_class)
            elif may_rebuild(status):
                uow.packages.request_again(request, record_class)
