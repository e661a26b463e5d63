"""An archive package: one per school, closed year and record class (the class journals, the summary sheets), its
states, its copies and its names. Plain Python, no framework imports.

A package is requested when reporting has finished the year; it waits for the director's signature (the director
confirms it on the archive page), is then built and signed, and sealed once its primary copy is stored under
COMPLIANCE retention; the replica copy follows (at once, or when the second store is back)."""
from dataclasses import dataclass

AWAITING_SIGNATURE, BUILDING, SEALED, FAILED = "awaiting_signature", "building", "sealed", "failed"
DISPOSED = "disposed"  # destroyed by an approved act once its retention ended; the registry row stays
STATUS_NAMES = {AWAITING_SIGNATURE: "ожидает подписи директора", BUILDING: "формируется", SEALED: "сформирован",
                FAILED: "не удалось сформировать", DISPOSED: "уничтожен по акту"}

JOURNAL, SUMMARY_SHEET = "journal", "summary_sheet"
RECORD_CLASSES = (JOURNAL, SUMMARY_SHEET)
RECORD_CLASS_NAMES = {JOURNAL: "Классные журналы", SUMMARY_SHEET: "Сводные ведомости учёта успеваемости"}

PRIMARY, REPLICA = "primary", "replica"
STORES = (PRIMARY, REPLICA)
STORE_NAMES = {PRIMARY: "основное хранилище", REPLICA: "второе хранилище"}
PENDING = "pending"  # a copy not yet sealed in its store (SEALED once it is)
# what a fixity check found of a copy; a copy's last outcome is REPAIRED when it was damaged or missing and rewritten
OK, DAMAGED, MISSING, UNREACHABLE, REPAIRED = "ok", "damaged", "missing", "unreachable", "repaired"
OUTCOME_NAMES = {OK: "в порядке", DAMAGED: "повреждена", MISSING: "отсутствует", UNREACHABLE: "хранилище недоступно",
                 REPAIRED: "была повреждена, восстановлена"}


@dataclass(frozen=True)
class PackageRequest:
    """A year reporting has finished (ReportingYearReady): its packages are to be signed and built."""
    academic_year_id: str
    academic_year_name: str
    class_group_ids: tuple[str, ...]


def may_rebuild(status: str) -> bool:
    """Only a package that failed to build is built again (on a new request or when a manager asks); a package
    waiting for its signature, building or sealed is left alone."""
    return status == FAILED


def may_sign(status: str) -> bool:
    """The director signs a package that waits for the signature (once)."""
    return status == AWAITING_SIGNATURE


def object_key(school_id: str, academic_year_id: str, record_class: str, archive_id: str, period_id: str = "") -> str:
    """Where the package is stored: a semester's under its term id."""
    period = f"/{period_id}" if period_id else ""
    return f"{school_id}/{academic_year_id}/{record_class}{period}/{archive_id}.zip"


def archive_filename(academic_year_name: str, record_class: str, archive_id: str, period_name: str = "") -> str:
    year = academic_year_name.replace("/", "-").replace(" ", "_") or "year"
    kind = {JOURNAL: "journals", SUMMARY_SHEET: "summary-sheets"}[record_class]
    period = "-" + period_name.replace("/", "-").replace(" ", "_") if period_name else ""
    return f"archive-{year}{period}-{kind}-{archive_id}.zip"
