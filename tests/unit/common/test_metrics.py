"""A service's metrics: its consumer's lag per topic, its connection pool's use, /metrics on its own port bound at
once, events applied and parked by type."""
import socket
from collections import namedtuple

import pytest
import requests
from kafka import TopicPartition
from prometheus_client import REGISTRY
from sqlalchemy import create_engine
from sqlalchemy.pool import QueuePool

from services.common import database_gauges, metrics
from services.common.db import Database

Record = namedtuple("Record", "offset")
MARKS, PEOPLE = "otmetka.journal.events", "otmetka.identity.events"


class FakeKafka:
    """What consumer_polled asks a KafkaConsumer: its partitions and their high watermarks."""

    def __init__(self, highwater: dict):
        self.high = highwater

    def assignment(self):
        return set(self.high)

    def highwater(self, partition):
        return self.high[partition]


def lag(topic: str) -> float:
    return REGISTRY.get_sample_value("otmetka_consumer_lag_events", {"topic": topic})


@pytest.fixture(autouse=True)
def no_lag_left():
    metrics._lag.clear()
    yield
    metrics._lag.clear()


def test_the_consumer_lag_is_what_each_topic_holds_after_the_last_event_polled():
    m0, m1, p0 = TopicPartition(MARKS, 0), TopicPartition(MARKS, 1), TopicPartition(PEOPLE, 0)
    kafka = FakeKafka({m0: 120, m1: 10, p0: 5})
    metrics.consumer_polled(kafka, {m0: [Record(17), Record(99)], m1: [Record(9)]})
    assert (lag(MARKS), lag(PEOPLE)) == (20, 0)  # 120 - 100 behind on m0, none on m1; nothing polled from people yet
    kafka.high[m0] = 130
    metrics.consumer_polled(kafka, {p0: [Record(1)]})  # m0 polled nothing this time: it keeps its last lag
    assert (lag(MARKS), lag(PEOPLE)) == (20, 3)
    metrics.consumer_polled(kafka, {m0: [Record(129)]})
    assert lag(MARKS) == 0


def test_a_partition_taken_away_leaves_the_lag():
    m0, m1 = TopicPartition(MARKS, 0), TopicPartition(MARKS, 1)
    metrics.consumer_polled(FakeKafka({m0: 50, m1: 50}), {m0: [Record(9)], m1: [Record(19)]})
    assert lag(MARKS) == 70
    metrics.consumer_polled(FakeKafka({m1: 50}), {})
    assert lag(MARKS) == 30


def test_measuring_the_lag_never_stops_the_consumer():
    class Broken:
        def assignment(self):
            raise RuntimeError("not connected")

    metrics.consumer_polled(Broken(), {})


def test_the_pool_gauges_say_how_many_connections_are_in_use_of_how_many(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'pool.db'}", poolclass=QueuePool, pool_size=2, max_overflow=3)
    with engine.connect():
        gauges = {family.name: family.samples[0].value for family in database_gauges.pool_gauges(engine.pool)}
    assert gauges == {"otmetka_db_pool_checked_out": 1, "otmetka_db_pool_limit": 5}


def test_events_applied_and_parked_are_counted_by_type():
    def counted(name: str) -> float:
        return REGISTRY.get_sample_value(name, {"type": "otmetka.journal.v1.MarkRecorded"}) or 0.0

    applied, parked = counted("otmetka_consumer_events_total"), counted("otmetka_consumer_parked_events_total")
    metrics.events_applied(["otmetka.journal.v1.MarkRecorded"] * 3)
    metrics.event_parked("otmetka.journal.v1.MarkRecorded")
    assert counted("otmetka_consumer_events_total") - applied == 3
    assert counted("otmetka_consumer_parked_events_total") - parked == 1


def test_a_service_serves_its_metrics_on_its_own_port_bound_at_once(monkeypatch):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    monkeypatch.setenv("OTMETKA_TESTSVC_METRICS_LISTEN", f"127.0.0.1:{port}")
    gauges = database_gauges.serve("testsvc", Database("postgresql+psycopg://nobody@127.0.0.1:1/none"))
    try:
        with socket.socket() as other, pytest.raises(OSError):
            other.bind(("127.0.0.1", port))
        page = requests.get(f"http://127.0.0.1:{port}/metrics", timeout=30).text
        # the pool is read without the database; what the database would say is left out while it does not answer
        assert "otmetka_db_pool_limit 20.0" in page and "otmetka_outbox_backlog_events" not in page
        assert "# TYPE otmetka_grpc_requests_total counter" in page
    finally:
        REGISTRY.unregister(gauges)


def test_no_address_no_server():
    gauges = database_gauges.serve("nolisten", Database("postgresql+psycopg://nobody@127.0.0.1:1/none"))
    with pytest.raises(KeyError):  # never registered
        REGISTRY.unregister(gauges)
