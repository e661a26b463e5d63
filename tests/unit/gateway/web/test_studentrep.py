"""The pages of the reports on a student with fake services: the pickers (the form teacher's class, the term of today
from ListReportPeriods, the class's students), the average's dynamics with its inline SVG chart, the report cards,
the progress report, the letters with the form teacher's text going to the PDF, reporting's files, the REST rows and
the home page's line by role."""
import datetime

import pytest

from gateway.web import pages
from proto.identity.v1 import identity_pb2 as pb
from proto.reporting.v1 import reporting_pb2 as rpb
from proto.schedule.v1 import schedule_pb2 as spb
from services.common.errors import Invalid
from tests.unit.gateway.fakes import refused

SCHOOL = "0b6f5a8e-3c1d-4b7a-9a55-2f7c1f0e9d11"
C7A = "7d1c0e5a-1111-4b7a-9a55-2f7c1f0e9d11"
ZAITSEV, ORLOVA = "5e1c0e5a-2222-4b7a-9a55-2f7c1f0e9d11", "5e1c0e5a-3333-4b7a-9a55-2f7c1f0e9d11"
Q1, Q2 = "9a1c0e5a-4444-4b7a-9a55-2f7c1f0e9d11", "9a1c0e5a-5555-4b7a-9a55-2f7c1f0e9d11"
PERIODS = rpb.ReportPeriods(class_group_id=C7A, class_group_name="7А", periods=[
    rpb.ReportPeriod(id=Q1, name="1 четверть", date_from="2026-09-01", date_to="2026-10-24"),
    rpb.ReportPeriod(id=Q2, name="2 четверть", date_from="2026-11-05", date_to="2026-12-28"),
    rpb.ReportPeriod(id="year", name="Учебный год 2026/2027", date_from="2026-09-01", date_to="2026-12-28")])
REASONS = [rpb.AttendanceReason(code=c, name=n) for c, n in (
    ("absent", "Н — отсутствовал"), ("ill", "Б — болел"), ("excused", "УП — уважительная"),
    ("unexcused", "НП — неуважительная"))]
MISSED = rpb.AttendanceMissed(by_reason=[0, 1, 0, 1], total=2)
DYNAMICS = rpb.StudentDynamics(
    school_id=SCHOOL, class_group_id=C7A, class_group_name="7А", academic_year_name="2026/2027",
    student_id=ZAITSEV, student_name="Зайцев Пётр",
    terms=[rpb.DynamicsTerm(period_id=Q1, name="1 четверть", average="3.75"),
           rpb.DynamicsTerm(period_id=Q2, name="2 четверть", average="4.75", change="+1.00")],
    subjects=[rpb.DynamicsSubject(subject_name="Математика", terms=[rpb.DynamicsCell(average="3.50", term_mark="4"),
                                                                    rpb.DynamicsCell(average="4.50", term_mark="5")])])
PERIOD = rpb.ReportPeriod(id=Q2, name="2 четверть", date_from="2026-11-05", date_to="2026-12-28")
CARDS = rpb.ReportCards(school_id=SCHOOL, class_group_id=C7A, class_group_name="7А", period=PERIOD, reasons=REASONS,
                        columns=[rpb.ReportCardColumn(id=Q1, name="1 четверть"),
                                 rpb.ReportCardColumn(id=Q2, name="2 четверть")],
                        cards=[rpb.ReportCard(student_id=ZAITSEV, student_name="Зайцев Пётр", missed=MISSED, subjects=[
                            rpb.ReportCardSubject(subject_name="Математика", marks=["4", "5"])])])
PROGRESS = rpb.ProgressReport(school_id=SCHOOL, class_group_id=C7A, class_group_name="7А", period=PERIOD,
                              reasons=REASONS, students=[rpb.StudentProgress(
                                  student_id=ZAITSEV, student_name="Зайцев Пётр", missed=MISSED, subjects=[
                                      rpb.ProgressSubject(subject_name="Математика", marks=["4", "5"], average="4.50",
                                                          period_mark="5", missed=MISSED)])])
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def calls(peers, rpc):
    return [req for _, name, req, _ in peers.calls if name == rpc]


@pytest.fixture
def school(monkeypatch, peers):
    """Today is 20.11.2026 (the second term); the caller leads 7А, which has two students."""
    monkeypatch.setattr(pages, "today", lambda: datetime.date(2026, 11, 20))
    peers.responses.update(
        ListReportPeriods=PERIODS,
        ListClassGroups=spb.ListClassGroupsResponse(class_groups=[spb.ClassGroup(id=C7A, name="7А", grade=7)]),
        ListPeople=pb.ListPeopleResponse(people=[
            pb.Person(id=ORLOVA, name=pb.PersonName(last_name="Орлова", first_name="Анна")),
            pb.Person(id=ZAITSEV, name=pb.PersonName(last_name="Зайцев", first_name="Пётр"))]),
        GetMe=pb.Me(memberships=[pb.Membership(school=pb.School(id=SCHOOL), principal=pb.Principal(
            school_id=SCHOOL, form_class_group_ids=[C7A]))]))


def test_the_dynamics_page_shows_the_first_student_of_the_form_teachers_class_with_a_chart(browser, peers, school):
    peers.responses["GetStudentDynamics"] = DYNAMICS
    page = browser.get(f"/schools/{SCHOOL}/reports/student-dynamics").get_data(as_text=True)
    asked = calls(peers, "GetStudentDynamics")[0]
    assert (asked.class_group_id, asked.student_id) == (C7A, ZAITSEV)  # Зайцев before Орлова
    assert f'<option value="{ZAITSEV}" selected>Зайцев Пётр</option>' in page
    assert "<td>Математика</td><td>3,50</td><td>4</td><td>4,50</td><td>5</td>" in page and "+1,00" in page
    assert '<svg class="dynamics-chart"' in page and "<polyline" in page and "<script" not in page
    # x: the middle of each term's half of the 570 wide plot; y: 2..5 over the 220 high plot from 20
    assert 'points="192.5,111.7 477.5,38.3"' in page and ">2 четверть</text>" in page and ">4,75</text>" in page
    assert (f"/schools/{SCHOOL}/reports/student-dynamics.xlsx?class_group_id={C7A}&amp;period_id={Q2}"
            f"&amp;student_id={ZAITSEV}") in page


def test_the_report_cards_page_asks_for_the_term_of_today_and_the_whole_class(browser, peers, school):
    peers.responses["GetReportCards"] = CARDS
    page = browser.get(f"/schools/{SCHOOL}/reports/report-cards").get_data(as_text=True)
    asked = calls(peers, "GetReportCards")[0]
    assert (asked.class_group_id, asked.period_id, asked.student_id) == (C7A, Q2, "")
    assert f'<option value="{Q2}" selected>2 четверть</option>' in page and ">весь класс</option>" in page
    assert "<td>Математика</td><td>4</td><td>5</td>" in page and "<td>0</td><td>1</td><td>0</td><td>1</td><td>2</td>" in page
    browser.get(f"/schools/{SCHOOL}/reports/report-cards?class_group_id={C7A}&period_id=year&student_id={ORLOVA}")
    asked = calls(peers, "GetReportCards")[1]
    assert (asked.period_id, asked.student_id) == ("year", ORLOVA)


def test_the_progress_page_shows_marks_average_and_absences(browser, peers, school):
    peers.responses["GetStudentProgress"] = PROGRESS
    page = browser.get(f"/schools/{SCHOOL}/reports/student-progress?student_id={ZAITSEV}").get_data(as_text=True)
    assert calls(peers, "GetStudentProgress")[0].period_id == Q2
    assert "<td>Математика</td><td>4, 5</td><td>4,50</td><td>5</td><td>0</td><td>1</td><td>0</td><td>1</td>" in page


def test_the_letters_page_takes_the_form_teachers_text_to_the_letters_and_their_pdf(browser, peers, school):
    peers.responses["GetGuardianLetters"] = rpb.GuardianLetters(progress=PROGRESS, text="Собрание 25 декабря.")
    asked = {"csrf_token": "csrf-123", "class_group_id": C7A, "period_id": Q2, "student_id": ""}
    page = browser.post(f"/schools/{SCHOOL}/reports/guardian-letters", data={
        **asked, "text": "Собрание 25 декабря."}).get_data(as_text=True)
    assert calls(peers, "GetGuardianLetters")[0].text == "Собрание 25 декабря."
    assert "Уважаемые родители (законные представители) Зайцев Пётр!" in page and "<p>Собрание 25 декабря.</p>" in page
    assert '<textarea name="text" rows="6" cols="80" maxlength="2000">Собрание 25 декабря.</textarea>' in page
    assert "Пропущено уроков за период: 2 (Б — болел — 1; НП — неуважительная — 1)." in page
    assert f'formaction="/schools/{SCHOOL}/reports/guardian-letters.pdf"' in page
    peers.responses["RenderGuardianLettersPdf"] = rpb.RenderedReport(media_type="application/pdf", filename="l.pdf",
                                                                     content=b"%PDF")
    resp = browser.post(f"/schools/{SCHOOL}/reports/guardian-letters.pdf", data={**asked, "text": "Собрание"})
    assert (resp.status_code, resp.data) == (200, b"%PDF")
    assert calls(peers, "RenderGuardianLettersPdf")[0].text == "Собрание"
    assert browser.get(f"/schools/{SCHOOL}/reports/guardian-letters.xlsx").status_code == 404
    no_token = {field: value for field, value in asked.items() if field != "csrf_token"}
    assert browser.post(f"/schools/{SCHOOL}/reports/guardian-letters.pdf", data=no_token).status_code == 400
    # a letter's text of 2000 Cyrillic characters goes in the form's body, never in the address
    assert '<form method="post" class="card period">' in page


def test_a_refusal_is_said_in_the_reports_place(browser, peers, school):
    peers.responses["GetGuardianLetters"] = refused(Invalid("text", "не длиннее 2000 символов (сейчас 2001)"))
    resp = browser.get(f"/schools/{SCHOOL}/reports/guardian-letters?text=" + "а" * 2001)
    assert resp.status_code == 200 and "2000" in resp.get_data(as_text=True)


@pytest.mark.parametrize(("path", "rpc"), [
    ("student-dynamics.pdf", "RenderStudentDynamicsPdf"), ("student-dynamics.xlsx", "RenderStudentDynamicsXlsx"),
    ("report-cards.pdf", "RenderReportCardsPdf"), ("report-cards.xlsx", "RenderReportCardsXlsx"),
    ("student-progress.pdf", "RenderStudentProgressPdf"), ("student-progress.xlsx", "RenderStudentProgressXlsx")])
def test_the_files_are_reportings(browser, peers, school, path, rpc):
    peers.responses[rpc] = rpb.RenderedReport(media_type=XLSX, filename="report.xlsx", content=b"PK")
    resp = browser.get(f"/schools/{SCHOOL}/reports/{path}?class_group_id={C7A}&period_id={Q1}&student_id={ZAITSEV}")
    assert (resp.status_code, resp.data) == (200, b"PK") and "report.xlsx" in resp.headers["Content-Disposition"]
    asked = calls(peers, rpc)[0]
    assert (asked.class_group_id, asked.student_id) == (C7A, ZAITSEV)


def test_the_rest_rows(client, peers, auth):
    peers.responses["GetStudentDynamics"] = DYNAMICS
    resp = client.get(f"/api/v1/schools/{SCHOOL}/reports/student-dynamics?class_group_id={C7A}&student_id={ZAITSEV}",
                      headers=auth)
    assert resp.status_code == 200 and resp.json["terms"][1]["change"] == "+1.00"
    peers.responses["GetReportCards"] = CARDS
    resp = client.get(f"/api/v1/schools/{SCHOOL}/reports/report-cards?class_group_id={C7A}&period_id=year",
                      headers=auth)
    assert resp.status_code == 200 and resp.json["cards"][0]["subjects"][0]["marks"] == ["4", "5"]
    assert calls(peers, "GetReportCards")[0].period_id == "year"
    peers.responses["RenderGuardianLettersPdf"] = rpb.RenderedReport(media_type="application/pdf", filename="l.pdf",
                                                                     content=b"%PDF")
    resp = client.post(f"/api/v1/schools/{SCHOOL}/reports/guardian-letters.pdf", headers=auth,
                       json={"class_group_id": C7A, "period_id": Q2, "text": "Собрание"})
    assert (resp.status_code, resp.data) == (200, b"%PDF")
    assert calls(peers, "RenderGuardianLettersPdf")[0].text == "Собрание"
    assert client.get(f"/api/v1/schools/{SCHOOL}/reports/guardian-letters.xlsx", headers=auth).status_code == 404
    resp = client.get(f"/api/v1/schools/{SCHOOL}/reports/student-progress?student_id=кто", headers=auth)
    assert resp.status_code == 400 and "student_id" in resp.json["error"]["fields"]


@pytest.mark.parametrize(("roles", "form_classes", "text"), [
    (["deputy_head"], [], "Отчёты по ученикам: "), (["director"], [C7A], "Отчёты по ученикам: "),
    (["form_teacher"], [C7A], "Отчёты по ученикам моего класса: "), (["secretary"], [], None),
    (["subject_teacher"], [], None)])
def test_the_home_page_links_the_reports_on_a_student_for_managers_and_form_teachers(browser, peers, roles,
                                                                                     form_classes, text):
    peers.responses["GetMe"] = pb.Me(memberships=[pb.Membership(
        school=pb.School(id=SCHOOL, name="Школа № 1", status="active"),
        principal=pb.Principal(school_id=SCHOOL, roles=roles, form_class_group_ids=form_classes))])
    page = browser.get("/").get_data(as_text=True)
    for report in ("student-dynamics", "report-cards", "student-progress", "guardian-letters"):
        assert (f'href="/schools/{SCHOOL}/reports/{report}"' in page) is (text is not None)
    assert text is None or text in page
