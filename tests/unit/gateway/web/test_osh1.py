"""Form ОШ-1's pages and REST rows with fake services: the school's page asks for today's year and 20 September,
shows the form's tables (a crossed-out cell «х», a blank row empty, the notes), the files are reporting's, the
municipality's page and rows, a refusal said in the tables' place, and the links (home page, console)."""
import datetime

import pytest

from gateway.web import pages
from proto.identity.v1 import identity_pb2 as pb
from proto.reporting.v1 import reporting_pb2 as rpb
from proto.schedule.v1 import schedule_pb2 as spb
from services.common.errors import Forbidden
from tests.unit.gateway.fakes import refused

SCHOOL = "0b6f5a8e-3c1d-4b7a-9a55-2f7c1f0e9d11"
YEAR = "5e0c7a1d-2222-4b7a-9a55-2f7c1f0e9d11"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
YEARS = spb.ListAcademicYearsResponse(academic_years=[spb.AcademicYear(
    id=YEAR, name="2026/2027", start_date="2026-09-01", end_date="2027-05-31")])
GRADES = 11
FORM = rpb.FormOsh1(
    school_id=SCHOOL, name="МБОУ «Школа № 1»", on_date="2026-09-20", academic_year_name="2026/2027",
    previous_year_name="2025/2026", age_reference="2027-01-01", sections=[
        rpb.FormOsh1Section(code="1", title="Число классов и численность обучающихся в них", lines=[
            rpb.FormOsh1Line(number="02", name="В них обучающихся, чел", total=5, by_grade=[3, 0, 1] + [0] * 6 + [1, 0],
                             crossed=[False] * GRADES)]),
        rpb.FormOsh1Section(code="5", title="Выпуск (за предыдущий учебный год)", note="Строка 05 не заполняется.",
                            lines=[
            rpb.FormOsh1Line(number="01", name="Окончили 9 класс", total=2, by_grade=[0] * 8 + [2, 0, 0],
                             crossed=[True] * 8 + [False, True, True]),
            rpb.FormOsh1Line(number="05", name="из них получили аттестат с отличием", blank=True,
                             by_grade=[0] * GRADES, crossed=[True] * GRADES)])])


def calls(peers, rpc):
    return [req for _, name, req, _ in peers.calls if name == rpc]


@pytest.fixture
def school(monkeypatch, peers):
    monkeypatch.setattr(pages, "today", lambda: datetime.date(2026, 10, 28))
    peers.responses.update(ListAcademicYears=YEARS, GetFormOsh1=FORM,
                           GetMunicipalFormOsh1=rpb.FormOsh1(name="Муниципалитет: все школы (2)", on_date="2026-09-20",
                                                             schools=2, sections=FORM.sections))


def test_the_schools_page_asks_for_todays_year_on_20_september_and_shows_the_tables(browser, peers, school):
    page = browser.get(f"/schools/{SCHOOL}/reports/form-osh1").get_data(as_text=True)
    asked = calls(peers, "GetFormOsh1")[0]
    assert (asked.school_id, asked.academic_year_id, asked.on_date) == (SCHOOL, YEAR, "2026-09-20")
    assert "<td>В них обучающихся, чел</td><td>02</td><td>5</td><td>3</td><td>0</td><td>1</td>" in page
    assert "<td>Окончили 9 класс</td><td>01</td><td>2</td><td>х</td>" in page
    assert "<td>из них получили аттестат с отличием</td><td>05</td><td></td><td></td>" in page
    assert "Примечание: Строка 05 не заполняется." in page and "Раздел 5. Выпуск" in page
    assert f"/schools/{SCHOOL}/reports/form-osh1.pdf?on_date=2026-09-20&amp;academic_year_id={YEAR}" in page
    browser.get(f"/schools/{SCHOOL}/reports/form-osh1?academic_year_id={YEAR}&on_date=2026-10-01")
    assert calls(peers, "GetFormOsh1")[1].on_date == "2026-10-01"


@pytest.mark.parametrize("path, rpc", [
    (f"/schools/{SCHOOL}/reports/form-osh1.xlsx", "RenderFormOsh1Xlsx"),
    ("/authority/form-osh1.pdf", "RenderMunicipalFormOsh1Pdf")])
def test_the_files_are_reportings(browser, peers, school, path, rpc):
    peers.responses[rpc] = rpb.RenderedReport(media_type=XLSX, filename="form.xlsx", content=b"PK")
    resp = browser.get(path)
    assert (resp.status_code, resp.data) == (200, b"PK") and calls(peers, rpc)[0].on_date == "2026-09-20"


def test_the_municipalitys_page_and_its_refusal(browser, peers, school):
    page = browser.get("/authority/form-osh1").get_data(as_text=True)
    assert "все школы муниципалитета" in page and "школ: 2" in page and "/authority/form-osh1.xlsx" in page
    peers.responses["GetMunicipalFormOsh1"] = refused(Forbidden("Сводную форму ОШ-1 муниципалитета читает только "
                                                                "оператор муниципалитета"))
    resp = browser.get("/authority/form-osh1")
    assert resp.status_code == 200 and "читает только оператор муниципалитета" in resp.get_data(as_text=True)


def test_the_rest_rows(client, peers, auth):
    peers.responses.update(GetFormOsh1=FORM, GetMunicipalFormOsh1=FORM)
    resp = client.get(f"/api/v1/schools/{SCHOOL}/reports/form-osh1?academic_year_id={YEAR}&on_date=2026-09-20",
                      headers=auth)
    assert resp.status_code == 200 and resp.json["sections"][0]["lines"][0]["total"] == 5
    assert calls(peers, "GetFormOsh1")[0].academic_year_id == YEAR
    resp = client.get("/api/v1/authority/reports/form-osh1?on_date=2026-09-20", headers=auth)
    assert resp.status_code == 200 and calls(peers, "GetMunicipalFormOsh1")[0].on_date == "2026-09-20"
    peers.responses["RenderMunicipalFormOsh1Xlsx"] = rpb.RenderedReport(media_type=XLSX, filename="m.xlsx",
                                                                         content=b"PK")
    resp = client.get("/api/v1/authority/reports/form-osh1.xlsx?on_date=2026-09-20", headers=auth)
    assert (resp.status_code, resp.mimetype, resp.data) == (200, XLSX, b"PK")
    resp = client.get(f"/api/v1/schools/{SCHOOL}/reports/form-osh1?academic_year_id=2026&on_date=2026-09-20",
                      headers=auth)
    assert resp.status_code == 400 and "academic_year_id" in resp.json["error"]["fields"]


@pytest.mark.parametrize(("roles", "linked"), [
    (["director"], True), (["deputy_head"], True), (["school_admin"], True), (["secretary"], False),
    (["subject_teacher"], False)])
def test_the_home_page_links_the_form_for_the_managers(browser, peers, roles, linked):
    peers.responses["GetMe"] = pb.Me(memberships=[pb.Membership(
        school=pb.School(id=SCHOOL, name="Школа № 1", status="active"),
        principal=pb.Principal(school_id=SCHOOL, roles=roles))])
    page = browser.get("/").get_data(as_text=True)
    assert (f'href="/schools/{SCHOOL}/reports/form-osh1"' in page) is linked
    assert 'href="/authority/form-osh1"' not in page


def test_the_operators_home_page_links_the_municipal_form(browser, peers):
    peers.responses.update(GetMe=pb.Me(realm_roles=["authority_operator"]),
                           ListSchools=pb.ListSchoolsResponse(schools=[pb.School(id=SCHOOL, name="Школа № 1",
                                                                                 status="active")]))
    assert 'href="/authority/form-osh1"' in browser.get("/").get_data(as_text=True)
