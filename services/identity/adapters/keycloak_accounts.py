"""Keycloak as the identity service sees it: one organization per school, user accounts with realm roles.

The admin client authenticates as identity's own client `otmetka-identity` (client credentials; the other
services' `otmetka-services` has no administration rights) and is created on first
use. Every Keycloak failure becomes a domain error, so callers can compensate and report cleanly.
"""
import contextlib
import json
import logging
import re
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from keycloak import KeycloakAdmin
from keycloak.exceptions import KeycloakError

from services.common.errors import Conflict, Invalid, Unavailable

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class NewAccount:
    username: str
    password: str
    first_name: str
    last_name: str
    email: str
    roles: tuple[str, ...]
    organization_id: str


class Compensation:
    """Undo steps for side effects outside the database, run in reverse order if the command fails."""

    def __init__(self):
        self._steps: list[tuple[Callable, tuple]] = []

    def add(self, undo: Callable, *args) -> None:
        self._steps.append((undo, args))

    def __enter__(self) -> "Compensation":
        return self

    def __exit__(self, exc_type, exc, tb) -> bool:
        if exc_type is not None:
            for undo, args in reversed(self._steps):
                try:
                    undo(*args)
                except Exception:
                    log.exception("compensation step %s failed", undo.__name__)
        return False


# Keycloak's password policy refusals (error keys of its admin API) in Russian
PASSWORD_RULES = {
    "invalidPasswordMinLengthMessage": "слишком короткий пароль",
    "invalidPasswordMaxLengthMessage": "слишком длинный пароль",
    "invalidPasswordNotUsernameMessage": "пароль не должен совпадать с логином",
    "invalidPasswordNotEmailMessage": "пароль не должен совпадать с адресом почты",
    "invalidPasswordMinDigitsMessage": "в пароле должна быть цифра",
    "invalidPasswordMinLowerCaseCharsMessage": "в пароле должна быть строчная буква",
    "invalidPasswordMinUpperCaseCharsMessage": "в пароле должна быть заглавная буква",
    "invalidPasswordMinSpecialCharsMessage": "в пароле должен быть знак препинания или символ",
    "invalidPasswordHistoryMessage": "этот пароль уже использовался",
    "invalidPasswordBlacklistedMessage": "этот пароль слишком распространён",
}


def password_refusal(exc: KeycloakError) -> Invalid | None:
    """Keycloak's refusal of a password under the realm policy as a field error, or None for other errors."""
    try:
        key = json.loads(exc.response_body or b"{}").get("error", "")
    except (ValueError, AttributeError):
        return None
    if exc.response_code != 400 or not str(key).startswith("invalidPassword"):
        return None
    reason = PASSWORD_RULES.get(key, "пароль не соответствует правилам")
    length = re.search(r"\d+", str(json.loads(exc.response_body).get("error_description", "")))
    if key == "invalidPasswordMinLengthMessage" and length:
        reason = f"пароль должен быть не короче {length.group()} символов"
    return Invalid(message=f"Пароль не подходит: {reason}", fields={"password": reason})


@contextlib.contextmanager
def _keycloak_errors() -> Iterator[None]:
    try:
        yield
    except KeycloakError as exc:
        refusal = password_refusal(exc)
        if refusal is not None:
            raise refusal from exc
        if exc.response_code == 409:
            raise Conflict("Учётная запись или организация с таким именем уже есть") from exc
        log.warning("keycloak call failed: %s %s", exc.response_code, exc.error_message)
        raise Unavailable("Служба учётных записей недоступна, повторите попытку") from exc


class KeycloakAccounts:
    def __init__(self, server_url: str, realm: str, client_id: str, client_secret: str):
        self._options = {"server_url": server_url, "realm_name": realm, "client_id": client_id,
                         "client_secret_key": client_secret}
        self._client: KeycloakAdmin | None = None
        self._lock = threading.Lock()

    @classmethod
    def from_settings(cls, settings) -> "KeycloakAccounts":
        return cls(settings.keycloak_url, settings.keycloak_realm, settings.service_client_id,
                   settings.service_client_secret)

    def _admin(self) -> KeycloakAdmin:
        with self._lock:
            if self._client is None:
                with _keycloak_errors():
                    self._client = KeycloakAdmin(**self._options)
            return self._client

    def create_organization(self, school_id: str, short_name: str) -> str:
        """The school's organization; alias and name carry the school id so that names never clash.

        Keycloak 26.5 (the stack's version) needs no domain for an organization, so none is set.
        """
        with _keycloak_errors():
            return self._admin().create_organization({
                "alias": f"school-{school_id}", "name": f"{short_name} ({school_id[:8]})", "enabled": True,
            })

    def delete_organization(self, organization_id: str) -> None:
        with _keycloak_errors():
            self._admin().delete_organization(organization_id)

    def create_account(self, account: NewAccount) -> str:
        """An enabled user with a permanent password, realm roles and membership; returns the user id."""
        admin = self._admin()
        payload = {
            "username": account.username, "enabled": True, "emailVerified": bool(account.email),
            "firstName": account.first_name, "lastName": account.last_name,
        }
        if account.password:  # none: the person sets it with an activation code
            payload["credentials"] = [{"type": "password", "value": account.password, "temporary": False}]
        if account.email:
            payload["email"] = account.email
        with Compensation() as undo, _keycloak_errors():
            user_id = admin.create_user(payload)
            undo.add(self.delete_account, user_id)
            admin.assign_realm_roles(user_id, [admin.get_realm_role(role) for role in account.roles])
            admin.organization_user_add(user_id, account.organization_id)
        return user_id

    def delete_account(self, user_id: str) -> None:
        with _keycloak_errors():
            self._admin().delete_user(user_id)

    def ensure_realm_role(self, user_id: str, role: str) -> None:
        admin = self._admin()
        with _keycloak_errors():
            if role not in {r["name"] for r in admin.get_realm_roles_of_user(user_id)}:
                admin.assign_realm_roles(user_id, [admin.get_realm_role(role)])

    def set_password(self, user_id: str, password: str) -> None:
        """A new permanent password for an existing login, which is enabled again (a new code unlocks it)."""
        admin = self._admin()
        with _keycloak_errors():
            admin.set_user_password(user_id, password, temporary=False)
            admin.update_user(user_id, {"enabled": True})

    def join_organization(self, user_id: str, organization_id: str) -> None:
        """Adds a login to another school's organization (already a member: nothing to do)."""
        admin = self._admin()
        with _keycloak_errors():
            if organization_id not in {o["id"] for o in admin.get_user_organizations(user_id)}:
                admin.organization_user_add(user_id, organization_id)

    def lock_account(self, user_id: str) -> None:
        """Disables the login and ends all its sessions (refresh tokens stop working at once)."""
        admin = self._admin()
        with _keycloak_errors():
            admin.disable_user(user_id)
            admin.user_logout(user_id)
