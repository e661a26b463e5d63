"""Recording a closed academic year (J6): schedule's AcademicYearClosed is recorded in the journal and answered
with JournalYearClosed in the same transaction; from then on the journal refuses every change of that year
(domain/closed_year.py).

A change and the recording exclude each other through the school's closed-years lock (adapters/writer_locks.py):
a change holds it shared until it commits (the unit of work takes it before it loads the settings), the recording
exclusively. So every journal event of the year is in the outbox before JournalYearClosed, and no change commits
after it: the year's archive, built after that event, is complete."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from proto.journal.v1 import journal_pb2 as pb
from proto.schedule.v1 import schedule_pb2
from services.common.scope import Scope

if TYPE_CHECKING:
    from services.journal.service_layer.unit_of_work import JournalUnitOfWork


def record_year_closed(scope: Scope, uow: JournalUnitOfWork, event: schedule_pb2.AcademicYearClosed) -> bool:
    """Records the year closed and publishes JournalYearClosed; a year recorded before changes nothing (False)."""
    school_id = scope.school_id
    with uow:
        uow.closed_years.lock()
        year = event.academic_year
        if not uow.closed_years.add(year, list(event.class_group_ids), dt.datetime.now(dt.UTC)):
            return False
        uow.publish(pb.JournalYearClosed(school_id=school_id, academic_year_id=year.id, academic_year_name=year.name,
                                         class_group_ids=list(event.class_group_ids)))
        return True
