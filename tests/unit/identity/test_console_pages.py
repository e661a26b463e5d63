"""The tenant console pages in the gateway with the services faked: what each page shows and calls."""
import io

from proto.identity.v1 import identity_pb2 as pb
from proto.schedule.v1 import schedule_pb2
from services.common.errors import Invalid
from tests.unit.gateway.conftest import app, browser, client, peers, store  # noqa: F401 (fixtures)

SCHOOL, CLASS, PERSON, MATCH = ("11111111-1111-1111-1111-111111111111", "22222222-2222-2222-2222-222222222222",
                                "33333333-3333-3333-3333-333333333333", "44444444-4444-4444-4444-444444444444")
CSRF = "csrf-123"


def rpcs(peers) -> list[str]:  # noqa: F811
    return [rpc for _, rpc, _, _ in peers.calls]


def test_the_operator_lists_onboards_and_suspends(browser, peers):  # noqa: F811
    peers.responses["ListSchools"] = pb.ListSchoolsResponse(schools=[
        pb.School(id=SCHOOL, short_name="Школа № 1", status="suspended", details=pb.SchoolDetails(inn="7707083893"))])
    page = browser.get("/console")
    assert page.status_code == 200 and "Школа № 1" in page.text and "приостановлена" in page.text
    assert "Возобновить" in page.text and "7707083893" in page.text
    peers.responses["OnboardSchool"] = pb.OnboardSchoolResponse(
        school=pb.School(id=SCHOOL, short_name="Школа № 2"), admin_username="admin.1",
        admin_activation_code="ABCD-EFGH-JKLM", admin_activation_expires_at="2030-01-01T00:00:00+00:00")
    done = browser.post("/console/schools", data={"csrf_token": CSRF, "name": "Полное", "short_name": "Школа № 2",
                                                  "last_name": "Админова", "first_name": "Анна", "inn": "7707083893"})
    assert done.status_code == 200 and "http://gateway.test/activate?code=ABCD-EFGH-JKLM" in done.text
    request = peers.calls[-2][2]  # OnboardSchool, then ListSchools for the page
    assert request.details.inn == "7707083893" and request.admin_name.last_name == "Админова"
    peers.responses["OnboardSchool"] = Invalid(message="Проверьте заполнение полей", fields={"inn": "ИНН неверен"})
    refused = browser.post("/console/schools", data={"csrf_token": CSRF, "inn": "1"})
    assert refused.status_code == 422 and "ИНН неверен" in refused.text
    moved = browser.post(f"/console/schools/{SCHOOL}/status", data={"csrf_token": CSRF, "status": "active"})
    assert moved.status_code == 302 and peers.calls[-1][2] == pb.SetSchoolStatusRequest(school_id=SCHOOL,
                                                                                         status="active")


def test_the_school_admin_sees_card_staff_matches_and_audit(browser, peers):  # noqa: F811
    peers.responses["GetSchool"] = pb.School(id=SCHOOL, name="Полное", short_name="Краткое",
                                             details=pb.SchoolDetails(ogrn="1027700132195"))
    peers.responses["ListPeople"] = pb.ListPeopleResponse(people=[pb.Person(
        id=PERSON, name=pb.PersonName(last_name="Учителева", first_name="Мария"), roles=["subject_teacher"],
        access="invited", staff=pb.StaffCard(position="Учитель", qualification_category="highest"))])
    peers.responses["ListPendingMatches"] = pb.ListPendingMatchesResponse(matches=[pb.PendingMatch(
        id=MATCH, claimed_full_name="Родителева Ольга", person=pb.Person(name=pb.PersonName(last_name="Родителева")))])
    peers.responses["ListAuditLog"] = pb.ListAuditLogResponse(entries=[pb.AuditEntry(
        id="1", occurred_at="2026-01-01T10:00:00+00:00", actor_username="admin.1", action="person.create")])
    page = browser.get(f"/console/schools/{SCHOOL}")
    assert page.status_code == 200
    for text in ("1027700132195", "Учителева", "учитель-предметник", "код выдан, не активирован", "высшая",
                 "Родителева Ольга", "person.create", "admin.1"):
        assert text in page.text, text
    browser.post(f"/console/schools/{SCHOOL}/card", data={"csrf_token": CSRF, "name": "Новое", "short_name": "Н",
                                                          "ogrn": "1"})
    update = next(request for _, rpc, request, _ in peers.calls if rpc == "UpdateSchool")
    assert update.name == "Новое" and update.details.ogrn == "1"
    peers.responses["IssueActivation"] = pb.IssueActivationResponse(slips=[pb.ActivationSlip(
        person_id=PERSON, full_name="Учителева Мария", username="uchiteleva.1", code="ABCD-EFGH-JKLM")])
    issued = browser.post(f"/console/schools/{SCHOOL}/activation", data={"csrf_token": CSRF, "person_id": PERSON})
    assert "activate?code=ABCD-EFGH-JKLM" in issued.text
    decided = browser.post(f"/console/schools/{SCHOOL}/matches/{MATCH}", data={"csrf_token": CSRF,
                                                                                "decision": "confirm"})
    assert decided.status_code == 302
    assert peers.calls[-1][2] == pb.DecideMatchRequest(school_id=SCHOOL, match_id=MATCH, confirm=True)


def test_the_form_teacher_prints_slips_for_the_class(browser, peers):  # noqa: F811
    peers.responses["GetPrincipal"] = pb.Principal(form_class_group_ids=[CLASS], roles=["form_teacher"])
    peers.responses["GetClassGroup"] = schedule_pb2.ClassGroup(id=CLASS, name="5А")
    page = browser.get(f"/console/schools/{SCHOOL}/slips")
    assert page.status_code == 200 and "5А" in page.text
    peers.responses["IssueActivation"] = pb.IssueActivationResponse(slips=[pb.ActivationSlip(
        full_name="Ученикова Аня", kind=pb.STUDENT, username="uchenikova.1", code="WXYZ-2345-6789",
        expires_at="2030-01-01T00:00:00+00:00")])
    printed = browser.post(f"/console/schools/{SCHOOL}/slips", data={"csrf_token": CSRF, "class_group_id": CLASS})
    assert printed.status_code == 200
    for text in ("Ученикова Аня", "обучающийся", "WXYZ-2345-6789", "uchenikova.1", "http://gateway.test/activate"):
        assert text in printed.text, text
    assert peers.calls[-1][2] == pb.IssueActivationRequest(school_id=SCHOOL, class_group_id=CLASS)


def test_the_school_admin_chooses_contacts_and_sees_them(browser, peers):  # noqa: F811
    peers.responses["GetSchool"] = pb.School(id=SCHOOL, short_name="Краткое", contact_fields=["phone"])
    peers.responses["ListPeople"] = pb.ListPeopleResponse(people=[pb.Person(
        id=PERSON, name=pb.PersonName(last_name="Учителева", first_name="Мария"),
        contacts=pb.Contacts(phone="+79123456789"))])
    page = browser.get(f"/console/schools/{SCHOOL}")
    assert '<td class="contact-phone">+79123456789</td>' in page.text and "contact-email" not in page.text
    assert 'value="phone" checked' in page.text and 'value="email" >' in page.text
    saved = browser.post(f"/console/schools/{SCHOOL}/contact-fields",
                         data={"csrf_token": CSRF, "field": ["phone", "email"]})
    assert saved.status_code == 200
    assert next(r for _, rpc, r, _ in peers.calls if rpc == "SetContactFields") == pb.SetContactFieldsRequest(
        school_id=SCHOOL, fields=["phone", "email"])


def test_an_upload_becomes_a_job_whose_page_shows_progress_then_the_report(browser, peers):  # noqa: F811
    job = "55555555-5555-5555-5555-555555555555"
    assert browser.get(f"/console/schools/{SCHOOL}/import").status_code == 200
    missing = browser.post(f"/console/schools/{SCHOOL}/import", data={"csrf_token": CSRF})
    assert missing.status_code == 422 and "Выберите файл" in missing.text
    peers.responses["StartPeopleImport"] = pb.ImportJob(id=job, status="running", total=3000)
    started = browser.post(f"/console/schools/{SCHOOL}/import", content_type="multipart/form-data", data={
        "csrf_token": CSRF, "file": (io.BytesIO(b"kind;last_name;first_name\n"), "people.csv")})
    assert started.status_code == 302 and started.headers["Location"].endswith(f"/import/{job}")
    request = peers.calls[-1][2]
    assert request.content == b"kind;last_name;first_name\n" and request.filename == "people.csv"
    assert not request.dry_run

    peers.responses["GetImportJob"] = pb.ImportJob(id=job, filename="people.csv", status="running", phase="writing",
                                                   total=3000, processed=1200)
    running = browser.get(f"/console/schools/{SCHOOL}/import/{job}")
    assert running.headers["Refresh"] == "2" and '<progress max="3000" value="1200">' in running.text
    assert "запись" in running.text
    peers.responses["GetImportJob"] = pb.ImportJob(
        id=job, filename="people.csv", status="done", total=3, processed=3, report=pb.ImportPeopleResponse(
            applied=True, created=2, duplicates=1, links=1, rows=[
                pb.ImportRow(line=2, status="ok"), pb.ImportRow(line=3, status="duplicate", reason="уже есть в школе")]))
    done = browser.get(f"/console/schools/{SCHOOL}/import/{job}")
    assert "Refresh" not in done.headers
    for text in ("Загружено", "новых людей 2", "связей родитель — ребёнок 1", "уже есть в школе"):
        assert text in done.text, text
    peers.responses["GetImportJob"] = pb.ImportJob(id=job, status="failed", error_message="Импорт не выполнен",
                                                   error_fields={"line_5.phone": "телефон в формате"})
    failed = browser.get(f"/console/schools/{SCHOOL}/import/{job}")
    assert "Импорт не выполнен" in failed.text and "line_5.phone: телефон в формате" in failed.text


def test_the_school_admin_replaces_a_staff_members_roles(browser, peers):  # noqa: F811
    peers.responses["GetSchool"] = pb.School(id=SCHOOL, name="Полное", short_name="Краткое")
    peers.responses["ListPeople"] = pb.ListPeopleResponse(people=[pb.Person(
        id=PERSON, name=pb.PersonName(last_name="Учителева", first_name="Мария"), roles=["subject_teacher"])])
    page = browser.get(f"/console/schools/{SCHOOL}")
    assert "Роли сотрудника" in page.text and "Учителева Мария" in page.text and 'value="deputy_head"' in page.text
    done = browser.post(f"/console/schools/{SCHOOL}/roles", data={"csrf_token": CSRF, "person_id": PERSON,
                                                                   "role": ["subject_teacher", "form_teacher"]})
    assert done.status_code == 200 and "Сохранено" in done.text
    assert next(r for _, rpc, r, _ in peers.calls if rpc == "SetStaffRoles") == pb.SetStaffRolesRequest(
        school_id=SCHOOL, person_id=PERSON, roles=["subject_teacher", "form_teacher"])
    peers.responses["SetStaffRoles"] = Invalid("roles", "укажите хотя бы одну роль")
    refused = browser.post(f"/console/schools/{SCHOOL}/roles", data={"csrf_token": CSRF, "person_id": PERSON})
    assert refused.status_code == 422 and "укажите хотя бы одну роль" in refused.text


def test_a_gosuslugi_only_school_prints_gosuslugi_slips_for_guardians(browser, peers):  # noqa: F811
    """Issue 14 (T6): the school admin turns the rule on; the form teacher's slips then tell guardians to log in with
    Gosuslugi, with no code."""
    peers.responses["GetSchool"] = pb.School(id=SCHOOL, short_name="Краткое", guardians_gosuslugi_only=True)
    page = browser.get(f"/console/schools/{SCHOOL}")
    assert 'name="gosuslugi_only" value="1" checked' in page.text
    browser.post(f"/console/schools/{SCHOOL}/guardian-access", data={"csrf_token": CSRF, "gosuslugi_only": "1"})
    assert next(r for _, rpc, r, _ in peers.calls if rpc == "SetGuardianAccess") == pb.SetGuardianAccessRequest(
        school_id=SCHOOL, gosuslugi_only=True)
    peers.responses["GetPrincipal"] = pb.Principal(form_class_group_ids=[CLASS], roles=["form_teacher"])
    peers.responses["GetClassGroup"] = schedule_pb2.ClassGroup(id=CLASS, name="5А")
    peers.responses["IssueActivation"] = pb.IssueActivationResponse(gosuslugi_only=True, slips=[pb.ActivationSlip(
        full_name="Ученикова Аня", kind=pb.STUDENT, username="uchenikova.1", code="WXYZ-2345-6789",
        expires_at="2030-01-01T00:00:00+00:00")], gosuslugi_slips=[pb.GosuslugiSlip(full_name="Ученикова Ольга")])
    printed = browser.post(f"/console/schools/{SCHOOL}/slips", data={"csrf_token": CSRF, "class_group_id": CLASS})
    slip = printed.text[printed.text.index("Доступ к «Отметке» через Госуслуги"):]
    assert "Ученикова Ольга (родитель)" in slip and "«Войти через Госуслуги»" in slip
    assert "http://gateway.test/login" in slip and "Код:" not in slip
    assert "WXYZ-2345-6789" in printed.text  # the student's slip keeps its code
