"""Typed settings read once per process from OTMETKA_* environment variables (no defaults for secrets)."""
import os
from dataclasses import dataclass, fields

from services.common.errors import Invalid
from services.common.kafka_link import KafkaLink
from services.common.mail import parse_sender
from services.common.signed_links import MIN_KEY_LENGTH

PEERS = ("identity", "schedule", "journal", "reporting", "archive", "messaging")
OUTBOX_RETENTION_HOURS = 72  # published outbox rows are kept this long (to look at what was sent)
INBOX_RETENTION_DAYS = 21  # handled inbox rows: longer than Kafka keeps events, checked at start
LOOPBACK = ("127.0.0.0/8", "::1/128")


class SettingsError(RuntimeError):
    pass


def env(name: str, default: str | None = None) -> str:
    value = os.environ.get(name, default)
    if value is None or value == "":
        raise SettingsError(f"environment variable {name} is required")
    return value


def without_secrets(settings) -> str:
    """The repr of a settings dataclass with every field named like a secret, key or password left out."""
    shown = {f.name: getattr(settings, f.name) for f in fields(settings)
             if not any(word in f.name for word in ("secret", "password", "key"))}
    return f"{type(settings).__name__}({shown})"


def positive(name: str, default: float) -> float:
    """A positive number of hours or days from the environment."""
    raw = env(name, str(default))
    try:
        value = float(raw)
    except ValueError:
        raise SettingsError(f"{name} must be a number, not {raw!r}") from None
    if not value > 0:
        raise SettingsError(f"{name} must be positive, not {raw!r}")
    return value


@dataclass(frozen=True)
class ServiceSettings:
    """What every gRPC service needs: where it listens, its database, Kafka, Keycloak, its peers."""

    name: str
    grpc_listen: str
    db_url: str
    kafka: KafkaLink
    keycloak_url: str
    keycloak_realm: str
    service_client_id: str
    service_client_secret: str
    peers: dict[str, str]
    trusted_peers: tuple[str, ...] = LOOPBACK  # networks whose calls may pass on the user's address
    outbox_retention_hours: float = OUTBOX_RETENTION_HOURS
    inbox_retention_days: float = INBOX_RETENTION_DAYS

    @classmethod
    def from_env(cls, name: str) -> "ServiceSettings":
        upper = name.upper()
        return cls(
            name=name,
            grpc_listen=env(f"OTMETKA_{upper}_GRPC_LISTEN"),
            db_url=env(f"OTMETKA_{upper}_DB_URL"),
            kafka=KafkaLink(env("OTMETKA_KAFKA_BOOTSTRAP"), env("OTMETKA_TLS_CA")),
            keycloak_url=env("OTMETKA_KEYCLOAK_URL"),
            keycloak_realm=env("OTMETKA_KEYCLOAK_REALM"),
            # a service with a Keycloak client of its own (identity: it administers accounts) names it
            service_client_id=os.environ.get(f"OTMETKA_{upper}_CLIENT_ID")
            or env("OTMETKA_SERVICES_CLIENT_ID", "otmetka-services"),
            service_client_secret=os.environ.get(f"OTMETKA_{upper}_CLIENT_SECRET")
            or env("OTMETKA_SERVICES_CLIENT_SECRET"),
            peers={p: env(f"OTMETKA_{p.upper()}_GRPC_ADDR") for p in PEERS if p != name},
            trusted_peers=tuple(env("OTMETKA_TRUSTED_PEERS", ",".join(LOOPBACK)).split(",")),
            outbox_retention_hours=positive("OTMETKA_OUTBOX_RETENTION_HOURS", OUTBOX_RETENTION_HOURS),
            inbox_retention_days=positive("OTMETKA_INBOX_RETENTION_DAYS", INBOX_RETENTION_DAYS),
        )

    def __repr__(self) -> str:
        return without_secrets(self)

    @property
    def issuer(self) -> str:
        return f"{self.keycloak_url}/realms/{self.keycloak_realm}"


SMTP_SECURITY = ("starttls", "tls", "none")  # STARTTLS on a plain port (587), TLS from the start (465), none (Mailpit)
SMTP_TIMEOUT = 30.0  # seconds a connection or a reply of the relay may take


@dataclass(frozen=True)
class MailSettings:
    """How a service that sends mail reaches the relay (the municipality's in production, the stack's Mailpit in
    development) and what its mails carry: the sender, the keys of the unsubscribe links, the public URL they open.
    A user and password log in (only over STARTTLS or TLS: never in clear); a CA file verifies a relay whose
    certificate a private authority issued."""

    smtp_host: str
    smtp_port: int
    smtp_security: str
    smtp_user: str
    smtp_password: str
    smtp_ca_file: str
    smtp_timeout: float
    sender: str
    link_keys: tuple[str, ...]
    public_url: str

    @classmethod
    def from_env(cls) -> "MailSettings":
        security = env("OTMETKA_SMTP_SECURITY", "starttls")
        if security not in SMTP_SECURITY:
            raise SettingsError(f"OTMETKA_SMTP_SECURITY must be one of {', '.join(SMTP_SECURITY)}, not {security!r}")
        port = env("OTMETKA_SMTP_PORT", "465" if security == "tls" else "587")
        if not port.isdigit() or not 0 < int(port) < 65536:
            raise SettingsError(f"OTMETKA_SMTP_PORT must be a port number, not {port!r}")
        user, password = os.environ.get("OTMETKA_SMTP_USER", ""), os.environ.get("OTMETKA_SMTP_PASSWORD", "")
        if bool(user) != bool(password):
            raise SettingsError("OTMETKA_SMTP_USER and OTMETKA_SMTP_PASSWORD are given together or not at all")
        if user and security == "none":
            raise SettingsError("OTMETKA_SMTP_USER needs OTMETKA_SMTP_SECURITY starttls or tls: "
                                "the password would cross the network in clear")
        ca_file = os.environ.get("OTMETKA_SMTP_CA_FILE", "")
        if ca_file and not os.path.isfile(ca_file):
            raise SettingsError(f"OTMETKA_SMTP_CA_FILE {ca_file!r} is not a file")
        sender = env("OTMETKA_MAIL_FROM")
        try:
            parse_sender(sender)
        except Invalid:
            raise SettingsError(f"OTMETKA_MAIL_FROM must be an address, `Имя <адрес>` or `адрес`, not {sender!r}") from None
        keys = (env("OTMETKA_MAIL_LINK_KEY"),
                *[k for k in os.environ.get("OTMETKA_MAIL_LINK_KEY_PREVIOUS", "").split(",") if k])
        if any(len(key) < MIN_KEY_LENGTH for key in keys):
            raise SettingsError(f"OTMETKA_MAIL_LINK_KEY (and each previous key) has at least {MIN_KEY_LENGTH} characters")
        return cls(
            smtp_host=env("OTMETKA_SMTP_HOST"), smtp_port=int(port), smtp_security=security, smtp_user=user,
            smtp_password=password, smtp_ca_file=ca_file, smtp_timeout=positive("OTMETKA_SMTP_TIMEOUT", SMTP_TIMEOUT),
            sender=sender, link_keys=keys, public_url=env("OTMETKA_GATEWAY_PUBLIC_URL").rstrip("/"),
        )

    def __repr__(self) -> str:
        return without_secrets(self)
