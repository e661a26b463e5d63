"""The archive's second object store (requirement A5): the stack's minio-replica answers at the endpoint and with
the credentials the services are given, and is not the first store (its root credentials are its own)."""
import uuid

import pytest
from minio.error import S3Error

from services import topology
from services.common.object_store import minio_client
from tests.support import stack

pytestmark = pytest.mark.stack


def replica_settings() -> dict[str, str]:
    env = topology.process_env({"OTMETKA_GATEWAY_SESSION_SECRET": "", **stack.env()})
    if not env["OTMETKA_ARCHIVE_REPLICA_ENDPOINT"]:
        pytest.fail("stack.env has no OTMETKA_ARCHIVE_REPLICA_ENDPOINT: run `infra/stack.sh up` (it starts minio-replica)")
    return env


def test_the_replica_store_keeps_a_locked_bucket_with_its_own_credentials():
    env = replica_settings()
    assert env["OTMETKA_ARCHIVE_REPLICA_ENDPOINT"] != env["OTMETKA_MINIO_ENDPOINT"]
    replica = minio_client(env["OTMETKA_ARCHIVE_REPLICA_ENDPOINT"], env["OTMETKA_ARCHIVE_REPLICA_ACCESS_KEY"],
                           env["OTMETKA_ARCHIVE_REPLICA_SECRET_KEY"], env["OTMETKA_TLS_CA"])
    bucket = f"replica-probe-{uuid.uuid4().hex[:12]}"
    replica.make_bucket(bucket, object_lock=True)
    try:
        assert replica.bucket_exists(bucket)
        first = minio_client(env["OTMETKA_ARCHIVE_REPLICA_ENDPOINT"], env["OTMETKA_MINIO_ACCESS_KEY"],
                             env["OTMETKA_MINIO_SECRET_KEY"], env["OTMETKA_TLS_CA"])
        with pytest.raises(S3Error):
            first.bucket_exists(bucket)
    finally:
        replica.remove_bucket(bucket)
