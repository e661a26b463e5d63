"""The archive's protobuf messages built from registry rows."""
from sqlalchemy import Row

from proto.archive.v1 import archive_pb2
from services.archive.domain import disposal
from services.archive.domain.archive_package import OUTCOME_NAMES, RECORD_CLASS_NAMES, STATUS_NAMES, STORE_NAMES


def _iso(value) -> str:
    return value.isoformat() if value else ""


def copy_message(row: Row) -> archive_pb2.ArchiveCopy:
    return archive_pb2.ArchiveCopy(
        store=row.store, status=row.status, bucket=row.bucket, version_id=row.version_id or "",
        sealed_at=_iso(row.sealed_at), attempts=row.attempts, next_attempt_at=_iso(row.next_attempt_at),
        last_error=row.last_error or "", checked_at=_iso(row.checked_at), check_outcome=row.check_outcome or "",
        store_name=STORE_NAMES[row.store], check_outcome_name=OUTCOME_NAMES.get(row.check_outcome, ""))


def check_message(row: Row) -> archive_pb2.FixityCheck:
    return archive_pb2.FixityCheck(store=row.store, checked_at=row.checked_at.isoformat(), outcome=row.outcome,
                                   detail=row.detail, repaired_version_id=row.repaired_version_id or "",
                                   store_name=STORE_NAMES[row.store], outcome_name=OUTCOME_NAMES[row.outcome])


def package_message(row: Row, copies: list[Row] = (), checks: list[Row] = ()) -> archive_pb2.ArchivePackage:
    return archive_pb2.ArchivePackage(
        id=row.id, school_id=row.school_id, academic_year_id=row.academic_year_id,
        academic_year_name=row.academic_year_name, status=row.status, bucket=row.bucket or "",
        object_key=row.object_key or "", version_id=row.version_id or "", sha256=row.sha256 or "",
        retain_until=_iso(row.retain_until), created_at=row.created_at.isoformat(), error=row.error or "",
        record_class=row.record_class, signed_by=row.signed_by or "", signed_at=_iso(row.signed_at),
        software_version=row.software_version or "", copies=[copy_message(c) for c in copies],
        checks=[check_message(c) for c in checks], status_name=STATUS_NAMES[row.status],
        record_class_name=RECORD_CLASS_NAMES[row.record_class], period_id=row.period_id, period_name=row.period_name,
        date_from=_iso(row.date_from), date_to=_iso(row.date_to))


def view_message(view) -> archive_pb2.ArchivePackage:
    """A registry.PackageView."""
    return package_message(view.package, view.copies, view.checks)


def alert_message(row: Row) -> archive_pb2.ArchiveAlert:
    return archive_pb2.ArchiveAlert(school_id=row.school_id, archive_id=row.package_id,
                                    academic_year_name=row.academic_year_name, record_class=row.record_class,
                                    copy=copy_message(row), record_class_name=RECORD_CLASS_NAMES[row.record_class])


def act_message(row: Row) -> archive_pb2.DisposalAct:
    content = row.content
    return archive_pb2.DisposalAct(
        id=row.id, school_id=row.school_id, number=row.number, status=row.status,
        status_name=disposal.STATUS_NAMES[row.status], school_name=content["school"],
        items=[archive_pb2.DisposalItem(archive_id=item["archive_id"], academic_year_name=item["academic_year"],
                                        record_class=item["record_class"],
                                        record_class_name=item["record_class_name"],
                                        retain_until=item["retain_until"], sha256=item["sha256"])
               for item in content["packages"]],
        proposed_at=_iso(row.proposed_at), approved_by=row.approved_by or "", approved_at=_iso(row.approved_at),
        executed_at=_iso(row.executed_at), error=row.error or "")
