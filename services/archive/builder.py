"""Builds requested archive packages outside any long database transaction: fetches the summary sheets
from the reporting service with a service token, bags and signs them, stores the zip under COMPLIANCE
retention, then seals the registry row (or marks it failed with the error). Packages left building by a
crash are picked up again on the next pass; an advisory lock keeps two replicas off one package."""
import hashlib
import logging
import threading
from typing import Protocol

from google.protobuf import json_format
from sqlalchemy import text

from proto.reporting.v1 import reporting_pb2
from services.archive import domain, handlers
from services.archive.package import PackageInfo, SheetFiles, build_package
from services.archive.signing import Signer
from services.archive.storage import ArchiveStore
from services.common import context
from services.common.auth import ServiceTokens
from services.common.db import Database
from services.common.errors import DomainError
from services.common.grpc_client import Peer
from services.common.outbox import Outbox

log = logging.getLogger(__name__)
PDF_DEADLINE = 60.0


class SummarySheets(Protocol):
    def fetch(self, school_id: str, class_group_id: str) -> SheetFiles: ...


class ReportingSummarySheets:
    """Summary sheets from the reporting service, asked on the archive's own behalf."""

    def __init__(self, reporting: Peer, tokens: ServiceTokens):
        self.reporting = reporting
        self.tokens = tokens

    def fetch(self, school_id: str, class_group_id: str) -> SheetFiles:
        request = reporting_pb2.GetSummarySheetRequest(school_id=school_id, class_group_id=class_group_id)
        sheet = self.reporting.call("GetSummarySheet", request, token=self.tokens.token())
        pdf = self.reporting.call("RenderSummarySheetPdf", request, token=self.tokens.token(), deadline=PDF_DEADLINE)
        as_json = json_format.MessageToJson(sheet, preserving_proto_field_name=True, ensure_ascii=False, indent=2)
        return SheetFiles(class_group_id, sheet.class_group_name, as_json.encode(), pdf.content)


class ArchiveBuilder(threading.Thread):
    def __init__(self, db: Database, outbox: Outbox, store: ArchiveStore, signer: Signer, sheets: SummarySheets,
                 retention_years: dict[str, int], poll_seconds: float = 2.0):
        super().__init__(name="archive-builder", daemon=True)
        self.db, self.outbox, self.store, self.signer, self.sheets = db, outbox, store, signer, sheets
        self.retention_years = retention_years
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
        pending = handlers.pending_packages(self.db)
        for school_id, archive_id in pending:
            self.build(school_id, archive_id)
        return len(pending)

    def build(self, school_id: str, archive_id: str) -> None:
        """Builds one package unless another builder (another replica) is already on it."""
        tokens = context.bind(None, request_id=archive_id)
        try:
            with self.db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                if not conn.scalar(text("SELECT pg_try_advisory_lock(hashtextextended(:id, 0))"), {"id": archive_id}):
                    return
                try:
                    self._build(school_id, archive_id)
                finally:
                    conn.execute(text("SELECT pg_advisory_unlock(hashtextextended(:id, 0))"), {"id": archive_id})
        finally:
            context.reset(tokens)

    def _build(self, school_id: str, archive_id: str) -> None:
        row = handlers.building_package(self.db, school_id, archive_id)
        if row is None:
            return
        log.info("building archive %s for academic year %s", archive_id, row.academic_year_name)
        try:
            sealed = self._store(row)
        except Exception as exc:
            log.exception("archive %s failed", archive_id)
            reason = exc.message if isinstance(exc, DomainError) else repr(exc)
            handlers.fail_package(self.db, school_id, archive_id, f"Не удалось сформировать архив: {reason}")
            return
        handlers.seal_package(self.db, self.outbox, school_id, archive_id, **sealed)
        log.info("archive %s sealed", archive_id)

    def _store(self, row) -> dict:
        years = self.retention_years[domain.RECORD_CLASS]
        info = PackageInfo(archive_id=row.id, school_id=row.school_id, academic_year_id=row.academic_year_id,
                           academic_year_name=row.academic_year_name, record_class=domain.RECORD_CLASS,
                           created_at=row.created_at, retain_until=domain.retain_until(row.created_at.date(), years))
        sheets = [self.sheets.fetch(row.school_id, class_group_id) for class_group_id in row.class_group_ids]
        data = build_package(info, sheets, self.signer)
        key = domain.object_key(row.school_id, row.academic_year_id, row.id)
        version_id = self.store.put_locked(key, data, info.retain_until)
        return {"bucket": self.store.bucket, "object_key": key, "version_id": version_id,
                "sha256": hashlib.sha256(data).hexdigest(), "retain_until": info.retain_until}
