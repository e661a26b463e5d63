"""Traces and metrics of the messaging plumbing on the real PostgreSQL and Kafka: an event carries the trace of the
request that wrote it (in its envelope and its Kafka headers) and its consumer handles it in that trace; a scrape
reads the outbox's backlog and relay lag and a table's rows by status from the database."""
import uuid

import pytest
from kafka import KafkaConsumer
from opentelemetry.trace import SpanKind
from prometheus_client import REGISTRY
from sqlalchemy import text

from proto.identity.v1.identity_pb2 import SchoolOnboarded
from services.common import context, database_gauges
from services.common.consumer import EventHandlers, IdempotentConsumer
from services.common.outbox import Outbox, OutboxRelay
from tests.integration.common.test_outbox_and_consumer import SERVICE, db, tables  # noqa: F401  (fixtures)
from tests.support import stack
from tests.support.traces import recorded_spans

pytestmark = pytest.mark.stack
REQUEST = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"


@pytest.fixture
def in_request():
    tokens = context.bind(None, "request-1", REQUEST)
    yield
    context.reset(tokens)


@pytest.fixture
def spans():
    with recorded_spans("plumbingtest") as recorded:
        yield recorded


def test_an_event_travels_in_the_trace_of_its_request_and_is_handled_in_it(db, tables, in_request, spans):  # noqa: F811
    outbox, inbox = tables
    kafka_link = stack.kafka()
    school = str(uuid.uuid4())
    box = Outbox(f"{SERVICE}{uuid.uuid4().hex[:8]}", outbox)
    kafka = KafkaConsumer(box.topic, **kafka_link.options(), auto_offset_reset="earliest",
                          consumer_timeout_ms=15000)
    with db.tenant_session(school) as session:
        box.add(session, school, SchoolOnboarded(school_id=school, name="Школа № 9"))
    relay = OutboxRelay(db, outbox, kafka_link, "")
    try:
        assert relay.publish_pending()
    finally:
        relay.producer.close()
    record = next(iter(kafka))
    kafka.close()
    assert record.headers == [("traceparent", REQUEST.encode())]

    handlers = EventHandlers()
    handlers.on(SchoolOnboarded)(lambda session, msg, env: None)
    type_name = SchoolOnboarded.DESCRIPTOR.full_name
    applied = REGISTRY.get_sample_value("otmetka_consumer_events_total", {"type": type_name}) or 0.0
    assert IdempotentConsumer(db, inbox, handlers).handle(record.value)
    [span] = spans.get_finished_spans()
    assert (span.name, span.kind) == (f"handle {type_name}", SpanKind.CONSUMER)
    assert f"{span.context.trace_id:032x}" == REQUEST.split("-")[1]
    assert f"{span.parent.span_id:016x}" == REQUEST.split("-")[2]
    assert REGISTRY.get_sample_value("otmetka_consumer_events_total", {"type": type_name}) - applied == 1


def test_a_scrape_reads_the_outbox_backlog_its_oldest_events_age_and_rows_by_status(db, tables):  # noqa: F811
    outbox, _ = tables
    school = str(uuid.uuid4())
    box = Outbox(f"{SERVICE}{uuid.uuid4().hex[:8]}", outbox)
    with db.tenant_session(school) as session:
        box.add_all(session, school, [SchoolOnboarded(name="А"), SchoolOnboarded(name="Б")])
        session.execute(text("UPDATE outbox SET created_at = now() - interval '1 hour' WHERE school_id = :s"),
                        {"s": school})
    gauges = database_gauges.DatabaseGauges(db)
    gauges.count_by(database_gauges.CountBy("otmetka_outbox_rows", "Outbox rows by topic", "outbox", "topic"))
    scraped = {family.name: family.samples for family in gauges.collect()}
    try:
        assert scraped["otmetka_outbox_backlog_events"][0].value >= 2
        assert scraped["otmetka_outbox_relay_lag_seconds"][0].value >= 3600
        by_topic = {s.labels["topic"]: s.value for s in scraped["otmetka_outbox_rows"]}
        assert by_topic[box.topic] == 2
        assert scraped["otmetka_db_pool_limit"][0].value == 20
    finally:
        gauges.scrapes.engine.dispose()
