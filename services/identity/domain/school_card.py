"""The school card (T2): names and registration data as entered, their checks (INN, OGRN, dates), the school's
statuses and the refusal shown to the people of a suspended school."""
import datetime as dt
import re
from dataclasses import dataclass

from services.identity.domain import Problems
from services.identity.domain.contacts import EMAIL_RE, MAX_ADDRESS
from services.identity.domain.person import PersonName, name_problems, parse_past_date

STATUSES = ("active", "suspended")
SUSPENDED = ("Работа школы в системе приостановлена органом управления образованием. "
             "Обратитесь к администрации школы.")
DETAILS = ("inn", "ogrn", "address", "licence_number", "licence_date", "accreditation_number", "accreditation_date")
DATES = ("licence_date", "accreditation_date")
MAX_SCHOOL_NAME = 300
MAX_NUMBER = 100


def school_problems(card: "SchoolCard", admin_name: PersonName, admin_email: str, today: dt.date) -> Problems:
    problems = name_problems(admin_name, "admin_name") | card_problems(card, today)
    if admin_email and not EMAIL_RE.match(admin_email):
        problems["admin_email"] = "адрес электронной почты указан неверно"
    return problems


@dataclass(frozen=True)
class SchoolCard:
    """The school card (T2) as entered: names and registration data, stripped; dates as ISO text."""

    name: str
    short_name: str
    inn: str = ""
    ogrn: str = ""
    address: str = ""
    licence_number: str = ""
    licence_date: str = ""
    accreditation_number: str = ""
    accreditation_date: str = ""

    @classmethod
    def cleaned(cls, **values: str) -> "SchoolCard":
        return cls(**{k: " ".join(v.split()) for k, v in values.items()})


def valid_inn(value: str) -> bool:
    """The INN of a legal entity: 10 digits, the last one the check digit (weights 2 4 10 3 5 9 4 6 8)."""
    if not re.fullmatch(r"\d{10}", value):
        return False
    total = sum(int(d) * w for d, w in zip(value[:9], (2, 4, 10, 3, 5, 9, 4, 6, 8), strict=True))
    return total % 11 % 10 == int(value[9])


def valid_ogrn(value: str) -> bool:
    """The OGRN: 13 digits, the last one = (the first 12 as a number mod 11) mod 10."""
    return re.fullmatch(r"\d{13}", value) is not None and int(value[:12]) % 11 % 10 == int(value[12])


def card_problems(card: SchoolCard, today: dt.date) -> Problems:
    problems = {}
    for field, value, limit in (("name", card.name, MAX_SCHOOL_NAME), ("short_name", card.short_name, MAX_SCHOOL_NAME),
                                ("address", card.address, MAX_ADDRESS),
                                ("licence_number", card.licence_number, MAX_NUMBER),
                                ("accreditation_number", card.accreditation_number, MAX_NUMBER)):
        if not value and field in ("name", "short_name"):
            problems[field] = "обязательное поле"
        elif len(value) > limit:
            problems[field] = f"не длиннее {limit} символов"
    if card.inn and not valid_inn(card.inn):
        problems["inn"] = "ИНН организации: 10 цифр с верным контрольным числом"
    if card.ogrn and not valid_ogrn(card.ogrn):
        problems["ogrn"] = "ОГРН: 13 цифр с верным контрольным числом"
    for field in ("licence_date", "accreditation_date"):
        _, problem = parse_past_date(getattr(card, field), today)
        if problem:
            problems[field] = problem
    return problems
