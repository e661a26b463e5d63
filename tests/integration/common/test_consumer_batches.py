"""The consumer loop on the real Kafka and PostgreSQL: a polled batch is applied once per school in one
transaction, a redelivered batch changes nothing, and one poisoned event is parked while the others of
its batch are applied exactly once. Offsets are committed after the database commit."""
import os
import time
import uuid

import pytest
from alembic.migration import MigrationContext
from alembic.operations import Operations
from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from sqlalchemy import MetaData, create_engine, func, select, text

from proto.identity.v1.identity_pb2 import SchoolOnboarded
from services import topology
from services.common import consumer as consumer_module
from services.common.consumer import ConsumerLoop, EventHandlers, IdempotentConsumer
from services.common.db import Database
from services.common.migrations import provision
from services.common.outbox import envelope
from services.common.schema import create_messaging, messaging_tables
from tests.support import stack

pytestmark = pytest.mark.stack
SERVICE = "consumertest"
POISON = "яд"


@pytest.fixture(scope="module")
def db() -> Database:
    env = stack.env()
    database = f"otmetka_{SERVICE}_it{os.environ.get('OTMETKA_IT_DB_SUFFIX', '')}"
    provision(SERVICE, topology.admin_db_url(env), database)
    owner = create_engine(topology.owner_db_url(env, SERVICE, database))
    with owner.begin() as conn:
        conn.execute(text("DROP TABLE IF EXISTS outbox, inbox, effects CASCADE"))
        conn.execute(text("DROP FUNCTION IF EXISTS outbox_notify CASCADE"))
        create_messaging(Operations(MigrationContext.configure(conn)))
        conn.execute(text("CREATE TABLE effects (event_id uuid NOT NULL, school_id uuid NOT NULL, txid bigint NOT NULL)"))
        conn.execute(text(f"GRANT SELECT, INSERT, UPDATE, DELETE ON outbox, inbox, effects TO {SERVICE}_app"))
    owner.dispose()
    return Database(topology.app_db_url(env, SERVICE, database))


@pytest.fixture(scope="module")
def inbox():
    return messaging_tables(MetaData())[1]


def record_effect(session, event: SchoolOnboarded, env) -> None:
    """The handler: one row per applied event, with its transaction; the poisoned event fails."""
    if event.name == POISON:
        raise ValueError("отравленное событие")
    session.execute(text("INSERT INTO effects VALUES (:e, :s, txid_current())"),
                    {"e": env.event_id, "s": env.school_id})


def consumer(db, inbox) -> IdempotentConsumer:
    handlers = EventHandlers()
    handlers.on(SchoolOnboarded)(record_effect)
    return IdempotentConsumer(db, inbox, handlers)


def publish(topic: str, events: list) -> None:
    """The events on a new topic of three partitions (as deploy makes the services'), each send acknowledged."""
    stack.create_topic(topic, partitions=3)
    producer = KafkaProducer(**stack.kafka().options())
    sent = [producer.send(topic, key=event.school_id.encode(), value=event.SerializeToString()) for event in events]
    producer.flush()
    for future in sent:
        future.get(timeout=30)
    producer.close()


def events_of(schools: list[str], per_school: int, poison_at: int | None = None) -> list:
    events = []
    for i in range(per_school):
        for school in schools:
            name = POISON if (i == poison_at and school == schools[0]) else f"Школа {i}"
            events.append(envelope(school, SchoolOnboarded(school_id=school, name=name), actor="test"))
    return events


def run_loop(db, inbox, topic: str, group: str, until) -> ConsumerLoop:
    loop = ConsumerLoop(group, [topic], stack.kafka(), consumer(db, inbox))
    loop.start()
    deadline = time.monotonic() + 60
    try:
        while not until() and time.monotonic() < deadline:
            time.sleep(0.2)
    finally:
        loop.stop()
    assert until(), "the consumer did not get there within 60 s"
    return loop


def effects(db, schools: list[str]) -> list[tuple[str, str, int]]:
    rows = []
    for school in schools:
        with db.tenant_session(school) as session:
            rows += session.execute(text("SELECT event_id::text, school_id::text, txid FROM effects "
                                         "WHERE school_id = :s"), {"s": school}).all()
    return rows


def inbox_rows(db, inbox, schools: list[str]) -> list:
    with db.system_session() as session:
        return session.execute(select(inbox.c.event_id, inbox.c.error).where(inbox.c.school_id.in_(schools))).all()


def committed(topic: str, group: str) -> int:
    kafka = KafkaConsumer(**stack.kafka().options(), group_id=f"otmetka-{group}")
    try:
        # bounded: the caller polls this until its own deadline, which an unanswered call would never reach
        return sum(kafka.committed(TopicPartition(topic, p), timeout_ms=10_000) or 0
                   for p in kafka.partitions_for_topic(topic))
    finally:
        kafka.close()


def test_a_batch_is_applied_once_per_school_in_one_transaction_and_redelivery_changes_nothing(db, inbox):
    topic, group = f"consumertest-{uuid.uuid4().hex[:8]}", f"ct{uuid.uuid4().hex[:8]}"
    schools = [str(uuid.uuid4()), str(uuid.uuid4())]
    sent = events_of(schools, per_school=20)
    publish(topic, sent)

    run_loop(db, inbox, topic, group, until=lambda: len(effects(db, schools)) == 40)
    rows = effects(db, schools)
    assert sorted(r[0] for r in rows) == sorted(e.event_id for e in sent), "every event applied exactly once"
    assert len({r[2] for r in rows}) == 2, "one transaction per school"
    assert committed(topic, group) == 40, "offsets committed after the database commit"

    again = f"ct{uuid.uuid4().hex[:8]}"  # another group reads the topic from the start: a redelivery
    run_loop(db, inbox, topic, again, until=lambda: committed(topic, again) == 40)
    assert len(effects(db, schools)) == 40, "a redelivered batch changes nothing"
    assert len(inbox_rows(db, inbox, schools)) == 40


def test_one_poisoned_event_is_parked_and_the_rest_of_its_batch_applied_once(db, inbox, monkeypatch):
    monkeypatch.setattr(consumer_module, "MAX_ATTEMPTS", 2)
    topic, group = f"consumertest-{uuid.uuid4().hex[:8]}", f"ct{uuid.uuid4().hex[:8]}"
    schools = [str(uuid.uuid4()), str(uuid.uuid4())]
    sent = events_of(schools, per_school=10, poison_at=4)
    poisoned = next(e for e in sent if e.school_id == schools[0] and _name(e) == POISON)
    no_school = envelope("не-школа", SchoolOnboarded(name="без школы"), actor="test")
    publish(topic, [*sent[:7], no_school, *sent[7:]])

    run_loop(db, inbox, topic, group, until=lambda: committed(topic, group) == 21)
    rows = effects(db, schools)
    assert sorted(r[0] for r in rows) == sorted(e.event_id for e in sent if e is not poisoned)
    parked = {event_id: error for event_id, error in inbox_rows(db, inbox, schools) if error}
    assert list(parked) == [poisoned.event_id] and "отравленное событие" in parked[poisoned.event_id]
    with db.system_session() as session:
        assert session.scalar(select(func.count()).select_from(inbox).where(inbox.c.school_id.in_(schools))) == 20
        assert session.execute(select(inbox.c.school_id, inbox.c.error).where(
            inbox.c.event_id == no_school.event_id)).one()[0] == consumer_module.NO_SCHOOL, "parked under no school"


def _name(env) -> str:
    payload = SchoolOnboarded()
    env.payload.Unpack(payload)
    return payload.name
