"""Typed gateway settings read once from OTMETKA_* environment variables (no defaults for secrets)."""
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from gateway.load_shedding import Shedding
from gateway.rate_limits import Limits
from services.common.settings import PEERS, SettingsError, env, without_secrets

HSTS_MAX_AGE = 365 * 24 * 3600


@dataclass(frozen=True)
class GatewaySettings:
    public_url: str
    client_id: str
    client_secret: str
    session_secret: str
    keycloak_url: str
    keycloak_realm: str
    peers: dict[str, str]
    proxy_hops: int = 0  # reverse proxies (ingress) in front of the gateway whose X-Forwarded-* are believed
    db_url: str = ""  # the gateway's database (sessions, rate-limit counters); "" only where a test gives the store
    cookie_secure: bool | None = None  # the session cookie's Secure flag; None: when the public URL is https
    hsts: bool | None = None  # Strict-Transport-Security on every answer; None: when the public URL is https
    limits: Limits = field(default_factory=Limits)
    timezone: str = "Europe/Moscow"  # the installation's (the operator's) zone: the status notice's end time
    shedding: Shedding = field(default_factory=Shedding)  # requests in flight per process (gateway/load_shedding.py)

    @classmethod
    def from_env(cls) -> "GatewaySettings":
        return cls(
            public_url=env("OTMETKA_GATEWAY_PUBLIC_URL").rstrip("/"),
            client_id=env("OTMETKA_GATEWAY_CLIENT_ID", "otmetka-gateway"),
            client_secret=env("OTMETKA_GATEWAY_CLIENT_SECRET"),
            session_secret=env("OTMETKA_GATEWAY_SESSION_SECRET"),
            keycloak_url=env("OTMETKA_KEYCLOAK_URL").rstrip("/"),
            keycloak_realm=env("OTMETKA_KEYCLOAK_REALM"),
            peers={p: env(f"OTMETKA_{p.upper()}_GRPC_ADDR") for p in PEERS},
            proxy_hops=int(env("OTMETKA_GATEWAY_PROXY_HOPS", "0")),
            db_url=env("OTMETKA_GATEWAY_DB_URL"),
            cookie_secure=flag("OTMETKA_GATEWAY_SECURE_COOKIES"),
            hsts=flag("OTMETKA_GATEWAY_HSTS"),
            limits=Limits.from_env(),
            timezone=env("OTMETKA_GATEWAY_TIMEZONE", "Europe/Moscow"),
            shedding=Shedding.from_env(),
        )

    def __repr__(self) -> str:
        return without_secrets(self)

    @property
    def issuer(self) -> str:
        return f"{self.keycloak_url}/realms/{self.keycloak_realm}"

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def secure_cookies(self) -> bool:
        return self.public_url.startswith("https://") if self.cookie_secure is None else self.cookie_secure

    @property
    def hsts_max_age(self) -> int:
        """Seconds for Strict-Transport-Security; 0: no such header (the development install on plain http)."""
        on = self.public_url.startswith("https://") if self.hsts is None else self.hsts
        return HSTS_MAX_AGE if on else 0

    def activation_url(self, code: str) -> str:
        """The public page where a one-time code activates a login (handed out by the API and the console)."""
        return f"{self.public_url.rstrip('/')}/activate?code={code}"


def flag(name: str) -> bool | None:
    """true / false from the environment; None when not set."""
    raw = env(name, "unset").strip().lower()
    if raw == "unset":
        return None
    if raw not in ("true", "false"):
        raise SettingsError(f"{name} must be true or false, not {raw!r}")
    return raw == "true"
