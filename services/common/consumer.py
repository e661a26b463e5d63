"""Idempotent Kafka consumer: events are handled in the tenant's transaction together with inbox rows
keyed by their event ids, so a redelivered event changes nothing. Offsets are committed only after the
handlers' transactions commit (at-least-once delivery, exactly-once effect).

A polled batch is applied one transaction per school (events of a school keep their order). If a
school's batch fails, it is rolled back and its events are retried one by one, so one poisoned event
is parked without losing or double-applying the others.

The loop connects to Kafka in its own thread and keeps trying (a bounded backoff) until a broker answers, so a
service starts without Kafka and catches up once it is there; `check` runs then, before it joins its group, and
a SettingsError from it is fatal (the process stops: services.common.readiness).
"""
import logging
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from google.protobuf.message import Message
from kafka import KafkaConsumer
from sqlalchemy import insert, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from proto.events.v1.envelope_pb2 import Envelope
from services.common import context, metrics, tracing
from services.common.db import Database
from services.common.kafka_link import KafkaLink
from services.common.reconnect import KAFKA_CLIENT, KAFKA_TIMEOUT_MS, Backoff
from services.common.settings import SettingsError

log = logging.getLogger(__name__)

Handler = Callable[[Session, Message, Envelope], None]
ManyHandler = Callable[[Session, list[tuple[Message, Envelope]]], None]
MAX_ATTEMPTS = 5
MAX_POLL_RECORDS = 2000  # a backlog is caught up in few, large transactions (one poll-commit cycle each)
# A member that died (kill -9, a crashed pod) holds its partitions until the group coordinator misses its heartbeats
# this long, and its restarted process waits as long for them: kafka-python's default of 45 s kept a restarted service
# unready for 43 s. Heartbeats come from the client's own thread, so a long batch does not count against it.
SESSION_TIMEOUT_MS, HEARTBEAT_INTERVAL_MS = 10_000, 2_000
NO_SCHOOL = str(uuid.UUID(int=0))  # parks events whose school id is not a UUID
# KAFKA_TIMEOUT_MS bounds every wait for the broker (kafka-python waits forever by default): a commit or an offset
# look-up that gets no answer fails, and the loop goes on from the last committed offsets; a stop is never held up
# past it
READY_TIMEOUT = 60.0  # seconds in the group after which a consumer given no partition (more replicas than
# partitions) is ready all the same


class Stopping(Exception):
    """The service stops while an event is being retried."""


class EventHandlers:
    """Maps event payload types to handlers: handlers.on(MarkRecorded)(fn) for fn(session, payload, envelope);
    handlers.on_many(MarkRecorded)(fn) for fn(session, [(payload, envelope), ...]), which gets each run of
    consecutive events with the same handler of a batch at once (in their order). `when` (a predicate of the payload)
    says which events of the type the handler would act on: the others are skipped like a type nobody handles, with
    no transaction and no inbox row (a handler that would change nothing needs no record that it ran)."""

    def __init__(self):
        self._by_type: dict[str, tuple[type[Message], Handler | ManyHandler, bool, Callable | None]] = {}

    def on(self, message_type: type[Message], when: Callable[[Message], bool] | None = None):
        def register(fn: Handler) -> Handler:
            self._by_type[message_type.DESCRIPTOR.full_name] = (message_type, fn, False, when)
            return fn
        return register

    def on_many(self, message_type: type[Message], when: Callable[[Message], bool] | None = None):
        def register(fn: ManyHandler) -> ManyHandler:
            self._by_type[message_type.DESCRIPTOR.full_name] = (message_type, fn, True, when)
            return fn
        return register

    def get(self, type_name: str):
        return self._by_type.get(type_name)


@dataclass(frozen=True)
class Event:
    """A decoded event this service handles."""
    raw: bytes
    envelope: Envelope
    payload: Message
    handler: Handler | ManyHandler
    many: bool  # the handler takes a list of (payload, envelope)


class IdempotentConsumer:
    def __init__(self, db: Database, inbox, handlers: EventHandlers):
        self.db = db
        self.inbox = inbox
        self.handlers = handlers

    def decode(self, raw: bytes) -> Event | None:
        """The event with its payload and handler, or None if this service does not handle it (its type, or `when`)."""
        env = Envelope.FromString(raw)
        entry = self.handlers.get(env.type)
        if entry is None:
            return None
        message_type, fn, many, when = entry
        payload = message_type()
        env.payload.Unpack(payload)
        if when is not None and not when(payload):
            return None
        return Event(raw, env, payload, fn, many)

    def handle(self, raw: bytes) -> bool:
        """Handles one serialized envelope; returns False if it was a duplicate or not for us."""
        event = self.decode(raw)
        return event is not None and self.apply(event.envelope.school_id, [event]) == 1

    def apply(self, school_id: str, events: list[Event]) -> int:
        """Applies events of one school in one transaction, skipping those already in the inbox;
        returns how many were applied. All or nothing: on an error none of them is recorded."""
        tokens = context.bind(None, request_id=events[0].envelope.event_id,
                              trace_parent=events[0].envelope.trace_parent or None)
        try:
            with tracing.handling(e.envelope for e in events), self.db.tenant_session(school_id) as session:
                ids = {e.envelope.event_id for e in events}
                seen = set(session.scalars(select(self.inbox.c.event_id).where(self.inbox.c.event_id.in_(ids))))
                fresh: dict[str, Event] = {}
                for event in events:
                    if event.envelope.event_id not in seen:
                        fresh.setdefault(event.envelope.event_id, event)  # a duplicate within the batch once
                if not fresh:
                    return 0
                session.execute(insert(self.inbox), [
                    {"event_id": e.envelope.event_id, "school_id": school_id, "type": e.envelope.type}
                    for e in fresh.values()])
                dispatch(session, list(fresh.values()))
            metrics.events_applied(e.envelope.type for e in fresh.values())
            return len(fresh)
        finally:
            context.reset(tokens)

    def record_failure(self, raw: bytes, error: str) -> None:
        """Parks an event that keeps failing in the inbox with its error, so the stream moves on."""
        env = Envelope.FromString(raw)
        try:
            school_id = str(uuid.UUID(env.school_id))
        except ValueError:
            school_id = NO_SCHOOL
        with self.db.system_session() as session:  # even an envelope whose school id is unusable is parked
            session.execute(insert(self.inbox).values(event_id=env.event_id, school_id=school_id,
                                                      type=env.type, error=error[:2000]))
        metrics.event_parked(env.type)


def dispatch(session: Session, events: list[Event]) -> None:
    """Calls the handlers in event order; a run of consecutive events with one many-handler goes at once."""
    run: list[Event] = []
    for event in [*events, None]:
        if run and (event is None or event.handler is not run[0].handler):
            run[0].handler(session, [(e.payload, e.envelope) for e in run])
            run = []
        if event is not None and event.many:
            run.append(event)
        elif event is not None:
            event.handler(session, event.payload, event.envelope)


class ConsumerLoop(threading.Thread):
    """Polls the given topics as consumer group otmetka-<service> and feeds an IdempotentConsumer."""

    def __init__(self, service: str, topics: list[str], kafka: KafkaLink, consumer: IdempotentConsumer,
                 check: Callable[[], None] = lambda: None):
        super().__init__(name=f"consumer-{service}", daemon=True)
        self.service = service
        self.topics = topics
        self.link = kafka
        self.consumer = consumer
        self.check = check
        self.stop_event = threading.Event()
        self.ready = threading.Event()  # set once the group has assigned partitions to this consumer
        self.fatal: str | None = None  # why it refuses to run (a configuration error)
        self.kafka: KafkaConsumer | None = None
        self.joined_at = 0.0

    def connect(self) -> KafkaConsumer:
        """A consumer subscribed to the topics, once `check` passed; raises if no broker answers."""
        self.check()
        kafka = KafkaConsumer(
            **self.link.options(), group_id=f"otmetka-{self.service}", enable_auto_commit=False,
            auto_offset_reset="earliest", fetch_max_wait_ms=100, client_id=f"otmetka-{self.service}",
            max_poll_records=MAX_POLL_RECORDS, session_timeout_ms=SESSION_TIMEOUT_MS,
            heartbeat_interval_ms=HEARTBEAT_INTERVAL_MS, **KAFKA_CLIENT,
        )
        kafka.subscribe(self.topics)
        return kafka

    def run(self) -> None:
        backoff = Backoff()
        while self.kafka is None and not self.stop_event.is_set():
            try:
                self.kafka = self.connect()
                self.joined_at = time.monotonic()
            except SettingsError as exc:
                self.fatal = str(exc)
                log.critical("refusing to start: %s", exc)
                return
            except Exception as exc:
                delay = backoff.next()
                log.warning("no Kafka broker at %s (%s), trying again in %s s", self.link.bootstrap, exc, delay)
                self.stop_event.wait(delay)
        while not self.stop_event.is_set():
            try:
                batches = self.kafka.poll(timeout_ms=500)
                if self.kafka.assignment() or time.monotonic() - self.joined_at > READY_TIMEOUT:
                    self.ready.set()
                if batches:
                    self._apply_batch([record.value for records in batches.values() for record in records])
                    self.kafka.commit(timeout_ms=KAFKA_TIMEOUT_MS)
                metrics.consumer_polled(self.kafka, batches)
            except Stopping:
                break  # the event being retried stays uncommitted and comes again after a restart
            except Exception:
                # e.g. the database is down: nothing was committed, so the batch comes again
                log.exception("consumer loop failed, resuming from the last committed offsets")
                self._rewind()
                self.stop_event.wait(2.0)
        if self.kafka is not None:
            self.kafka.close()

    def _rewind(self) -> None:
        try:
            for partition in self.kafka.assignment():
                committed = self.kafka.committed(partition, timeout_ms=KAFKA_TIMEOUT_MS)
                if committed is None:
                    self.kafka.seek_to_beginning(partition)
                else:
                    self.kafka.seek(partition, committed)
        except Exception:
            log.exception("could not rewind to the committed offsets")

    def _apply_batch(self, raws: list[bytes]) -> None:
        """One transaction per school; a school whose transaction fails is retried event by event."""
        by_school: dict[str, list[Event]] = {}
        one_by_one: list[bytes] = []
        for raw in raws:
            try:
                event = self.consumer.decode(raw)
            except Exception:
                log.exception("not an event envelope; skipping it")
                continue
            if event is not None:
                by_school.setdefault(event.envelope.school_id, []).append(event)
        for school_id, events in by_school.items():
            try:
                self.consumer.apply(school_id, events)
            except Exception:
                log.exception("a batch of %s events failed; retrying them one by one", len(events))
                one_by_one.extend(event.raw for event in events)
        for raw in one_by_one:
            self._handle_with_retries(raw)

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
        except OperationalError:
            raise  # the database is unreachable: the loop rewinds and the event comes again
        except Exception:
            log.exception("could not park a failing event; skipping it")

    def stop(self) -> None:
        """Stops polling and leaves the group (so a restarted consumer is assigned at once)."""
        self.stop_event.set()
        self.join(timeout=10)
