"""Retention of the messaging tables: outbox rows published long ago and inbox rows of events handled long
ago are deleted by a background thread, a few thousand rows a transaction, so it never holds long locks
nor writes a burst of WAL. Unpublished outbox rows and parked inbox rows (error set) are never deleted.

The inbox remembers which events were handled so that a redelivered event changes nothing; it must
remember them for longer than Kafka keeps them (check_inbox_outlives_topics), or a replay from the start
of a topic would apply events a second time.
"""
import datetime as dt
import logging
import threading
from collections.abc import Iterable
from dataclasses import dataclass

from kafka.admin import ConfigResource, ConfigResourceType, KafkaAdminClient
from sqlalchemy import any_, delete, func, select, text

from services.common.db import Database
from services.common.kafka_link import KafkaLink
from services.common.reconnect import KAFKA_CLIENT
from services.common.settings import SettingsError

log = logging.getLogger(__name__)
RETENTION_LOCK = 0x6F74_6D65_7265_746E  # one retention pass per database at a time (replicas)
BATCH = 5000
EVERY = 600.0  # seconds between passes
PAUSE = 0.2  # seconds between full batches: a backlog (after a deploy) is deleted steadily, not as one burst of WAL


class Retention(threading.Thread):
    def __init__(self, db: Database, outbox, inbox, outbox_age: dt.timedelta, inbox_age: dt.timedelta,
                 batch: int = BATCH, every: float = EVERY):
        super().__init__(name="retention", daemon=True)
        self.db = db
        self.outbox = outbox
        self.inbox = inbox
        self.outbox_age = outbox_age
        self.inbox_age = inbox_age
        self.batch = batch
        self.every = every
        self.stop_event = threading.Event()

    def run(self) -> None:
        while not self.stop_event.is_set():
            try:
                outbox, inbox = self.purge()
                if outbox or inbox:
                    log.info("retention deleted %s outbox and %s inbox rows", outbox, inbox)
            except Exception:
                log.exception("retention pass failed, trying again later")
            self.stop_event.wait(self.every)

    def purge(self) -> tuple[int, int]:
        """Deletes batches until nothing old is left (or the service stops); returns the rows deleted."""
        return self._drain(self.delete_old_outbox), self._drain(self.delete_old_inbox)

    def _drain(self, delete_batch) -> int:
        total = 0
        while not self.stop_event.is_set():
            deleted = delete_batch()
            total += deleted
            if deleted < self.batch or self.stop_event.wait(PAUSE):
                break
        return total

    def delete_old_outbox(self) -> int:
        """One transaction: at most `batch` outbox rows published more than outbox_age ago."""
        table = self.outbox
        return self._delete_old(table, table.c.id, table.c.published_at, self.outbox_age)

    def delete_old_inbox(self) -> int:
        """One transaction: at most `batch` handled inbox rows older than inbox_age; parked ones stay."""
        table = self.inbox
        return self._delete_old(table, table.c.event_id, table.c.processed_at, self.inbox_age, table.c.error.is_(None))

    def _delete_old(self, table, key, time, age: dt.timedelta, *also) -> int:
        """The oldest rows first, through the index on `time` (whose entries of rows already deleted are skipped at
        once), then by primary key: a batch costs the same however big the table (`IN (subquery)` scanned it all)."""
        with self.db.system_session() as session:
            if not session.scalar(text("SELECT pg_try_advisory_xact_lock(:key)"), {"key": RETENTION_LOCK}):
                return 0  # another replica is at it
            oldest = select(key).where(time < func.now() - age, *also).order_by(time).limit(self.batch)
            return session.execute(delete(table).where(key == any_(func.array(oldest.scalar_subquery())))).rowcount

    def stop(self) -> None:
        self.stop_event.set()
        self.join(timeout=10)


@dataclass(frozen=True)
class TopicRetention:
    """How long Kafka keeps a topic's events (retention.ms; None: for ever) and how long a segment of its log stays
    open (segment.ms): Kafka deletes whole segments, once their newest event is older than `kept`, so an event may
    stay readable for up to kept + segment."""
    kept: dt.timedelta | None
    segment: dt.timedelta


def topic_retention(kafka: KafkaLink, topics: Iterable[str]) -> dict[str, TopicRetention]:
    """Each topic's retention as the broker reports it."""
    admin = KafkaAdminClient(**kafka.options(), client_id="otmetka-retention-check", **KAFKA_CLIENT)
    try:
        topics = list(topics)
        configs = admin.describe_configs([ConfigResource(ConfigResourceType.TOPIC, topic, configs=[
            "retention.ms", "segment.ms"]) for topic in topics], config_filter="all")["topic"]
    finally:
        admin.close()
    found = {}
    for topic in topics:
        ms = {name: (configs.get(topic, {}).get(name) or {}).get("value") for name in ("retention.ms", "segment.ms")}
        if None in ms.values():
            raise SettingsError(f"Kafka reports no retention.ms for topic {topic}: is it created "
                                "(python -m services.deploy)?")
        kept = int(ms["retention.ms"])
        found[topic] = TopicRetention(None if kept < 0 else dt.timedelta(milliseconds=kept),
                                      dt.timedelta(milliseconds=int(ms["segment.ms"])))
    return found


def check_inbox_outlives_topics(inbox_age: dt.timedelta, topics: dict[str, TopicRetention]) -> None:
    """Raises SettingsError unless the inbox keeps event ids longer than Kafka keeps every consumed topic (retention.ms);
    warns if an event may stay readable longer than the inbox remembers it (retention.ms + segment.ms)."""
    days = inbox_age.total_seconds() / 86400
    for topic, retention in topics.items():
        if retention.kept is None or inbox_age <= retention.kept:
            shown = "for ever" if retention.kept is None else f"{retention.kept.total_seconds() / 86400:g} days"
            raise SettingsError(f"OTMETKA_INBOX_RETENTION_DAYS ({days:g}) must be longer than Kafka keeps topic "
                                f"{topic} ({shown}), or a redelivered event would be applied twice")
        if inbox_age <= retention.kept + retention.segment:
            log.warning("OTMETKA_INBOX_RETENTION_DAYS (%g) is not longer than retention.ms + segment.ms of topic %s "
                        "(%g days): an event replayed from an old segment could be applied twice", days, topic,
                        (retention.kept + retention.segment).total_seconds() / 86400)
