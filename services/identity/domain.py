"""Identity rules: SNILS checksum, person, school, staff card and contact checks, login names.

Checks return {field: Russian message} so that a form can show every problem at once.
"""
import datetime as dt
import re
import uuid
from dataclasses import dataclass

from services.common.policy import STAFF_ROLES

PERSON_KINDS = ("staff", "student", "guardian")
GENDERS = ("male", "female")
RELATIONS = ("mother", "father", "guardian", "other")
KIND_ROLES = {"student": "student", "guardian": "guardian"}  # the role a record of this kind holds
EARLIEST_BIRTH = dt.date(1900, 1, 1)
NAME_RE = re.compile(r"^[A-Za-zА-Яа-яЁё][A-Za-zА-Яа-яЁё' .\-]*$")
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MAX_NAME = 100
MAX_SCHOOL_NAME = 300
MAX_ADDRESS = 500
MAX_NUMBER = 100

Problems = dict[str, str]


@dataclass(frozen=True)
class PersonName:
    last_name: str
    first_name: str
    middle_name: str = ""

    @property
    def full(self) -> str:
        return " ".join(part for part in (self.last_name, self.first_name, self.middle_name) if part)


@dataclass(frozen=True)
class NewPerson:
    """A person record as validated from input (SNILS as 11 digits, roles sorted)."""

    kind: str
    name: PersonName
    gender: str | None
    birth_date: dt.date | None
    snils: str | None
    roles: tuple[str, ...]
    class_group_id: str | None
    create_account: bool
    staff: "StaffCard | None" = None  # staff only
    contacts: "Contacts | None" = None


def snils_digits(raw: str) -> str:
    """The SNILS as written by people (with spaces and dashes) reduced to its characters without them."""
    return re.sub(r"[\s\-]", "", raw or "")


def valid_snils(value: str) -> bool:
    """11 digits whose last two are the checksum of the first nine (weights 9..1, modulo 101)."""
    if not re.fullmatch(r"\d{11}", value or ""):
        return False
    total = sum(int(digit) * weight for digit, weight in zip(value[:9], range(9, 0, -1), strict=True))
    if total < 100:
        checksum = total
    elif total in (100, 101):
        checksum = 0
    else:
        checksum = total % 101
        checksum = 0 if checksum == 100 else checksum
    return int(value[9:]) == checksum


def clean_name(name: PersonName) -> PersonName:
    return PersonName(name.last_name.strip(), name.first_name.strip(), name.middle_name.strip())


def name_problems(name: PersonName, prefix: str) -> Problems:
    problems = {}
    for part in ("last_name", "first_name", "middle_name"):
        value = getattr(name, part)
        field = f"{prefix}.{part}"
        if not value:
            if part != "middle_name":
                problems[field] = "обязательное поле"
        elif len(value) > MAX_NAME:
            problems[field] = f"не длиннее {MAX_NAME} символов"
        elif not NAME_RE.match(value):
            problems[field] = "только буквы, пробел, дефис и апостроф"
    return problems


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


def parse_past_date(raw: str, today: dt.date,
                    out_of_range: str = "дата не может быть в будущем или раньше 1900 года"
                    ) -> tuple[dt.date | None, str | None]:
    """A date in the past (a birth, a document): ISO, 1900-01-01..today. (date, None) or (None, problem);
    an empty value is (None, None)."""
    if not raw:
        return None, None
    try:
        value = dt.date.fromisoformat(raw)
    except ValueError:
        return None, "дата в формате ГГГГ-ММ-ДД"
    if not EARLIEST_BIRTH <= value <= today:
        return None, out_of_range
    return value, None


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


def parse_birth_date(raw: str, today: dt.date) -> tuple[dt.date | None, str | None]:
    return parse_past_date(raw, today, "дата рождения вне допустимого диапазона")


def is_uuid(value: str) -> bool:
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


def new_person(kind: str, name: PersonName, gender: str, birth_date: str, snils: str, roles: list[str],
               class_group_id: str, create_account: bool, today: dt.date) -> tuple[NewPerson, Problems]:
    """Validates a new person record; gender and birth date are required for students only."""
    name = clean_name(name)
    gender = gender.strip().lower()
    snils = snils_digits(snils)
    problems = name_problems(name, "name")
    if kind not in PERSON_KINDS:
        problems["kind"] = "укажите сотрудника, обучающегося или родителя"
    if gender and gender not in GENDERS:
        problems["gender"] = "male или female"
    elif not gender and kind == "student":
        problems["gender"] = "обязательное поле"
    born, problem = parse_birth_date(birth_date.strip(), today)
    if problem:
        problems["birth_date"] = problem
    elif born is None and kind == "student":
        problems["birth_date"] = "обязательное поле"
    if snils and not valid_snils(snils):
        problems["snils"] = "СНИЛС указан неверно: 11 цифр с верной контрольной суммой"
    if kind == "staff" and (problem := staff_roles_problem(roles)):
        problems["roles"] = problem
    elif kind != "staff" and roles:
        problems["roles"] = "роли назначаются только сотрудникам"
    if class_group_id and kind != "student":
        problems["class_group_id"] = "класс указывается только для обучающихся"
    elif class_group_id and not is_uuid(class_group_id):
        problems["class_group_id"] = "ожидается идентификатор (UUID)"
    if create_account and kind == "guardian":
        problems["create_account"] = "родители входят через Госуслуги"
    person = NewPerson(kind=kind, name=name, gender=gender or None, birth_date=born, snils=snils or None,
                       roles=person_roles(kind, roles),
                       class_group_id=class_group_id or None, create_account=create_account)
    return person, problems


def staff_roles_problem(roles) -> str | None:
    """What is wrong with a staff member's roles (None if nothing): at least one, each a staff role."""
    unknown = sorted(set(roles) - STAFF_ROLES)
    return f"неизвестные роли: {', '.join(unknown)}" if unknown else None if roles else "укажите хотя бы одну роль"


def person_roles(kind: str, roles: list[str]) -> tuple[str, ...]:
    """Staff hold the roles they were given; students and guardians the role of their kind."""
    if kind == "staff":
        return tuple(sorted(set(roles)))
    return (KIND_ROLES[kind],) if kind in KIND_ROLES else ()


TRANSLIT = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f",
     "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "iu", "ia"], strict=True))


def login_name(last_name: str, kind: str, person_id: str) -> str:
    """`ivanov.1a2b3c` from the transliterated last name, or `staff.1a2b3c4d` when nothing Latin is left."""
    latin = "".join(TRANSLIT.get(ch, ch) for ch in last_name.lower())
    latin = re.sub(r"[^a-z0-9]", "", latin)[:20]
    suffix = person_id.replace("-", "")
    return f"{latin}.{suffix[:6]}" if latin else f"{kind}.{suffix[:8]}"


CATEGORIES = ("none", "fit", "first", "highest")  # без категории, соответствие должности, первая, высшая
STAFF_TEXTS = {"position": 300, "functions": 2000, "diploma_specialty": 300}


@dataclass(frozen=True)
class StaffCard:
    position: str = ""
    qualification_category: str = ""
    functions: str = ""
    diploma_specialty: str = ""

    @classmethod
    def cleaned(cls, **values: str) -> "StaffCard":
        return cls(**{k: v.strip() for k, v in values.items()})

    @property
    def empty(self) -> bool:
        return not any(vars(self).values())


def staff_card_problems(card: StaffCard, kind: str) -> Problems:
    if card.empty:
        return {}
    if kind != "staff":
        return {"staff": "карточка сотрудника заполняется только для сотрудников"}
    problems = {f"staff.{field}": f"не длиннее {limit} символов"
                for field, limit in STAFF_TEXTS.items() if len(getattr(card, field)) > limit}
    if card.qualification_category and card.qualification_category not in CATEGORIES:
        problems["staff.qualification_category"] = "none, fit, first или highest"
    return problems


CONTACT_FIELDS = ("phone", "email", "address")  # what a school may choose to keep on its person records
CONTACT_NAMES = {"phone": "телефон", "email": "электронную почту", "address": "адрес"}
MAX_EMAIL = 254


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
