"""The weekly user-activity report's page and REST rows with fake services: the week asked for reaches reporting (the
last full week is reporting's default), the rows, the totals and the idle staff are shown, PDF and XLSX are
reporting's files, refusals are said in Russian, and the home page links it for the managers only."""
import pytest

from proto.identity.v1 import identity_pb2 as pb
from proto.reporting.v1 import reporting_pb2 as rpb
from services.common.errors import Forbidden
from tests.unit.gateway.fakes import refused
from tests.unit.gateway.web.test_reports import SCHOOL, XLSX, calls

COUNTS = rpb.ActivityCounts
REPORT = rpb.UserActivity(
    school_id=SCHOOL, school_name="МБОУ «Школа № 1»", week_from="2026-09-07", week_to="2026-09-13",
    rows=[rpb.UserActivityRow(name="Иванова Мария Петровна", roles="учитель-предметник", counts=COUNTS(
        days_signed_in=2, sign_ins=3, topics=4, marks=17, marks_corrected=1, attendance=5, homework=2,
        period_marks=0))],
    idle=[rpb.UserActivityRow(name="Петров Олег", roles="учитель-предметник")],
    total=COUNTS(days_signed_in=2, sign_ins=3, topics=4, marks=17, marks_corrected=1, attendance=5, homework=2))


def test_the_page_shows_the_week_asked_for(browser, peers):
    peers.responses["GetUserActivity"] = REPORT
    page = browser.get(f"/schools/{SCHOOL}/reports/user-activity").get_data(as_text=True)
    assert calls(peers, "GetUserActivity")[0].week_of == ""  # reporting's default: the last full week
    assert "Неделя с 07.09.2026 по 13.09.2026" in page and 'value="2026-09-07"' in page
    assert "<td>Иванова Мария Петровна</td>" in page and "<td>17</td>" in page and "<th>Итого по школе</th>" in page
    assert "Не входили в систему" in page and "Петров Олег — учитель-предметник" in page
    assert f"/schools/{SCHOOL}/reports/user-activity.pdf?week_of=2026-09-07" in page
    browser.get(f"/schools/{SCHOOL}/reports/user-activity?week_of=2026-09-10")
    assert calls(peers, "GetUserActivity")[1].week_of == "2026-09-10"


def test_a_refusal_is_said_in_its_place(browser, peers):
    peers.responses["GetUserActivity"] = refused(Forbidden())
    resp = browser.get(f"/schools/{SCHOOL}/reports/user-activity")
    assert resp.status_code == 200 and "Скачать PDF" not in resp.get_data(as_text=True)


@pytest.mark.parametrize("kind", ["pdf", "xlsx"])
def test_the_files_are_reportings(browser, peers, kind):
    rpc = f"RenderUserActivity{kind.title()}"
    peers.responses[rpc] = rpb.RenderedReport(media_type=XLSX, filename="report.xlsx", content=b"PK")
    resp = browser.get(f"/schools/{SCHOOL}/reports/user-activity.{kind}?week_of=2026-09-07")
    assert (resp.status_code, resp.data) == (200, b"PK") and calls(peers, rpc)[0].week_of == "2026-09-07"


def test_the_rest_rows(client, peers, auth):
    peers.responses["GetUserActivity"] = REPORT
    resp = client.get(f"/api/v1/schools/{SCHOOL}/reports/user-activity?week_of=2026-09-10", headers=auth)
    assert resp.status_code == 200 and resp.json["rows"][0]["counts"]["marks"] == 17
    assert calls(peers, "GetUserActivity")[0].week_of == "2026-09-10"
    resp = client.get(f"/api/v1/schools/{SCHOOL}/reports/user-activity.pdf?week_of=10.09.2026", headers=auth)
    assert resp.status_code == 400 and "week_of" in resp.json["error"]["fields"]


@pytest.mark.parametrize(("roles", "linked"), [
    (["director"], True), (["deputy_head"], True), (["school_admin"], True), (["form_teacher"], False),
    (["secretary"], False), (["subject_teacher"], False)])
def test_the_home_page_links_it_for_the_managers(browser, peers, roles, linked):
    peers.responses["GetMe"] = pb.Me(memberships=[pb.Membership(
        school=pb.School(id=SCHOOL, name="Школа № 1", status="active"),
        principal=pb.Principal(school_id=SCHOOL, roles=roles, form_class_group_ids=[]))])
    page = browser.get("/").get_data(as_text=True)
    assert (f'href="/schools/{SCHOOL}/reports/user-activity"' in page) is linked
