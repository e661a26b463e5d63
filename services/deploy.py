"""Deploys an installation onto its stack (idempotent): databases and roles, migrations, Kafka topics.

Usage: python -m services.deploy [service ...]
"""
import sys

from kafka.admin import KafkaAdminClient, NewTopic
from kafka.errors import TopicAlreadyExistsError

from services import topology
from services.common.migrations import migrate, provision
from services.common.outbox import topic_of


def deploy_database(stack: dict[str, str], service: str, database: str | None = None) -> None:
    provision(service, topology.admin_db_url(stack), database)
    migrate(service, topology.owner_db_url(stack, service, database))


def create_topics(bootstrap: str, partitions: int = 3) -> None:
    admin = KafkaAdminClient(bootstrap_servers=bootstrap, client_id="otmetka-deploy")
    try:
        existing = set(admin.list_topics())
        wanted = [NewTopic(topic_of(s), num_partitions=partitions, replication_factor=1)
                  for s in topology.SERVICES if topic_of(s) not in existing]
        if wanted:
            try:
                admin.create_topics(wanted)
            except TopicAlreadyExistsError:
                pass
    finally:
        admin.close()


def main(services: list[str]) -> None:
    stack = topology.stack_env()
    for service in services or topology.SERVICES:
        deploy_database(stack, service)
    create_topics(stack["OTMETKA_KAFKA_BOOTSTRAP"])
    print("deployed:", ", ".join(services or topology.SERVICES))


if __name__ == "__main__":
    main(sys.argv[1:])
