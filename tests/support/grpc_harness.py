"""A service in-process for integration tests: its test database, its servicer served behind real token
checks, a fake of our principal port, calls with a bearer token and the details of refused calls."""
import contextlib
import dataclasses
import json
from collections.abc import Callable, Iterable, Iterator
from concurrent import futures

import grpc
import sqlalchemy as sa

from services import topology
from services.common import context
from services.common.auth import TokenVerifier
from services.common.db import Database
from services.common.grpc_server import ContextInterceptor
from services.common.grpc_tls import GrpcTls
from services.common.policy import Principal
from services.common.scope import PrincipalSource
from tests.support import stack


class FakePrincipals:
    """Our PrincipalResolver port in memory: service callers as the real resolver answers them, people by the
    grants per school the test sets (as the caller itself, unless a grant names another subject)."""

    def __init__(self):
        self.grants: dict[str, Principal] = {}

    def grant(self, school_id: str, *roles: str, person_id: str = "", student_ids=(), subject: str = "",
              leads=()) -> None:
        self.grants[school_id] = Principal(subject=subject, school_id=school_id, person_id=person_id,
                                           roles=frozenset(roles), student_ids=frozenset(student_ids),
                                           form_class_group_ids=frozenset(leads))

    def resolve(self, school_id: str) -> Principal:
        caller = context.current_caller()
        if caller.is_service:
            return Principal(subject=caller.subject, school_id=school_id, is_service=True)
        principal = self.grants.get(school_id, Principal(subject="", school_id=school_id))
        return principal if principal.subject else dataclasses.replace(principal, subject=caller.subject)


@contextlib.contextmanager
def database(service: str) -> Iterator[Database]:
    """The service's test database (provisioned and migrated once per run), its connections closed after."""
    db = Database(stack.deployed(service))
    try:
        yield db
    finally:
        db.engine.dispose()


def end_backends(db: Database) -> int:
    """As the superuser, terminates every connection of the app role to this test database (only this one, never
    the installation's); returns how many: what a PostgreSQL restart does to the pool."""
    superuser = sa.create_engine(topology.admin_db_url(stack.env()), poolclass=sa.pool.NullPool)
    try:
        with superuser.connect() as conn:
            return conn.scalar(sa.text(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE datname = :db AND usename = :role AND pid <> pg_backend_pid()"),
                {"db": db.engine.url.database, "role": db.engine.url.username})
    finally:
        superuser.dispose()


def token_verifier() -> TokenVerifier:
    """Checks tokens of the real Keycloak realm, as the services do."""
    env = stack.env()
    return TokenVerifier(f"{env['OTMETKA_KEYCLOAK_URL']}/realms/{env['OTMETKA_KEYCLOAK_REALM']}")


def tls_port(server: grpc.Server) -> int:
    """A free port of 127.0.0.1 on the server taking mutual TLS only, as the installation's services do."""
    return server.add_secure_port("127.0.0.1:0", GrpcTls.from_env().server_credentials())


def tls_channel(port: int) -> grpc.Channel:
    """A channel to a port of ours, presenting our processes' certificate (OTMETKA_TLS_*: tests/conftest.py)."""
    return grpc.secure_channel(f"127.0.0.1:{port}", GrpcTls.from_env().channel_credentials())


@contextlib.contextmanager
def serving(add_to_server: Callable, servicer, stub_class: type, principals: PrincipalSource | None = None,
            public_methods: Iterable[str] = ()) -> Iterator:
    """Serves the servicer on a free port of 127.0.0.1 behind the services' ContextInterceptor, whose school scope
    resolves the callers by `principals` (e.g. FakePrincipals) and which lets `public_methods` be called without a
    token; yields a stub."""
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=4),
                         interceptors=[ContextInterceptor(token_verifier(), public_methods, principals=principals)])
    add_to_server(servicer, server)
    port = tls_port(server)
    server.start()
    channel = tls_channel(port)
    try:
        yield stub_class(channel)
    finally:
        channel.close()
        server.stop(grace=1)


def call(stub, method: str, request, token: str, metadata: Iterable[tuple[str, str]] = ()):
    """Calls a method as the holder of the token."""
    return getattr(stub, method)(request, metadata=[("authorization", f"Bearer {token}"), *metadata], timeout=30)


def rpc_error(excinfo) -> tuple[grpc.StatusCode, str, dict]:
    """Code, Russian message and offending fields of a refused call."""
    details = json.loads(excinfo.value.details())
    return excinfo.value.code(), details["message"], details["fields"]
