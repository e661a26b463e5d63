"""The archive's worker loop, each pass: requests the semester packages due (once an hour), builds the packages the
directors have signed, writes the copies that are
due (a replica whose store was down), checks the packages whose fixity check is due and destroys what approved acts
of destruction list — each package (or act) for its
school (Scope.of_event) and under its own lock, so two replicas never work on one package. Work left by a crash is
picked up again on a later pass."""
import datetime as dt
import logging
import threading
import time

from services.archive.adapters import package_store
from services.archive.adapters.build_locks import BuildLocks
from services.archive.domain import disposal
from services.archive.service_layer.copies import copy_package
from services.archive.service_layer.disposal import execute_disposal
from services.archive.service_layer.fixity import check_package
from services.archive.service_layer.package_build import build_archive
from services.archive.service_layer.packaging import Packaging
from services.archive.service_layer.semester_packages import request_semesters
from services.archive.service_layer.unit_of_work import UnitsOfWork
from services.common import context, metrics
from services.common.db import Database
from services.common.scope import Scope

log = logging.getLogger(__name__)
SEMESTER_CHECK = dt.timedelta(hours=1)
FIXITY_BATCH = 10  # packages checked a pass


class ArchiveBuilder(threading.Thread):
    def __init__(self, db: Database, unit_of_work: UnitsOfWork, packaging: Packaging, fixity_period: dt.timedelta,
                 poll_seconds: float = 2.0):
        super().__init__(name="archive-builder", daemon=True)
        self.db, self.unit_of_work, self.packaging = db, unit_of_work, packaging
        self.fixity_period = fixity_period
        self.locks = BuildLocks(db)
        self.poll_seconds = poll_seconds
        self.stop_event = threading.Event()
        self.next_semester_check = self.packaging.clock()

    def run(self) -> None:
        while not self.stop_event.is_set():
            try:
                self.work_once()
            except Exception:
                log.exception("archive worker pass failed, retrying")
            self.stop_event.wait(self.poll_seconds)

    def stop(self) -> None:
        self.stop_event.set()

    def work_once(self) -> None:
        if self.next_semester_check <= self.packaging.clock():
            self.request_semesters()
        self.build_pending()
        self.copy_due()
        self.check_due()
        self.dispose_approved()

    def build_pending(self) -> int:
        pending = package_store.pending(self.db)
        for school_id, archive_id in pending:
            started = time.monotonic()
            self._alone(school_id, archive_id, archive_id, build_archive)
            metrics.job_done("archive_build", started)
        return len(pending)

    def copy_due(self) -> int:
        """The copies due; after a store has failed one, its others wait for a later pass (each attempt on a store
        that is down takes seconds: the builds must not wait for all of them)."""
        due = package_store.copies_due(self.db, self.packaging.clock())
        down: set[str] = set()
        for school_id, archive_id, store in due:
            if store in down:
                continue
            sealed = self._alone(school_id, archive_id, f"copy:{archive_id}:{store}",
                                 lambda package_id, uow, packaging, store=store: copy_package(package_id, store, uow,
                                                                                                packaging))
            if sealed is False:
                down.add(store)
        return len(due)

    def check_due(self) -> int:
        """The fixity checks due, FIXITY_BATCH a pass (each reads both copies of a package): the longest unchecked
        first, the rest on the next passes."""
        due = package_store.fixity_due(self.db, self.packaging.clock() - self.fixity_period, FIXITY_BATCH)
        for school_id, archive_id in due:
            self._alone(school_id, archive_id, f"fixity:{archive_id}", check_package)
        return len(due)

    def request_semesters(self) -> int:
        """The semester packages due in the schools that want them (a pass an hour: semesters end once in months)."""
        self.next_semester_check = self.packaging.clock() + SEMESTER_CHECK
        requested = 0
        for school_id in package_store.semester_schools(self.db):
            try:
                requested += len(request_semesters(self.unit_of_work(Scope.of_event(school_id)),
                                                   self.packaging.calendars, self.packaging.clock().date()))
            except Exception:
                log.exception("semester packages of school %s not requested, tried again in an hour", school_id)
        return requested

    def dispose_approved(self) -> int:
        approved = package_store.acts(self.db, disposal.APPROVED)
        for act in approved:
            self._alone(act.school_id, act.id, f"disposal:{act.id}", execute_disposal)
        return len(approved)

    def _alone(self, school_id: str, archive_id: str, lock: str, work):
        """Does one piece of work on a package in its school, unless another replica already holds its lock (None
        then); what the work returns."""
        tokens = context.bind(None, request_id=archive_id)
        try:
            return self.locks.run_alone(lock, lambda: work(archive_id, self.unit_of_work(Scope.of_event(school_id)),
                                                           self.packaging))
        finally:
            context.reset(tokens)
