"""Deploys an installation onto its stack (idempotent): databases and roles, migrations, Kafka topics.

Usage: python -m services.deploy [service|gateway ...]   (no names: every service's database and the gateway's)

The topics are created with OTMETKA_KAFKA_REPLICATION_FACTOR replicas (default 1, the development stack's one broker)
and the topic setting min.insync.replicas = OTMETKA_KAFKA_MIN_INSYNC_REPLICAS (default 1); production: 3 brokers,
3 and 2 (docs/operations.md "Backup and restore"). A topic that exists keeps its settings.
"""
import sys
from collections.abc import Mapping
from dataclasses import dataclass

from kafka.admin import KafkaAdminClient, NewTopic
from kafka.errors import TopicAlreadyExistsError

from services import topology
from services.common.kafka_link import KafkaLink
from services.common.migrations import migrate, provision
from services.common.outbox import topic_of


def deploy_database(stack: dict[str, str], service: str, database: str | None = None) -> None:
    provision(service, topology.admin_db_url(stack), database)
    migrate(service, topology.owner_db_url(stack, service, database))


class SettingError(ValueError):
    pass


@dataclass(frozen=True)
class TopicSettings:
    replication_factor: int = 1
    min_insync_replicas: int = 1

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> "TopicSettings":
        """OTMETKA_KAFKA_REPLICATION_FACTOR and OTMETKA_KAFKA_MIN_INSYNC_REPLICAS: whole numbers of at least 1, the
        second at most the first (a write acknowledged by more replicas than a partition has would never succeed)."""
        factor = _positive(env, "OTMETKA_KAFKA_REPLICATION_FACTOR")
        min_isr = _positive(env, "OTMETKA_KAFKA_MIN_INSYNC_REPLICAS")
        if min_isr > factor:
            raise SettingError(f"OTMETKA_KAFKA_MIN_INSYNC_REPLICAS ({min_isr}) must not be more than "
                               f"OTMETKA_KAFKA_REPLICATION_FACTOR ({factor})")
        return cls(factor, min_isr)


def _positive(env: Mapping[str, str], name: str, default: int = 1) -> int:
    raw = (env.get(name) or "").strip()
    if not raw:
        return default
    if not (raw.isascii() and raw.isdigit()) or int(raw) < 1:
        raise SettingError(f"{name} must be a whole number of at least 1, not {raw!r}")
    return int(raw)


# Each service's events topic: a service's events are keyed by school (services/common/outbox.py), so one school's
# events keep their order within one partition. The Kubernetes manifests (deploy/kafka/topics.yaml) are generated
# from these (python -m services.tooling.deploy_manifests).
TOPIC_PARTITIONS = 3


def topics() -> list[str]:
    return [topic_of(s) for s in topology.SERVICES]


def create_topics(kafka: KafkaLink, partitions: int = TOPIC_PARTITIONS,
                  settings: TopicSettings = TopicSettings()) -> None:
    admin = KafkaAdminClient(**kafka.options(), client_id="otmetka-deploy")
    try:
        existing = set(admin.list_topics())
        wanted = [NewTopic(topic, num_partitions=partitions, replication_factor=settings.replication_factor,
                           topic_configs={"min.insync.replicas": str(settings.min_insync_replicas)})
                  for topic in topics() if topic not in existing]
        if wanted:
            try:
                admin.create_topics(wanted)
            except TopicAlreadyExistsError:
                pass
    finally:
        admin.close()


def main(services: list[str]) -> None:
    stack = topology.stack_env()
    try:
        settings = TopicSettings.from_env(stack)
    except SettingError as exc:
        raise SystemExit(f"deploy: {exc}") from None
    for name in services or topology.DATABASES:
        deploy_database(stack, name)
    create_topics(KafkaLink.from_env(stack), settings=settings)
    print("deployed:", ", ".join(services or topology.DATABASES))


if __name__ == "__main__":
    main(sys.argv[1:])
