"""A correction of a person's name, gender or birth date (a change of surname, a typo): which fields change, from
what to what, with a required reason. Plain Python, no I/O."""
import datetime as dt

from services.identity.domain import Problems
from services.identity.domain.person import GENDERS, PersonName, clean_name, name_problems, parse_birth_date

CORRECTED_FIELDS = ("last_name", "first_name", "middle_name", "gender", "birth_date")


def corrections(current: dict[str, str], name: PersonName | None, gender: str, birth_date: str, reason: str,
                today: dt.date) -> tuple[dict[str, tuple[str, str]], Problems]:
    """{field: (old, new)} of the fields that change (current: the person's values as text, "" when none), and every
    problem of the correction. An unset name, an empty gender or birth date leave the field as it is."""
    problems: Problems = {} if reason.strip() else {"reason": "укажите причину исправления"}
    wanted = {}
    if name is not None:
        name = clean_name(name)
        problems |= name_problems(name, "name")
        wanted |= vars(name)
    if gender := gender.strip().lower():
        if gender not in GENDERS:
            problems["gender"] = "male или female"
        wanted["gender"] = gender
    if birth_date := birth_date.strip():
        born, problem = parse_birth_date(birth_date, today)
        if problem:
            problems["birth_date"] = problem
        wanted["birth_date"] = born.isoformat() if born else birth_date
    changes = {field: (current[field], value) for field, value in wanted.items() if value != current[field]}
    if not changes and not problems:
        problems["person_id"] = "нечего исправлять: значения совпадают с записанными"
    return changes, problems
