"""Test access to the real stack: its settings, deployed databases and Keycloak tokens."""
import functools
import os
import time

import requests
from kafka.admin import KafkaAdminClient, NewTopic

from services import deploy, topology
from services.common.grpc_tls import TLS_FILES
from services.common.kafka_link import KafkaLink
from services.tooling.api_client import Token


@functools.cache
def env() -> dict[str, str]:
    return topology.stack_env()


@functools.cache
def deployed(service: str) -> str:
    """Provisions and migrates a test database of one service (once per test run), apart from the
    database the running installation uses; returns its app-role URL. OTMETKA_IT_DB_SUFFIX keeps the test
    databases of two work trees apart when both run tests on one stack."""
    database = f"otmetka_{service}_it{os.environ.get('OTMETKA_IT_DB_SUFFIX', '')}"
    deploy.deploy_database(env(), service, database)
    return topology.app_db_url(env(), service, database)




def our_certificates() -> dict[str, str]:
    """The stack's OTMETKA_TLS_* (the development CA, our processes' certificate): what an in-process gRPC server or
    channel of a test or a benchmark needs in os.environ to talk to the installation's processes (mutual TLS)."""
    return {name: env()[name] for name in TLS_FILES}


def kafka() -> KafkaLink:
    """The stack's Kafka over TLS (kafka.options(): what every kafka-python client of a test connects with)."""
    return KafkaLink.from_env(env())


def create_topic(topic: str, partitions: int) -> None:
    """A test's own topic, made before anything uses it (as services.deploy makes the services' topics) and waited
    for until the broker's metadata has a leader for each of its partitions. A topic made by its first message
    instead races with the consumer that reads it: one that joins its group while the broker does not know the
    topic yet is assigned nothing, until its metadata is next refreshed (minutes)."""
    admin = KafkaAdminClient(**kafka().options(), client_id="otmetka-tests")
    try:
        admin.create_topics([NewTopic(topic, num_partitions=partitions, replication_factor=1)])
        deadline = time.monotonic() + 30
        while True:
            (described,) = admin.describe_topics([topic])
            leaders = [p["leader_id"] for p in described["partitions"]] if described["error_code"] == 0 else []
            if len(leaders) == partitions and all(leader >= 0 for leader in leaders):
                return
            assert time.monotonic() < deadline, f"topic {topic}: no leader for every partition within 30 s"
            time.sleep(0.05)
    finally:
        admin.close()


def token_url() -> str:
    return f"{env()['OTMETKA_KEYCLOAK_URL']}/realms/{env()['OTMETKA_KEYCLOAK_REALM']}/protocol/openid-connect/token"


def password_token(username: str, password: str) -> str:
    """An access token for a realm user through the gateway's client (direct access grant)."""
    resp = requests.post(token_url(), data={
        "grant_type": "password", "client_id": "otmetka-gateway",
        "client_secret": env()["OTMETKA_GATEWAY_CLIENT_SECRET"], "username": username, "password": password,
        "scope": "openid",
    }, timeout=15)
    resp.raise_for_status()
    return resp.json()["access_token"]


def service_token() -> str:
    resp = requests.post(token_url(), data={
        "grant_type": "client_credentials", "client_id": "otmetka-services",
        "client_secret": env()["OTMETKA_SERVICES_CLIENT_SECRET"],
    }, timeout=15)
    resp.raise_for_status()
    return resp.json()["access_token"]


def operator_token() -> str:
    return password_token("operator", env()["OTMETKA_OPERATOR_PASSWORD"])


def login(username: str, password: str) -> Token:
    """A realm user's token fetched again before it expires: what a session-scoped fixture keeps (Keycloak's tokens
    live 15 minutes, a fixture as long as the suite), never a token string taken once."""
    return Token(env(), username, password)


def operator_login() -> Token:
    return login("operator", env()["OTMETKA_OPERATOR_PASSWORD"])


def messaging_database(service: str) -> str:
    """A database otmetka_<service>_it<suffix> with only a fresh, empty outbox and inbox (as every service's
    migrations make them), for tests and benchmarks of the shared plumbing; returns its app-role URL."""
    from alembic.migration import MigrationContext
    from alembic.operations import Operations
    from sqlalchemy import create_engine, text

    from services.common.migrations import provision
    from services.common.schema import create_messaging, index_messaging_for_retention

    database = f"otmetka_{service}_it{os.environ.get('OTMETKA_IT_DB_SUFFIX', '')}"
    provision(service, topology.admin_db_url(env()), database)
    owner = create_engine(topology.owner_db_url(env(), service, database))
    with owner.connect() as conn:
        migration = MigrationContext.configure(conn)
        with migration.begin_transaction():
            conn.execute(text("DROP TABLE IF EXISTS outbox, inbox CASCADE"))
            conn.execute(text("DROP FUNCTION IF EXISTS outbox_notify CASCADE"))
            create_messaging(Operations(migration))
            conn.execute(text(f"GRANT SELECT, INSERT, UPDATE, DELETE ON outbox, inbox TO {service}_app"))
            index_messaging_for_retention(Operations(migration))
    owner.dispose()
    return topology.app_db_url(env(), service, database)
