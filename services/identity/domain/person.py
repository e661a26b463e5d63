"""The person record (личная карта) as entered: names, kind, gender, birth date, roles, class; its checks and the
login name made for it. Checks return {field: Russian message} so that a form can show every problem at once."""
import datetime as dt
import re
import uuid
from dataclasses import dataclass

from services.common.policy import STAFF_ROLES
from services.identity.domain import Problems
from services.identity.domain.contacts import Contacts
from services.identity.domain.snils import snils_digits, valid_snils
from services.identity.domain.staff_card import StaffCard

PERSON_KINDS = ("staff", "student", "guardian")
GENDERS = ("male", "female")
KIND_LABELS = {"staff": "Сотрудник", "student": "Обучающийся", "guardian": "Родитель"}
RELATIONS = ("mother", "father", "guardian", "other")
KIND_ROLES = {"student": "student", "guardian": "guardian"}  # the role a record of this kind holds
EARLIEST_BIRTH = dt.date(1900, 1, 1)
NAME_RE = re.compile(r"^[A-Za-zА-Яа-яЁё][A-Za-zА-Яа-яЁё' .\-]*$")
MAX_NAME = 100


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
    staff: StaffCard | None = None  # staff only
    contacts: Contacts | None = None


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


