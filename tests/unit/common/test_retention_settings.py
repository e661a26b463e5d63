"""Retention settings are validated, the inbox must outlive what Kafka keeps, and the relay's partitioner places
every key where Kafka's default partitioner does."""
import datetime as dt
import os
import uuid
from types import SimpleNamespace

import pytest
from kafka.partitioner import DefaultPartitioner

from services.common import runtime
from services.common.consumer import EventHandlers
from services.common.kafka_link import KafkaLink
from services.common.outbox import KeyPartitioner
from services.common.retention import TopicRetention, check_inbox_outlives_topics
from services.common.settings import INBOX_RETENTION_DAYS, OUTBOX_RETENTION_HOURS, ServiceSettings, SettingsError

REQUIRED = {"OTMETKA_SCHEDULE_GRPC_LISTEN": "127.0.0.1:1", "OTMETKA_SCHEDULE_DB_URL": "postgresql://x",
            "OTMETKA_KAFKA_BOOTSTRAP": "k", "OTMETKA_TLS_CA": "ca.crt", "OTMETKA_KEYCLOAK_URL": "http://kc",
            "OTMETKA_KEYCLOAK_REALM": "o",
            "OTMETKA_SERVICES_CLIENT_SECRET": "s", **{f"OTMETKA_{peer}_GRPC_ADDR": "127.0.0.1:2" for peer in
                                                      ("IDENTITY", "JOURNAL", "REPORTING", "ARCHIVE", "MESSAGING")}}


@pytest.fixture
def environment(monkeypatch):
    for key in [k for k in os.environ if k.startswith("OTMETKA_")]:
        monkeypatch.delenv(key)
    for key, value in REQUIRED.items():
        monkeypatch.setenv(key, value)
    return monkeypatch


def test_retention_defaults_to_three_days_of_outbox_and_three_weeks_of_inbox(environment):
    settings = ServiceSettings.from_env("schedule")
    assert (settings.outbox_retention_hours, settings.inbox_retention_days) == (72, 21)
    assert (OUTBOX_RETENTION_HOURS, INBOX_RETENTION_DAYS) == (72, 21)


def test_retention_is_read_from_the_environment(environment):
    environment.setenv("OTMETKA_OUTBOX_RETENTION_HOURS", "12.5")
    environment.setenv("OTMETKA_INBOX_RETENTION_DAYS", "30")
    settings = ServiceSettings.from_env("schedule")
    assert (settings.outbox_retention_hours, settings.inbox_retention_days) == (12.5, 30)


@pytest.mark.parametrize("name", ["OTMETKA_OUTBOX_RETENTION_HOURS", "OTMETKA_INBOX_RETENTION_DAYS"])
@pytest.mark.parametrize("value", ["0", "-3", "три", "nan"])
def test_retention_must_be_a_positive_number(environment, name, value):
    environment.setenv(name, value)
    with pytest.raises(SettingsError, match=name):
        ServiceSettings.from_env("schedule")


def test_the_inbox_must_outlive_every_consumed_topic(caplog):
    day, week, fortnight = dt.timedelta(days=1), dt.timedelta(days=7), dt.timedelta(days=14)
    check_inbox_outlives_topics(fortnight, {"a": TopicRetention(week, day), "b": TopicRetention(day, week)})
    assert not caplog.records
    with pytest.raises(SettingsError, match=r"must be longer than Kafka keeps topic b \(14 days\)"):
        check_inbox_outlives_topics(fortnight, {"a": TopicRetention(week, day), "b": TopicRetention(fortnight, day)})
    with pytest.raises(SettingsError, match="for ever"):
        check_inbox_outlives_topics(fortnight, {"a": TopicRetention(None, day)})


def test_an_inbox_shorter_than_a_topic_plus_its_open_segment_is_warned_about(caplog):
    week = dt.timedelta(days=7)
    check_inbox_outlives_topics(dt.timedelta(days=14), {"a": TopicRetention(week, week)})  # Kafka's defaults
    assert "retention.ms + segment.ms of topic a (14 days)" in caplog.text


def test_a_consuming_service_refuses_to_run_if_its_inbox_forgets_sooner_than_kafka(monkeypatch, caplog):
    asked = []

    def kafka_keeps(bootstrap, topics):
        asked.extend(topics)
        return {topic: TopicRetention(dt.timedelta(days=7), dt.timedelta(days=1)) for topic in topics}

    monkeypatch.setattr(runtime, "topic_retention", kafka_keeps)
    service = runtime.Runtime.__new__(runtime.Runtime)  # only its settings matter before the consumer exists
    service.settings = SimpleNamespace(name="journal", kafka=KafkaLink("k", "ca.crt"), inbox_retention_days=7)
    service.db = service.inbox_table = None
    loop = service.consumer(EventHandlers(), ["identity", "schedule"])
    loop.run()  # here, not in its thread: the check comes first, once Kafka answers, before joining the group
    assert loop.fatal and loop.kafka is None  # the process stops with status 2 (test_readiness)
    assert asked == ["otmetka.identity.events", "otmetka.schedule.events"]
    assert "refusing to start: OTMETKA_INBOX_RETENTION_DAYS (7) must be longer than Kafka keeps" in caplog.text


class Cluster:
    """What a partitioner asks of Kafka's cluster metadata: topic t has partitions 0, 1 and 2."""

    def topics(self):
        return {"t"}

    def partitions_for_topic(self, topic):
        return {2, 0, 1}

    def available_partitions_for_topic(self, topic):
        return {0, 1, 2}


def test_the_relay_partitions_keys_as_kafka_does():
    cluster = Cluster()
    keys = [str(uuid.uuid4()).encode() for _ in range(200)]
    ours, kafkas = KeyPartitioner(), DefaultPartitioner()
    assert [ours.partition("t", k, k, b"", b"", cluster) for k in keys * 2] == \
           [kafkas.partition("t", k, k, b"", b"", cluster) for k in keys * 2]
    assert len({ours.partition("t", k, k, b"", b"", cluster) for k in keys}) == 3
