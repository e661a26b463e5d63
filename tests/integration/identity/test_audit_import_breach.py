"""The identity audit log (append-only, per school), bulk import of people and compromised logins,
against the real PostgreSQL and Keycloak."""
import datetime as dt
import io
import json
import uuid

import grpc
import pytest
import requests
from openpyxl import Workbook
from sqlalchemy import func, select, text
from sqlalchemy.exc import ProgrammingError

from proto.identity.v1 import identity_pb2 as pb
from services.identity.adapters import tables
from tests.integration.identity.conftest import activated_password, onboard, random_snils, staff_login
from tests.support import stack
from tests.support.grpc_harness import rpc_error

pytestmark = pytest.mark.stack
HEADER = "kind;last_name;first_name;middle_name;gender;birth_date;snils;roles;class_group_id"


@pytest.fixture(scope="module")
def school(identity):
    """A school of this module's own, so that the accounts created here do not show in other tests' schools."""
    return onboard(identity, "Аудит")


def audit(identity, school, **request) -> list[pb.AuditEntry]:
    return list(identity.call("ListAuditLog", pb.ListAuditLogRequest(school_id=school.id, **request),
                              school.admin_token).entries)


def import_people(identity, school, content: bytes, dry_run: bool, filename: str = "people.csv"):
    return identity.call("ImportPeople", pb.ImportPeopleRequest(
        school_id=school.id, filename=filename, content=content, dry_run=dry_run), school.admin_token)


def count_people(identity, school) -> int:
    with identity.db.tenant_session(school.id) as session:
        return session.scalar(select(func.count()).select_from(tables.persons))


def csv_file(*lines: str) -> bytes:
    return "\n".join((HEADER, *lines)).encode()


# --- audit -------------------------------------------------------------------------------------------

def test_identity_writes_are_audited_with_actor_and_address(identity, school):
    onboarded = [e for e in audit(identity, school) if e.action == "school.onboard"]
    assert [e.object_id for e in onboarded] == [school.id]
    assert onboarded[0].actor_username == "operator"
    created = identity.call("CreatePerson", pb.CreatePersonRequest(
        school_id=school.id, kind=pb.GUARDIAN, name=pb.PersonName(last_name="Аудитова", first_name="Ольга")),
        school.admin_token).person
    student = identity.call("CreatePerson", pb.CreatePersonRequest(
        school_id=school.id, kind=pb.STUDENT, name=pb.PersonName(last_name="Аудитов", first_name="Пётр"),
        gender="male", birth_date="2014-03-01"), school.admin_token).person
    identity.call("LinkGuardian", pb.LinkGuardianRequest(school_id=school.id, guardian_id=created.id,
                                                         student_id=student.id, relation="mother"),
                  school.admin_token)
    entries = audit(identity, school, limit=3)
    assert [e.action for e in entries] == ["guardian.link", "person.create", "person.create"]
    assert [e.object_id for e in entries] == [created.id, student.id, created.id]
    link = entries[0]
    assert json.loads(link.details_json) == {"student_id": student.id, "relation": "mother"}
    assert link.actor_username == school.onboarded.admin_username and link.actor_subject
    assert link.client_address  # the peer address of the in-process call
    older = audit(identity, school, limit=1, before=entries[1].id)
    assert int(entries[0].id) > int(entries[1].id)
    assert [e.id for e in older] == [entries[2].id]


def test_the_app_role_cannot_change_or_delete_audit_rows(identity, school):
    for statement in ("UPDATE audit_log SET action = 'x'", "DELETE FROM audit_log", "UPDATE breach_reports SET subject = 'x'"):
        with pytest.raises(ProgrammingError, match="permission denied"):
            with identity.db.tenant_session(school.id) as session:
                session.execute(text(statement))
    assert audit(identity, school)


def test_audit_rows_of_another_school_are_invisible(identity, school, other_school):
    with identity.db.tenant_session(other_school.id) as session:
        assert set(session.scalars(select(tables.audit_log.c.school_id).distinct())) == {other_school.id}
    with identity.db.engine.connect() as raw:
        assert raw.scalar(text("SELECT count(*) FROM audit_log")) == 0
    assert school.id not in {e.object_id for e in audit(identity, other_school)}


def test_only_the_school_admin_reads_the_audit_log(identity, school):
    secretary = identity.call("CreatePerson", pb.CreatePersonRequest(
        school_id=school.id, kind=pb.STAFF, name=pb.PersonName(last_name="Секретарёва", first_name="Ирина"),
        roles=["secretary"], create_account=True), school.admin_token)
    token = staff_login(identity, secretary)
    with pytest.raises(grpc.RpcError) as refused:
        identity.call("ListAuditLog", pb.ListAuditLogRequest(school_id=school.id), token)
    assert rpc_error(refused)[0] == grpc.StatusCode.PERMISSION_DENIED
    with pytest.raises(grpc.RpcError) as refused:
        identity.call("ListAuditLog", pb.ListAuditLogRequest(school_id=school.id, limit=501), school.admin_token)
    assert rpc_error(refused)[2] == {"limit": "от 1 до 500"}


# --- import ------------------------------------------------------------------------------------------

def test_dry_run_reports_bad_lines_and_writes_nothing(identity):
    school = onboard(identity, "Импорт")
    before = count_people(identity, school)
    report = import_people(identity, school, csv_file(
        f"student;Петров;Иван;Сергеевич;male;2015-09-01;{random_snils()};;",
        "student;Сидоров;Пётр;;male;2015-02-03;11223344500;;",   # bad checksum
        "staff;Кузнецова;Анна;;unknown;;;subject_teacher;",        # unknown gender
        "guardian;;Мария;;;;;;",                                   # missing last name
        "student;Смирнов;Олег;;male;2015-02-30;;;",                # no such date
    ), dry_run=True)
    assert not report.applied and report.created == 0 and report.errors == 4
    assert [(r.line, r.status, r.field) for r in report.rows] == [
        (2, "ok", ""), (3, "error", "snils"), (4, "error", "gender"), (5, "error", "last_name"),
        (6, "error", "birth_date")]
    assert report.rows[1].reason.startswith("СНИЛС указан неверно")
    assert count_people(identity, school) == before
    assert not [e for e in audit(identity, school) if e.action == "people.import"]


def test_an_apply_with_a_bad_line_writes_nothing(identity):
    school = onboard(identity, "Атомарно")
    before = count_people(identity, school)
    with pytest.raises(grpc.RpcError) as refused:
        import_people(identity, school, csv_file("guardian;Хорошая;Анна;;;;;;", "guardian;Плохая;;;;;;;"),
                      dry_run=False)
    code, message, fields = rpc_error(refused)
    assert code == grpc.StatusCode.INVALID_ARGUMENT and "Импорт не выполнен" in message
    assert fields == {"line_3.first_name": "обязательное поле"}
    assert count_people(identity, school) == before


def test_apply_then_reapply_creates_no_duplicates(identity):
    school = onboard(identity, "Повтор")
    class_group = str(uuid.uuid4())
    content = "\n".join((
        HEADER.replace(";", ","),
        f"student,Белова,Вера,Игоревна,female,2014-05-06,,,{class_group}",
        f"guardian,Белова,Ирина,,,,{random_snils()},,",
        '"staff","Учителев","Павел","","male","1980-01-01","","subject_teacher form_teacher",""',
        "student,Белова,Вера,Игоревна,female,2014-05-06,,,",  # the same student again
    )).encode()
    report = import_people(identity, school, content, dry_run=False)
    assert report.applied and report.created == 3 and report.duplicates == 1 and report.errors == 0
    assert [r.status for r in report.rows] == ["ok", "ok", "ok", "duplicate"]
    assert report.rows[3].reason == "повторяет строку 2 этого файла"
    people = identity.call("ListPeople", pb.ListPeopleRequest(school_id=school.id), school.admin_token).people
    by_id = {p.id: p for p in people}
    assert by_id[report.rows[0].person_id].class_group_id == class_group
    assert list(by_id[report.rows[2].person_id].roles) == ["form_teacher", "subject_teacher"]
    assert not by_id[report.rows[2].person_id].username  # no accounts from an import
    with identity.db.tenant_session(school.id) as session:
        types = session.scalars(select(tables.outbox.c.type)).all()
    assert types.count("otmetka.identity.v1.PersonRegistered") == 4 and "otmetka.identity.v1.StudentEnrolled" in types

    before = count_people(identity, school)
    again = import_people(identity, school, content, dry_run=False)
    assert again.created == 0 and again.duplicates == 4
    assert [r.person_id for r in again.rows[:3]] == [r.person_id for r in report.rows[:3]]
    assert count_people(identity, school) == before
    imports = [e for e in audit(identity, school) if e.action == "people.import"]
    assert [json.loads(e.details_json)["created"] for e in imports] == [0, 3]


def test_xlsx_import_and_an_unknown_class_group(identity):
    school = onboard(identity, "Эксель")
    missing = str(uuid.uuid4())
    identity.class_groups.missing.add(missing)
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER.split(";"))
    sheet.append(["student", "Орлов", "Глеб", "", "male", "2013-11-12", None, None, None])
    sheet.append(["student", "Орлова", "Нина", "", "ж", dt.datetime(2013, 1, 2), None, None, missing])
    buffer = io.BytesIO()
    book.save(buffer)
    report = import_people(identity, school, buffer.getvalue(), dry_run=True, filename="Ученики.XLSX")
    assert [(r.line, r.status, r.field, r.reason) for r in report.rows] == [
        (2, "ok", "", ""), (3, "error", "class_group_id", "в этой школе нет такого класса")]
    identity.class_groups.missing.clear()
    applied = import_people(identity, school, buffer.getvalue(), dry_run=False, filename="people.xlsx")
    assert applied.created == 2
    nina = identity.call("GetPerson", pb.GetPersonRequest(school_id=school.id, person_id=applied.rows[1].person_id),
                         school.admin_token)
    assert (nina.gender, nina.birth_date, nina.class_group_id) == ("female", "2013-01-02", missing)


def test_files_are_checked_as_a_whole(identity, school):
    cases = [("people.txt", b"x", "filename"), ("people.csv", "ФИО;Дата".encode(), "content"),
             ("people.csv", "kind;last_name".encode("cp1251"), "content"), ("people.xlsx", b"not a zip", "content"),
             ("people.csv", HEADER.encode() + b"\n" + b"x" * (2 * 1024 * 1024), "content")]
    for filename, content, field in cases:
        with pytest.raises(grpc.RpcError) as refused:
            import_people(identity, school, content, dry_run=True, filename=filename)
        code, _, fields = rpc_error(refused)
        assert code == grpc.StatusCode.INVALID_ARGUMENT and list(fields) == [field], filename


# --- compromised logins ------------------------------------------------------------------------------

def test_a_reported_login_is_locked_and_recorded(identity, school):
    created = identity.call("CreatePerson", pb.CreatePersonRequest(
        school_id=school.id, kind=pb.STAFF, name=pb.PersonName(last_name="Взломова", first_name="Дарья"),
        roles=["subject_teacher"], create_account=True), school.admin_token)
    password = activated_password(identity, created.activation.code)
    teacher = created.person
    username = created.activation.username
    token = stack.password_token(username, password)
    request = pb.ReportCompromisedRequest(school_id=school.id, person_id=school.onboarded.admin.id)
    with pytest.raises(grpc.RpcError) as refused:  # a teacher cannot lock the administrator
        identity.call("ReportCompromised", request, token)
    assert rpc_error(refused)[0] == grpc.StatusCode.PERMISSION_DENIED

    reported = identity.call("ReportCompromised", pb.ReportCompromisedRequest(
        school_id=school.id, person_id=teacher.id), school.admin_token)
    with pytest.raises(requests.HTTPError):
        stack.password_token(username, password)
    user = identity.keycloak.get_user(identity.keycloak.get_user_id(username))
    assert user["enabled"] is False
    assert identity.keycloak.get_sessions(user["id"]) == []
    with identity.db.tenant_session(school.id) as session:
        report = session.execute(select(tables.breach_reports)
                                 .where(tables.breach_reports.c.person_id == teacher.id)).one()
        events = session.scalars(select(tables.outbox.c.payload).where(
            tables.outbox.c.type == "otmetka.identity.v1.AccountCompromised")).all()
    assert report.subject == user["id"] and report.reported_at.isoformat() == reported.reported_at
    assert report.reported_by != user["id"]
    assert [e for e in events if teacher.id.encode() in e]  # this report's event: the module's school has others
    [entry] = [e for e in audit(identity, school) if e.action == "account.compromised" and e.object_id == teacher.id]
    assert entry.actor_subject == report.reported_by


def test_a_person_reports_their_own_login(identity, school):
    created = identity.call("CreatePerson", pb.CreatePersonRequest(
        school_id=school.id, kind=pb.STAFF, name=pb.PersonName(last_name="Самова", first_name="Елена"),
        roles=["form_teacher"], create_account=True), school.admin_token)
    password = activated_password(identity, created.activation.code)
    token = stack.password_token(created.activation.username, password)
    identity.call("ReportCompromised", pb.ReportCompromisedRequest(school_id=school.id, person_id=created.person.id),
                  token)
    with pytest.raises(requests.HTTPError):
        stack.password_token(created.activation.username, password)
    without_login = identity.call("CreatePerson", pb.CreatePersonRequest(
        school_id=school.id, kind=pb.STAFF, name=pb.PersonName(last_name="Безлогинова", first_name="Юлия"),
        roles=["secretary"]), school.admin_token).person
    with pytest.raises(grpc.RpcError) as refused:
        identity.call("ReportCompromised", pb.ReportCompromisedRequest(school_id=school.id, person_id=without_login.id),
                      school.admin_token)
    assert rpc_error(refused)[0] == grpc.StatusCode.FAILED_PRECONDITION
