"""The year-end barrier: a closed year's summary sheets are final once reporting has seen both schedule's
AcademicYearClosed and the journal's JournalYearClosed (every journal event of the year precedes the latter on the
journal topic, so reporting has applied them all). They come on different topics, in either order; the one that
completes the pair makes the year ready (ReportingYearReady), once per year. Plain Python, no framework imports."""
from dataclasses import dataclass

SCHEDULE, JOURNAL = "schedule_closed", "journal_closed"  # the halves


@dataclass(frozen=True)
class YearClosingHalf:
    """One of the two events closing a year, with the class groups it names (both name the same ones: the journal
    copies schedule's list)."""
    academic_year_id: str
    name: str
    class_group_ids: tuple[str, ...]
    half: str  # SCHEDULE | JOURNAL


@dataclass(frozen=True)
class YearClosing:
    """What reporting has seen of a year's closing: both lists of class groups merged."""
    academic_year_id: str
    name: str
    class_group_ids: tuple[str, ...]
    schedule_closed: bool
    journal_closed: bool
    ready: bool  # ReportingYearReady was written

    @property
    def completed(self) -> bool:
        """Both halves are in and the year was not made ready yet: it is ready now."""
        return self.schedule_closed and self.journal_closed and not self.ready
