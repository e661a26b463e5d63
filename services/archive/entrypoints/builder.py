"""The package builder's loop: builds requested packages one by one, each for its school (Scope.of_event) and
under its build lock, so two replicas never build one package. Packages left building by a crash are picked up
again on the next pass."""
import logging
import threading

from services.archive.adapters import package_store
from services.archive.adapters.build_locks import BuildLocks
from services.archive.service_layer.package_build import Packaging, build_archive
from services.archive.service_layer.unit_of_work import UnitsOfWork
from services.common import context
from services.common.db import Database
from services.common.scope import Scope

log = logging.getLogger(__name__)


class ArchiveBuilder(threading.Thread):
    def __init__(self, db: Database, unit_of_work: UnitsOfWork, packaging: Packaging, poll_seconds: float = 2.0):
        super().__init__(name="archive-builder", daemon=True)
        self.db, self.unit_of_work, self.packaging = db, unit_of_work, packaging
        self.locks = BuildLocks(db)
        self.poll_seconds = poll_seconds
        self.stop_event = threading.Event()

    def run(self) -> None:
        while not self.stop_event.is_set():
            try:
                self.build_pending()
            except Exception:
                log.exception("archive builder pass failed, retrying")
            self.stop_event.wait(self.poll_seconds)

    def stop(self) -> None:
        self.stop_event.set()

    def build_pending(self) -> int:
        pending = package_store.pending(self.db)
        for school_id, archive_id in pending:
            self.build(school_id, archive_id)
        return len(pending)

    def build(self, school_id: str, archive_id: str) -> None:
        """Builds one package unless another builder (another replica) is already on it."""
        tokens = context.bind(None, request_id=archive_id)
        try:
            self.locks.run_alone(archive_id, lambda: build_archive(
                archive_id, self.unit_of_work(Scope.of_event(school_id)), self.packaging))
        finally:
            context.reset(tokens)
