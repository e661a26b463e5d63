"""An archive package: one per school and closed year, its states, what it holds and its names. Plain Python, no
framework imports."""
from dataclasses import dataclass

BUILDING, SEALED, FAILED = "building", "sealed", "failed"
RECORD_CLASS = "summary_sheet"  # what a year-end package holds today


@dataclass(frozen=True)
class PackageRequest:
    """A year reporting has finished (ReportingYearReady): its package is to be built."""
    academic_year_id: str
    academic_year_name: str
    class_group_ids: tuple[str, ...]


def may_rebuild(status: str) -> bool:
    """Only a package that failed to build is built again (on a new request or when a manager asks); a building or
    sealed one is left alone."""
    return status == FAILED


def object_key(school_id: str, academic_year_id: str, archive_id: str) -> str:
    return f"{school_id}/{academic_year_id}/{archive_id}.zip"


def archive_filename(academic_year_name: str, archive_id: str) -> str:
    year = academic_year_name.replace("/", "-").replace(" ", "_") or "year"
    return f"archive-{year}-{archive_id}.zip"
