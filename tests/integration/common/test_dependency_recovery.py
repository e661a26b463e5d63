"""A service's background workers and readiness on the real PostgreSQL and Kafka, reached through proxies of our own
(tests/support/tcp_proxy.py) that the test opens and closes, the shared stack untouched: started with neither
reachable, the workers keep trying and the service says NOT_SERVING, alive; with both, SERVING, and the event saved
meanwhile is relayed and consumed; PostgreSQL lost, NOT_SERVING, and back, SERVING, with the event saved meanwhile
relayed too. Kafka's proxy is only its bootstrap address (the broker then gives its own): it is closed at the start
and opened later, as a broker that was not up yet."""
import dataclasses
import datetime as dt
import threading
import time
import uuid

import pytest
from grpc_health.v1 import health_pb2
from sqlalchemy import MetaData, select
from sqlalchemy.engine import make_url

from proto.identity.v1.identity_pb2 import SchoolOnboarded
from services.common.consumer import ConsumerLoop, EventHandlers, IdempotentConsumer
from services.common.db import Database
from services.common.outbox import Outbox, OutboxRelay
from services.common.readiness import LIVENESS, NOT_SERVING, SERVING, Health, Readiness
from services.common.retention import check_inbox_outlives_topics, topic_retention
from services.common.schema import messaging_tables
from tests.support import stack
from tests.support.tcp_proxy import TcpProxy

pytestmark = pytest.mark.stack
SERVICE = "recoverytest"
WAIT = 90.0  # generous bound of every wait: a consumer joins its group in a few seconds


@pytest.fixture(scope="module")
def database_url() -> str:
    return stack.messaging_database(SERVICE)


def through(proxy: TcpProxy, url: str) -> str:
    return make_url(url).set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)


def eventually(condition, what: str) -> None:
    deadline = time.monotonic() + WAIT
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert condition(), f"{what} within {WAIT} s"


def test_a_service_waits_for_postgresql_and_kafka_and_follows_postgresql_going_and_coming_back(database_url):
    direct_kafka = stack.kafka()
    kafka_host, kafka_port = direct_kafka.bootstrap.split(",")[0].rsplit(":", 1)
    url = make_url(database_url)
    postgres, kafka = TcpProxy(url.host, url.port), TcpProxy(kafka_host, int(kafka_port))
    outbox, inbox = messaging_tables(MetaData())
    box = Outbox(f"{SERVICE}{uuid.uuid4().hex[:8]}", outbox)
    stack.create_topic(box.topic, partitions=1)
    direct, proxied = Database(database_url), Database(through(postgres, database_url))
    school = str(uuid.uuid4())

    def save(name: str) -> str:
        """An event written with a change, as a service's request does (not through the proxy)."""
        with direct.tenant_session(school) as session:
            return box.add(session, school, SchoolOnboarded(school_id=school, name=name)).event_id

    def relayed_and_consumed(event_id: str) -> bool:
        with direct.system_session() as session:
            published = session.scalar(select(outbox.c.published_at).where(outbox.c.id == event_id))
            handled = session.scalar(select(inbox.c.event_id).where(inbox.c.event_id == event_id))
        return published is not None and handled is not None

    handlers = EventHandlers()
    handlers.on(SchoolOnboarded)(lambda session, payload, envelope: None)
    proxied_kafka = dataclasses.replace(direct_kafka, bootstrap=kafka.address)
    relay = OutboxRelay(proxied, outbox, proxied_kafka,
                        through(postgres, database_url).replace("postgresql+psycopg://", "postgresql://"))
    consumer = ConsumerLoop(f"{SERVICE}{uuid.uuid4().hex[:8]}", [box.topic], proxied_kafka,
                            IdempotentConsumer(proxied, inbox, handlers),
                            lambda: check_inbox_outlives_topics(dt.timedelta(days=21),
                                                                topic_retention(proxied_kafka, [box.topic])))
    workers, stopped = [relay, consumer], threading.Event()
    health = Health(workers)
    readiness = Readiness(health, [""], workers, {"postgresql": proxied.ping}, stopped, every=0.2)

    def status(service: str = ""):
        return health.Check(health_pb2.HealthCheckRequest(service=service), None).status

    for worker in [*workers, readiness]:
        worker.start()
    try:
        first = save("сохранено без Kafka")
        time.sleep(8)  # several attempts of each worker at both
        assert status() == NOT_SERVING and status(LIVENESS) == SERVING
        assert not consumer.fatal and not relayed_and_consumed(first)

        postgres.open()
        time.sleep(3)
        assert status() == NOT_SERVING, "Kafka is not there yet"
        kafka.open()
        eventually(lambda: status() == SERVING, "ready once both answer")
        eventually(lambda: relayed_and_consumed(first), "the event saved without Kafka relayed and consumed")

        postgres.close()
        eventually(lambda: status() == NOT_SERVING, "not ready once PostgreSQL is lost")
        second = save("сохранено, пока сервис не видит PostgreSQL")
        time.sleep(3)
        assert status(LIVENESS) == SERVING and all(worker.is_alive() for worker in workers)
        assert not relayed_and_consumed(second)
        postgres.open()
        eventually(lambda: status() == SERVING, "ready again once PostgreSQL is back")
        eventually(lambda: relayed_and_consumed(second), "the event saved meanwhile relayed and consumed")
    finally:
        stopped.set()
        for worker in workers:
            worker.stop()
        postgres.close()
        kafka.close()
        for db in (direct, proxied):
            db.engine.dispose()
