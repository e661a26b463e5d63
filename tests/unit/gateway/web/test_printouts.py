"""The form teacher's printouts page with fake services: the class's families with access, consent and the printed
diary wish (marked from the page), the week's PDF of the whole class or only of the families who asked for paper,
the report cards' link; and the REST rows of the weekly diaries, the school events and the families."""
from proto.identity.v1 import identity_pb2 as identity
from proto.reporting.v1 import reporting_pb2
from proto.schedule.v1 import schedule_pb2
from services.common.errors import Forbidden
from tests.unit.gateway.conftest import TOKEN

SCHOOL = "0b6f5a8e-3c1d-4b7a-9a55-2f7c1f0e9d11"
GROUP = "5c1e2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b"
PUPIL, OTHER = "7d1e2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b", "8d1e2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b"
MOTHER, FATHER = "9d1e2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b", "ad1e2c3b-4a59-4e6f-8a7b-9c0d1e2f3a4b"
PAGE = f"/schools/{SCHOOL}/reports/weekly-diaries"


def name(last: str, first: str) -> identity.PersonName:
    return identity.PersonName(last_name=last, first_name=first)


def _class(peers):
    peers.responses["GetMe"] = identity.Me(memberships=[identity.Membership(
        school=identity.School(id=SCHOOL), principal=identity.Principal(form_class_group_ids=[GROUP]))])
    peers.responses["ListClassGroups"] = schedule_pb2.ListClassGroupsResponse(
        class_groups=[schedule_pb2.ClassGroup(id=GROUP, name="5А")])
    peers.responses["ListReportPeriods"] = reporting_pb2.ReportPeriods(periods=[
        reporting_pb2.ReportPeriod(id="q1", name="1 четверть", date_from="2026-09-01", date_to="2026-10-24")])
    peers.responses["ListClassFamilies"] = identity.ListClassFamiliesResponse(families=[
        identity.ClassFamily(student=identity.Person(id=PUPIL, name=name("Зайцев", "Пётр")), guardians=[
            identity.FamilyGuardian(relation="mother", guardian=identity.Person(
                id=MOTHER, name=name("Зайцева", "Ольга"), access="none", paper_diary=True)),
            identity.FamilyGuardian(relation="father", guardian=identity.Person(
                id=FATHER, name=name("Зайцев", "Иван"), access="account", consent=identity.ConsentState(
                    version="2026-1", decision="accepted", decided_at="2026-09-02T10:00:00+00:00", current=True)))]),
        identity.ClassFamily(student=identity.Person(id=OTHER, name=name("Орлова", "Анна")))])
    peers.responses["RenderWeeklyDiariesPdf"] = reporting_pb2.RenderedReport(
        media_type="application/pdf", filename="weekly-diaries.pdf", content=b"%PDF-1.4")


def test_the_page_lists_the_families_with_access_consent_and_paper(browser, peers):
    _class(peers)
    page = browser.get(f"{PAGE}?week=2026-09-09").get_data(as_text=True)
    assert "неделя с 07.09.2026 по 13.09.2026" in page
    for text in ("Зайцева Ольга", "(мать)", "нет входа", "не спрашивалось", "<strong>нужен</strong>", "Зайцев Иван",
                 "вход есть", "принято 02.09.2026", "родители не внесены", "Только для семей, попросивших печатный "
                 "дневник: 1 (PDF)", "Скачать табели (PDF)", "1 четверть"):
        assert text in page, text
    families = next(req for _, rpc, req, _ in peers.calls if rpc == "ListClassFamilies")
    assert (families.class_group_id, families.on_date) == (GROUP, "2026-09-07")
    assert f"/schools/{SCHOOL}/reports/report-cards.pdf" in page
    assert browser.get(f"{PAGE}?week=сентябрь").status_code == 400


def test_the_pdfs_of_the_class_or_of_the_paper_families_only(browser, peers):
    _class(peers)
    resp = browser.get(f"{PAGE}.pdf?class_group_id={GROUP}&week=2026-09-10")
    assert resp.status_code == 200 and resp.data == b"%PDF-1.4" and resp.mimetype == "application/pdf"
    asked = [req for _, rpc, req, _ in peers.calls if rpc == "RenderWeeklyDiariesPdf"]
    assert (asked[-1].week_of, list(asked[-1].student_ids)) == ("2026-09-07", [])
    browser.get(f"{PAGE}.pdf?class_group_id={GROUP}&week=2026-09-10&paper=1")
    asked = [req for _, rpc, req, _ in peers.calls if rpc == "RenderWeeklyDiariesPdf"]
    assert list(asked[-1].student_ids) == [PUPIL]
    peers.responses["ListClassFamilies"] = identity.ListClassFamiliesResponse()
    assert browser.get(f"{PAGE}.pdf?class_group_id={GROUP}&paper=1").status_code == 400


def test_the_form_teacher_marks_a_guardians_wish_for_paper(browser, peers):
    _class(peers)
    resp = browser.post(f"{PAGE}/paper-diary", data={"csrf_token": "csrf-123", "person_id": FATHER, "wanted": "1",
                                                     "class_group_id": GROUP, "week": "2026-09-07"})
    assert resp.status_code == 302 and f"class_group_id={GROUP}" in resp.headers["Location"]
    assert peers.calls[-1][2] == identity.SetPaperDiaryRequest(school_id=SCHOOL, person_id=FATHER, wanted=True)
    peers.responses["SetPaperDiary"] = Forbidden("Печатный дневник для родителя отмечает администрация школы")
    refused = browser.post(f"{PAGE}/paper-diary", data={"csrf_token": "csrf-123", "person_id": FATHER})
    assert refused.status_code == 403 and "Печатный дневник" in refused.get_data(as_text=True)


def test_rest_rows_of_the_issue(client, peers, auth):
    api = f"/api/v1/schools/{SCHOOL}"
    client.get(f"{api}/reports/weekly-diaries?class_group_id={GROUP}&week_of=2026-09-09&student_id={PUPIL}",
               headers=auth)
    assert peers.calls[-1][1:] == ("GetWeeklyDiaries", reporting_pb2.GetWeeklyDiariesRequest(
        school_id=SCHOOL, class_group_id=GROUP, week_of="2026-09-09", student_ids=[PUPIL]), TOKEN)
    resp = client.post(f"{api}/school-events", headers=auth, json={
        "title": "Собрание", "kind": "parent_meeting", "date": "2026-09-10", "starts_at": "18:00",
        "audience": {"scope": "class_groups", "class_group_ids": [GROUP], "people": "families"}})
    assert resp.status_code == 201
    created = peers.calls[-1][2]
    assert (created.event.title, created.event.starts_at, list(created.event.audience.class_group_ids)) == (
        "Собрание", "18:00", [GROUP])
    client.get(f"{api}/school-events?from=2026-09-01&to=2026-09-30&class_group_id={GROUP}&include_cancelled=true",
               headers=auth)
    assert peers.calls[-1][2] == schedule_pb2.ListSchoolEventsRequest(
        school_id=SCHOOL, date_from="2026-09-01", date_to="2026-09-30", class_group_id=GROUP, include_cancelled=True)
    client.put(f"{api}/school-events/{PUPIL}", headers=auth, json={"title": "Т", "kind": "other", "date": "2026-09-11"})
    assert (peers.calls[-1][2].school_event_id, peers.calls[-1][2].event.date) == (PUPIL, "2026-09-11")
    client.put(f"{api}/people/{MOTHER}/paper-diary", headers=auth, json={"wanted": True})
    assert peers.calls[-1][2] == identity.SetPaperDiaryRequest(school_id=SCHOOL, person_id=MOTHER, wanted=True)
    client.post("/api/v1/me/consent", headers=auth, json={"version": "2026-1", "accept": True})
    assert peers.calls[-1][2] == identity.RecordConsentRequest(version="2026-1", accept=True)
    assert client.post(f"{api}/school-events", headers=auth, json={"title": "Без даты"}).status_code == 400


def test_the_home_page_links_the_printouts_and_the_events_for_staff_only(browser, peers):
    for roles, leads, shown in ((["form_teacher"], [GROUP], True), (["deputy_head"], [], True),
                                (["subject_teacher"], [], False), (["guardian"], [], False)):
        peers.responses["GetMe"] = identity.Me(memberships=[identity.Membership(
            school=identity.School(id=SCHOOL, status="active"),
            principal=identity.Principal(roles=roles, form_class_group_ids=leads))])
        page = browser.get("/").get_data(as_text=True)
        assert ("Печатные дневники и табели для семей" in page) is shown, roles
        assert ("Мероприятия школы" in page) is (roles != ["guardian"]), roles
