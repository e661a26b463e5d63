"""The shared plumbing on the real PostgreSQL and Kafka: row-level security, the outbox relay and
the idempotent consumer."""
import uuid

import pytest
from alembic.migration import MigrationContext
from alembic.operations import Operations
from kafka import KafkaConsumer
from sqlalchemy import MetaData, create_engine, func, select, text

from proto.events.v1.envelope_pb2 import Envelope
from proto.identity.v1.identity_pb2 import SchoolOnboarded
from services import topology
from services.common.consumer import EventHandlers, IdempotentConsumer
from services.common.db import Database
from services.common.migrations import database_name, provision
from services.common.outbox import Outbox, OutboxRelay
from services.common.schema import create_messaging, messaging_tables
from tests.support import stack

pytestmark = pytest.mark.stack
SERVICE = "plumbingtest"


@pytest.fixture(scope="module")
def db() -> Database:
    env = stack.env()
    provision(SERVICE, topology.admin_db_url(env))
    owner = create_engine(topology.owner_db_url(env, SERVICE))
    with owner.begin() as conn:
        conn.execute(text("DROP TABLE IF EXISTS outbox, inbox CASCADE"))
        conn.execute(text("DROP FUNCTION IF EXISTS outbox_notify CASCADE"))
        create_messaging(Operations(MigrationContext.configure(conn)))
        conn.execute(text(f"GRANT SELECT, INSERT, UPDATE, DELETE ON outbox, inbox TO {SERVICE}_app"))
    owner.dispose()
    assert database_name(SERVICE) in topology.app_db_url(env, SERVICE)
    return Database(topology.app_db_url(env, SERVICE))


@pytest.fixture(scope="module")
def tables():
    return messaging_tables(MetaData())


def test_rows_of_one_school_are_invisible_to_another_and_to_no_tenant(db, tables):
    outbox, _ = tables
    school_a, school_b = str(uuid.uuid4()), str(uuid.uuid4())
    with db.tenant_session(school_a) as session:
        Outbox(SERVICE, outbox).add(session, school_a, SchoolOnboarded(school_id=school_a, name="A"))
    with db.tenant_session(school_b) as session:
        assert session.scalar(select(func.count()).select_from(outbox).where(outbox.c.school_id == school_a)) == 0
    with db.engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(outbox)) == 0, "no tenant bound: nothing visible"
    with db.tenant_session(school_a) as session:
        assert session.scalar(select(func.count()).select_from(outbox).where(outbox.c.school_id == school_a)) == 1


def test_a_tenant_cannot_write_rows_of_another_school(db, tables):
    outbox, _ = tables
    with pytest.raises(Exception, match="row-level security"):
        with db.tenant_session(str(uuid.uuid4())) as session:
            Outbox(SERVICE, outbox).add(session, str(uuid.uuid4()), SchoolOnboarded(name="чужая"))


def test_relay_publishes_and_the_consumer_applies_each_event_once(db, tables):
    outbox, inbox = tables
    school = str(uuid.uuid4())
    box = Outbox(f"{SERVICE}{uuid.uuid4().hex[:8]}", outbox)
    kafka = KafkaConsumer(box.topic, **stack.kafka().options(), auto_offset_reset="earliest",
                          consumer_timeout_ms=15000)
    with db.tenant_session(school) as session:
        sent = box.add(session, school, SchoolOnboarded(school_id=school, name="Школа № 7"))
    relay = OutboxRelay(db, outbox, stack.kafka(), "")
    try:
        while relay.publish_pending():
            pass
    finally:
        relay.producer.close()
    record = next(iter(kafka))
    kafka.close()
    assert record.key == school.encode()
    envelope = Envelope.FromString(record.value)
    assert envelope.event_id == sent.event_id and envelope.school_id == school

    applied = []
    handlers = EventHandlers()
    handlers.on(SchoolOnboarded)(lambda session, msg, env: applied.append(msg.name))
    consumer = IdempotentConsumer(db, inbox, handlers)
    assert consumer.handle(record.value) is True
    assert consumer.handle(record.value) is False, "a redelivered event changes nothing"
    assert applied == ["Школа № 7"]
    with db.tenant_session(school) as session:
        assert session.scalar(select(outbox.c.published_at).where(outbox.c.id == sent.event_id)) is not None
