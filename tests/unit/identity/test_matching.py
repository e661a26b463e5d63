"""The name-matching key: what counts as the same person, and the migration computing it the same way."""
import datetime as dt
import importlib.util
import pathlib
from types import SimpleNamespace

from services.identity.domain import matching

MIGRATION = pathlib.Path(matching.__file__).parent.parent / "migrations" / "versions" / "0006_name_matching.py"


def test_the_key_ignores_case_yo_and_spaces_but_not_the_data():
    key = matching.match_key("Семёнова", "Анна", "Петровна", "female", dt.date(1985, 3, 14))
    assert key == matching.match_key(" семенова ", "АННА", "петровна", "female", "1985-03-14")
    assert key != matching.match_key("Семёнова", "Анна", "", "female", "1985-03-14")
    assert key != matching.match_key("Семёнова", "Анна", "Петровна", "male", "1985-03-14")
    assert key != matching.match_key("Семёнова", "Анна", "Петровна", "female", "1985-03-15")
    assert matching.match_key("Семёнова", "Анна", "", None, "1985-03-14") is None
    assert matching.match_key("Семёнова", "Анна", "", "female", None) is None


def test_token_claims_give_the_same_key():
    claims = {"family_name": "Семёнова", "given_name": "Анна", "middle_name": "Петровна", "gender": "FEMALE",
              "birthdate": "1985-03-14", "snils": "", "trusted": True}
    assert matching.claims_key(claims) == matching.match_key("Семёнова", "Анна", "Петровна", "female", "1985-03-14")
    assert matching.claims_key({**claims, "birthdate": "14.03.1985"}) is None
    assert matching.claims_key({**claims, "gender": "M"}) is None
    assert matching.claimed(claims) == {"family_name": "Семёнова", "given_name": "Анна", "middle_name": "Петровна",
                                        "gender": "FEMALE", "birthdate": "1985-03-14"}


def test_the_migration_backfills_with_the_same_key():
    spec = importlib.util.spec_from_file_location("name_matching_migration", MIGRATION)
    migration = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(migration)
    row = SimpleNamespace(last_name="Семёнова", first_name="Анна", middle_name="", gender="female",
                          birth_date=dt.date(1985, 3, 14))
    assert migration._key(row) == matching.match_key("Семёнова", "Анна", "", "female", dt.date(1985, 3, 14))
