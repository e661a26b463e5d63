"""Which semesters' journals are archived now: ended at least ten days ago (late entries in), not requested yet."""
import datetime as dt

from services.archive.domain.semesters import LATE_ENTRIES, Semester, due

FIRST = Semester("y", "2025/2026", "t1", "1 семестр", dt.date(2025, 9, 1), dt.date(2025, 12, 28))
SECOND = Semester("y", "2025/2026", "t2", "2 семестр", dt.date(2026, 1, 12), dt.date(2026, 6, 30))


def test_a_semester_is_due_once_its_late_entries_are_in():
    assert LATE_ENTRIES == dt.timedelta(days=10)
    assert due([FIRST, SECOND], dt.date(2026, 1, 6), set()) == []
    assert due([FIRST, SECOND], dt.date(2026, 1, 7), set()) == [FIRST]
    assert due([FIRST, SECOND], dt.date(2026, 7, 10), set()) == [FIRST, SECOND]


def test_a_requested_semester_is_not_due_again():
    assert due([FIRST, SECOND], dt.date(2026, 7, 10), {"t1"}) == [SECOND]
    assert due([FIRST, SECOND], dt.date(2026, 7, 10), {"t1", "t2"}) == []
