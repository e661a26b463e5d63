"""Relay heartbeats and a replica's own reading of events (services.common.event_tail) on the real PostgreSQL and
Kafka: once the reader's current_until() passes a time, every event committed before it has been applied, on every
partition; when the relay stops, current_until() stops."""
import threading
import time
import uuid

import pytest
from sqlalchemy import MetaData

from proto.identity.v1.identity_pb2 import SchoolOnboarded
from services.common.db import Database
from services.common.event_tail import EventTail
from services.common.outbox import Outbox, OutboxRelay
from services.common.schema import messaging_tables
from tests.support import stack

pytestmark = pytest.mark.stack
SERVICE = "tailtest"
PARTITIONS = 3


@pytest.fixture(scope="module")
def url() -> str:
    return stack.messaging_database(SERVICE)


@pytest.fixture(scope="module")
def db(url) -> Database:
    return Database(url)


@pytest.fixture
def box() -> Outbox:
    """An outbox of its own topic with three partitions (as deploy makes the services' topics)."""
    box = Outbox(f"{SERVICE}{uuid.uuid4().hex[:8]}", messaging_tables(MetaData())[0])
    stack.create_topic(box.topic, PARTITIONS)
    return box


def wait_for(condition, seconds: float = 20.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "not within the time allowed"
        time.sleep(0.05)


def test_past_a_heartbeat_on_every_partition_every_event_committed_before_it_was_applied(url, db, box):
    applied: set[str] = set()
    resets = []
    lock = threading.Lock()

    def apply(env):
        with lock:
            applied.add(env.event_id)

    tail = EventTail("test", [box.topic], stack.kafka(), apply=apply, forget_all=lambda: resets.append(1))
    relay = OutboxRelay(db, box.table, stack.kafka(), url.replace("postgresql+psycopg://", "postgresql://"),
                        heartbeat_topic=box.topic, heartbeat_every=0.2)
    tail.start()
    relay.start()
    try:
        wait_for(tail.ready.is_set)
        assert resets == [1], "what was kept before the reading started is forgotten once"
        wait_for(lambda: tail.current_until() > 0)  # every partition brought a heartbeat
        for _ in range(3):
            sent = set()
            for _ in range(6):  # schools spread over the partitions
                school = str(uuid.uuid4())
                with db.tenant_session(school) as session:
                    sent.add(box.add(session, school, SchoolOnboarded(school_id=school)).event_id)
            committed = time.time()
            wait_for(lambda committed=committed: tail.current_until() > committed)
            with lock:
                assert sent <= applied, "current past the commit: its events were applied before"
        relay.stop()
        stopped_at = tail.current_until()
        time.sleep(1.0)  # five heartbeat periods: none comes from a stopped relay
        assert tail.current_until() == stopped_at
    finally:
        relay.stop()
        tail.stop()
