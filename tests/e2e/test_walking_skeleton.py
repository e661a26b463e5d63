"""The walking skeleton, end to end through the gateway only: a mark travels from a teacher to a
parent, into the summary sheet and into a signed, object-locked year-end archive."""
import io
import subprocess
import time
import uuid
import zipfile

import pytest
from minio.commonconfig import ENABLED

from services.common.object_store import minio_client
from services.tooling.api_client import activate
from services.tooling.demo_seed import GOSUSLUGI_PASSWORD
from tests.support import stack
from tests.support.api import Api, browser_login
from tests.support.archives import director_of, signed_packages
from tests.support.school import seed_school

pytestmark = pytest.mark.stack

WEEK = {"from": "2025-09-01", "to": "2025-09-07"}


@pytest.fixture(scope="module")
def school(installation):
    return seeded_school()


@pytest.fixture(scope="module")
def recorded(school):
    return record_lesson(school)


def seeded_school() -> dict:
    """Steps 1-2: the operator onboards a school; its admin sets up a year, a class and a timetable."""
    seeded = seed_school(stack.env(), f"Школа № {uuid.uuid4().hex[:6]}")
    sid = seeded["school"]["id"]
    assert seeded["school"]["organization_id"], "a Keycloak organization appears for the school"
    assert any(s["id"] == sid for s in Api(stack.operator_token()).get("/schools")["schools"])
    assert seeded["timetable"]["lessons_created"] > 30, "dated lessons appear for every Monday of the quarters"
    admin, class_group = seeded["admin_api"], seeded["class_group"]
    lessons = admin.get(f"/schools/{sid}/lessons", params={"class_group_id": class_group["id"], **WEEK})["lessons"]
    assert [lesson["date"] for lesson in lessons] == ["2025-09-01"]
    teacher = seeded["teacher"]
    return {
        "id": sid, "admin": admin, "year": seeded["year"], "class_group": class_group, "students": seeded["students"],
        "teacher": Api(stack.password_token(teacher["person"]["username"], teacher["password"])),
        "lesson": lessons[0],
    }


def record_lesson(school: dict) -> dict:
    """Step 3: the teacher records a topic, homework, a 5 for one student and an absence for the other."""
    sid, lesson = school["id"], school["lesson"]
    s1, s2 = school["students"]
    record = school["teacher"].put(f"/schools/{sid}/lessons/{lesson['id']}/record", {
        "topic": "Натуральные числа и шкалы", "homework": "§1, № 15, 17",
        "marks": [{"student_id": s1["id"], "value": "5", "work_type": "classwork", "comment": "Отлично"}],
        "attendance": [{"student_id": s2["id"], "status": "ill"}],
        "reason": "Перенос записей урока",
    })
    assert [m["value"] for m in record["marks"]] == ["5"]
    return {"written_at": time.monotonic(), "record": record}


def closed_year_package(school: dict) -> dict:
    """Closes the school's year; the director signs its packages; returns the summary sheets' once sealed."""
    sid, admin = school["id"], school["admin"]
    director = director_of(stack.env(), admin, sid)
    admin.post(f"/schools/{sid}/academic-years/{school['year']['id']}/close", expect=200)
    return signed_packages(director, sid, school["year"]["id"])["summary_sheet"]


def test_guardian_sees_the_mark_homework_and_topic_in_the_diary(school, recorded):
    """Step 4: a confirmed Gosuslugi account is linked by SNILS and reads only its own child."""
    sid, (s1, s2) = school["id"], school["students"]
    resp = browser_login("ivanova", GOSUSLUGI_PASSWORD, idp="gosuslugi")
    assert resp.status_code == 200, resp.text[:500]
    assert "Натуральные числа" in resp.text or "Дневник" in resp.text
    guardian = Api(session=resp.session)
    diary = guardian.get(f"/schools/{sid}/students/{s1['id']}/diary", params=WEEK)
    [entry] = diary["entries"]
    assert entry["topic"] == "Натуральные числа и шкалы"
    assert entry["homework"] == "§1, № 15, 17"
    assert [m["value"] for m in entry["marks"]] == ["5"]
    assert guardian.request("GET", f"/schools/{sid}/students/{s2['id']}/diary", params=WEEK).status_code in (403, 404)

    other = Api(session=browser_login("petrov", GOSUSLUGI_PASSWORD, idp="gosuslugi").session)
    assert other.request("GET", f"/schools/{sid}/students/{s1['id']}/diary", params=WEEK).status_code in (403, 404)
    assert other.get(f"/schools/{sid}/students/{s2['id']}/diary", params=WEEK)["entries"][0]["attendance"] == "ill"


def test_unconfirmed_gosuslugi_account_is_refused_with_a_clear_message(installation):
    resp = browser_login("sidorova", GOSUSLUGI_PASSWORD, idp="gosuslugi")
    assert resp.status_code == 403
    assert "не подтверждена" in resp.text
    assert Api(session=resp.session).request("GET", "/me").status_code == 401


def test_mark_reaches_the_summary_sheet_within_two_seconds(school, recorded):
    """Step 5: reporting, fed only by Kafka, shows the mark as JSON and as a PDF with Cyrillic text."""
    sid, cg = school["id"], school["class_group"]["id"]
    s1 = school["students"][0]
    while True:
        sheet = school["admin"].get(f"/schools/{sid}/class-groups/{cg}/summary-sheet")
        row = next((r for r in sheet["rows"] if r["student_id"] == s1["id"]), None)
        if row and any("5" in cell["marks"] for cell in row["cells"]):
            break
        assert time.monotonic() - recorded["written_at"] < 2.0, f"mark not in the summary sheet: {sheet}"
        time.sleep(0.1)
    assert row["student_name"].startswith("Иванов Пётр")
    pdf = school["admin"].get(f"/schools/{sid}/class-groups/{cg}/summary-sheet.pdf", expect=None)
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    text = subprocess.run(["pdftotext", "-", "-"], input=pdf.content, capture_output=True, check=True).stdout.decode()
    assert "Сводная ведомость" in text and "5А" in text and "Иванов" in text


def test_bad_requests_are_refused_and_write_nothing(school, recorded):
    """Step 7: missing field, wrong type, unknown id, a foreign school's id: 4xx in one error shape."""
    sid, admin, teacher = school["id"], school["admin"], school["teacher"]
    missing = admin.request("POST", f"/schools/{sid}/subjects", json={})
    assert missing.status_code == 400 and "name" in missing.json()["error"]["fields"]
    wrong_type = admin.request("POST", f"/schools/{sid}/class-groups",
                               json={"academic_year_id": school["year"]["id"], "grade": "пятый", "name": "5Б"})
    assert wrong_type.status_code == 400 and "grade" in wrong_type.json()["error"]["fields"]
    unknown = admin.request("GET", f"/schools/{sid}/people/{uuid.uuid4()}")
    assert unknown.status_code == 404 and unknown.json()["error"]["message"]

    lesson_path = f"/schools/{sid}/lessons/{school['lesson']['id']}/record"
    s1, s2 = school["students"]
    bad = teacher.request("PUT", lesson_path, json={
        "topic": "Другая тема", "homework": "", "reason": "Исправление",
        "marks": [{"student_id": s1["id"], "value": "4", "work_type": "classwork"},
                  {"student_id": s2["id"], "value": "7", "work_type": "classwork"}],
        "attendance": []})
    assert bad.status_code == 422, bad.text
    assert bad.json()["error"]["fields"]
    after = teacher.get(lesson_path)
    assert after["topic"] == "Натуральные числа и шкалы" and [m["value"] for m in after["marks"]] == ["5"]

    foreign = Api(stack.operator_token()).post("/schools", {
        "name": "Другая школа", "short_name": f"Другая {uuid.uuid4().hex[:4]}",
        "admin": {"last_name": "Орлов", "first_name": "Илья", "middle_name": "", "email": ""}})
    foreign_admin = Api(stack.password_token(foreign["admin"]["username"], activate(foreign["admin"]["activation_code"])))
    for path in (f"/schools/{sid}/people/{s1['id']}", f"/schools/{sid}/class-groups",
                 f"/schools/{sid}/students/{s1['id']}/diary?from=2025-09-01&to=2025-09-07",
                 f"/schools/{foreign['school']['id']}/people/{s1['id']}"):
        assert foreign_admin.request("GET", path).status_code == 404, path
    assert foreign_admin.request("POST", f"/schools/{sid}/subjects", json={"name": "Физика"}).status_code == 404


def test_closed_year_becomes_a_signed_object_locked_archive(installation, tmp_path):
    """Step 6: closing the year yields a signed BagIt package under COMPLIANCE retention. In a school of its own:
    a closed year is final, and the other steps' school stays open whatever order the tests run in."""
    school = seeded_school()
    recorded = record_lesson(school)
    test_mark_reaches_the_summary_sheet_within_two_seconds(school, recorded)  # the sheet has the mark first
    sid, admin = school["id"], school["admin"]
    package = closed_year_package(school)
    # sealed means the journal recorded the close (JournalYearClosed came before reporting's ReportingYearReady)
    lesson_path = f"/schools/{sid}/lessons/{school['lesson']['id']}/record"
    closed = school["teacher"].request("PUT", lesson_path, json={"topic": "После закрытия", "reason": "Проверка"})
    assert closed.status_code == 409 and "закрыт" in closed.json()["error"]["message"]  # the journal is final
    blob = admin.get(f"/schools/{sid}/archives/{package['id']}/package", expect=None)
    assert blob.status_code == 200
    zipfile.ZipFile(io.BytesIO(blob.content)).extractall(tmp_path)
    [bag] = [p for p in tmp_path.iterdir() if p.is_dir()] or [tmp_path]
    manifest = bag / "tagmanifest-sha256.txt"
    verified = subprocess.run(
        ["openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", f"{manifest}.p7s", "-content", str(manifest),
         "-CAfile", str(bag / "certificates" / "municipality-root.pem"), "-purpose", "any", "-out", "/dev/null"],
        capture_output=True, text=True)
    assert verified.returncode == 0, verified.stderr
    sheets = [p.read_text(encoding="utf-8") for p in (bag / "data").rglob("*.json")]
    assert any("5А" in sheet and "Иванов Пётр" in sheet and '"5"' in sheet for sheet in sheets)
    assert any('"Годовая"' in sheet and '"Итоговая"' in sheet for sheet in sheets), "the period marks' columns"
    assert any(p.suffix == ".pdf" for p in (bag / "data").rglob("*"))

    env = stack.env()
    minio = minio_client(env["OTMETKA_MINIO_ENDPOINT"], env["OTMETKA_MINIO_ROOT_USER"], env["OTMETKA_MINIO_ROOT_PASSWORD"],
                         env["OTMETKA_TLS_CA"])
    retention = minio.get_object_retention(package["bucket"], package["object_key"], version_id=package["version_id"])
    assert retention.mode == "COMPLIANCE"
    with pytest.raises(Exception, match="(?i)retention|locked|access ?denied|WORM"):
        minio.remove_object(package["bucket"], package["object_key"], version_id=package["version_id"])
    assert minio.get_bucket_versioning(package["bucket"]).status == ENABLED
    still = minio.stat_object(package["bucket"], package["object_key"], version_id=package["version_id"])
    assert still.version_id == package["version_id"]
