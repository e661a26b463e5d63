"""The parts of a running installation the fault suite kills (bench/faults.py): each one's pid under its supervisord
and whether it is ready."""

import psycopg
import requests
from kafka import KafkaAdminClient
from kafka.errors import KafkaError

from services import launcher, topology
from services.common.kafka_link import KafkaLink
from services.common.reconnect import KAFKA_CLIENT
from services.tooling import supervision


def component_pid(name: str) -> int | None:
    """The pid of the part's process as its supervisord runs it, None while it is not running."""
    return supervision.installation_pids(topology.state_dir(), topology.ROOT).get(name)


def component_ready(name: str) -> bool:
    """Whether the part answers as it does when it serves."""
    stack = topology.stack_env()
    try:
        if name == "postgres":
            url = topology.admin_db_url(stack).replace("postgresql+psycopg://", "postgresql://")
            with psycopg.connect(url, connect_timeout=2) as conn:
                return conn.execute("select 1").fetchone() == (1,)
        if name == "kafka":
            admin = KafkaAdminClient(request_timeout_ms=2000, **KafkaLink.from_env(stack).options(), **KAFKA_CLIENT)
            try:
                return bool(admin.list_topics())
            finally:
                admin.close()
        if name == "keycloak":
            url = f"{stack['OTMETKA_KEYCLOAK_URL']}/realms/{stack['OTMETKA_KEYCLOAK_REALM']}"
            return requests.get(url, timeout=2).ok
    except (OSError, psycopg.Error, KafkaError, requests.RequestException):
        return False
    return launcher.ready(name)
