"""Reports formed in the background on the real PostgreSQL, MinIO and Keycloak: a job asked for twice is one job,
a worker forms it with progress into the object store and the file comes back; a job whose worker died is formed
again, one that died three times fails with a Russian reason; expired files go; the schedule of the summary sheets
starts them once per school and day, and the school-wide period reports of each period once it has ended (the clock
injected); the period reports of a period are formed for real into one ZIP, a report per step."""
import datetime as dt
import io
import uuid
import zipfile

import grpc
import pytest
from openpyxl import load_workbook
from sqlalchemy import update

from proto.reporting.v1 import reporting_pb2 as pb
from proto.reporting.v1 import reporting_pb2_grpc
from services.common.dates import SCHOOL_ZONE
from services.common.errors import NotFound
from services.common.object_store import ObjectStore
from services.common.outbox import Outbox
from services.common.scope import Scope
from services.reporting import bootstrap
from services.reporting.adapters import tables
from services.reporting.adapters.report_job_store import ReportJobQueue
from services.reporting.service_layer import report_jobs
from services.reporting.service_layer.report_kinds import KINDS, Job
from tests.integration.reporting.test_movement_register import deliver
from tests.integration.reporting.test_school_reports import School
from tests.integration.reporting.test_schoolrep import School as PeriodSchool
from tests.support import stack
from tests.support.grpc_harness import call, rpc_error, serving

pytestmark = pytest.mark.stack
NOW = dt.datetime(2026, 11, 20, 10, 0, tzinfo=SCHOOL_ZONE)


@pytest.fixture(scope="module")
def files() -> report_jobs.FileStore:
    env = stack.env()
    store = ObjectStore.connect(env["OTMETKA_MINIO_ENDPOINT"], env["OTMETKA_MINIO_ROOT_USER"],
                                env["OTMETKA_MINIO_ROOT_PASSWORD"], f"{report_jobs.BUCKET}-tests", env["OTMETKA_TLS_CA"])
    store.ensure_bucket()
    return report_jobs.FileStore(store, dt.timedelta(days=30))


@pytest.fixture(scope="module")
def jobs(db, principals, files):
    with serving(reporting_pb2_grpc.add_ReportingServiceServicer_to_server,
                 bootstrap.servicer(db, Outbox("reporting", tables.outbox), files, lambda: NOW),
                 reporting_pb2_grpc.ReportingServiceStub, principals) as served:
        yield served


@pytest.fixture()
def school(db) -> School:
    school = School()
    assert all(deliver(db, school.school_id, school.events()))
    return school


@pytest.fixture()
def queue(db) -> ReportJobQueue:
    return ReportJobQueue(db)


def uows(db):
    return bootstrap.units_of_work(db, Outbox("reporting", tables.outbox))


def ask(jobs, principals, school, rpc: str, request, *roles: str, leads=(), person_id=""):
    principals.grant(school.school_id, *(roles or ("director",)), leads=leads, person_id=person_id)
    try:
        return call(jobs, rpc, request, stack.operator_token())
    finally:
        principals.grants.pop(school.school_id)


def start(jobs, principals, school, kind: str, fmt: str = "", *roles: str, leads=(), person_id="", **params):
    return ask(jobs, principals, school, "StartReportJob", pb.StartReportJobRequest(
        school_id=school.school_id, kind=kind, params=params, format=fmt), *roles, leads=leads, person_id=person_id)


def run_all(db, queue, files) -> None:
    """Forms every queued job (of any school: the tests' order is random)."""
    while report_jobs.run_next(queue, uows(db), files, lambda: NOW):
        pass


def job(jobs, principals, school, job_id: str, *roles: str) -> pb.ReportJob:
    return ask(jobs, principals, school, "GetReportJob", pb.GetReportJobRequest(school_id=school.school_id,
                                                                                 job_id=job_id), *roles)


def set_rows(db, job_id: str, **values) -> None:
    with db.system_session() as session:
        session.execute(update(tables.report_jobs).where(tables.report_jobs.c.id == job_id).values(**values))


def test_the_school_wide_summary_sheets_are_one_job_formed_into_a_zip_of_every_class(db, jobs, principals, school,
                                                                                      queue, files):
    first = start(jobs, principals, school, "summary-sheets", academic_year_id=school.year)
    again = start(jobs, principals, school, "summary-sheets", "zip", academic_year_id=school.year)
    assert (first.status, first.format, first.kind_name) == ("queued", "zip", "Сводные ведомости всех классов")
    assert again.id == first.id, "the same request while it is queued is the same job"
    run_all(db, queue, files)
    done = job(jobs, principals, school, first.id)
    assert (done.status, done.done, done.total, done.reason) == ("done", 3, 3, "")
    assert (done.filename, done.media_type) == (f"summary-sheets-{school.year}.zip", "application/zip")
    assert done.expires_at.startswith("2026-12-20") and done.size > 0
    file = ask(jobs, principals, school, "GetReportJobFile", pb.GetReportJobRequest(school_id=school.school_id,
                                                                                    job_id=first.id))
    with zipfile.ZipFile(io.BytesIO(file.content)) as archive:
        names = archive.namelist()
        assert all(archive.read(name).startswith(b"%PDF") for name in names)
    assert sorted(names) == ["summary-sheet-10А.pdf", "summary-sheet-5А.pdf", "summary-sheet-5Б.pdf"]
    assert len(file.content) == done.size
    third = start(jobs, principals, school, "summary-sheets", academic_year_id=school.year)
    assert third.id != first.id and third.status == "queued", "once formed, the request forms it anew"
    listed = ask(jobs, principals, school, "ListReportJobs", pb.ListReportJobsRequest(school_id=school.school_id))
    assert [j.id for j in listed.jobs] == [third.id, first.id], "newest first"


def test_a_single_report_is_formed_as_the_page_forms_it(db, jobs, principals, school, queue, files):
    fill = start(jobs, principals, school, "class-fill", "xlsx", "secretary", on_date="2026-11-30")
    movement = start(jobs, principals, school, "movement", "pdf", "secretary", date_from="2026-09-01",
                     date_to="2027-01-31")
    run_all(db, queue, files)
    for started, filename in ((fill, "class-fill-2026-11-30.xlsx"), (movement, "student-movement-2026-09-01-2027-01-31.pdf")):
        done = job(jobs, principals, school, started.id, "secretary")
        assert (done.status, done.done, done.total, done.filename) == ("done", 1, 1, filename)
    pdf = ask(jobs, principals, school, "GetReportJobFile", pb.GetReportJobRequest(
        school_id=school.school_id, job_id=movement.id), "secretary")
    assert pdf.content.startswith(b"%PDF") and pdf.media_type == "application/pdf"


@pytest.mark.parametrize(("kind", "fmt", "params", "field"), [
    ("nonsense", "", {}, "kind"),
    ("class-fill", "zip", {"on_date": "2026-11-30"}, "format"),
    ("class-fill", "pdf", {}, "on_date"),
    ("class-fill", "pdf", {"on_date": "2026-11-31"}, "on_date"),
    ("class-fill", "pdf", {"on_date": "2026-11-30", "colour": "red"}, "colour"),
    ("attendance", "pdf", {"class_group_id": "5А", "date_from": "2026-09-01", "date_to": "2026-09-30"},
     "class_group_id"),
    ("movement", "pdf", {"date_from": "2026-10-01", "date_to": "2026-09-30"}, "date_to"),
])
def test_a_wrong_request_is_refused_at_once_naming_the_field(jobs, principals, school, kind, fmt, params, field):
    with pytest.raises(grpc.RpcError) as refused:
        start(jobs, principals, school, kind, fmt, **params)
    code, message, fields = rpc_error(refused)
    assert code == grpc.StatusCode.INVALID_ARGUMENT and field in fields, message


def test_each_kind_asks_its_own_policy_and_a_form_teacher_sees_only_their_own_jobs(db, jobs, principals, school):
    with pytest.raises(grpc.RpcError) as refused:
        start(jobs, principals, school, "summary-sheets", "", "form_teacher", leads=[school.c5a],
              academic_year_id=school.year)
    assert rpc_error(refused)[0] == grpc.StatusCode.PERMISSION_DENIED, "the school-wide sheets: the managers"
    with pytest.raises(grpc.RpcError) as refused:
        start(jobs, principals, school, "summary-sheet", "", "form_teacher", leads=[school.c5a],
              class_group_id=school.c5b)
    assert rpc_error(refused)[0] == grpc.StatusCode.PERMISSION_DENIED, "another class's sheet"
    own = start(jobs, principals, school, "summary-sheet", "", "form_teacher", leads=[school.c5a],
                class_group_id=school.c5a)
    with uows(db)(Scope.of_event(school.school_id)) as uow:
        uow.report_jobs.add(str(uuid.uuid4()), "class-fill", {"on_date": "2026-11-30", "format": "pdf"}, "other",
                            "someone-else")
    listed = ask(jobs, principals, school, "ListReportJobs", pb.ListReportJobsRequest(school_id=school.school_id),
                 "form_teacher", leads=[school.c5a])
    assert [j.id for j in listed.jobs] == [own.id]
    everyone = ask(jobs, principals, school, "ListReportJobs", pb.ListReportJobsRequest(school_id=school.school_id))
    assert len(everyone.jobs) == 2, "the managers see every job"
    with pytest.raises(grpc.RpcError) as refused:
        ask(jobs, principals, school, "ListReportJobs", pb.ListReportJobsRequest(school_id=school.school_id),
            "hr_specialist")
    assert rpc_error(refused)[0] == grpc.StatusCode.PERMISSION_DENIED, "asks for no report, sees no job"


def test_a_subject_teacher_forms_their_own_report_in_the_background_and_sees_only_their_jobs(db, jobs, principals,
                                                                                            school):
    teacher, other = str(uuid.uuid4()), str(uuid.uuid4())
    with pytest.raises(grpc.RpcError) as refused:
        start(jobs, principals, school, "subject-teacher", "", "subject_teacher", person_id=teacher,
              teacher_id=other, period_id="year")
    code, message, _ = rpc_error(refused)
    assert code == grpc.StatusCode.PERMISSION_DENIED and message.startswith("Отчёт учителя-предметника доступен")
    own = start(jobs, principals, school, "subject-teacher", "xlsx", "subject_teacher", person_id=teacher,
                teacher_id=teacher)
    assert (own.kind_name, own.params["period_id"], own.format) == ("Отчёт учителя-предметника", "", "xlsx")
    with uows(db)(Scope.of_event(school.school_id)) as uow:
        uow.report_jobs.add(str(uuid.uuid4()), "class-fill", {"on_date": "2026-11-30", "format": "pdf"}, "other",
                            "someone-else")
    listed = ask(jobs, principals, school, "ListReportJobs", pb.ListReportJobsRequest(school_id=school.school_id),
                 "subject_teacher", person_id=teacher)
    assert [j.id for j in listed.jobs] == [own.id]


def test_a_job_whose_worker_died_is_formed_again_and_one_that_died_three_times_fails(db, jobs, principals, school,
                                                                                     queue, files):
    died = start(jobs, principals, school, "summary-sheet", class_group_id=school.c5a)
    thrice = start(jobs, principals, school, "summary-sheet", class_group_id=school.c10a)
    gone = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=10)
    set_rows(db, died.id, status="running", attempts=1, heartbeat_at=gone, done=0, total=1)
    set_rows(db, thrice.id, status="running", attempts=3, heartbeat_at=gone)
    reaped = {job_id: status for job_id, _, status in report_jobs.reap(queue)}
    assert reaped == {died.id: "queued", thrice.id: "failed"}
    failed = job(jobs, principals, school, thrice.id)
    assert failed.status == "failed" and failed.reason.startswith("Формирование прервано перезапуском службы трижды")
    run_all(db, queue, files)
    assert job(jobs, principals, school, died.id).status == "done", "picked up again and finished"
    assert not {died.id, thrice.id} & {j for j, _, _ in report_jobs.reap(queue)}, "a finished job is left alone"
    with pytest.raises(grpc.RpcError) as refused:
        ask(jobs, principals, school, "GetReportJobFile", pb.GetReportJobRequest(school_id=school.school_id,
                                                                                 job_id=thrice.id))
    assert rpc_error(refused)[0] == grpc.StatusCode.FAILED_PRECONDITION


def test_an_expired_file_is_removed_and_no_longer_listed_or_downloaded(db, jobs, principals, school, queue, files):
    formed = start(jobs, principals, school, "summary-sheet", class_group_id=school.c5b)
    run_all(db, queue, files)
    key = f"{school.school_id}/{formed.id}/summary-sheet-{school.c5b}.pdf"
    assert files.store.get(key).startswith(b"%PDF")
    assert formed.id in report_jobs.expire(queue, files, NOW + dt.timedelta(days=31))
    with pytest.raises(grpc.RpcError) as refused:
        ask(jobs, principals, school, "GetReportJobFile", pb.GetReportJobRequest(school_id=school.school_id,
                                                                                 job_id=formed.id))
    assert rpc_error(refused)[0] == grpc.StatusCode.NOT_FOUND
    listed = ask(jobs, principals, school, "ListReportJobs", pb.ListReportJobsRequest(school_id=school.school_id))
    assert formed.id not in [j.id for j in listed.jobs]
    with pytest.raises(NotFound):
        files.store.get(key)


def test_the_schedule_forms_the_summary_sheets_once_on_its_day(db, jobs, principals, school, queue):
    schedule = ask(jobs, principals, school, "GetReportSchedule", pb.GetReportScheduleRequest(
        school_id=school.school_id), "deputy_head")
    assert schedule.summary_sheets_day == 15, "seed 001 §2.12: the 15th of each month"
    assert schedule.period_reports, "seed 000 §5.1: the reports after each period, on by default"
    with pytest.raises(grpc.RpcError) as refused:
        ask(jobs, principals, school, "SetReportSchedule", pb.SetReportScheduleRequest(
            school_id=school.school_id, summary_sheets_day=20), "deputy_head")
    assert rpc_error(refused)[0] == grpc.StatusCode.PERMISSION_DENIED
    with pytest.raises(grpc.RpcError) as refused:
        ask(jobs, principals, school, "SetReportSchedule", pb.SetReportScheduleRequest(
            school_id=school.school_id, summary_sheets_day=31))
    assert "summary_sheets_day" in rpc_error(refused)[2]
    assert ask(jobs, principals, school, "SetReportSchedule", pb.SetReportScheduleRequest(
        school_id=school.school_id, summary_sheets_day=20)).summary_sheets_day == 20
    assert school.school_id not in report_jobs.form_scheduled(queue, uows(db), dt.date(2026, 11, 19))
    assert school.school_id in report_jobs.form_scheduled(queue, uows(db), dt.date(2026, 11, 20))
    assert school.school_id not in report_jobs.form_scheduled(queue, uows(db), dt.date(2026, 11, 21)), \
        "once per scheduled day, whichever replica or restart comes"
    listed = ask(jobs, principals, school, "ListReportJobs", pb.ListReportJobsRequest(school_id=school.school_id))
    scheduled = [j for j in listed.jobs if j.scheduled_for]
    assert [(j.kind, j.scheduled_for, j.requested_by, j.params["academic_year_id"]) for j in scheduled] == [
        ("summary-sheets", "2026-11-20", "schedule", school.year)]


@pytest.fixture()
def period_school(db) -> PeriodSchool:
    """2026/2027: 1 четверть to 24.10, 2 четверть and 1 полугодие (10А) to 28.12, so the year to 28.12 too."""
    school = PeriodSchool()
    assert all(deliver(db, school.school_id, school.events()))
    return school


def scheduled_jobs(jobs, principals, school, kind: str = report_jobs.PERIOD_KIND) -> list[tuple[str, str, str]]:
    listed = ask(jobs, principals, school, "ListReportJobs", pb.ListReportJobsRequest(school_id=school.school_id))
    return sorted((j.scheduled_for, j.params["period_id"], j.requested_by) for j in listed.jobs
                  if j.kind == kind and j.scheduled_for)


def test_each_ended_periods_reports_are_formed_once_after_its_last_day(db, jobs, principals, period_school, queue):
    school = period_school
    form = report_jobs.form_scheduled
    assert ask(jobs, principals, school, "SetReportSchedule", pb.SetReportScheduleRequest(
        school_id=school.school_id, summary_sheets_day=0)).period_reports, "the day set, the period reports kept"
    assert school.school_id not in form(queue, uows(db), dt.date(2026, 10, 24)), "the quarter's last day: not ended"
    assert school.school_id in form(queue, uows(db), dt.date(2026, 10, 25))
    assert scheduled_jobs(jobs, principals, school) == [("2026-10-24", school.q1, "schedule")]
    assert school.school_id not in form(queue, uows(db), dt.date(2026, 10, 26)), "once per period"
    assert school.school_id in form(queue, uows(db), dt.date(2026, 12, 29))
    assert school.school_id not in form(queue, uows(db), dt.date(2026, 12, 30)), "whichever replica or restart comes"
    # three periods ended on 28.12 (the quarter, the half-year and the year): each one's reports once
    assert scheduled_jobs(jobs, principals, school) == sorted([
        ("2026-10-24", school.q1, "schedule"), ("2026-12-28", school.q2, "schedule"),
        ("2026-12-28", school.h1, "schedule"), ("2026-12-28", "year", "schedule")])
    assert scheduled_jobs(jobs, principals, school, report_jobs.SCHEDULED_KIND) == [], "the summary sheets are off"
    assert {j.format for j in ask(jobs, principals, school, "ListReportJobs", pb.ListReportJobsRequest(
        school_id=school.school_id)).jobs} == {"zip"}


def test_a_school_may_turn_the_period_reports_off(db, jobs, principals, period_school, queue):
    school = period_school
    with pytest.raises(grpc.RpcError) as refused:
        ask(jobs, principals, school, "SetReportSchedule", pb.SetReportScheduleRequest(
            school_id=school.school_id, summary_sheets_day=15, period_reports=False), "deputy_head")
    assert rpc_error(refused)[0] == grpc.StatusCode.PERMISSION_DENIED
    off = ask(jobs, principals, school, "SetReportSchedule", pb.SetReportScheduleRequest(
        school_id=school.school_id, summary_sheets_day=15, period_reports=False), "school_admin")
    assert (off.summary_sheets_day, off.period_reports) == (15, False)
    assert ask(jobs, principals, school, "GetReportSchedule", pb.GetReportScheduleRequest(
        school_id=school.school_id), "deputy_head") == off
    assert school.school_id in report_jobs.form_scheduled(queue, uows(db), dt.date(2026, 12, 29)), \
        "the summary sheets of the 15th"
    assert scheduled_jobs(jobs, principals, school) == []
    assert [day for day, _, _ in scheduled_jobs(jobs, principals, school, report_jobs.SCHEDULED_KIND)] == [
        "2026-12-15"]
    # the year ended on 28.12 and no later one has begun: on 15.01, 18 days on, its January sheets are not due
    assert school.school_id not in report_jobs.form_scheduled(queue, uows(db), dt.date(2027, 1, 15))


def test_the_period_reports_of_a_period_are_one_zip_a_report_per_step(db, jobs, principals, period_school, queue,
                                                                       files):
    school = period_school
    started = start(jobs, principals, school, "period-reports", "", "deputy_head", academic_year_id=school.year,
                    period_id=school.q1)
    assert (started.kind_name, started.format) == ("Отчёты по школе за период", "zip")
    run_all(db, queue, files)
    done = job(jobs, principals, school, started.id, "deputy_head")
    assert (done.status, done.done, done.total, done.reason) == ("done", 3, 3, ""), done.reason
    assert done.filename == f"period-reports-{school.year}-{school.q1}.zip"
    file = ask(jobs, principals, school, "GetReportJobFile", pb.GetReportJobRequest(
        school_id=school.school_id, job_id=started.id), "deputy_head")
    with zipfile.ZipFile(io.BytesIO(file.content)) as archive:
        names = sorted(archive.namelist())
        assert names == sorted(f"{report}-{school.year}-{school.q1}.{kind}" for report in (
            "school-summary", "knowledge-quality", "progress-summary") for kind in ("pdf", "xlsx"))
        assert all(archive.read(n).startswith(b"%PDF") for n in names if n.endswith(".pdf"))
        quality = load_workbook(io.BytesIO(archive.read(f"knowledge-quality-{school.year}-{school.q1}.xlsx")))
    # the numbers of the knowledge quality page (test_schoolrep): 5А отличник, хорошист, троечник of 1 четверть
    classes = [row for row in quality["По классам"].iter_rows(values_only=True) if row[0]]
    assert next(row for row in classes if row[0] == "5А")[:9] == ("5А", 3, 3, 1, 1, 0, 1, 0, 0)
    assert classes[-1] == ("Итого по школе", 5, 5, 1, 1, 0, 1, 1, 1, 40.0, 60.0, 3.78)
    steps = []
    scope = report_jobs.FormingScope(school.school_id, "schedule")
    KINDS["period-reports"].form(Job({"academic_year_id": school.year, "period_id": "year"}, "zip", NOW, scope,
                                     lambda: uows(db)(scope)), lambda done, total: steps.append((done, total)))
    assert steps == [(1, 3), (2, 3), (3, 3)], "progress after each report"
