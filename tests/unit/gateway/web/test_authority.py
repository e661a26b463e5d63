"""The municipal authority's pages and REST rows with fake services: the side-by-side table with the year and period
pickers, sortable headers, a link per school to its drill-down and the municipality's total; the drill-down per period
and grade; the XLSX is reporting's file; a refusal is said in the table's place; the /api/v1 rows; the operator's home
page and console link the overview."""
import pytest

from proto.identity.v1 import identity_pb2 as pb
from proto.reporting.v1 import reporting_pb2 as rpb
from services.common.errors import Forbidden
from tests.unit.gateway.fakes import refused

ONE = "0b6f5a8e-3c1d-4b7a-9a55-2f7c1f0e9d11"
TWO = "1c7f5a8e-3c1d-4b7a-9a55-2f7c1f0e9d11"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
METRICS = rpb.AuthorityMetrics(students=2, average="4.25", quality="50.0", pass_rate="100.0",
                               missed_per_student="1.00", fill_rate="33.3", staff_activated_rate="100.0",
                               families_activated_rate="33.3", archives_sealed=1, period_name="1 четверть",
                               period="q1")
OVERVIEW = rpb.SchoolsOverview(
    year="2026/2027", period="q1", period_name="1 четверть", years=["2026/2027", "2025/2026"],
    periods=[rpb.AuthorityPeriod(key="q1", name="1 четверть"), rpb.AuthorityPeriod(key="h1", name="1 полугодие"),
             rpb.AuthorityPeriod(key="year", name="Учебный год")],
    schools=[rpb.AuthoritySchoolRow(school_id=ONE, school_name="Школа № 1", computed=True, metrics=METRICS),
             rpb.AuthoritySchoolRow(school_id=TWO, school_name="Школа № 2", computed=False)],
    total=rpb.AuthorityMetrics(students=2, average="4.25", quality="50.0", pass_rate="100.0",
                               period_name="Итого по муниципалитету"), sort="quality", descending=True)
SCHOOL = rpb.SchoolOverview(school_id=ONE, school_name="Школа № 1", year="2026/2027", years=["2026/2027"], rows=[
    rpb.AuthorityMetrics(period="q1", period_name="1 четверть", grade=0, classes=1, students=2, quality="50.0",
                         staff=1, staff_activated=1, staff_activated_rate="100.0", families=3, families_activated=1,
                         families_activated_rate="33.3", archives_sealed=1),
    rpb.AuthorityMetrics(period="q1", period_name="1 четверть", grade=5, classes=1, students=2, quality="50.0")])


def calls(peers, rpc):
    return [req for _, name, req, _ in peers.calls if name == rpc]


def test_the_overview_page_shows_every_school_side_by_side(browser, peers):
    peers.responses["GetSchoolsOverview"] = OVERVIEW
    page = browser.get("/authority/overview?year=2026/2027&period=q1&sort=quality&order=desc").get_data(as_text=True)
    asked = calls(peers, "GetSchoolsOverview")[0]
    assert (asked.year, asked.period, asked.sort, asked.descending) == ("2026/2027", "q1", "quality", True)
    assert f'href="/authority/schools/{ONE}?year=2026/2027"' in page
    assert "<td>2</td><td>4.25</td><td>50.0</td><td>100.0</td><td>1.00</td><td>33.3</td>" in page
    assert "нет данных за этот период" in page and "<th>Итого по муниципалитету</th>" in page
    assert '<option value="h1">1 полугодие</option>' in page and 'value="q1" selected' in page
    assert "Качество знаний, % ↓" in page  # the sorted column, descending
    assert "/authority/overview.xlsx?year=2026/2027&amp;period=q1&amp;sort=quality&amp;order=desc" in page


def test_the_drill_down_page_shows_the_periods_and_grades(browser, peers):
    peers.responses["GetSchoolOverview"] = SCHOOL
    page = browser.get(f"/authority/schools/{ONE}?year=2026/2027").get_data(as_text=True)
    asked = calls(peers, "GetSchoolOverview")[0]
    assert (asked.school_id, asked.year) == (ONE, "2026/2027")
    assert '<td>1 четверть</td><td>вся школа</td>' in page and '<td>1 четверть</td><td>5 классы</td>' in page
    assert "Сотрудники: 1 из 1 (100.0 %)" in page and "архивов сформировано: 1" in page


def test_the_xlsx_is_reportings_file(browser, peers):
    peers.responses["RenderSchoolsOverviewXlsx"] = rpb.RenderedReport(media_type=XLSX, filename="o.xlsx",
                                                                      content=b"PK")
    resp = browser.get("/authority/overview.xlsx?year=2026/2027&period=h1")
    assert (resp.status_code, resp.mimetype, resp.data) == (200, XLSX, b"PK")
    assert calls(peers, "RenderSchoolsOverviewXlsx")[0].period == "h1"


@pytest.mark.parametrize("path", ["/authority/overview", f"/authority/schools/{ONE}"])
def test_a_refusal_is_said_in_the_tables_place(browser, peers, path):
    refusal = refused(Forbidden("Сводные показатели школ видит только оператор муниципалитета"))
    peers.responses.update(GetSchoolsOverview=refusal, GetSchoolOverview=refusal)
    resp = browser.get(path)
    assert resp.status_code == 200 and "видит только оператор муниципалитета" in resp.get_data(as_text=True)


def test_the_rest_rows(client, peers, auth):
    peers.responses.update(GetSchoolsOverview=OVERVIEW, GetSchoolOverview=SCHOOL, RenderSchoolsOverviewXlsx=(
        rpb.RenderedReport(media_type=XLSX, filename="o.xlsx", content=b"PK")))
    resp = client.get("/api/v1/authority/schools-overview?year=2026/2027&period=q1&sort=fill_rate&order=desc",
                      headers=auth)
    assert resp.status_code == 200 and resp.json["schools"][0]["metrics"]["quality"] == "50.0"
    asked = calls(peers, "GetSchoolsOverview")[0]
    assert (asked.sort, asked.descending) == ("fill_rate", True)
    resp = client.get(f"/api/v1/authority/schools/{ONE}/overview?year=2026/2027", headers=auth)
    assert resp.status_code == 200 and resp.json["rows"][1]["grade"] == 5
    assert calls(peers, "GetSchoolOverview")[0].school_id == ONE
    resp = client.get("/api/v1/authority/schools-overview.xlsx?period=q1", headers=auth)
    assert (resp.status_code, resp.data) == (200, b"PK")
    resp = client.get("/api/v1/authority/schools-overview?sort=rating", headers=auth)
    assert resp.status_code == 400 and "sort" in resp.json["error"]["fields"]
    resp = client.post("/api/v1/authority/refresh", headers=auth, json={})
    assert resp.status_code == 200


def test_the_operators_home_page_and_console_link_the_overview(browser, peers):
    peers.responses["GetMe"] = pb.Me(realm_roles=["authority_operator"])
    peers.responses["ListSchools"] = pb.ListSchoolsResponse(schools=[pb.School(id=ONE, name="Школа № 1",
                                                                               status="active")])
    assert 'href="/authority/overview"' in browser.get("/").get_data(as_text=True)
    assert 'href="/authority/overview"' in browser.get("/console").get_data(as_text=True)
