"""One-time activation codes: a printable code (also the secret of an activation link), its normal form,
the keyed hash that is all the database keeps, issuing one for a person; the local password check before
Keycloak's own policy."""
import dataclasses
import datetime as dt
import hashlib
import hmac
import re
import secrets
import uuid

from sqlalchemy import delete, insert
from sqlalchemy.orm import Session

from proto.identity.v1 import identity_pb2 as pb
from services.common.errors import Invalid
from services.common.settings import SettingsError, env
from services.identity import audit, domain
from services.identity.domain import PersonName
from services.identity.tables import activation_codes

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read from paper and typed by hand
LENGTH = 12  # 32**12 = 2**60 codes
GROUP = 4
VALID_DAYS = 14
MAX_PASSWORD = 128
FEDERATED = "входит через Госуслуги: код не нужен"


def new_code() -> str:
    """`ABCD-EFGH-JKLM`: random, grouped for reading."""
    raw = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    return "-".join(raw[i:i + GROUP] for i in range(0, LENGTH, GROUP))


def normalized(code: str) -> str:
    """The code as typed (any case, spaces, dashes) in its normal form."""
    return re.sub(r"[\s\-]", "", code or "").upper()


def legacy_hash(code: str) -> str:
    """How codes issued before CodeKey were stored (plain SHA-256): found until they expire, never written."""
    return hashlib.sha256(normalized(code).encode()).hexdigest()


@dataclasses.dataclass(frozen=True)
class CodeKey:
    """The installation's secret for activation codes (OTMETKA_ACTIVATION_KEY, kept outside the database):
    a code is stored as HMAC-SHA256 under it, so a stolen database alone cannot be searched for codes.
    Replacing the key invalidates every code not yet used."""

    secret: bytes = dataclasses.field(repr=False)
    MIN_LENGTH = 32

    def __post_init__(self):
        if len(self.secret) < self.MIN_LENGTH:
            raise SettingsError(f"OTMETKA_ACTIVATION_KEY must be at least {self.MIN_LENGTH} characters")

    @classmethod
    def from_env(cls) -> "CodeKey":
        return cls(env("OTMETKA_ACTIVATION_KEY").encode())

    def code_hash(self, code: str) -> str:
        return hmac.new(self.secret, normalized(code).encode(), hashlib.sha256).hexdigest()

    def lookups(self, code: str) -> tuple[str, str]:
        """The stored forms a code may have: keyed, and SHA-256 for codes issued before the key."""
        return self.code_hash(code), legacy_hash(code)


def well_formed(code: str) -> bool:
    value = normalized(code)
    return len(value) == LENGTH and all(ch in ALPHABET for ch in value)


def password_problem(password: str) -> str | None:
    """What this service itself refuses; the realm's password policy is checked by Keycloak."""
    if not password:
        return "обязательное поле"
    if len(password) > MAX_PASSWORD:
        return f"не длиннее {MAX_PASSWORD} символов"
    if password != password.strip():
        return "без пробелов в начале и в конце"
    return None


def issue(session: Session, key: CodeKey, school_id: str, person, issued_by: str,
          now: dt.datetime) -> pb.ActivationSlip:
    """A new code for the person (their unused codes are dropped); the caller's transaction commits it."""
    if (person.username or "").startswith("esia."):
        raise Invalid("person_ids", f"{PersonName(person.last_name, person.first_name).full} {FEDERATED}")
    code, expires_at = new_code(), now + dt.timedelta(days=VALID_DAYS)
    username = person.username or domain.login_name(person.last_name, person.kind, person.id)
    session.execute(delete(activation_codes).where(activation_codes.c.person_id == person.id,
                                                   activation_codes.c.used_at.is_(None)))
    session.execute(insert(activation_codes).values(
        id=str(uuid.uuid4()), school_id=school_id, person_id=person.id, code_hash=key.code_hash(code),
        username=username, issued_by=issued_by, issued_at=now, expires_at=expires_at))
    audit.record(session, school_id, "activation.issue", person.id, username=username,
                 expires_at=expires_at.isoformat())
    return pb.ActivationSlip(
        person_id=person.id, full_name=PersonName(person.last_name, person.first_name, person.middle_name).full,
        kind=pb.PersonKind.Value(person.kind.upper()), username=username, code=code,
        expires_at=expires_at.isoformat())
