"""Archive object storage in MinIO (the primary store and the replica, each its own MinIO in its own place): a
versioned bucket with object lock, objects under COMPLIANCE retention."""
import datetime as dt
import io

import urllib3
from minio.commonconfig import COMPLIANCE
from minio.error import S3Error
from minio.retention import Retention

from services.common.errors import FailedPrecondition, NotFound, Unavailable
from services.common.object_store import UNAVAILABLE, ObjectStore


class ArchiveStore(ObjectStore):
    ensured = False

    def ensure_bucket(self) -> None:
        """Creates the bucket with object lock (and so versioning) if it does not exist yet, and refuses
        to work with a bucket that has no object lock (it could not keep archives unchanged)."""
        if not self.client.bucket_exists(self.bucket):
            self.client.make_bucket(self.bucket, object_lock=True)
        try:
            self.client.get_object_lock_config(self.bucket)
        except S3Error as exc:
            raise RuntimeError(f"bucket {self.bucket} has no object lock: archives cannot be kept there") from exc
        self.ensured = True

    def put_locked(self, key: str, data: bytes, retain_until: dt.date) -> str:
        """Stores the object under COMPLIANCE retention until the given day; returns its version id. The bucket is
        made sure of first (once): a store that was down when the service started is ready when it is back."""
        until = dt.datetime.combine(retain_until, dt.time(), tzinfo=dt.UTC)
        try:
            if not self.ensured:
                self.ensure_bucket()
            result = self.client.put_object(self.bucket, key, io.BytesIO(data), len(data),
                                            content_type="application/zip", retention=Retention(COMPLIANCE, until))
        except (S3Error, urllib3.exceptions.HTTPError) as exc:
            raise Unavailable(UNAVAILABLE) from exc
        return result.version_id

    def remove_all_versions(self, key: str) -> int:
        """Deletes every version of the object (a disposal): the store refuses while a version's retention lasts."""
        try:
            versions = [item.version_id for item in self.client.list_objects(self.bucket, prefix=key,
                                                                              include_version=True)
                        if item.object_name == key]
            for version_id in versions:
                self.client.remove_object(self.bucket, key, version_id=version_id)
        except S3Error as exc:
            if exc.code in ("AccessDenied", "InvalidRequest"):
                raise FailedPrecondition("Хранилище не даёт удалить архив: срок его хранения не истёк",
                                         {"archive_id": exc.message}) from exc
            raise Unavailable(UNAVAILABLE) from exc
        except urllib3.exceptions.HTTPError as exc:
            raise Unavailable(UNAVAILABLE) from exc
        return len(versions)

    def get(self, key: str, version_id: str | None = None) -> bytes:
        """A sealed package's exact version; a registry row without its object is a broken precondition."""
        try:
            return super().get(key, version_id)
        except NotFound as exc:
            raise FailedPrecondition("Архив не найден в хранилище", {"archive_id": "нет объекта этой версии"}) from exc
