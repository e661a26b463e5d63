"""The archive's protobuf messages built from registry rows."""
from sqlalchemy import Row

from proto.archive.v1 import archive_pb2


def package_message(row: Row) -> archive_pb2.ArchivePackage:
    return archive_pb2.ArchivePackage(
        id=row.id, school_id=row.school_id, academic_year_id=row.academic_year_id,
        academic_year_name=row.academic_year_name, status=row.status, bucket=row.bucket or "",
        object_key=row.object_key or "", version_id=row.version_id or "", sha256=row.sha256 or "",
        retain_until=row.retain_until.isoformat() if row.retain_until else "",
        created_at=row.created_at.isoformat(), error=row.error or "")
