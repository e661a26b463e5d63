"""The year-end barrier on the real PostgreSQL: ReportingYearReady is written through the outbox once reporting has
seen both schedule's AcademicYearClosed and the journal's JournalYearClosed of a year, in either order, in one batch
or from two replicas at once, and never again."""
import threading
import uuid

import pytest
from sqlalchemy import select

from proto.events.v1.envelope_pb2 import Envelope
from proto.journal.v1 import journal_pb2 as journal
from proto.reporting.v1 import reporting_pb2
from proto.schedule.v1 import schedule_pb2 as schedule
from services.common.consumer import IdempotentConsumer
from services.common.outbox import envelope
from services.common.scope import Scope
from services.reporting.adapters import tables
from services.reporting.domain.year_closing import JOURNAL, SCHEDULE, YearClosingHalf
from services.reporting.entrypoints.consumers import handlers, outbox
from services.reporting.service_layer.unit_of_work import ReportingUnitOfWork
from services.reporting.service_layer.year_closing import record_year_closing

pytestmark = pytest.mark.stack


class Year:
    def __init__(self):
        self.school_id, self.id = str(uuid.uuid4()), str(uuid.uuid4())
        self.groups = sorted(str(uuid.uuid4()) for _ in range(2))

    def schedule_closed(self) -> bytes:
        event = schedule.AcademicYearClosed(academic_year=schedule.AcademicYear(
            id=self.id, school_id=self.school_id, name="2025/2026", status="closed"), class_group_ids=self.groups)
        return envelope(self.school_id, event, actor="test").SerializeToString()

    def journal_closed(self) -> bytes:
        event = journal.JournalYearClosed(school_id=self.school_id, academic_year_id=self.id,
                                          academic_year_name="2025/2026", class_group_ids=self.groups[::-1])
        return envelope(self.school_id, event, actor="test").SerializeToString()


def ready_events(db, school_id: str) -> list[reporting_pb2.ReportingYearReady]:
    with db.tenant_session(school_id) as session:
        raws = session.scalars(select(tables.outbox.c.payload).where(
            tables.outbox.c.type == reporting_pb2.ReportingYearReady.DESCRIPTOR.full_name)).all()
    events = []
    for raw in raws:
        event = reporting_pb2.ReportingYearReady()
        Envelope.FromString(raw).payload.Unpack(event)
        events.append(event)
    return events


@pytest.mark.parametrize("journal_first", [False, True], ids=["schedule_first", "journal_first"])
def test_ready_once_both_closings_arrived(db, journal_first):
    year = Year()
    consumer = IdempotentConsumer(db, tables.inbox, handlers)
    first, second = (year.journal_closed, year.schedule_closed) if journal_first else (year.schedule_closed,
                                                                                       year.journal_closed)
    assert consumer.handle(first()) is True
    assert ready_events(db, year.school_id) == [], "half the barrier: nothing yet"
    raw = second()
    assert consumer.handle(raw) is True
    (event,) = ready_events(db, year.school_id)
    assert (event.school_id, event.academic_year_id, event.academic_year_name) == (year.school_id, year.id,
                                                                                   "2025/2026")
    assert list(event.class_group_ids) == year.groups
    assert consumer.handle(raw) is False  # redelivered: the inbox
    assert consumer.handle(first()) is True and consumer.handle(second()) is True  # re-published: new event ids
    assert len(ready_events(db, year.school_id)) == 1


def test_both_closings_in_one_batch(db):
    year = Year()
    consumer = IdempotentConsumer(db, tables.inbox, handlers)
    events = [consumer.decode(raw) for raw in (year.journal_closed(), year.schedule_closed(), year.journal_closed())]
    assert consumer.apply(year.school_id, events) == 3
    assert [e.academic_year_id for e in ready_events(db, year.school_id)] == [year.id]


def test_two_replicas_recording_the_halves_at_once_write_it_once(db):
    """The second transaction waits on the year's row and then sees the first half committed."""
    year = Year()
    results = []

    def half(which: str) -> YearClosingHalf:
        return YearClosingHalf(year.id, "2025/2026", tuple(year.groups), which)

    def journal_half():
        results.append(record_year_closing(half(JOURNAL), ReportingUnitOfWork(db, outbox,
                                                                                Scope.of_event(year.school_id))))

    other = threading.Thread(target=journal_half)
    with db.tenant_session(year.school_id) as session:  # this replica's transaction stays open a while
        assert record_year_closing(half(SCHEDULE), ReportingUnitOfWork.joining(
            session, outbox, Scope.of_event(year.school_id))) is False
        other.start()
        other.join(1.0)
        assert other.is_alive(), "the other replica waits for this transaction"
    other.join(10)
    assert results == [True]
    assert len(ready_events(db, year.school_id)) == 1


def test_another_schools_closing_does_not_complete_the_barrier(db):
    year = Year()
    consumer = IdempotentConsumer(db, tables.inbox, handlers)
    consumer.handle(year.schedule_closed())
    stranger = Year()
    stranger.id = year.id
    consumer.handle(stranger.journal_closed())
    assert ready_events(db, year.school_id) == [] and ready_events(db, stranger.school_id) == []
