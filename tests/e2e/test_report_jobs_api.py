"""Reports formed in the background through /api/v1 on a seeded school: the deputy head asks for the summary sheets
of every class of the year, the same request twice is one job, its progress reaches done and the ZIP downloads with
a PDF per class; the period reports of the year as one ZIP formed across a restart of the reporting service (done,
queued again by the reaper, or failed with a reason: never stuck); the schedule reads the regulation's 15th and the
period reports on, and the administrator moves the day and turns the period reports off."""
import io
import subprocess
import sys
import time
import uuid
import zipfile

import pytest

from services import topology
from services.tooling.api_client import Api
from tests.support import stack
from tests.support.school import seed_school

pytestmark = pytest.mark.stack


@pytest.fixture(scope="module")
def school(installation):
    seeded = seed_school(stack.env(), f"Школа № {uuid.uuid4().hex[:6]} (фоновые отчёты)")
    return {"id": seeded["school"]["id"], "admin": seeded["admin_api"], "year_id": seeded["year"]["id"],
            "deputy": Api(stack.password_token(seeded["deputy"]["person"]["username"], seeded["deputy"]["password"]))}


def formed(api: Api, school: dict, job_id: str, seconds: float = 60) -> dict:
    """The job once formed (60 s at most: reporting may still be applying the seeding's events)."""
    deadline = time.monotonic() + seconds
    while (job := api.get(f"/schools/{school['id']}/report-jobs/{job_id}"))["status"] in ("queued", "running"):
        assert 0 <= job["done"] <= job["total"] or job["total"] == 0
        assert time.monotonic() < deadline, f"the job was not formed: {job}"
        time.sleep(1)
    return job


def test_the_school_wide_summary_sheets_are_formed_in_the_background_and_downloaded(school):
    deputy, path = school["deputy"], f"/schools/{school['id']}/report-jobs"
    request = {"kind": "summary-sheets", "params": {"academic_year_id": school["year_id"]}}
    first = deputy.post(path, request, expect=202).json()
    again = deputy.post(path, request, expect=202).json()
    assert first["status"] in ("queued", "running", "done") and first["format"] == "zip"
    if again["status"] != "done" and first["status"] != "done":
        assert again["id"] == first["id"], "the same request while it is formed is the same job"
    job = formed(deputy, school, first["id"])
    assert job["status"] == "done", job["reason"]
    assert job["done"] == job["total"] >= 1 and job["filename"].endswith(".zip")
    response = deputy.get(f"{path}/{first['id']}/file")
    assert response.headers["Content-Type"].startswith("application/zip")
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        names = archive.namelist()
        assert "summary-sheet-5А.pdf" in names and all(archive.read(n).startswith(b"%PDF") for n in names)
    assert first["id"] in [j["id"] for j in deputy.get(path)["jobs"]]


def test_a_wrong_request_is_refused_naming_the_field(school):
    response = school["deputy"].post(f"/schools/{school['id']}/report-jobs",
                                     {"kind": "summary-sheets", "params": {"academic_year_id": "x"}}, expect=None)
    # the gateway's schema lets any string through; reporting refuses it (INVALID_ARGUMENT → 422) naming the field
    assert response.status_code == 422 and "academic_year_id" in response.json()["error"]["fields"], response.text


def test_the_schedule_is_the_15th_by_default_and_the_director_moves_it(school):
    path = f"/schools/{school['id']}/report-schedule"
    assert school["deputy"].get(path) == {"summary_sheets_day": 15, "period_reports": True, "activity_weekday": 1}
    assert school["admin"].put(path, {"summary_sheets_day": 20}) == {
        "summary_sheets_day": 20, "period_reports": True, "activity_weekday": 1}
    assert school["admin"].put(path, {"summary_sheets_day": 20, "period_reports": False, "activity_weekday": 5}) == {
        "summary_sheets_day": 20, "period_reports": False, "activity_weekday": 5}
    assert school["admin"].put(path, {"summary_sheets_day": 15}) == {
        "summary_sheets_day": 15, "period_reports": False, "activity_weekday": 5}, "left out: kept"
    refused = school["admin"].put(path, {"summary_sheets_day": 15, "activity_weekday": 8}, expect=422).json()["error"]
    assert list(refused["fields"]) == ["activity_weekday"] and "день недели" in refused["message"]
    assert school["admin"].get(path)["activity_weekday"] == 5, "nothing half-written"
    assert school["deputy"].put(path, {"summary_sheets_day": 1}, expect=403).status_code == 403


def test_a_job_formed_while_reporting_restarts_ends_done_or_failed_never_stuck(school):
    """A school-wide job asked for, then the reporting service stopped and started (by its pid file) while the job is
    queued or being formed: the new process forms it, or the reaper queues again the job left running without a
    heartbeat for a minute (three minutes at most), or it fails with a Russian reason."""
    deputy, path = school["deputy"], f"/schools/{school['id']}/report-jobs"
    started = deputy.post(path, {"kind": "period-reports", "params": {
        "academic_year_id": school["year_id"], "period_id": "year"}}, expect=202).json()
    assert started["kind_name"] == "Отчёты по школе за период" and started["format"] == "zip"
    subprocess.run([sys.executable, "-m", "services.launcher", "restart", "reporting"], cwd=topology.ROOT, check=True,
                   timeout=300)
    job = formed(deputy, school, started["id"], seconds=200)
    assert job["status"] in ("done", "failed"), job
    if job["status"] == "failed":
        assert job["reason"], "a failed job says why (in Russian)"
    else:
        assert job["done"] == job["total"] == 3 and job["filename"].endswith(".zip"), job
        with zipfile.ZipFile(io.BytesIO(deputy.get(f"{path}/{started['id']}/file").content)) as archive:
            assert {name.split("-" + school["year_id"])[0] for name in archive.namelist()} == {
                "school-summary", "knowledge-quality", "progress-summary"}
