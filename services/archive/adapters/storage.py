"""Archive object storage in MinIO: a versioned bucket with object lock, objects under COMPLIANCE retention."""
import datetime as dt
import io

from minio.commonconfig import COMPLIANCE
from minio.error import S3Error
from minio.retention import Retention

from services.archive.settings import ArchiveSettings
from services.common.errors import FailedPrecondition, NotFound
from services.common.object_store import ObjectStore


class ArchiveStore(ObjectStore):
    @classmethod
    def from_settings(cls, settings: ArchiveSettings) -> "ArchiveStore":
        return cls.connect(settings.minio_endpoint, settings.minio_access_key, settings.minio_secret_key,
                           settings.bucket)

    def ensure_bucket(self) -> None:
        """Creates the bucket with object lock (and so versioning) if it does not exist yet, and refuses
        to work with a bucket that has no object lock (it could not keep archives unchanged)."""
        if not self.client.bucket_exists(self.bucket):
            self.client.make_bucket(self.bucket, object_lock=True)
        try:
            self.client.get_object_lock_config(self.bucket)
        except S3Error as exc:
            raise RuntimeError(f"bucket {self.bucket} has no object lock: archives cannot be kept there") from exc

    def put_locked(self, key: str, data: bytes, retain_until: dt.date) -> str:
        """Stores the object under COMPLIANCE retention until the given day; returns its version id."""
        until = dt.datetime.combine(retain_until, dt.time(), tzinfo=dt.UTC)
        result = self.client.put_object(self.bucket, key, io.BytesIO(data), len(data), content_type="application/zip",
                                        retention=Retention(COMPLIANCE, until))
        return result.version_id

    def get(self, key: str, version_id: str | None = None) -> bytes:
        """A sealed package's exact version; a registry row without its object is a broken precondition."""
        try:
            return super().get(key, version_id)
        except NotFound as exc:
            raise FailedPrecondition("Архив не найден в хранилище", {"archive_id": "нет объекта этой версии"}) from exc
