"""One-time activation codes: a printable code (also the secret of an activation link), its normal form,
the keyed hash that is all the database keeps, how long it is valid and how guessing is slowed down; the local
password check before Keycloak's own policy."""
import dataclasses
import datetime as dt
import hashlib
import hmac
import math
import re
import secrets

from services.common.errors import TooManyRequests
from services.common.settings import SettingsError

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read from paper and typed by hand
LENGTH = 12  # 32**12 = 2**60 codes
GROUP = 4
VALID_DAYS = 14
MAX_PASSWORD = 128
FEDERATED = "входит через Госуслуги: код не нужен"
# A school's network often reaches us through one address (NAT), so the limit is generous: with 60-bit codes,
# 50 guesses per address per quarter hour still leave no chance of hitting one. After MAX_FAILURES unknown or
# malformed codes within LOCKOUT, every attempt from that address is refused until the oldest of them is LOCKOUT old.
MAX_FAILURES = 50
LOCKOUT = dt.timedelta(minutes=15)
TOO_MANY = ("Слишком много попыток ввести неверный код. Ввод кода с этого адреса временно заблокирован: "
            "попробуйте снова через {minutes} мин. или попросите в школе новый код")


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


def locked_out(counted: dt.datetime, now: dt.datetime) -> TooManyRequests:
    """The refusal of an address whose MAX_FAILURES-th most recent failure was at `counted`, telling it when the
    lock lifts: when that failure is LOCKOUT old."""
    seconds = max(1, math.ceil((counted + LOCKOUT - now).total_seconds()))
    return TooManyRequests(TOO_MANY.format(minutes=math.ceil(seconds / 60)), {"code": "слишком много неверных попыток"},
                           retry_after=seconds)
