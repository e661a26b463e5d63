"""The Kafka topic settings of `services.deploy`: replication factor and min.insync.replicas from the environment,
validated before anything is deployed."""
import pytest

from services.deploy import SettingError, TopicSettings


def test_the_defaults_suit_one_broker():
    assert TopicSettings.from_env({}) == TopicSettings(1, 1)
    assert TopicSettings.from_env({"OTMETKA_KAFKA_REPLICATION_FACTOR": "", "OTMETKA_KAFKA_MIN_INSYNC_REPLICAS": " "}) \
        == TopicSettings(1, 1)


def test_production_sets_three_replicas_two_in_sync():
    env = {"OTMETKA_KAFKA_REPLICATION_FACTOR": "3", "OTMETKA_KAFKA_MIN_INSYNC_REPLICAS": "2"}
    assert TopicSettings.from_env(env) == TopicSettings(3, 2)


@pytest.mark.parametrize("value", ["0", "-1", "two", "2.5", "²", "1e3"])
@pytest.mark.parametrize("name", ["OTMETKA_KAFKA_REPLICATION_FACTOR", "OTMETKA_KAFKA_MIN_INSYNC_REPLICAS"])
def test_a_value_that_is_no_whole_number_of_at_least_one_is_refused_by_name(name, value):
    with pytest.raises(SettingError, match=f"{name} must be a whole number of at least 1"):
        TopicSettings.from_env({"OTMETKA_KAFKA_REPLICATION_FACTOR": "3", "OTMETKA_KAFKA_MIN_INSYNC_REPLICAS": "1",
                                name: value})


def test_more_in_sync_replicas_than_replicas_is_refused():
    with pytest.raises(SettingError, match=r"MIN_INSYNC_REPLICAS \(3\) must not be more than .*FACTOR \(2\)"):
        TopicSettings.from_env({"OTMETKA_KAFKA_REPLICATION_FACTOR": "2", "OTMETKA_KAFKA_MIN_INSYNC_REPLICAS": "3"})
