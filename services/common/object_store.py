"""Plain object storage in MinIO for any service: a bucket, objects put, read and removed by key, with MinIO's
failures as the services' errors (a missing object is NotFound, an unreachable store Unavailable). The archive's
locked, versioned store (services/archive/adapters/storage.py) builds on it."""
import io
import os

import urllib3
from minio import Minio
from minio.error import S3Error

from services.common.errors import NotFound, Unavailable

UNAVAILABLE = "Хранилище файлов недоступно, повторите попытку"


def minio_client(endpoint: str, access_key: str, secret_key: str, ca_file: str) -> Minio:
    """A client of a MinIO over https, its certificate checked against the installation's CA (ca_file; the stores
    answer nothing over plain http). Timeouts and retries as the client's own defaults."""
    timeout = 300
    http = urllib3.PoolManager(timeout=urllib3.Timeout(connect=timeout, read=timeout), maxsize=10,
                               cert_reqs="CERT_REQUIRED", ca_certs=ca_file,
                               retries=urllib3.Retry(total=5, backoff_factor=0.2, status_forcelist=[500, 502, 503, 504]))
    return Minio(endpoint, access_key=access_key, secret_key=secret_key, secure=True, http_client=http)


class ObjectStore:
    def __init__(self, client: Minio, bucket: str):
        self.client = client
        self.bucket = bucket

    @classmethod
    def connect(cls, endpoint: str, access_key: str, secret_key: str, bucket: str, ca_file: str):
        return cls(minio_client(endpoint, access_key, secret_key, ca_file), bucket)

    @classmethod
    def from_env(cls, bucket: str, environ=os.environ) -> "ObjectStore":
        """The installation's MinIO (OTMETKA_MINIO_ENDPOINT, _ACCESS_KEY, _SECRET_KEY) over TLS (OTMETKA_TLS_CA)."""
        return cls.connect(environ["OTMETKA_MINIO_ENDPOINT"], environ["OTMETKA_MINIO_ACCESS_KEY"],
                           environ["OTMETKA_MINIO_SECRET_KEY"], bucket, environ["OTMETKA_TLS_CA"])

    def ensure_bucket(self) -> None:
        if not self.client.bucket_exists(self.bucket):
            self.client.make_bucket(self.bucket)

    def put(self, key: str, data: bytes, content_type: str) -> None:
        try:
            self.client.put_object(self.bucket, key, io.BytesIO(data), len(data), content_type=content_type)
        except (S3Error, urllib3.exceptions.HTTPError) as exc:
            raise Unavailable(UNAVAILABLE) from exc

    def get(self, key: str, version_id: str | None = None) -> bytes:
        try:
            response = self.client.get_object(self.bucket, key, version_id=version_id)
        except S3Error as exc:
            if exc.code in ("NoSuchKey", "NoSuchBucket", "NoSuchVersion"):
                raise NotFound("Файл не найден в хранилище") from exc
            raise Unavailable(UNAVAILABLE) from exc
        except urllib3.exceptions.HTTPError as exc:
            raise Unavailable(UNAVAILABLE) from exc
        try:
            return response.read()
        finally:
            response.close()
            response.release_conn()

    def remove(self, key: str) -> None:
        try:
            self.client.remove_object(self.bucket, key)
        except (S3Error, urllib3.exceptions.HTTPError) as exc:
            raise Unavailable(UNAVAILABLE) from exc
