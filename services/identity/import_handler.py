"""ImportPeople: a dry run reports every line; an apply writes all new people in one transaction or nothing.

No accounts are created (Keycloak is not called); class groups are checked once per distinct id, before
the transaction opens.
"""
import datetime as dt
import uuid
from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from proto.identity.v1 import identity_pb2 as pb
from services.common.context import Caller
from services.common.db import Database, parse_uuid
from services.common.errors import Invalid
from services.common.outbox import Outbox
from services.identity import audit, people_import
from services.identity.domain import PersonName
from services.identity.handlers import _add_person, authorized, require_admin_for_managers
from services.identity.people_import import Checked
from services.identity.tables import persons

NO_CLASS_GROUP = "в этой школе нет такого класса"


def import_people(db: Database, outbox: Outbox, class_groups, caller: Caller, school_id: str, filename: str,
                  content: bytes, dry_run: bool) -> pb.ImportPeopleResponse:
    school_id = parse_uuid(school_id, "school_id")
    with authorized(db, caller, school_id, "person.manage"):
        pass  # the file is read only for someone who may import into this school
    today = dt.date.today()
    checked = [people_import.check_line(line, today) for line in people_import.read_lines(filename, content)]
    _check_class_groups(class_groups, school_id, checked)
    with authorized(db, caller, school_id, "person.manage") as session:
        require_admin_for_managers(session, caller, school_id,
                                   {role for item in checked if item.person for role in item.person.roles})
        people_import.mark_duplicates(checked, _existing(session))
        errors = [item for item in checked if item.problems]
        if errors and not dry_run:
            raise Invalid(message=f"Импорт не выполнен: исправьте строки с ошибками ({len(errors)}) и повторите",
                          fields={f"line_{item.line}.{column}": reason
                                  for item in errors for column, reason in item.problems.items()})
        created = {} if dry_run else _write(session, outbox, school_id, checked)
        if not dry_run:
            audit.record(session, school_id, "people.import", "", filename=filename, created=len(created),
                         duplicates=sum(1 for item in checked if item.duplicate_of))
    return _report(checked, created, applied=not dry_run)


def _check_class_groups(class_groups, school_id: str, checked: list[Checked]) -> None:
    """Asks the class-group port once per distinct id; lines with a class the school lacks become errors."""
    lines_by_group = defaultdict(list)
    for item in checked:
        if item.person and item.person.class_group_id:
            lines_by_group[item.person.class_group_id].append(item)
    for class_group_id, items in lines_by_group.items():
        try:
            class_groups.require(school_id, class_group_id)
        except Invalid:
            for item in items:
                item.person, item.problems = None, {"class_group_id": NO_CLASS_GROUP}


def _existing(session: Session) -> dict[tuple, str]:
    """The school's people by identity key."""
    rows = session.execute(select(persons.c.id, persons.c.kind, persons.c.snils, persons.c.last_name,
                                  persons.c.first_name, persons.c.middle_name, persons.c.birth_date))
    return {people_import.identity_key(row.kind, row.snils, PersonName(row.last_name, row.first_name,
                                                                        row.middle_name), row.birth_date): row.id
            for row in rows}


def _write(session: Session, outbox: Outbox, school_id: str, checked: list[Checked]) -> dict[int, str]:
    """Writes the new people (with their events); returns person id by line."""
    created = {}
    for item in checked:
        if item.person and not item.duplicate_of:
            created[item.line] = str(uuid.uuid4())
            _add_person(session, outbox, school_id, created[item.line], item.person)
    return created


def _report(checked: list[Checked], created: dict[int, str], applied: bool) -> pb.ImportPeopleResponse:
    response = pb.ImportPeopleResponse(applied=applied, created=len(created))
    for item in checked:
        if item.problems:
            response.errors += 1
            for column, reason in item.problems.items():
                response.rows.add(line=item.line, status="error", field=column, reason=reason)
        elif item.duplicate_of.startswith("line "):
            response.duplicates += 1
            response.rows.add(line=item.line, status="duplicate",
                              reason=f"повторяет строку {item.duplicate_of.removeprefix('line ')} этого файла")
        elif item.duplicate_of:
            response.duplicates += 1
            response.rows.add(line=item.line, status="duplicate", reason="уже есть в школе",
                              person_id=item.duplicate_of)
        else:
            response.rows.add(line=item.line, status="ok", person_id=created.get(item.line, ""))
    return response
