"""Transactional outbox: events are written in the same transaction as the change, and a relay
thread publishes them to Kafka, retrying until the broker acknowledges. PostgreSQL NOTIFY wakes the
relay as soon as an outbox row commits; a slow periodic pass catches anything missed.

The relay connects to Kafka when it starts and, while Kafka or PostgreSQL is down, keeps the events in the outbox and
tries again (a bounded backoff): nothing is marked published before the broker acknowledged it. It is `ready` once a
broker has answered it.

Heartbeats (`heartbeat_every` seconds, the services' relays: services.common.runtime): after a pass that emptied the
outbox, the relay sends every partition of its topic an envelope of type HEARTBEAT_TYPE whose occurred_at is when that
pass began to read. Every event committed before that time was published before the heartbeat, in the partition's
order, so a reader that has seen a heartbeat of time T on every partition has seen every event committed before T
(services.common.event_tail: how a journal replica knows its copies of schedule's and identity's answers are current).
Consumers of events skip the type (no handler for it).
"""
import datetime as dt
import functools
import logging
import threading
import time
import uuid

import psycopg
from google.protobuf.any_pb2 import Any
from google.protobuf.message import Message
from kafka import KafkaProducer
from kafka.partitioner import DefaultPartitioner
from kafka.partitioner.default import murmur2
from sqlalchemy import any_, bindparam, select, text, update
from sqlalchemy.dialects.postgresql import ARRAY, UUID
from sqlalchemy.orm import Session

from proto.events.v1.envelope_pb2 import Envelope
from services.common import context, row_arrays, tracing
from services.common.db import CONNECT_TIMEOUT, Database
from services.common.kafka_link import KafkaLink
from services.common.reconnect import KAFKA_CLIENT, Backoff

log = logging.getLogger(__name__)
RELAY_LOCK = 0x6F74_6D65_6F75_7462  # any constant the services' databases use for nothing else
RELAY_BATCH = 5000  # events a transaction: the best of 500, 2,000 and 5,000 in bench/relay_rate.py
PRODUCER_BATCH_BYTES = 256 * 1024  # Kafka request batches per partition: a relay batch goes in few requests
HEARTBEAT_TYPE = "otmetka.outbox.Heartbeat"  # an envelope without payload or school: "published up to occurred_at"
IDLE_WAIT = 2.0  # seconds the relay waits for a NOTIFY before it looks at the outbox again
HEARTBEAT_SECONDS = 1.0  # the services' relays: a heartbeat a second when idle (readers allow 5 s: event_tail)


def topic_of(service: str) -> str:
    return f"otmetka.{service}.events"


def envelope(school_id: str, payload: Message, actor: str | None = None) -> Envelope:
    env = Envelope(
        event_id=str(uuid.uuid4()), type=payload.DESCRIPTOR.full_name, school_id=school_id,
        actor=actor if actor is not None else _current_actor(), trace_parent=context.trace_parent(),
    )
    env.occurred_at.FromDatetime(dt.datetime.now(dt.UTC))
    packed = Any()
    packed.Pack(payload)
    env.payload.CopyFrom(packed)
    return env


def _current_actor() -> str:
    caller = context.caller_or_none()
    return caller.actor if caller else "system"


class Outbox:
    """Writes events of one service into its outbox table, inside the caller's transaction."""

    def __init__(self, service: str, table):
        self.topic = topic_of(service)
        self.table = table

    def add(self, session: Session, school_id: str, payload: Message) -> Envelope:
        """The message key is the school id: one school's events share a partition and stay in order."""
        return self.add_all(session, school_id, [payload])[0]

    def add_all(self, session: Session, school_id: str, payloads: list[Message]) -> list[Envelope]:
        """Several events of one change (up to thousands) in the given order, in one statement per
        row_arrays.CHUNK."""
        envelopes = [envelope(school_id, payload) for payload in payloads]
        row_arrays.insert(session, self.table, [
            dict(id=env.event_id, school_id=school_id, topic=self.topic, key=school_id, type=env.type,
                 payload=env.SerializeToString()) for env in envelopes])
        return envelopes


class KeyPartitioner(DefaultPartitioner):
    """Kafka's default partition of a key (murmur2, as every client computes it), remembering each key's hash: a
    backlog's keys are a few schools, and the pure-Python hash was a quarter of the relay's time to send."""

    hash = staticmethod(functools.lru_cache(maxsize=8192)(murmur2))

    def partition(self, topic, key, serialized_key, value, serialized_value, cluster):
        if serialized_key is None:
            return super().partition(topic, key, serialized_key, value, serialized_value, cluster)
        partitions = sorted(cluster.partitions_for_topic(topic))
        return partitions[(self.hash(serialized_key) & 0x7FFFFFFF) % len(partitions)]


def heartbeat(drained_at: float) -> bytes:
    """The serialized heartbeat envelope: every event committed before drained_at (epoch seconds) is published."""
    env = Envelope(event_id=str(uuid.uuid4()), type=HEARTBEAT_TYPE, actor="system")
    env.occurred_at.FromNanoseconds(int(drained_at * 1e9))
    return env.SerializeToString()


class OutboxRelay(threading.Thread):
    def __init__(self, db: Database, table, kafka: KafkaLink, listen_dsn: str, batch: int = RELAY_BATCH,
                 heartbeat_topic: str | None = None, heartbeat_every: float = HEARTBEAT_SECONDS, clock=time.time):
        super().__init__(name="outbox-relay", daemon=True)
        self.db = db
        self.table = table
        self.batch = batch
        self.heartbeat_topic = heartbeat_topic  # None: no heartbeats
        self.heartbeat_every = heartbeat_every
        self.clock = clock
        self.drained_at: float | None = None  # when the last pass that emptied the outbox began to read it
        self._beaten_at = 0.0
        self.link = kafka
        self.listen_dsn = listen_dsn
        self.stop_event = threading.Event()
        self.ready = threading.Event()  # set once a broker has answered
        self._producer: KafkaProducer | None = None
        self.mark_published = (update(table).where(table.c.id == any_(bindparam("ids", type_=ARRAY(UUID(as_uuid=False)))))
                               .values(published_at=bindparam("now")))

    @property
    def producer(self) -> KafkaProducer:
        return self.connect()

    def connect(self) -> KafkaProducer:
        """The producer, connected on first use; raises if no broker answers."""
        if self._producer is None:
            self._producer = KafkaProducer(
                **self.link.options(), acks="all", linger_ms=2, retries=5, client_id="outbox-relay",
                batch_size=PRODUCER_BATCH_BYTES, partitioner=KeyPartitioner(), **KAFKA_CLIENT,
                # idempotent (the default with acks=all): a retried request cannot reorder events
            )
            self.ready.set()
        return self._producer

    def run(self) -> None:
        backoff = Backoff()
        while not self.stop_event.is_set():
            try:
                self.connect()  # before reading the outbox: its events wait there until a broker answers
                with psycopg.connect(self.listen_dsn, autocommit=True, connect_timeout=CONNECT_TIMEOUT) as conn:
                    conn.execute("LISTEN outbox")
                    while not self.stop_event.is_set():
                        while self.publish_pending() == self.batch:
                            pass
                        self.beat()
                        backoff.reset()
                        for _ in conn.notifies(timeout=self.wait, stop_after=1):
                            pass
            except Exception:
                delay = backoff.next()
                log.exception("outbox relay failed, the events stay in the outbox; trying again in %s s", delay)
                self.stop_event.wait(delay)

    @property
    def wait(self) -> float:
        return min(IDLE_WAIT, self.heartbeat_every) if self.heartbeat_topic else IDLE_WAIT

    def publish_pending(self) -> int:
        """Publishes one batch of unpublished events in commit order; returns how many were published.
        One relay at a time per database (an advisory lock), so replicas never reorder events."""
        with self.db.system_session() as session:
            if not session.scalar(text("SELECT pg_try_advisory_xact_lock(:key)"), {"key": RELAY_LOCK}):
                return 0
            reading_from = self.clock()  # the statement below sees every row committed before this
            rows = session.execute(
                select(self.table.c.id, self.table.c.topic, self.table.c.key, self.table.c.payload)
                .where(self.table.c.published_at.is_(None))
                .order_by(self.table.c.seq).limit(self.batch)
            ).all()
            if rows:
                self._publish(session, rows)
            if len(rows) < self.batch:  # the outbox was emptied, up to what committed before reading_from
                self.drained_at = reading_from
            return len(rows)

    def _publish(self, session: Session, rows) -> None:
        """Sends the rows, waits for the broker's acknowledgements, then marks them published."""
        self._send_all([self.producer.send(r.topic, key=r.key.encode(), value=r.payload,
                                           headers=tracing.event_headers(r.payload)) for r in rows])
        # one array parameter, not a bind per row: the statement is the same text whatever the batch
        session.execute(self.mark_published, {"ids": [r.id for r in rows], "now": dt.datetime.now(dt.UTC)})

    def _send_all(self, futures: list) -> None:
        """Waits until the broker acknowledged every message sent (raises if one was refused)."""
        self.producer.flush(timeout=10)
        for future in futures:
            future.get(timeout=10)

    def beat(self) -> None:
        """Sends the heartbeat of the last pass that emptied the outbox to every partition of the topic, at most
        every `heartbeat_every` seconds; nothing when this replica did not relay (another holds the lock)."""
        drained_at, self.drained_at = self.drained_at, None
        if self.heartbeat_topic is None or drained_at is None or drained_at - self._beaten_at < self.heartbeat_every:
            return
        value = heartbeat(drained_at)
        self._send_all([self.producer.send(self.heartbeat_topic, value=value, partition=partition)
                        for partition in sorted(self.producer.partitions_for(self.heartbeat_topic) or ())])
        self._beaten_at = drained_at

    def stop(self) -> None:
        self.stop_event.set()
        self.join(timeout=10)
        if self._producer is not None:
            self._producer.close(timeout=5)
