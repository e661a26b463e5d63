"""The school's archive policy (semester packages or not: seed 002 §5.1, colleges) and the worker's request of the
semester packages due: each ended semester's class journals, waiting for the director's signature like the year's."""
import datetime as dt
import logging

from services.archive.domain.archive_package import JOURNAL
from services.archive.domain.semesters import due
from services.archive.service_layer.unit_of_work import ArchiveUnitOfWork, Calendars
from services.common.scope import Scope

log = logging.getLogger(__name__)


def get_archive_policy(scope: Scope, uow: ArchiveUnitOfWork) -> bool:
    """Whether the school archives its journals by semester as well."""
    scope.require("archive.read")
    with uow:
        return uow.policies.semester_packages()


def set_archive_policy(semester_packages: bool, at: dt.datetime, scope: Scope, uow: ArchiveUnitOfWork) -> bool:
    scope.require("archive_policy.manage")
    with uow:
        uow.policies.set_semester_packages(semester_packages, at)
        return semester_packages


def request_semesters(uow: ArchiveUnitOfWork, calendars: Calendars, today: dt.date) -> list[str]:
    """Registers a package of each ended semester's journals the school has not got one of yet (if its policy still
    wants them); the term ids requested."""
    with uow:
        if not uow.policies.semester_packages():
            return []
        requested = uow.packages.periods()
    semesters = due(calendars.semesters(uow.school_id), today, requested)
    for semester in semesters:
        class_group_ids = calendars.class_group_ids(uow.school_id, semester.academic_year_id)
        with uow:
            uow.packages.add_period(semester, JOURNAL, class_group_ids)
        log.info("semester package requested: %s, %s", semester.academic_year_name, semester.name)
    return [semester.term_id for semester in semesters]
