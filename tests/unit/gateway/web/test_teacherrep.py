"""The teachers' period report pages and REST rows with fake services: the subject teacher's report (the period
reporting formed selected, a manager's teacher picker), the form teacher's report and the class's results (the form
teacher's class by default, its periods from ListReportPeriods, no period asked = reporting's term under way), the
files, the home page's links by role."""
import pytest

from proto.identity.v1 import identity_pb2 as pb
from proto.reporting.v1 import reporting_pb2 as rpb
from proto.schedule.v1 import schedule_pb2 as spb
from tests.unit.gateway.web.test_reports import ATTENDANCE, C5A, SCHOOL, XLSX, calls

Q1 = rpb.ReportPeriod(id="q1", name="1 четверть", date_from="2026-09-01", date_to="2026-10-24")
Q2 = rpb.ReportPeriod(id="q2", name="2 четверть", date_from="2026-11-05", date_to="2026-12-28")
YEAR = rpb.ReportPeriod(id="year", name="Учебный год 2026/2027", date_from="2026-09-01", date_to="2026-12-28")
MATH = rpb.SubjectPeriodSummary(
    subject_id="m", subject_name="Математика", with_result=2, average="4.00", quality="100.0", pass_rate="100.0",
    distribution=[rpb.MarkValueCount(value=v, count=n) for v, n in (("5", 0), ("4", 2), ("3", 0), ("2", 0))],
    lessons=rpb.PeriodLessons(planned=3, to_date=3, given=1, lag=2))
RATES = rpb.PeriodRates(categories=[rpb.CategoryCount(category="good", name="Хорошисты", count=1)], with_result=1,
                        quality="100.0", pass_rate="100.0", counted_on="2026-10-24")
TEACHER = "4a0c2a1e-2222-4b7a-9a55-2f7c1f0e9d11"


def me(roles, form_classes=()):
    return pb.Me(memberships=[pb.Membership(school=pb.School(id=SCHOOL, name="Школа № 1", status="active"),
                                            principal=pb.Principal(school_id=SCHOOL, roles=roles,
                                                                   form_class_group_ids=form_classes))])


def test_the_subject_teacher_page_shows_the_period_formed_and_lets_a_manager_pick_the_teacher(browser, peers):
    peers.responses.update(GetMe=me(["deputy_head"]), ListPeople=pb.ListPeopleResponse(people=[pb.Person(
        id=TEACHER, name=pb.PersonName(last_name="Смирнова", first_name="Ольга"))]),
        GetSubjectTeacherReport=rpb.SubjectTeacherReport(
            teacher_id=TEACHER, period_id="q2", period_name="2 четверть", periods=[Q1, Q2, YEAR],
            rows=[rpb.SubjectTeacherRow(class_group_name="7А", period=Q2, subject=MATH)], totals=[MATH]))
    page = browser.get(f"/schools/{SCHOOL}/reports/subject-teacher?teacher_id={TEACHER}").get_data(as_text=True)
    assert [(r.teacher_id, r.period_id) for r in calls(peers, "GetSubjectTeacherReport")] == [(TEACHER, "")], \
        "no period asked for: reporting forms the term under way"
    assert f'<option value="{TEACHER}" selected>Смирнова Ольга</option>' in page
    assert '<option value="q2" selected>2 четверть</option>' in page
    assert "<tr><td>Математика</td><td>7А</td><td>0</td><td>2</td><td>0</td><td>0</td><td>4.00</td><td>100.0</td>" \
           "<td>100.0</td><td>3</td><td>3</td><td>1</td><td>2</td></tr>" in page and "Все классы" in page
    assert f"/schools/{SCHOOL}/reports/subject-teacher.xlsx?teacher_id={TEACHER}&amp;period_id=q2" in page


def test_the_class_pages_show_the_form_teachers_class_and_the_period_formed(browser, peers):
    peers.responses.update(
        GetMe=me(["form_teacher"], [C5A]), ListReportPeriods=rpb.ReportPeriods(periods=[Q1, Q2, YEAR]),
        ListClassGroups=spb.ListClassGroupsResponse(class_groups=[spb.ClassGroup(id=C5A, name="5А", grade=5)]),
        GetFormTeacherReport=rpb.FormTeacherReport(
            class_group_name="5А", period=Q2, subjects=[MATH], rates=RATES, attendance=ATTENDANCE, lists=[
                rpb.StudentList(title="Имеют «2»", students=[rpb.ListedStudent(student_name="Иванов Иван",
                                                                               subject_names=["История"])]),
                rpb.StudentList(title="Отличники")]),
        GetClassResults=rpb.ClassPeriodResults(
            class_group_name="5А", period=Q2, subjects=[MATH], rates=RATES, legend="* — по текущим отметкам",
            students=[rpb.StudentPeriodResults(student_name="Петрова Мария", counted=True, average="4.00",
                                               category_name="Хорошисты", results=[
                                                   rpb.StudentPeriodResult(result="4", estimated=True)]),
                      rpb.StudentPeriodResults(student_name="Громов Дан", date_to="2026-11-10")]))
    page = browser.get(f"/schools/{SCHOOL}/reports/form-teacher").get_data(as_text=True)
    asked = calls(peers, "GetFormTeacherReport")[0]
    assert (asked.class_group_id, asked.period_id) == (C5A, "")
    assert '<option value="q2" selected>2 четверть</option>' in page, "the period reporting formed"
    assert "<li>Иванов Иван — История</li>" in page and "<h3>Отличники</h3>" in page and "<li>нет</li>" in page
    assert "<tr><td>Иванов Иван</td><td>0</td><td>2</td><td>0</td><td>1</td><td>3</td></tr>" in page
    assert "<tr><td>Хорошисты</td><td>1</td></tr>" in page and "(на 24.10.2026)" in page
    assert f"/schools/{SCHOOL}/reports/form-teacher.pdf?class_group_id={C5A}&amp;period_id=q2" in page
    page = browser.get(f"/schools/{SCHOOL}/reports/class-results?class_group_id={C5A}&period_id=q1").get_data(
        as_text=True)
    assert calls(peers, "GetClassResults")[0].period_id == "q1"
    assert "<tr><td>Петрова Мария</td><td>4*</td><td>4.00</td><td>Хорошисты</td></tr>" in page
    assert "* — по текущим отметкам" in page and "Громов Дан по 10.11.2026" in page


def test_a_class_page_without_a_class_asks_for_one(browser, peers):
    peers.responses.update(ListClassGroups=spb.ListClassGroupsResponse(), GetMe=pb.Me())
    page = browser.get(f"/schools/{SCHOOL}/reports/class-results").get_data(as_text=True)
    assert "Выберите класс." in page and not calls(peers, "GetClassResults")


@pytest.mark.parametrize(("path", "rpc"), [
    (f"subject-teacher.pdf?teacher_id={TEACHER}&period_id=q1", "RenderSubjectTeacherReportPdf"),
    (f"form-teacher.xlsx?class_group_id={C5A}&period_id=q1", "RenderFormTeacherReportXlsx"),
    (f"class-results.pdf?class_group_id={C5A}&period_id=year", "RenderClassResultsPdf")])
def test_the_files_are_reportings(browser, peers, path, rpc):
    peers.responses[rpc] = rpb.RenderedReport(media_type=XLSX, filename="report.xlsx", content=b"PK")
    resp = browser.get(f"/schools/{SCHOOL}/reports/{path}")
    assert (resp.status_code, resp.data) == (200, b"PK") and calls(peers, rpc)[0].period_id in ("q1", "year")


def test_the_rest_rows(client, peers, auth):
    peers.responses["GetClassResults"] = rpb.ClassPeriodResults(class_group_name="5А", rates=RATES)
    resp = client.get(f"/api/v1/schools/{SCHOOL}/reports/class-results?class_group_id={C5A}&period_id=year",
                      headers=auth)
    assert resp.status_code == 200 and resp.json["rates"]["quality"] == "100.0"
    assert (calls(peers, "GetClassResults")[0].class_group_id, calls(peers, "GetClassResults")[0].period_id) == (
        C5A, "year")
    peers.responses["RenderSubjectTeacherReportXlsx"] = rpb.RenderedReport(media_type=XLSX, filename="t.xlsx",
                                                                           content=b"PK")
    resp = client.get(f"/api/v1/schools/{SCHOOL}/reports/subject-teacher.xlsx?period_id=q1", headers=auth)
    assert (resp.status_code, resp.data) == (200, b"PK")
    assert calls(peers, "RenderSubjectTeacherReportXlsx")[0].teacher_id == ""
    resp = client.get(f"/api/v1/schools/{SCHOOL}/reports/form-teacher?class_group_id=5A&period_id=q1", headers=auth)
    assert resp.status_code == 400 and "class_group_id" in resp.json["error"]["fields"]


@pytest.mark.parametrize(("roles", "form_classes", "links"), [
    (["deputy_head"], [], ("subject-teacher", "form-teacher", "class-results")),
    (["subject_teacher"], [], ("subject-teacher",)),
    (["form_teacher"], [C5A], ("subject-teacher", "form-teacher", "class-results")),
    (["secretary"], [], ())])
def test_the_home_page_links_the_teachers_reports_by_role(browser, peers, roles, form_classes, links):
    peers.responses["GetMe"] = me(roles, form_classes)
    page = browser.get("/").get_data(as_text=True)
    for report in ("subject-teacher", "form-teacher", "class-results"):
        assert (f'href="/schools/{SCHOOL}/reports/{report}"' in page) is (report in links), report
