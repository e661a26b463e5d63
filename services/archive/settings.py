"""Archive settings from OTMETKA_* environment variables: object storage, signing key, retention policy."""
from dataclasses import dataclass

from services.common.settings import env, without_secrets

# record class -> environment variable with its retention in years, and the default (requirement A4)
RETENTION_DEFAULTS = {"journal": ("OTMETKA_ARCHIVE_RETENTION_JOURNAL_YEARS", 5),
                      "summary_sheet": ("OTMETKA_ARCHIVE_RETENTION_SUMMARY_SHEET_YEARS", 25)}


@dataclass(frozen=True)
class ArchiveSettings:
    minio_endpoint: str
    minio_access_key: str
    minio_secret_key: str
    bucket: str
    signing_key: str
    signing_cert: str
    retention_years: dict[str, int]

    @classmethod
    def from_env(cls) -> "ArchiveSettings":
        return cls(
            minio_endpoint=env("OTMETKA_MINIO_ENDPOINT"),
            minio_access_key=env("OTMETKA_MINIO_ACCESS_KEY"),
            minio_secret_key=env("OTMETKA_MINIO_SECRET_KEY"),
            bucket=env("OTMETKA_ARCHIVE_BUCKET", "otmetka-archive"),
            signing_key=env("OTMETKA_ARCHIVE_SIGNING_KEY"),
            signing_cert=env("OTMETKA_ARCHIVE_SIGNING_CERT"),
            retention_years={record_class: int(env(name, str(default)))
                             for record_class, (name, default) in RETENTION_DEFAULTS.items()},
        )

    def __repr__(self) -> str:
        return without_secrets(self)
