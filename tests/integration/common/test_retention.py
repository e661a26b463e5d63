"""Retention of the outbox and the inbox, and the relay's batches, on the real PostgreSQL and Kafka."""
import datetime as dt
import threading
import time
import uuid

import pytest
from kafka import KafkaConsumer
from sqlalchemy import MetaData, create_engine, insert, select, text, update

from proto.events.v1.envelope_pb2 import Envelope
from proto.identity.v1.identity_pb2 import SchoolOnboarded
from services import topology
from services.common.db import Database
from services.common.outbox import Outbox, OutboxRelay
from services.common.retention import RETENTION_LOCK, Retention, TopicRetention, topic_retention
from services.common.schema import messaging_tables
from services.common.settings import SettingsError
from tests.support import stack

pytestmark = pytest.mark.stack
OUTBOX_AGE, INBOX_AGE = dt.timedelta(hours=72), dt.timedelta(days=14)


@pytest.fixture
def db() -> Database:
    """A fresh, empty outbox and inbox for each test: the tests count what retention deletes, so no row another
    test left may be there."""
    database = Database(stack.messaging_database("retention"))
    yield database
    database.engine.dispose()


@pytest.fixture(scope="module")
def tables():
    return messaging_tables(MetaData())


def add_events(db: Database, outbox, count: int, service: str = "retentiontest") -> tuple[str, list[str]]:
    school = str(uuid.uuid4())
    with db.tenant_session(school) as session:
        sent = Outbox(service, outbox).add_all(session, school, [SchoolOnboarded(name=f"№ {i}") for i in range(count)])
    return school, [env.event_id for env in sent]


def set_published(db: Database, outbox, ids: list[str], ago: dt.timedelta | None) -> None:
    with db.system_session() as session:
        session.execute(update(outbox).where(outbox.c.id.in_(ids))
                        .values(published_at=None if ago is None else dt.datetime.now(dt.UTC) - ago,
                                created_at=dt.datetime.now(dt.UTC) - OUTBOX_AGE * 2))


def add_inbox(db: Database, inbox, count: int, ago: dt.timedelta, error: str | None = None) -> list[str]:
    ids = [str(uuid.uuid4()) for _ in range(count)]
    with db.system_session() as session:
        session.execute(insert(inbox), [dict(event_id=i, school_id=str(uuid.uuid4()), type="t", error=error,
                                             processed_at=dt.datetime.now(dt.UTC) - ago) for i in ids])
    return ids


def remaining(db: Database, key, ids: list[str]) -> set[str]:
    with db.system_session() as session:
        return set(session.scalars(select(key).where(key.in_(ids))))


def retention(db, tables, batch: int, every: float = 600.0) -> Retention:
    return Retention(db, *tables, OUTBOX_AGE, INBOX_AGE, batch=batch, every=every)


def test_only_outbox_rows_published_long_ago_go_and_a_batch_at_a_time(db, tables):
    outbox, _ = tables
    _, ids = add_events(db, outbox, 11)
    old, recent, unpublished = ids[:7], ids[7:9], ids[9:]
    set_published(db, outbox, old, OUTBOX_AGE + dt.timedelta(minutes=1))
    set_published(db, outbox, recent, OUTBOX_AGE - dt.timedelta(minutes=5))
    set_published(db, outbox, unpublished, None)  # created long ago, never published
    worker = retention(db, tables, batch=3)
    assert [worker.delete_old_outbox() for _ in range(4)] == [3, 3, 1, 0]
    assert remaining(db, outbox.c.id, ids) == set(recent + unpublished)


def test_the_oldest_rows_go_first(db, tables):
    outbox, _ = tables
    _, ids = add_events(db, outbox, 4)
    for event_id, days in zip(ids, (4, 10, 6, 8), strict=True):
        set_published(db, outbox, [event_id], dt.timedelta(days=days))
    assert retention(db, tables, batch=2).delete_old_outbox() == 2
    assert remaining(db, outbox.c.id, ids) == {ids[0], ids[2]}


def test_only_handled_inbox_rows_older_than_its_retention_go_never_parked_ones(db, tables):
    _, inbox = tables
    old = add_inbox(db, inbox, 4, INBOX_AGE + dt.timedelta(hours=1))
    parked = add_inbox(db, inbox, 2, INBOX_AGE * 3, error="ValueError('сломано')")
    recent = add_inbox(db, inbox, 2, INBOX_AGE - dt.timedelta(hours=1))
    worker = retention(db, tables, batch=3)
    assert [worker.delete_old_inbox() for _ in range(3)] == [3, 1, 0]
    assert remaining(db, inbox.c.event_id, old + parked + recent) == set(parked + recent)


def test_a_pass_drains_every_batch_and_the_worker_stops_cleanly(db, tables):
    outbox, inbox = tables
    _, ids = add_events(db, outbox, 5)
    set_published(db, outbox, ids, OUTBOX_AGE * 2)
    old_inbox = add_inbox(db, inbox, 5, INBOX_AGE * 2)
    worker = retention(db, tables, batch=2, every=3600.0)
    worker.start()
    deadline = time.monotonic() + 20
    while (remaining(db, outbox.c.id, ids) or remaining(db, inbox.c.event_id, old_inbox)) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not remaining(db, outbox.c.id, ids) and not remaining(db, inbox.c.event_id, old_inbox)
    started = time.monotonic()
    worker.stop()  # it sleeps for an hour between passes: stopping must not wait for that
    assert not worker.is_alive() and time.monotonic() - started < 2


def test_one_replica_deletes_at_a_time(db, tables):
    outbox, _ = tables
    _, ids = add_events(db, outbox, 2)
    set_published(db, outbox, ids, OUTBOX_AGE * 2)
    held, release = threading.Event(), threading.Event()

    def other_replica():
        with db.system_session() as session:
            session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": RETENTION_LOCK})
            held.set()
            release.wait(10)

    thread = threading.Thread(target=other_replica)
    thread.start()
    try:
        assert held.wait(10)
        assert retention(db, tables, batch=10).delete_old_outbox() == 0
    finally:
        release.set()
        thread.join()
    assert retention(db, tables, batch=10).delete_old_outbox() == 2


def test_the_relay_publishes_a_backlog_in_batches_in_order_and_marks_it(db, tables):
    outbox, _ = tables
    with db.system_session() as session:  # what the other tests left unpublished is not this test's backlog
        session.execute(update(outbox).where(outbox.c.published_at.is_(None)).values(published_at=text("now()")))
    service = f"retentiontest{uuid.uuid4().hex[:8]}"
    schools = [add_events(db, outbox, 900, service) for _ in range(3)]
    relay = OutboxRelay(db, outbox, stack.kafka(), "", batch=1000)
    try:
        counts = [relay.publish_pending() for _ in range(4)]
    finally:
        relay.producer.close()
    assert counts == [1000, 1000, 700, 0]
    every_id = [event_id for _, ids in schools for event_id in ids]
    with db.system_session() as session:
        assert session.scalar(select(text("count(*)")).select_from(outbox)
                              .where(outbox.c.id.in_(every_id), outbox.c.published_at.is_(None))) == 0
    kafka = KafkaConsumer(Outbox(service, outbox).topic, **stack.kafka().options(), auto_offset_reset="earliest",
                          consumer_timeout_ms=10000)
    received: dict[str, list[str]] = {}
    for record in kafka:
        env = Envelope.FromString(record.value)
        received.setdefault(env.school_id, []).append(env.event_id)
        if sum(map(len, received.values())) == len(every_id):
            break
    kafka.close()
    assert received == dict(schools), "each school's events arrive once each, in the order they were written"


def test_kafka_reports_how_long_it_keeps_each_topic():
    kept = topic_retention(stack.kafka(), ["otmetka.journal.events"])
    assert kept == {"otmetka.journal.events": TopicRetention(dt.timedelta(hours=24), dt.timedelta(days=7))}, \
        "infra/stack.sh sets log.retention.hours=24; segment.ms is Kafka's default"
    with pytest.raises(SettingsError, match="services.deploy"):
        topic_retention(stack.kafka(), [f"otmetka.missing{uuid.uuid4().hex}.events"])


@pytest.mark.parametrize("service", topology.SERVICES)
def test_every_service_indexes_its_messaging_tables_for_retention(service):
    engine = create_engine(stack.deployed(service))
    with engine.connect() as conn:
        indexes = set(conn.scalars(text("SELECT indexname FROM pg_indexes WHERE tablename IN ('outbox', 'inbox')")))
    engine.dispose()
    assert {"outbox_published", "inbox_handled"} <= indexes
