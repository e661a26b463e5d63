"""Idempotent Kafka consumer: each event is handled in the tenant's transaction together with an
inbox row keyed by its event id, so a redelivered event changes nothing. Offsets are committed only
after the handler's transaction commits (at-least-once delivery, exactly-once effect).
"""
import logging
import threading
from collections.abc import Callable

from google.protobuf.message import Message
from kafka import KafkaConsumer
from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from proto.events.v1.envelope_pb2 import Envelope
from services.common import context
from services.common.db import Database

log = logging.getLogger(__name__)

Handler = Callable[[Session, Message, Envelope], None]
MAX_ATTEMPTS = 5


class Stopping(Exception):
    """The service stops while an event is being retried."""


class EventHandlers:
    """Maps event payload types to handlers: handlers.on(MarkRecorded)(fn)."""

    def __init__(self):
        self._by_type: dict[str, tuple[type[Message], Handler]] = {}

    def on(self, message_type: type[Message]):
        def register(fn: Handler) -> Handler:
            self._by_type[message_type.DESCRIPTOR.full_name] = (message_type, fn)
            return fn
        return register

    def get(self, type_name: str):
        return self._by_type.get(type_name)


class IdempotentConsumer:
    def __init__(self, db: Database, inbox, handlers: EventHandlers):
        self.db = db
        self.inbox = inbox
        self.handlers = handlers

    def handle(self, raw: bytes) -> bool:
        """Handles one serialized envelope; returns False if it was a duplicate or not for us."""
        env = Envelope.FromString(raw)
        entry = self.handlers.get(env.type)
        if entry is None:
            return False
        message_type, fn = entry
        payload = message_type()
        env.payload.Unpack(payload)
        tokens = context.bind(None, request_id=env.event_id, trace_parent=env.trace_parent or None)
        try:
            with self.db.tenant_session(env.school_id) as session:
                seen = session.scalar(select(self.inbox.c.event_id).where(self.inbox.c.event_id == env.event_id))
                if seen:
                    return False
                session.execute(insert(self.inbox).values(event_id=env.event_id, school_id=env.school_id,
                                                          type=env.type))
                fn(session, payload, env)
            return True
        finally:
            context.reset(tokens)

    def record_failure(self, raw: bytes, error: str) -> None:
        """Parks an event that keeps failing in the inbox with its error, so the stream moves on."""
        env = Envelope.FromString(raw)
        with self.db.system_session() as session:  # even an envelope whose school id is unusable is parked
            session.execute(insert(self.inbox).values(event_id=env.event_id, school_id=env.school_id,
                                                      type=env.type, error=error[:2000]))


class ConsumerLoop(threading.Thread):
    """Polls the given topics as consumer group otmetka-<service> and feeds an IdempotentConsumer."""

    def __init__(self, service: str, topics: list[str], kafka_bootstrap: str, consumer: IdempotentConsumer):
        super().__init__(name=f"consumer-{service}", daemon=True)
        self.consumer = consumer
        self.stop_event = threading.Event()
        self.ready = threading.Event()  # set once the group has assigned partitions to this consumer
        self.kafka = KafkaConsumer(
            bootstrap_servers=kafka_bootstrap, group_id=f"otmetka-{service}", enable_auto_commit=False,
            auto_offset_reset="earliest", fetch_max_wait_ms=100, client_id=f"otmetka-{service}",
        )
        self.kafka.subscribe(topics)

    def run(self) -> None:
        while not self.stop_event.is_set():
            try:
                batches = self.kafka.poll(timeout_ms=500)
                if self.kafka.assignment():
                    self.ready.set()
                for records in batches.values():
                    for record in records:
                        self._handle_with_retries(record.value)
                if batches:
                    self.kafka.commit()
            except Stopping:
                break  # the event being retried stays uncommitted and comes again after a restart
            except Exception:
                # e.g. the database is down: nothing was committed, so the batch comes again
                log.exception("consumer loop failed, resuming from the last committed offsets")
                self._rewind()
                self.stop_event.wait(2.0)
        self.kafka.close()

    def _rewind(self) -> None:
        try:
            for partition in self.kafka.assignment():
                committed = self.kafka.committed(partition)
                if committed is None:
                    self.kafka.seek_to_beginning(partition)
                else:
                    self.kafka.seek(partition, committed)
        except Exception:
            log.exception("could not rewind to the committed offsets")

    def _handle_with_retries(self, raw: bytes) -> None:
        for attempt in range(1, MAX_ATTEMPTS + 1):
            try:
                self.consumer.handle(raw)
                return
            except Exception as exc:
                log.exception("event handling failed (attempt %s)", attempt)
                if attempt == MAX_ATTEMPTS:
                    self._park(raw, repr(exc))
                    return
                if self.stop_event.wait(0.2 * 2 ** attempt):
                    raise Stopping() from exc

    def _park(self, raw: bytes, error: str) -> None:
        try:
            self.consumer.record_failure(raw, error)
        except Exception:
            log.exception("could not park a failing event; skipping it")

    def stop(self) -> None:
        """Stops polling and leaves the group (so a restarted consumer is assigned at once)."""
        self.stop_event.set()
        self.join(timeout=10)
