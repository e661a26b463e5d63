"""OpenID Connect with Keycloak for the browser: authorization code flow with PKCE (S256), code
exchange, refresh and the end of the Keycloak session. Plain HTTP, no Flask."""
import base64
import hashlib
import secrets
import time
from dataclasses import dataclass
from urllib.parse import urlencode

import requests

from gateway.settings import GatewaySettings
from services.common.errors import Unauthenticated, Unavailable

TIMEOUT = 10
KEYCLOAK_AWAY = "Сервис входа недоступен, повторите попытку позже"


@dataclass(frozen=True)
class LoginRequest:
    """What the browser's session keeps (on the server) from /login/start to /auth/callback."""

    state: str
    nonce: str
    code_verifier: str
    idp: str

    @classmethod
    def new(cls, idp: str = "") -> "LoginRequest":
        return cls(secrets.token_urlsafe(24), secrets.token_urlsafe(24), secrets.token_urlsafe(64), idp)

    @property
    def code_challenge(self) -> str:
        digest = hashlib.sha256(self.code_verifier.encode()).digest()
        return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


class KeycloakOidc:
    def __init__(self, settings: GatewaySettings):
        self.settings = settings
        self.endpoint = f"{settings.issuer}/protocol/openid-connect"
        self.redirect_uri = f"{settings.public_url}/auth/callback"

    def authorization_url(self, login: LoginRequest) -> str:
        params = {"client_id": self.settings.client_id, "response_type": "code", "scope": "openid",
                  "redirect_uri": self.redirect_uri, "state": login.state, "nonce": login.nonce,
                  "code_challenge": login.code_challenge, "code_challenge_method": "S256"}
        if login.idp:
            params["kc_idp_hint"] = login.idp
        return f"{self.endpoint}/auth?{urlencode(params)}"

    def exchange_code(self, code: str, login: LoginRequest) -> dict:
        return self._token({"grant_type": "authorization_code", "code": code, "redirect_uri": self.redirect_uri,
                            "code_verifier": login.code_verifier})

    def refresh(self, refresh_token: str) -> dict:
        return self._token({"grant_type": "refresh_token", "refresh_token": refresh_token})

    def end_session_url(self, id_token: str, after: str) -> str:
        params = {"client_id": self.settings.client_id, "post_logout_redirect_uri": after}
        if id_token:
            params["id_token_hint"] = id_token
        return f"{self.endpoint}/logout?{urlencode(params)}"

    def end_session_now(self, refresh_token: str) -> None:
        """Ends the Keycloak session from the server (when the browser should not stay signed in)."""
        try:
            requests.post(f"{self.endpoint}/logout", timeout=TIMEOUT, data={
                "client_id": self.settings.client_id, "client_secret": self.settings.client_secret,
                "refresh_token": refresh_token})
        except requests.RequestException:
            pass  # the session then simply expires in Keycloak

    def _token(self, form: dict) -> dict:
        form = {**form, "client_id": self.settings.client_id, "client_secret": self.settings.client_secret}
        try:
            resp = requests.post(f"{self.endpoint}/token", data=form, timeout=TIMEOUT)
        except requests.RequestException as exc:  # Keycloak restarting: the session stays, the user tries again
            raise Unavailable(KEYCLOAK_AWAY) from exc
        if resp.status_code >= 500:
            raise Unavailable(KEYCLOAK_AWAY)
        if resp.status_code != 200:
            raise Unauthenticated("Вход не удался или сеанс истёк, войдите снова")
        body = resp.json()
        refresh_for = float(body.get("refresh_expires_in") or 0)  # 0: Keycloak sets no end (offline tokens)
        return {"access_token": body["access_token"], "refresh_token": body.get("refresh_token", ""),
                "id_token": body.get("id_token", ""), "expires_at": time.time() + float(body.get("expires_in", 60)),
                "refresh_expires_at": time.time() + refresh_for if refresh_for else None}
