"""Archive rules: package states, retention terms and object names. Plain Python, no framework imports."""
import datetime as dt

BUILDING, SEALED, FAILED = "building", "sealed", "failed"
RECORD_CLASS = "summary_sheet"  # what a year-end package holds today


def retain_until(start: dt.date, years: int) -> dt.date:
    """The day `years` after `start` (29 February falls back to 28 February)."""
    try:
        return start.replace(year=start.year + years)
    except ValueError:
        return start.replace(year=start.year + years, day=28)


def object_key(school_id: str, academic_year_id: str, archive_id: str) -> str:
    return f"{school_id}/{academic_year_id}/{archive_id}.zip"


def archive_filename(academic_year_name: str, archive_id: str) -> str:
    year = academic_year_name.replace("/", "-").replace(" ", "_") or "year"
    return f"archive-{year}-{archive_id}.zip"
