"""Bulk import with the staff card, contacts and guardian ↔ student links (still dry run, all-or-nothing
and no duplicates on re-import), and the import as a background job whose progress can be watched."""
import time

import grpc
import pytest
from sqlalchemy import func, select

from proto.identity.v1 import identity_pb2 as pb
from services.identity.adapters.tables import guardianships, persons
from services.identity.service_layer import people_import
from tests.integration.identity.conftest import onboard, random_snils
from tests.support.grpc_harness import rpc_error

pytestmark = pytest.mark.stack
HEADER = ("kind;last_name;first_name;middle_name;gender;birth_date;snils;roles;position;qualification_category;"
          "diploma_specialty;phone;row_key;guardian_of;relation")


@pytest.fixture(scope="module")
def school(identity):
    school = onboard(identity, "Школа загрузки")
    identity.call("SetContactFields", pb.SetContactFieldsRequest(school_id=school.id, fields=["phone"]),
                  school.admin_token)
    return school


def csv_file(*lines: str) -> bytes:
    return "\n".join((HEADER, *lines)).encode()


def import_people(identity, school, content: bytes, dry_run: bool) -> pb.ImportPeopleResponse:
    return identity.call("ImportPeople", pb.ImportPeopleRequest(
        school_id=school.id, filename="people.csv", content=content, dry_run=dry_run), school.admin_token)


def links_of(identity, school) -> set[tuple[str, str, str]]:
    with identity.db.tenant_session(school.id) as session:
        return {(r.guardian_id, r.student_id, r.relation) for r in session.execute(select(guardianships))}


def test_staff_cards_contacts_and_guardian_links_are_imported_once(identity, school):
    known_snils = random_snils()
    known = identity.call("CreatePerson", pb.CreatePersonRequest(
        school_id=school.id, kind=pb.STUDENT, name=pb.PersonName(last_name="Известнов", first_name="Ян"),
        gender="male", birth_date="2013-05-05", snils=known_snils), school.admin_token).person
    content = csv_file(
        "сотрудник;Учителева;Мария;;ж;;;subject_teacher;Учитель математики;высшая;Математика;;;;",
        "ученик;Загрузов;Пётр;;м;2014-01-01;;;;;;;p1;;",
        f"родитель;Загрузова;Анна;;ж;;;;;;;8 912 345-67-89;;p1, {known_snils};мать",
        "родитель;Загрузов;Олег;;м;;;;;;;;;p1;отец")
    dry = import_people(identity, school, content, dry_run=True)
    assert (dry.applied, dry.created, dry.errors, dry.links) == (False, 0, 0, 3)
    applied = import_people(identity, school, content, dry_run=False)
    assert (applied.applied, applied.created, applied.errors, applied.links) == (True, 4, 0, 3)
    ids = {row.line: row.person_id for row in applied.rows}
    teacher = identity.call("GetPerson", pb.GetPersonRequest(school_id=school.id, person_id=ids[2]), school.admin_token)
    assert teacher.staff == pb.StaffCard(position="Учитель математики", qualification_category="highest",
                                         diploma_specialty="Математика")
    mother = identity.call("GetPerson", pb.GetPersonRequest(school_id=school.id, person_id=ids[4]), school.admin_token)
    assert mother.contacts.phone == "+79123456789"
    assert {(ids[4], ids[3], "mother"), (ids[4], known.id, "mother"), (ids[5], ids[3], "father")} <= links_of(
        identity, school)

    again = import_people(identity, school, content, dry_run=False)
    assert (again.created, again.duplicates, again.links) == (0, 4, 0)
    with identity.db.tenant_session(school.id) as session:
        assert session.scalar(select(func.count()).select_from(persons).where(persons.c.last_name == "Загрузова")) == 1
    # a new link between people the school already has: only the link is written
    more = import_people(identity, school, csv_file(
        "ученик;Загрузов;Пётр;;м;2014-01-01;;;;;;;p1;;", f"родитель;Загрузов;Олег;;м;;;;;;;;;{known_snils};отец"),
        dry_run=False)
    assert (more.created, more.duplicates, more.links) == (0, 2, 1)
    assert (ids[5], known.id, "father") in links_of(identity, school)


def test_a_link_to_an_unknown_student_refuses_the_whole_file(identity, school):
    content = csv_file("ученик;Отказов;Лев;;м;2014-01-01;;;;;;;k1;;",
                       "родитель;Отказова;Ева;;ж;;;;;;;;;k2;мать",
                       f"родитель;Отказов;Ян;;м;;;;;;;;;{random_snils()};отец",
                       "ученик;Отказова;Ия;;ж;2014-01-01;;;;;;+7 912;;;")
    with pytest.raises(grpc.RpcError) as refused:
        import_people(identity, school, content, dry_run=False)
    code, _, fields = rpc_error(refused)
    assert code == grpc.StatusCode.INVALID_ARGUMENT
    assert set(fields) == {"line_3.guardian_of", "line_4.guardian_of", "line_5.phone"}
    with identity.db.tenant_session(school.id) as session:
        assert not session.scalars(select(persons.c.id).where(persons.c.last_name.like("Отказов%"))).all()


def letters(n: int) -> str:
    """A name part for the n-th generated person (names have no digits)."""
    return f"{n:04x}".translate(str.maketrans("0123456789abcdef", "абвгдежзиклмнопр"))


def students(count: int, tag: str) -> bytes:
    return csv_file(*(f"ученик;Фонов{tag};Ученик{letters(n)};;м;2014-01-01;;;;;;;;;" for n in range(count)))


def wait_for(identity, school, job_id: str) -> pb.ImportJob:
    deadline = time.monotonic() + 60
    while True:
        job = identity.call("GetImportJob", pb.GetImportJobRequest(school_id=school.id, job_id=job_id),
                            school.admin_token)
        if job.status != "running" or time.monotonic() > deadline:
            return job
        assert job.processed <= job.total
        time.sleep(0.2)


def test_a_large_import_runs_as_a_job_with_progress(identity, school, other_school):
    started = identity.call("StartPeopleImport", pb.ImportPeopleRequest(
        school_id=school.id, filename="people.csv", content=students(250, "ов"), dry_run=False), school.admin_token)
    assert started.total == 250 and started.filename == "people.csv" and started.status in ("running", "done")
    with pytest.raises(grpc.RpcError) as refused:
        identity.call("GetImportJob", pb.GetImportJobRequest(school_id=other_school.id, job_id=started.id),
                      other_school.admin_token)
    assert rpc_error(refused)[0] == grpc.StatusCode.NOT_FOUND
    done = wait_for(identity, school, started.id)
    assert (done.status, done.phase, done.processed, done.total) == ("done", "writing", 250, 250)
    assert done.report.applied and done.report.created == 250 and done.finished_at

    failed = identity.call("StartPeopleImport", pb.ImportPeopleRequest(
        school_id=school.id, filename="people.csv", content=students(3, "ев") + "\nученик;;;;;;;;;;;;;;".encode(),
        dry_run=False), school.admin_token)
    failed = wait_for(identity, school, failed.id)
    assert failed.status == "failed" and "Импорт не выполнен" in failed.error_message
    assert dict(failed.error_fields) == {"line_5.last_name": "обязательное поле", "line_5.first_name": "обязательное поле",
                                         "line_5.gender": "обязательное поле", "line_5.birth_date": "обязательное поле"}
    with pytest.raises(grpc.RpcError) as refused:  # a file that is no table at all is refused at once
        identity.call("StartPeopleImport", pb.ImportPeopleRequest(
            school_id=school.id, filename="people.pdf", content=b"%PDF", dry_run=True), school.admin_token)
    assert rpc_error(refused)[0] == grpc.StatusCode.INVALID_ARGUMENT


def test_progress_is_reported_per_step_in_both_phases(identity, school):
    lines = [(n + 2, {"kind": "student", "last_name": "Шагов", "first_name": f"Ученик{letters(n)}", "gender": "male",
                      "birth_date": "2014-02-02"}) for n in range(230)]
    seen = []
    with identity.scope(school.admin_token, school.id) as scope:
        report = people_import.run_import(scope, identity.uow(scope), identity.class_groups, "people.csv",
                                          lines, False, [], lambda phase, done: seen.append((phase, done)))
    assert report.created == 230
    assert seen == [("checking", 100), ("checking", 200), ("checking", 230),
                    ("writing", 100), ("writing", 200), ("writing", 230)]
