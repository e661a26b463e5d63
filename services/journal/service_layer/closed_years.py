"""Closed academic years (J6): once schedule closes a year, the journal records it (from AcademicYearClosed) and
from then on refuses every change of that year: lessons, attendance corrections, homework, imports, term and final
marks, unlock requests and decisions, reverts. Recording it publishes JournalYearClosed in the same transaction.

A change and the recording exclude each other through a per-school advisory lock: a change holds it shared until
it commits, the recording exclusively. So every journal event of the year is in the outbox before
JournalYearClosed, and no change commits after it: the year's archive, built after that event, is complete."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from proto.journal.v1 import journal_pb2 as pb
from proto.schedule.v1 import schedule_pb2
from services.common.db import lock_name
from services.common.errors import FailedPrecondition
from services.common.outbox import Outbox
from services.journal.adapters.tables import closed_years

MESSAGE = "Учебный год закрыт: его журнал сдан в архив и больше не меняется"


def lock_key(school_id: str) -> str:
    """The name of the school's lock (services.common.db.lock_name)."""
    return f"journal-closed-years:{school_id}"


def _lock(session: Session, school_id: str, exclusive: bool) -> None:
    lock_name(session, lock_key(school_id), shared=not exclusive)


@dataclass(frozen=True)
class ClosedYears:
    """What of the school is closed: the closed years, their class groups and their terms."""

    academic_year_ids: frozenset[str] = frozenset()
    class_group_ids: frozenset[str] = frozenset()
    term_ids: frozenset[str] = frozenset()

    def covers(self, class_group_id: str = "", term_id: str = "", academic_year_id: str = "") -> bool:
        return (class_group_id in self.class_group_ids or term_id in self.term_ids
                or academic_year_id in self.academic_year_ids)

    def require_open(self, field: str, class_group_id: str = "", term_id: str = "", academic_year_id: str = "") -> None:
        if self.covers(class_group_id, term_id, academic_year_id):
            raise FailedPrecondition(MESSAGE, {field: "учебный год закрыт"})


def load(session: Session, school_id: str, locked: bool = False) -> ClosedYears:
    """The school's closed years; the caller's transaction holds the shared lock from here to its commit, so the
    year cannot close under a change in progress (locked: the caller took it already, see lesson_locks.py)."""
    if not locked:
        _lock(session, school_id, exclusive=False)
    rows = session.execute(select(closed_years.c.academic_year_id, closed_years.c.class_group_ids,
                                  closed_years.c.term_ids)).all()
    return ClosedYears(frozenset(r.academic_year_id for r in rows),
                       frozenset(g for r in rows for g in r.class_group_ids),
                       frozenset(t for r in rows for t in r.term_ids))


def require_open(session: Session, school_id: str, field: str, class_group_id: str = "", term_id: str = "",
                 academic_year_id: str = "") -> None:
    """Refuses a change of a closed year (FAILED_PRECONDITION on the field)."""
    load(session, school_id).require_open(field, class_group_id, term_id, academic_year_id)


def record(session: Session, outbox: Outbox, school_id: str, event: schedule_pb2.AcademicYearClosed) -> bool:
    """Records the year closed and publishes JournalYearClosed; a year recorded before changes nothing (False)."""
    _lock(session, school_id, exclusive=True)
    year = event.academic_year
    inserted = session.execute(insert(closed_years).values(
        school_id=school_id, academic_year_id=year.id, name=year.name, class_group_ids=list(event.class_group_ids),
        term_ids=[term.id for term in year.terms], closed_at=dt.datetime.now(dt.UTC))
        .on_conflict_do_nothing().returning(closed_years.c.academic_year_id)).first()
    if inserted is None:
        return False
    outbox.add(session, school_id, pb.JournalYearClosed(
        school_id=school_id, academic_year_id=year.id, academic_year_name=year.name,
        class_group_ids=list(event.class_group_ids)))
    return True
