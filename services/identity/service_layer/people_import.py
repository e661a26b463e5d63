"""ImportPeople: a dry run reports every line; an apply writes all new people and guardian links in one
transaction or nothing (the same import runs as a background job: service_layer.import_jobs).

No accounts are created (Keycloak is not called); class groups are checked once per distinct id, before
the transaction opens.
"""
import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Callable

from proto.identity.v1 import identity_pb2 as pb
from services.common.errors import Invalid
from services.common.scope import Scope
from services.identity.domain import people_import
from services.identity.domain.manager_roles import require_admin_for_managers
from services.identity.domain.people_import import Checked, Line, Target
from services.identity.domain.person import PersonName
from services.identity.service_layer.people import add_person
from services.identity.service_layer.ports import ClassGroups
from services.identity.service_layer.unit_of_work import IdentityUnitOfWork

PROGRESS_STEP = 100  # lines between two progress reports
Progress = Callable[[str, int], None]  # (phase: checking | writing, lines done in it)


def _silent(phase: str, done: int) -> None:
    """No one watches a synchronous import."""


def kept_contacts(scope: Scope, uow: IdentityUnitOfWork) -> list[str]:
    """The contact fields the school keeps, for someone who may import into it (only they have the file read)."""
    scope.require("person.manage")
    with uow:
        return uow.schools.contact_fields()


def import_people(scope: Scope, uow: IdentityUnitOfWork, class_groups: ClassGroups, filename: str, content: bytes,
                  dry_run: bool) -> pb.ImportPeopleResponse:
    kept = kept_contacts(scope, uow)
    lines = people_import.read_lines(filename, content)
    return run_import(scope, uow, class_groups, filename, lines, dry_run, kept, _silent)


def run_import(scope: Scope, uow: IdentityUnitOfWork, class_groups: ClassGroups, filename: str, lines: list[Line],
               dry_run: bool, kept: list[str], progress: Progress) -> pb.ImportPeopleResponse:
    today = dt.date.today()
    checked = []
    for done, line in enumerate(lines, 1):
        checked.append(people_import.check_line(line, today, tuple(kept)))
        if done % PROGRESS_STEP == 0:
            progress("checking", done)
    _check_class_groups(class_groups, scope.school_id, checked)
    scope.require("person.manage")
    with uow:
        require_admin_for_managers(scope.principal,
                                   {role for item in checked if item.person for role in item.person.roles})
        existing = _existing(uow)
        people_import.mark_duplicates(checked, existing)
        links = people_import.resolve_links(checked, existing)
        progress("checking", len(lines))
        errors = [item for item in checked if item.problems]
        if errors and not dry_run:
            raise Invalid(message=f"Импорт не выполнен: исправьте строки с ошибками ({len(errors)}) и повторите",
                          fields={f"line_{item.line}.{column}": reason
                                  for item in errors for column, reason in item.problems.items()})
        if dry_run:
            return _report(checked, {}, applied=False, links=_count_new_links(uow, checked, links))
        created = _write(uow, checked, progress)
        linked = _link(uow, checked, created, links)
        uow.audit.record("people.import", "", filename=filename, created=len(created),
                         duplicates=sum(1 for item in checked if item.duplicate_of), links=linked)
    return _report(checked, created, applied=True, links=linked)


def _check_class_groups(class_groups, school_id: str, checked: list[Checked]) -> None:
    """Asks the class-group port once per distinct id; lines with a class the school lacks become errors."""
    lines_by_group = defaultdict(list)
    for item in checked:
        if item.person and item.person.class_group_id:
            lines_by_group[item.person.class_group_id].append(item)
    for class_group_id, items in lines_by_group.items():
        try:
            class_groups.require(school_id, class_group_id)
        except Invalid as refused:
            for item in items:
                item.person, item.problems = None, {"class_group_id": refused.fields["class_group_id"]}


def _existing(uow: IdentityUnitOfWork) -> dict[tuple, str]:
    """The school's people by identity key."""
    rows = uow.people.identities()
    return {people_import.identity_key(row.kind, row.snils, PersonName(row.last_name, row.first_name,
                                                                        row.middle_name), row.birth_date): row.id
            for row in rows}


def _write(uow: IdentityUnitOfWork, checked: list[Checked], progress: Progress) -> dict[int, str]:
    """Writes the new people (with their events); returns person id by line."""
    created = {}
    for done, item in enumerate(checked, 1):
        if item.person and not item.duplicate_of:
            created[item.line] = str(uuid.uuid4())
            add_person(uow, created[item.line], item.person)
        if done % PROGRESS_STEP == 0:
            progress("writing", done)
    progress("writing", len(checked))
    return created


def _person_of(line: int, by_line: dict[int, Checked], created: dict[int, str]) -> str:
    """The person id a line stands for: created by it, or the record (or earlier line) it duplicates."""
    item = by_line[line]
    if item.duplicate_of.startswith("line "):
        return _person_of(int(item.duplicate_of.removeprefix("line ")), by_line, created)
    return item.duplicate_of or created.get(line, "")


def _pairs(checked: list[Checked], created: dict[int, str], links: list[tuple[Checked, Target]]):
    """(guardian id, student id, relation) of every link; ids are '' for people not written (dry run)."""
    by_line = {item.line: item for item in checked}
    for guardian, (kind, ref) in links:
        student_id = ref if kind == "person" else _person_of(int(ref), by_line, created)
        yield _person_of(guardian.line, by_line, created), student_id, guardian.relation


def _count_new_links(uow: IdentityUnitOfWork, checked: list[Checked], links: list[tuple[Checked, Target]]) -> int:
    have = uow.people.guardianships()
    return len({(g or f"new {i}", s or f"new {i}") for i, (g, s, _) in enumerate(_pairs(checked, {}, links))
                if (g, s) not in have})


def _link(uow: IdentityUnitOfWork, checked: list[Checked], created: dict[int, str],
          links: list[tuple[Checked, Target]]) -> int:
    """Writes the links the school does not have yet (with their events); returns how many."""
    made = 0
    for guardian_id, student_id, relation in _pairs(checked, created, links):
        if uow.people.add_guardianship(guardian_id, student_id, relation):
            made += 1
            uow.publish(pb.GuardianLinked(guardian_id=guardian_id, student_id=student_id, relation=relation))
    return made


def _report(checked: list[Checked], created: dict[int, str], applied: bool, links: int) -> pb.ImportPeopleResponse:
    response = pb.ImportPeopleResponse(applied=applied, created=len(created), links=links)
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
