"""The contacts a school may keep on its person records (phone, e-mail, address) and their checks."""
import re
from dataclasses import dataclass

from services.identity.domain import Problems

CONTACT_FIELDS = ("phone", "email", "address")  # what a school may choose to keep on its person records
CONTACT_NAMES = {"phone": "телефон", "email": "электронную почту", "address": "адрес"}
MAX_EMAIL = 254
MAX_ADDRESS = 500
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class Contacts:
    phone: str = ""
    email: str = ""
    address: str = ""

    @classmethod
    def cleaned(cls, **values: str) -> "Contacts":
        return cls(**{k: " ".join(v.split()) for k, v in values.items()})


def normal_phone(raw: str) -> str | None:
    """+7XXXXXXXXXX from 8…, 7… or +7… (10 digits: a Russian number without the prefix), spaces, dashes and
    brackets allowed; another country's number as +<8..15 digits>; None if it is not a phone number."""
    if not re.fullmatch(r"\+?[\d\s()\-]+", raw):
        return None
    digits = re.sub(r"\D", "", raw)
    if raw.startswith("+"):
        return "+" + digits if 8 <= len(digits) <= 15 else None
    if len(digits) == 11 and digits[0] in "78":
        return "+7" + digits[1:]
    return "+7" + digits if len(digits) == 10 else None


def contact_problems(contacts: Contacts, kept: tuple[str, ...] | list[str]) -> tuple[Contacts, Problems]:
    """The contacts normalised (phone) and their problems: a field the school does not keep must stay empty."""
    problems = {}
    for field in CONTACT_FIELDS:
        if getattr(contacts, field) and field not in kept:
            problems[f"contacts.{field}"] = f"школа не хранит {CONTACT_NAMES[field]}"
    phone = contacts.phone
    if phone and "contacts.phone" not in problems:
        phone = normal_phone(contacts.phone) or phone
        if not normal_phone(contacts.phone):
            problems["contacts.phone"] = "телефон в формате +7 XXX XXX-XX-XX или +код страны и номер"
    if contacts.email and "contacts.email" not in problems and (
            len(contacts.email) > MAX_EMAIL or not EMAIL_RE.match(contacts.email)):
        problems["contacts.email"] = "адрес электронной почты указан неверно"
    if len(contacts.address) > MAX_ADDRESS and "contacts.address" not in problems:
        problems["contacts.address"] = f"не длиннее {MAX_ADDRESS} символов"
    return Contacts(phone, contacts.email, contacts.address), problems


def contact_fields_problems(fields: list[str]) -> Problems:
    unknown = sorted(set(fields) - set(CONTACT_FIELDS))
    return {"fields": f"неизвестные поля: {', '.join(unknown)}; возможны phone, email, address"} if unknown else {}
