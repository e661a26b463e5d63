"""Archive settings from OTMETKA_* environment variables: the two object stores, the signatures (the installation's
PKI, the algorithm, the time-stamping authority), the retention policy, the fixity period and the copy retry."""
import datetime as dt
from dataclasses import dataclass

from services.common.settings import SettingsError, env, positive, without_secrets

# record class -> environment variable with its retention in years, and the default (requirement A4)
RETENTION_DEFAULTS = {"journal": ("OTMETKA_ARCHIVE_RETENTION_JOURNAL_YEARS", 5),
                      "summary_sheet": ("OTMETKA_ARCHIVE_RETENTION_SUMMARY_SHEET_YEARS", 25)}
ALGORITHMS = ("ecdsa", "gost")


@dataclass(frozen=True)
class StoreSettings:
    endpoint: str
    access_key: str
    secret_key: str
    bucket: str
    ca_file: str  # the installation's CA: the store's certificate is checked against it

    def __repr__(self) -> str:
        return without_secrets(self)


@dataclass(frozen=True)
class ArchiveSettings:
    primary: StoreSettings
    replica: StoreSettings
    pki_dir: str
    signature_algorithm: str
    tsa_url: str
    retention_years: dict[str, int]
    fixity_period: dt.timedelta
    copy_retry: dt.timedelta

    @classmethod
    def from_env(cls) -> "ArchiveSettings":
        algorithm = env("OTMETKA_ARCHIVE_SIGNATURE_ALGORITHM", "ecdsa")
        if algorithm not in ALGORITHMS:
            raise SettingsError(f"OTMETKA_ARCHIVE_SIGNATURE_ALGORITHM must be one of {', '.join(ALGORITHMS)}, "
                             f"not {algorithm!r}")
        return cls(
            primary=StoreSettings(env("OTMETKA_MINIO_ENDPOINT"), env("OTMETKA_MINIO_ACCESS_KEY"),
                                  env("OTMETKA_MINIO_SECRET_KEY"), env("OTMETKA_ARCHIVE_BUCKET", "otmetka-archive"),
                                  env("OTMETKA_TLS_CA")),
            replica=StoreSettings(env("OTMETKA_ARCHIVE_REPLICA_ENDPOINT"), env("OTMETKA_ARCHIVE_REPLICA_ACCESS_KEY"),
                                  env("OTMETKA_ARCHIVE_REPLICA_SECRET_KEY"),
                                  env("OTMETKA_ARCHIVE_REPLICA_BUCKET", "otmetka-archive-replica"), env("OTMETKA_TLS_CA")),
            pki_dir=env("OTMETKA_ARCHIVE_PKI_DIR"),
            signature_algorithm=algorithm,
            tsa_url=env("OTMETKA_ARCHIVE_TSA_URL"),
            retention_years={record_class: _whole_years(name, default)
                             for record_class, (name, default) in RETENTION_DEFAULTS.items()},
            fixity_period=dt.timedelta(days=positive("OTMETKA_ARCHIVE_FIXITY_DAYS", 30)),
            copy_retry=dt.timedelta(seconds=positive("OTMETKA_ARCHIVE_COPY_RETRY_SECONDS", 30)),
        )

    def __repr__(self) -> str:
        return without_secrets(self)


def _whole_years(name: str, default: int) -> int:
    value = env(name, str(default))
    if not value.isdigit() or int(value) < 1:
        raise SettingsError(f"{name} must be a whole number of years above 0, not {value!r}")
    return int(value)
