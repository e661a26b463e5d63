"""Wires one service process from its settings: database, outbox and relay, consumer, token
verification, principal resolution and peers. Each service's __main__ only says what is its own."""
import datetime as dt
import threading
from collections.abc import Callable, Iterable

import grpc

from services.common import database_gauges, logs, tracing
from services.common.auth import ServiceTokens, TokenVerifier
from services.common.consumer import ConsumerLoop, EventHandlers, IdempotentConsumer
from services.common.db import Database
from services.common.grpc_client import Peer
from services.common.grpc_server import Listener, networks, serve
from services.common.outbox import Outbox, OutboxRelay, topic_of
from services.common.principal import PrincipalResolver
from services.common.retention import Retention, check_inbox_outlives_topics, topic_retention
from services.common.scope import PrincipalSource
from services.common.settings import ServiceSettings


class Runtime:
    def __init__(self, settings: ServiceSettings, outbox_table, inbox_table):
        self.settings = settings
        self.listener = Listener(settings.grpc_listen)  # first: see Listener
        self.db = Database(settings.db_url)
        # /metrics and /livez, the port bound early too
        self.metrics = database_gauges.serve(settings.name, self.db, self.listener.not_alive_because)
        self.outbox = Outbox(settings.name, outbox_table)
        self.outbox_table = outbox_table
        self.inbox_table = inbox_table
        self.verifier = TokenVerifier(settings.issuer)
        self.service_tokens = ServiceTokens(settings.issuer, settings.service_client_id,
                                            settings.service_client_secret)
        self.principals = PrincipalResolver(settings.peers["identity"]) if "identity" in settings.peers else None

    def peer(self, name: str, stub_class) -> Peer:
        return Peer(self.settings.peers[name], stub_class)

    def relay(self) -> OutboxRelay:
        listen_dsn = self.settings.db_url.replace("postgresql+psycopg://", "postgresql://")
        return OutboxRelay(self.db, self.outbox_table, self.settings.kafka, listen_dsn,
                           heartbeat_topic=topic_of(self.settings.name))

    def retention(self) -> Retention:
        return Retention(self.db, self.outbox_table, self.inbox_table,
                         dt.timedelta(hours=self.settings.outbox_retention_hours), self.inbox_age)

    @property
    def inbox_age(self) -> dt.timedelta:
        return dt.timedelta(days=self.settings.inbox_retention_days)

    def consumer(self, handlers: EventHandlers, from_services: Iterable[str]) -> ConsumerLoop:
        """The consumer loop; once Kafka answers, it stops the process if its inbox would forget events Kafka may
        still redeliver."""
        topics = [topic_of(s) for s in from_services]

        def check() -> None:
            check_inbox_outlives_topics(self.inbox_age, topic_retention(self.settings.kafka, topics))

        return ConsumerLoop(self.settings.name, topics, self.settings.kafka,
                            IdempotentConsumer(self.db, self.inbox_table, handlers), check)

    def serve(self, register: Callable[[grpc.Server], Iterable[str]], workers: Iterable[threading.Thread],
              public_methods: Iterable[str] = (), principals: PrincipalSource | None = None) -> None:
        """Serves until stopped, with the given workers and the retention of the outbox and the inbox, ready while
        PostgreSQL answers. The callers' principals come from `principals`, by default from identity
        (self.principals)."""
        serve(self.settings.name, self.listener, self.verifier, register, [*workers, self.retention()],
              public_methods=public_methods, trusted_peers=networks(self.settings.trusted_peers),
              principals=principals or self.principals, checks={"postgresql": self.db.ping})


def start(name: str, outbox_table, inbox_table) -> Runtime:
    logs.setup(name)
    tracing.setup(name)
    return Runtime(ServiceSettings.from_env(name), outbox_table, inbox_table)
