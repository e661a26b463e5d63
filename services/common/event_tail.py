"""A process's own reading of other services' events, outside any consumer group: each replica reads every partition
of the topics from their end (what it keeps in memory it fetched after it started reading) and hands each event to
`apply`, nothing committed, no inbox (what it feeds is a copy in memory, rebuilt by asking on a miss).

It also follows the relays' heartbeats (services.common.outbox): once every partition brought one, `current_until()`
is the time before which every event those services committed has been handed to `apply` here (the oldest of the
partitions' latest heartbeats). While the relays or Kafka or this reader are stuck, it stops moving, and a reader of
the copy falls back to its own bound (services.journal.adapters.peer_cache). Times are the services' wall clocks
(epoch seconds): the installation's hosts keep them synchronised.

`forget_all` is called whenever the copy may have missed an event: once the partitions are assigned and positioned at
their ends (what was kept before may have missed one), and after an event that `apply` failed on. Partitions added to
a topic later are not read (restart the process)."""
import logging
import threading
from collections.abc import Callable

from kafka import KafkaConsumer, TopicPartition

from proto.events.v1.envelope_pb2 import Envelope
from services.common.kafka_link import KafkaLink
from services.common.outbox import HEARTBEAT_TYPE
from services.common.reconnect import KAFKA_CLIENT, Backoff

log = logging.getLogger(__name__)


class EventTail(threading.Thread):
    def __init__(self, name: str, topics: list[str], kafka: KafkaLink, apply: Callable[[Envelope], None],
                 forget_all: Callable[[], None]):
        super().__init__(name=f"tail-{name}", daemon=True)
        self.topics = topics
        self.link = kafka
        self.apply = apply
        self.forget_all = forget_all
        self.stop_event = threading.Event()
        self.ready = threading.Event()  # set once positioned at the ends of every partition
        self._heard: dict[TopicPartition, float] = {}  # partition -> its latest heartbeat's time

    def current_until(self) -> float:
        """Every event committed before this time has been applied (0.0 until each partition brought a heartbeat)."""
        heard = self._heard
        return min(heard.values()) if heard and self.ready.is_set() else 0.0

    def connect(self) -> KafkaConsumer:
        """A consumer assigned every partition of the topics, at their ends; raises if a topic is not there yet."""
        kafka = KafkaConsumer(**self.link.options(), group_id=None, enable_auto_commit=False, fetch_max_wait_ms=100,
                              client_id=self.name, **KAFKA_CLIENT)
        try:
            partitions = []
            for topic in self.topics:
                found = kafka.partitions_for_topic(topic)
                if not found:
                    raise LookupError(f"topic {topic} has no partitions yet")
                partitions += [TopicPartition(topic, p) for p in sorted(found)]
            kafka.assign(partitions)
            kafka.seek_to_end(*partitions)
            for partition in partitions:
                kafka.position(partition)  # resolves the end now, before forget_all
        except Exception:
            kafka.close()
            raise
        self.follow(partitions)
        return kafka

    def follow(self, partitions: list[TopicPartition]) -> None:
        """The partitions whose heartbeats count (none heard yet)."""
        self._heard = {partition: 0.0 for partition in partitions}

    def run(self) -> None:
        backoff = Backoff()
        kafka = None
        while kafka is None and not self.stop_event.is_set():
            try:
                kafka = self.connect()
            except Exception as exc:
                delay = backoff.next()
                log.warning("%s: cannot read %s yet (%s), trying again in %s s", self.name, self.topics, exc, delay)
                self.stop_event.wait(delay)
        if kafka is None:
            return
        self.forget_all()
        self.ready.set()
        try:
            while not self.stop_event.is_set():
                try:
                    batches = kafka.poll(timeout_ms=500)
                except Exception:  # nothing was handed out: the next poll goes on from the same positions
                    log.exception("%s: reading failed; trying again", self.name)
                    self.stop_event.wait(1.0)
                    continue
                for partition, records in batches.items():
                    for record in records:
                        self.handle(partition, record.value)
        finally:
            kafka.close()

    def handle(self, partition: TopicPartition, raw: bytes) -> None:
        """One record of a partition: a heartbeat moves the partition's time, an event goes to `apply` first."""
        try:
            env = Envelope.FromString(raw)
        except Exception:
            log.exception("%s: not an event envelope; skipping it", self.name)
            return
        if env.type == HEARTBEAT_TYPE:
            self._heard[partition] = env.occurred_at.ToNanoseconds() / 1e9
            return
        try:
            self.apply(env)
        except Exception:
            log.exception("%s: could not apply a %s event; forgetting every kept answer", self.name, env.type)
            self.forget_all()

    def stop(self) -> None:
        self.stop_event.set()
        self.join(timeout=10)
