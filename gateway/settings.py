"""Typed gateway settings read once from OTMETKA_* environment variables (no defaults for secrets)."""
from dataclasses import dataclass

from services.common.settings import PEERS, env, without_secrets


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
        )

    def __repr__(self) -> str:
        return without_secrets(self)

    @property
    def issuer(self) -> str:
        return f"{self.keycloak_url}/realms/{self.keycloak_realm}"

    @property
    def secure_cookies(self) -> bool:
        return self.public_url.startswith("https://")

    def activation_url(self, code: str) -> str:
        """The public page where a one-time code activates a login (handed out by the API and the console)."""
        return f"{self.public_url.rstrip('/')}/activate?code={code}"
