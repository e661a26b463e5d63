"""Links that prove themselves: a small payload and its HMAC-SHA256 under a key from the settings, carried in a URL,
so that whoever holds the link may do the one thing it names without logging in — a guardian unsubscribing from a
mail (`UnsubscribeLinks`), confirming that an address is theirs (`ConfirmAddressLinks`). A changed payload or
signature, another purpose's link or a link signed with an unknown key is refused (`Invalid`, reason BAD_LINK). Plain
Python, no I/O.

A token is `<payload>.<signature>`, both base64url without padding. The signature covers the purpose and the
payload, so a link made for one purpose never passes for another. Keys rotate: the first key signs, every key given
verifies (keep the previous key until the links signed with it no longer matter).
"""
import base64
import binascii
import datetime as dt
import hashlib
import hmac
import re
import struct
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from services.common.errors import Invalid

MIN_KEY_LENGTH = 32
BAD_LINK = "BAD_LINK"
SUBSCRIPTION = re.compile(r"[a-z][a-z0-9_.-]{0,47}")
EPOCH = dt.date(2000, 1, 1)  # issue dates travel as days since then (two bytes: until 2179)
UNSUBSCRIBE_PATH = "/unsubscribe/"  # the gateway's page (GET: confirm, POST: one-click, RFC 8058) under its public URL
CONFIRM_PATH = "/mail/confirm/"  # the gateway's page that confirms a guardian's address (GET: the button, POST: done)
CONFIRM_DAYS = 7


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    """Canonical base64url only: a token with other unused bits would decode to the same bytes."""
    if not re.fullmatch(r"[A-Za-z0-9_-]*", text):
        raise ValueError("not base64url")
    data = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    if _b64(data) != text:
        raise ValueError("not canonical base64url")
    return data


def bad_link() -> Invalid:
    return Invalid(message="Ссылка недействительна: она изменена или устарела. Откройте ссылку из последнего письма.",
                   fields={"token": "ссылка изменена или подписана неизвестным ключом"}, reason=BAD_LINK)


class LinkSigner:
    """Signs and verifies the payloads of one purpose's links."""

    def __init__(self, keys: Sequence[str], purpose: str):
        if not keys or any(len(key) < MIN_KEY_LENGTH for key in keys):
            raise ValueError(f"a link key has at least {MIN_KEY_LENGTH} characters")
        self._keys = [key.encode() for key in keys]
        self._purpose = f"otmetka/{purpose}\0".encode()

    def _mac(self, key: bytes, payload: bytes) -> bytes:
        return hmac.new(key, self._purpose + payload, hashlib.sha256).digest()

    def sign(self, payload: bytes) -> str:
        return f"{_b64(payload)}.{_b64(self._mac(self._keys[0], payload))}"

    def verify(self, token: str) -> bytes:
        """The payload of a token signed for this purpose by one of the keys; bad_link() otherwise."""
        encoded, dot, signature = (token or "").partition(".")
        try:
            payload, mac = _unb64(encoded), _unb64(signature)
        except (ValueError, binascii.Error):
            raise bad_link() from None
        if not dot or not any(hmac.compare_digest(mac, self._mac(key, payload)) for key in self._keys):
            raise bad_link()
        return payload


@dataclass(frozen=True)
class Unsubscribe:
    """Who stops receiving what: a guardian (of a school: the tenant the unsubscription is written in) and a
    subscription named by the service that sends the mails (`digest`, `notice.unexcused_absence`), and when the link
    was made."""

    school_id: str
    guardian_id: str
    subscription: str
    issued_on: dt.date


@dataclass(frozen=True)
class AddressConfirmation:
    """A guardian (of a school) confirms that an address is theirs: the link went to that address only."""

    school_id: str
    guardian_id: str
    address: str
    issued_on: dt.date


VERSION = 1
FIXED = struct.Struct(">B16s16sH")  # version, school, guardian, days since EPOCH; then the link's value (ASCII)
ADDRESS = re.compile(r"[!-~]{3,254}")  # an address as services.common.mail.parse_address gives it: printable ASCII


class GuardianLinks:
    """Links of one purpose that name a guardian of a school and one ASCII value (what to unsubscribe from, the
    address to confirm), signed, not secret; they expire only when `max_age` is given."""

    purpose = ""
    path = ""
    value = SUBSCRIPTION

    def __init__(self, keys: Sequence[str], public_url: str, max_age: dt.timedelta | None = None):
        self.signer = LinkSigner(keys, self.purpose)
        self.public_url = public_url.rstrip("/")
        self.max_age = max_age

    def token(self, school_id: str, guardian_id: str, value: str, today: dt.date) -> str:
        if not self.value.fullmatch(value):
            raise ValueError(f"not a value of a {self.purpose} link: {value!r}")
        days = (today - EPOCH).days
        if not 0 <= days <= 0xFFFF:
            raise ValueError(f"{today} is outside the links' dates")
        payload = FIXED.pack(VERSION, uuid.UUID(school_id).bytes, uuid.UUID(guardian_id).bytes, days)
        return self.signer.sign(payload + value.encode("ascii"))

    def url(self, school_id: str, guardian_id: str, value: str, today: dt.date) -> str:
        return f"{self.public_url}{self.path}{self.token(school_id, guardian_id, value, today)}"

    def claims(self, token: str, today: dt.date) -> tuple[str, str, str, dt.date]:
        """(school, guardian, value, issued on) of a token, once its signature is checked (and its age)."""
        payload = self.signer.verify(token)
        if len(payload) <= FIXED.size or payload[0] != VERSION:
            raise bad_link()
        _, school, guardian, days = FIXED.unpack_from(payload)
        value = payload[FIXED.size:].decode("ascii", errors="replace")
        if not self.value.fullmatch(value):
            raise bad_link()
        issued_on = EPOCH + dt.timedelta(days=days)
        if self.max_age is not None and today - issued_on > self.max_age:
            raise bad_link()
        return str(uuid.UUID(bytes=school)), str(uuid.UUID(bytes=guardian)), value, issued_on


class UnsubscribeLinks(GuardianLinks):
    """The unsubscribe links of the mails: no expiry unless `max_age` is given (a guardian may click a link in a mail
    of last year); the subscription's name, the school and the guardian are in the link, signed, not secret."""

    purpose, path = "unsubscribe", UNSUBSCRIBE_PATH

    def read(self, token: str, today: dt.date) -> Unsubscribe:
        return Unsubscribe(*self.claims(token, today))


class ConfirmAddressLinks(GuardianLinks):
    """The link a guardian's new address is sent to: opening it proves the address is theirs (nothing else is mailed
    to an address before). It expires after CONFIRM_DAYS."""

    purpose, path, value = "confirm-address", CONFIRM_PATH, ADDRESS

    def __init__(self, keys: Sequence[str], public_url: str, max_age: dt.timedelta | None = None):
        super().__init__(keys, public_url, max_age or dt.timedelta(days=CONFIRM_DAYS))

    def read(self, token: str, today: dt.date) -> AddressConfirmation:
        return AddressConfirmation(*self.claims(token, today))
