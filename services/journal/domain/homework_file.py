"""Homework files (J1): which files a teacher may attach and their size limit (services.common.file_types, shared
with message files), how many a lesson takes, and the tenant-scoped object key. Plain Python, no I/O."""
from services.common.file_types import MAX_BYTES, TYPES, ZIP, filename, media_type  # noqa: F401  (the journal's rules)

MAX_PER_LESSON = 20


def object_key(school_id: str, lesson_id: str, attachment_id: str) -> str:
    """Every school's files under its own prefix."""
    return f"{school_id}/homework/{lesson_id}/{attachment_id}"
