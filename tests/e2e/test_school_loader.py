"""The school loader (services/tooling/school_loader.py, used by `make run` and bench/seed.py) loads a generated
school through the REST API stage by stage: people with their guardian links, then the teaching load and timetable,
then a day of saved lessons; a stage already done is not repeated. What it wrote is read back through the API and
the identity database."""
from concurrent.futures import ThreadPoolExecutor

import pytest
import sqlalchemy as sa

from services import topology
from services.tooling import municipality as m
from services.tooling import school_loader as loader
from tests.support import stack
from tests.support.api import Api
from tests.support.school import CALENDAR

pytestmark = pytest.mark.stack


@pytest.fixture(scope="module")
def school() -> m.School:
    return m.generate("demo", 7, CALENDAR.start_year).schools[0]


def guardian_links(school_id: str) -> set[tuple[str, str, str]]:
    env = stack.env()
    url = topology.pg_url(env, env["OTMETKA_PG_SUPERUSER"], "otmetka_identity")
    with sa.create_engine(url, poolclass=sa.pool.NullPool).connect() as conn:
        return set(conn.execute(sa.text("SELECT guardian_id::text, student_id::text, relation FROM guardianships "
                                        "WHERE school_id = :sid"), {"sid": school_id}).all())


def test_a_school_loads_stage_by_stage(installation, school):
    env = stack.env()
    with ThreadPoolExecutor(8) as pool:
        phases = loader.Phases()
        people = loader.load_school(school, env, pool, phases, 1, 7, "тест загрузчика", stages=("people",),
                                    calendar=CALENDAR)
        assert people["done"] == ["people"] and "for_load" not in people
        persons = {p.key for c in school.classes for st in c.students for p in [st.person]}
        persons |= {g.guardian.key for g in school.guardianships} | {st.person.key for st in school.staff}
        assert set(people["people"]) == persons
        assert guardian_links(people["id"]) == {
            (people["people"][g.guardian.key], people["people"][g.student_key], g.relation) for g in school.guardianships}

        again = loader.Phases()
        assert loader.load_school(school, env, pool, again, 1, 7, "тест загрузчика", people, ("people",)) == people
        assert not again.calls  # a stage done is not repeated

        loaded = loader.load_school(school, env, pool, phases, 1, 7, "тест загрузчика", people)
    assert loaded["done"] == list(loader.STAGES)
    admin = Api(stack.password_token(loaded["admin"]["username"], loaded["admin"]["password"]))
    sid, group = loaded["id"], school.classes[0]
    lessons = admin.get(f"/schools/{sid}/lessons", params={
        "class_group_id": loaded["groups"][group.key], "from": "2025-09-01", "to": "2025-09-01"})["lessons"]
    entries = [e for e in school.timetable if e.class_key == group.key and e.weekday == 1]
    assert sorted(les["lesson_number"] for les in lessons) == sorted(e.number for e in entries)
    by_number = {e.number: e for e in entries}
    for lesson in lessons:  # the first school day was saved as municipality.lesson_record draws it
        expected = m.lesson_record(7, by_number[lesson["lesson_number"]], "2025-09-01", group.students)
        record = admin.get(f"/schools/{sid}/lessons/{lesson['id']}/record")
        assert record["topic"] == expected["topic"]
        assert sorted((mark["student_id"], mark["value"]) for mark in record["marks"]) == sorted(
            (loaded["people"][key], value) for key, value in expected["marks"])
    for_load = loaded["for_load"]
    assert [g["name"] for g in for_load["class_groups"]] == [c.name for c in school.classes]
    assert all(g["lessons"] and g["teacher"]["password"] for g in for_load["class_groups"])
