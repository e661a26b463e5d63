"""TLS inside the installation (docs/operations-stack.md "TLS inside the installation"): every connection to the
stack's components is encrypted and its server's certificate checked against the development CA; a connection
without TLS is refused."""
import psycopg
import pytest
import sqlalchemy as sa
import urllib3
from kafka import KafkaAdminClient
from kafka.errors import KafkaTimeoutError
from minio import Minio
from minio.error import InvalidResponseError, S3Error

from services import topology
from services.common.object_store import minio_client
from tests.support import stack

SYSTEM_ROOTS = "/etc/ssl/certs/ca-certificates.crt"


def pg_dsn(**options: str) -> str:
    env = stack.env()
    return " ".join([f"host={env['OTMETKA_PG_HOST']} port={env['OTMETKA_PG_PORT']} user=postgres dbname=postgres",
                     *(f"{name}={value}" for name, value in options.items())])


def test_postgresql_refuses_a_connection_without_tls():
    with pytest.raises(psycopg.OperationalError, match="no encryption"):
        psycopg.connect(pg_dsn(sslmode="disable"), connect_timeout=10).close()


def test_postgresql_refuses_a_certificate_from_another_authority():
    """verify-full checks the chain: the system's public roots do not vouch for the stack's server."""
    with pytest.raises(psycopg.OperationalError, match="certificate verify failed"):
        psycopg.connect(pg_dsn(sslmode="verify-full", sslrootcert=SYSTEM_ROOTS), connect_timeout=10).close()


def test_the_installations_connections_use_tls_with_the_server_checked():
    url = topology.admin_db_url(stack.env())
    assert sa.make_url(url).query == {"sslmode": "verify-full", "sslrootcert": stack.env()["OTMETKA_TLS_CA"]}
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    with engine.connect() as conn:
        ssl, version = conn.execute(sa.text("SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()")).one()
    assert ssl and version in ("TLSv1.2", "TLSv1.3")


@pytest.mark.parametrize("endpoint", ["OTMETKA_MINIO_ENDPOINT", "OTMETKA_ARCHIVE_REPLICA_ENDPOINT"])
def test_the_object_stores_answer_only_over_https_with_the_installations_certificate(endpoint):
    env = stack.env()
    plain = Minio(env[endpoint], "nobody", "nothing-at-all", secure=False)
    with pytest.raises(InvalidResponseError, match="Client sent an HTTP request to an HTTPS server"):
        plain.bucket_exists("otmetka-archive")
    ours = minio_client(env[endpoint], "nobody", "nothing-at-all", env["OTMETKA_TLS_CA"])
    with pytest.raises(S3Error, match="InvalidAccessKeyId"):  # the TLS handshake held: MinIO itself answers
        ours.bucket_exists("otmetka-archive")
    foreign = minio_client(env[endpoint], "nobody", "nothing-at-all", SYSTEM_ROOTS)
    with pytest.raises(urllib3.exceptions.MaxRetryError, match="CERTIFICATE_VERIFY_FAILED"):
        foreign.bucket_exists("otmetka-archive")


def test_kafka_refuses_a_plaintext_client_and_one_that_does_not_trust_its_certificate():
    link = stack.kafka()
    for options in ({"bootstrap_servers": link.bootstrap, "security_protocol": "PLAINTEXT"},
                    {**link.options(), "ssl_cafile": SYSTEM_ROOTS}):
        with pytest.raises(KafkaTimeoutError, match="Unable to bootstrap"):  # each handshake fails, until the bound
            KafkaAdminClient(**options, client_id="tls-probe", bootstrap_timeout_ms=5000).close()
    admin = KafkaAdminClient(**link.options(), client_id="tls-probe")
    try:
        assert "otmetka.journal.events" in admin.list_topics()
    finally:
        admin.close()
