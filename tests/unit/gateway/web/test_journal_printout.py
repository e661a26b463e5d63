"""The class journal's printout on demand (R6) with fake services: the form (the form teacher's class chosen, the
subjects), the PDF of the class and period asked for, reporting's refusal as a Russian page, the links from the
journal's index; and the REST rows of the journal (JSON, PDF, the JSON file)."""
from proto.identity.v1 import identity_pb2 as identity
from proto.reporting.v1 import reporting_pb2
from proto.schedule.v1 import schedule_pb2
from services.common.errors import Invalid, NotFound
from tests.unit.gateway.fakes import refused

SCHOOL = "0b6f5a8e-3c1d-4b7a-9a55-2f7c1f0e9d11"
GROUP, OTHER = "5c1e2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b", "6c1e2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b"
MATH = "7d1e2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b"
PAGE = f"/schools/{SCHOOL}/journal/printout"


def _school(peers):
    peers.responses["GetMe"] = identity.Me(memberships=[identity.Membership(
        school=identity.School(id=SCHOOL), principal=identity.Principal(roles=["form_teacher"],
                                                                        form_class_group_ids=[OTHER]))])
    peers.responses["ListClassGroups"] = schedule_pb2.ListClassGroupsResponse(class_groups=[
        schedule_pb2.ClassGroup(id=GROUP, name="5А"), schedule_pb2.ClassGroup(id=OTHER, name="6Б")])
    peers.responses["ListSubjects"] = schedule_pb2.ListSubjectsResponse(subjects=[
        schedule_pb2.Subject(id=MATH, name="Математика")])
    peers.responses["RenderClassJournalPdf"] = reporting_pb2.RenderedReport(
        media_type="application/pdf", filename=f"class-journal-{GROUP}.pdf", content=b"%PDF-1.4")


def asked(peers) -> list:
    return [req for _, rpc, req, _ in peers.calls if rpc == "RenderClassJournalPdf"]


def test_without_a_class_the_form_with_the_form_teachers_class(browser, peers):
    _school(peers)
    page = browser.get(PAGE).get_data(as_text=True)
    assert "Печать классного журнала" in page and "Скачать журнал (PDF)" in page
    assert f'<option value="{OTHER}" selected>6Б</option>' in page and f'value="{MATH}"' in page
    assert not asked(peers)
    again = browser.get(f"{PAGE}?class_group_id={GROUP}&form=1&date_from=2026-09-01").get_data(as_text=True)
    assert f'<option value="{GROUP}" selected>5А</option>' in again and 'value="2026-09-01"' in again
    assert not asked(peers)


def test_the_pdf_of_the_class_and_period_asked_for(browser, peers):
    _school(peers)
    resp = browser.get(f"{PAGE}?class_group_id={GROUP}&date_from=2026-09-01&date_to=2026-10-24&subject_id={MATH}")
    assert (resp.status_code, resp.mimetype, resp.data) == (200, "application/pdf", b"%PDF-1.4")
    assert f"class-journal-{GROUP}.pdf" in resp.headers["Content-Disposition"]
    request = asked(peers)[-1]
    assert (request.school_id, request.class_group_id, request.date_from, request.date_to, request.subject_id) == (
        SCHOOL, GROUP, "2026-09-01", "2026-10-24", MATH)
    browser.get(f"{PAGE}?class_group_id={GROUP}")
    assert (asked(peers)[-1].date_from, asked(peers)[-1].date_to, asked(peers)[-1].subject_id) == ("", "", "")


def test_reportings_refusal_is_a_russian_page(browser, peers):
    _school(peers)
    peers.responses["RenderClassJournalPdf"] = refused(Invalid("date_to", "конец периода раньше его начала"))
    resp = browser.get(f"{PAGE}?class_group_id={GROUP}&date_from=2026-10-01&date_to=2026-09-01")
    assert resp.status_code == 422 and "конец периода раньше его начала" in resp.get_data(as_text=True)
    peers.responses["RenderClassJournalPdf"] = refused(NotFound("Класс не найден"))
    resp = browser.get(f"{PAGE}?class_group_id={GROUP}")
    assert resp.status_code == 404 and "Класс не найден" in resp.get_data(as_text=True)


def test_the_journals_index_links_to_the_printout(browser, peers):
    _school(peers)
    peers.responses["ListLessons"] = schedule_pb2.ListLessonsResponse()
    page = browser.get(f"/schools/{SCHOOL}/journal?class_group_id={GROUP}").get_data(as_text=True)
    page = page.replace("&amp;", "&")
    assert f'href="{PAGE}"' in page and "Печать классного журнала за год или период" in page
    assert f"{PAGE}?class_group_id={GROUP}&form=1" in page and "Печать журнала класса 5А" in page


def test_the_rest_api_gives_the_journal_and_its_files(client, peers, auth):
    peers.responses["GetClassJournal"] = reporting_pb2.ClassJournal(class_group_name="5А", whole_year=True)
    peers.responses["RenderClassJournalJson"] = reporting_pb2.RenderedReport(
        media_type="application/json", filename=f"class-journal-{GROUP}.json", content=b"{}")
    base = f"/api/v1/schools/{SCHOOL}/class-groups/{GROUP}/journal"
    resp = client.get(f"{base}?date_from=2026-09-01&subject_id={MATH}", headers=auth)
    assert resp.status_code == 200 and resp.json["class_group_name"] == "5А"
    [(_, _, request, _)] = [c for c in peers.calls if c[1] == "GetClassJournal"]
    assert (request.class_group_id, request.date_from, request.subject_id) == (GROUP, "2026-09-01", MATH)
    assert client.get(f"{base}.json", headers=auth).status_code == 200
    assert client.get(f"{base}?date_from=01.09.2026", headers=auth).status_code == 400
