"""Verifies Keycloak access tokens against the realm's JWKS (keys cached) and yields the Caller.

A token verified once is kept with its Caller until its `exp` (never longer), so the gateway and every service a
request passes through decode it once, not on every call: at most `cache_size` tokens, the least recently used
dropped first. Refused tokens are never kept (each try is decoded and refused again)."""
import threading
import time

import jwt
import requests

from services.common.context import Caller
from services.common.errors import Unauthenticated, Unavailable
from services.common.expiring import ExpiringCache

AUDIENCE = "otmetka-api"
CACHE_SIZE = 4096  # verified tokens kept per process: ≈ 6 KB each with claims and token, ≈ 25 MB at most


class TokenVerifier:
    def __init__(self, issuer: str, audience: str = AUDIENCE, leeway: int = 10, cache_size: int = CACHE_SIZE,
                 clock=time.time):
        self.issuer = issuer
        self.audience = audience
        self.leeway = leeway
        self.clock = clock
        self._jwks = jwt.PyJWKClient(f"{issuer}/protocol/openid-connect/certs", cache_keys=True, lifespan=3600)
        self._verified = ExpiringCache(cache_size)  # token -> caller, until the token's exp

    def verify(self, token: str) -> Caller:
        if not token:
            raise Unauthenticated()
        now = self.clock()
        if (kept := self._verified.get(token, now)) is not None:
            return kept
        caller = self._decode(token)
        expires = float(caller.claims["exp"])
        if now < expires:
            self._verified.put(token, caller, expires)
        return caller

    def _decode(self, token: str) -> Caller:
        try:
            key = self._jwks.get_signing_key_from_jwt(token)
            claims = jwt.decode(
                token, key.key, algorithms=["RS256"], audience=self.audience, issuer=self.issuer,
                leeway=self.leeway, options={"require": ["exp", "iat", "sub"]},
            )
        except jwt.PyJWKClientConnectionError as exc:  # Keycloak unreachable: not the caller's fault
            raise Unavailable("Служба входа временно недоступна, повторите попытку") from exc
        except jwt.PyJWKClientError as exc:
            raise Unauthenticated("Не удалось проверить ключ токена") from exc
        except jwt.InvalidTokenError as exc:
            raise Unauthenticated("Токен недействителен или истёк") from exc
        return caller_from_claims(claims, token)


def caller_from_claims(claims: dict, token: str) -> Caller:
    roles = frozenset(claims.get("realm_access", {}).get("roles", []))
    return Caller(
        subject=claims["sub"],
        username=claims.get("preferred_username") or claims.get("azp", ""),
        realm_roles=roles,
        token=token,
        claims=claims,
    )


class ServiceTokens:
    """Client-credentials tokens for calls a service makes on its own behalf (e.g. from a consumer)."""

    def __init__(self, issuer: str, client_id: str, client_secret: str):
        self.url = f"{issuer}/protocol/openid-connect/token"
        self.client_id = client_id
        self.client_secret = client_secret
        self._token = ""
        self._expires = 0.0
        self._lock = threading.Lock()

    def token(self) -> str:
        with self._lock:
            if time.monotonic() > self._expires - 30:
                resp = requests.post(self.url, data={
                    "grant_type": "client_credentials", "client_id": self.client_id,
                    "client_secret": self.client_secret,
                }, timeout=10)
                resp.raise_for_status()
                body = resp.json()
                self._token = body["access_token"]
                self._expires = time.monotonic() + float(body.get("expires_in", 60))
            return self._token
