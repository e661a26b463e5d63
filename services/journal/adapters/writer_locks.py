"""The journal's advisory locks, taken in the caller's transaction until it ends:
- one writer of a lesson at a time: a whole-lesson save, a paper import and a revert each read what a lesson holds
  and then replace it, so two of them at once would undo each other;
- the school's closed years: a change holds the lock shared until it commits, the recording of a closed year
  (service_layer/closed_years.py) exclusively, so no change of a year commits after JournalYearClosed."""
from sqlalchemy import text
from sqlalchemy.orm import Session

from services.common.db import lock_name

# services.common.db.lock_name's lock of every name, in the given order, shared where asked: one round trip for all of them
LOCK_NAMES = text("SELECT CASE WHEN shared THEN pg_advisory_xact_lock_shared(hashtextextended(name, 0)) "
                  "ELSE pg_advisory_xact_lock(hashtextextended(name, 0)) END "
                  "FROM unnest(CAST(:names AS text[]), CAST(:shared AS boolean[])) AS locks(name, shared)")


def closed_years_key(school_id: str) -> str:
    """The name of the school's closed-years lock (services.common.db.lock_name)."""
    return f"journal-closed-years:{school_id}"


def lock_closed_years(session: Session, school_id: str, exclusive: bool = False) -> None:
    lock_name(session, closed_years_key(school_id), shared=not exclusive)


def lock_lessons(session: Session, lesson_ids, school_id: str = "") -> None:
    """The writers of these lessons run one after another from here to the end of the transaction; a lesson may
    have no record row yet, so the lock is on its id. In id order, so writers of several lessons never wait on
    each other in a circle. With school_id, the school's closed years are locked first (shared), all in one
    statement."""
    names = [f"journal-lesson:{lesson_id}" for lesson_id in sorted(set(lesson_ids))]
    if not names and not school_id:
        return
    shared = [False] * len(names)
    if school_id:
        names, shared = [closed_years_key(school_id), *names], [True, *shared]
    session.execute(LOCK_NAMES, {"names": names, "shared": shared})
