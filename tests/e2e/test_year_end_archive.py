"""The year-end archive end to end, on the running product: a school records a lesson and closes its year; the
director signs both packages on the archive page in Chromium; the journals' package is downloaded and checked with
third-party tools only (bagit.py, openssl cms -verify with the municipality's root, openssl ts -verify, pdfinfo,
pdftotext): the class journal's title sheet, sheet count and certification, both signatures and their timestamps,
bag-info's fields, a flipped byte detected. Then, with the second object store stopped, another school's year is
sealed in the primary store and its second copy appears once the store is back."""
import hashlib
import io
import re
import subprocess
import sys
import time
import uuid
import zipfile

import pytest
from playwright.sync_api import expect

from services import topology
from services.common.object_store import minio_client
from services.tooling.api_client import BASE, Api
from tests.e2e.test_journal_pages_in_browser import signed_in
from tests.e2e.test_pages_in_browser import new_page, screenshot  # noqa: F401 (fixture)
from tests.support import stack
from tests.support.archives import INN, OGRN, director_login, packages_of, signed_packages, wait_for
from tests.support.school import seed_school

pytestmark = pytest.mark.stack

HEX_LINE = re.compile(r"^\s+[0-9a-f]{4} - ((?:[0-9a-f]{2}[ -]){0,15}[0-9a-f]{2})")
BAGIT = str(topology.ROOT / ".venv" / "bin" / "bagit.py") if (topology.ROOT / ".venv").exists() else "bagit.py"


def run(*args, check: bool = False) -> subprocess.CompletedProcess:
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, check=check)


def signature_values(p7s) -> list[bytes]:
    """Each signer's signature value, read from openssl's printout of the CMS (the hex dump under a SignerInfo's
    `signature:`)."""
    printed = run("openssl", "cms", "-cmsout", "-print", "-inform", "DER", "-in", p7s, check=True).stdout.splitlines()
    values = []
    for i, line in enumerate(printed):
        if re.fullmatch(r"\s+signature:\s*", line):
            hexes = []
            for following in printed[i + 1:]:
                if not (match := HEX_LINE.match(following)):
                    break
                hexes.append(match.group(1).replace("-", " "))
            if hexes:
                values.append(bytes.fromhex(" ".join(hexes)))
    return values


def closed_school(label: str) -> dict:
    """A school of its own with a recorded lesson, its director's login, and its year closed."""
    seeded = seed_school(stack.env(), f"Школа № {uuid.uuid4().hex[:6]} ({label})")
    sid, admin, (s1, s2) = seeded["school"]["id"], seeded["admin_api"], seeded["students"]
    teacher = Api(stack.password_token(seeded["teacher"]["person"]["username"], seeded["teacher"]["password"]))
    teacher.put(f"/schools/{sid}/lessons/{seeded['lesson']['id']}/record", {
        "topic": "Натуральные числа и шкалы", "homework": "§1, № 15, 17", "reason": "Ввод журнала",
        "marks": [{"student_id": s1["id"], "value": "5", "work_type": "classwork"}],
        "attendance": [{"student_id": s2["id"], "status": "ill"}]})
    group = seeded["class_group"]["id"]
    deadline = time.monotonic() + 30
    while not any(any(c["marks"] for c in row["cells"]) for row in admin.get(
            f"/schools/{sid}/class-groups/{group}/summary-sheet", expect=None).json().get("rows", [])):
        assert time.monotonic() < deadline, "the mark did not reach reporting"
        time.sleep(0.2)
    login = director_login(stack.env(), admin, sid)
    admin.post(f"/schools/{sid}/academic-years/{seeded['year']['id']}/close", expect=200)
    return {"id": sid, "admin": admin, "year_id": seeded["year"]["id"], "name": seeded["school"]["name"],
            "login": login, "director": Api(stack.password_token(*login))}


def test_the_director_signs_on_the_archive_page_and_the_package_verifies_with_third_party_tools(
        installation, new_page, tmp_path):  # noqa: F811
    school = closed_school("архив")
    sid, director = school["id"], school["director"]
    wait_for(director, sid, school["year_id"], lambda p: p["status"] == "awaiting_signature")
    page = signed_in(new_page(), school["login"])
    page.goto(f"{BASE}/schools/{sid}/archives")
    expect(page.get_by_role("heading", level=1)).to_have_text("Архив школы")
    for _ in range(2):
        form = page.locator("form.sign-archive").first
        form.get_by_role("checkbox").check()
        form.get_by_role("button", name="Подписать").click()
        expect(page.locator("p.notice")).to_contain_text("Архив подписан")
    screenshot(page, "archive-signed.png")
    packages = wait_for(director, sid, school["year_id"], lambda p: p["status"] in ("sealed", "failed"))
    assert {p["status"] for p in packages.values()} == {"sealed"}, packages
    journal = packages["journal"]
    assert [(c["store"], c["status"]) for c in journal["copies"]] == [("primary", "sealed"), ("replica", "sealed")]

    # the package's own page, its copies checked now, an act with nothing to list, the semester policy
    journal_id = journal["id"]
    page.goto(f"{BASE}/schools/{sid}/archives")
    page.locator(f'a[href$="/archives/{journal_id}"]').click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Классные журналы, 2025/2026 учебный год")
    expect(page.locator("table.archive-copies tbody tr")).to_have_count(2)
    page.go_back()
    page.locator(f'tr[data-archive="{journal_id}"] form.check-archive button').click()
    expect(page.locator("p.notice")).to_contain_text("Копии архива проверены")
    page.locator("form.propose-disposal button").click()
    expect(page.locator("div.error-box")).to_contain_text("Нет архивов с истёкшим сроком хранения")
    page.locator("form.archive-policy input[name=semester_packages]").check()
    page.locator("form.archive-policy button").click()
    expect(page.locator("p.notice")).to_contain_text("Порядок архивирования сохранён")
    expect(page.locator("form.archive-policy input[name=semester_packages]")).to_be_checked()
    page.goto(f"{BASE}/schools/{sid}/archives/{journal_id}")
    expect(page.locator("table.fixity-checks tbody tr[data-outcome=ok]")).to_have_count(2)
    # the journals' printout the director reads before signing, from its form
    page.goto(f"{BASE}/schools/{sid}/journal/printout")
    page.locator("form.journal-printout select[name=class_group_id]").select_option(label="5А")
    with page.expect_download() as download:
        page.get_by_role("button", name="Скачать журнал (PDF)").click()
    assert download.value.suggested_filename.endswith(".pdf")

    blob = director.get(f"/schools/{sid}/archives/{journal['id']}/package", expect=None)
    assert blob.status_code == 200
    zipfile.ZipFile(io.BytesIO(blob.content)).extractall(tmp_path)
    bag = tmp_path / journal["id"]
    validated = run(sys.executable, BAGIT, "--validate", bag)
    assert validated.returncode == 0, validated.stderr

    info = dict(line.split(": ", 1) for line in (bag / "bag-info.txt").read_text(encoding="utf-8").splitlines()
                if ": " in line)
    assert (info["Source-Organization"], info["School-INN"], info["School-OGRN"]) == (school["name"], INN, OGRN)
    assert (info["Record-Class"], info["Retention-Period"], info["Academic-Year"]) == (
        "journal (Классные журналы)", "5 лет", "2025/2026")
    assert info["Retain-Until"] == journal["retain_until"] and info["Software"].startswith("Otmetka ")
    assert info["Formed-By"].startswith("Соколова Марина Викторовна, директор")
    assert "КАК ПРОВЕРИТЬ" in (bag / "README.txt").read_text(encoding="utf-8")

    root, manifest, p7s = bag / "certificates" / "municipality-root.pem", bag / "tagmanifest-sha256.txt", \
        bag / "tagmanifest-sha256.txt.p7s"
    verified = run("openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", p7s, "-content", manifest,
                   "-CAfile", root, "-purpose", "any", "-out", "/dev/null", "-signer", tmp_path / "signers.pem")
    assert verified.returncode == 0, verified.stderr
    assert (tmp_path / "signers.pem").read_text().count("BEGIN CERTIFICATE") == 2, "the director and the installation"
    digests = [hashlib.sha256(value).hexdigest() for value in signature_values(p7s)]
    assert len(digests) == 2
    for name in ("director", "installation"):
        stamped = [digest for digest in digests if run(
            "openssl", "ts", "-verify", "-digest", digest, "-in", bag / "signatures" / f"{name}.tsr", "-token_in",
            "-CAfile", root).returncode == 0]
        assert len(stamped) == 1, f"the {name}'s timestamp is on exactly one signature value"

    pdf = bag / "data" / "journals" / "5А.pdf"
    pages = int(re.search(r"^Pages:\s+(\d+)", run("pdfinfo", pdf, check=True).stdout, re.M).group(1))
    text = run("pdftotext", "-layout", pdf, "-", check=True).stdout
    title = text.split("\f")[0]
    assert "Классный журнал" in title and "5А" in title and "2025/2026" in title and "Математика" in title
    assert school["name"].split("«")[1].rstrip("»") in title
    assert f"Всего листов: {pages}" in title
    assert re.search(rf"скреплено печатью\s+{pages}\s+лист", text.split("\f")[pages - 1]), "the certification sheet"
    assert "Натуральные числа и шкалы" in text and "Иванов Пётр" in text
    assert "pdfaid:part" in run("pdfinfo", "-meta", pdf, check=True).stdout, "PDF/A's identification in the XMP"

    flipped = bytearray(pdf.read_bytes())
    flipped[len(flipped) // 2] ^= 0x01
    pdf.write_bytes(bytes(flipped))
    assert run(sys.executable, BAGIT, "--validate", bag).returncode != 0, "bagit finds the flipped byte"
    changed = bytearray(manifest.read_bytes())
    changed[5] ^= 0x01
    manifest.write_bytes(bytes(changed))
    assert run("openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", p7s, "-content", manifest,
               "-CAfile", root, "-purpose", "any", "-out", "/dev/null").returncode != 0


def stack_command(*args: str) -> None:
    done = run("bash", topology.ROOT / "infra" / "stack.sh", *args)
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_year_closed_while_the_second_store_is_down_gets_its_second_copy_when_it_is_back(installation):
    school = closed_school("второе хранилище")
    sid, director = school["id"], school["director"]
    stack_command("down", "minio-replica")
    try:
        signed_packages(director, sid, school["year_id"])  # sealed in the primary store
        failed = wait_for(director, sid, school["year_id"], lambda p: p["copies"][1].get("attempts", 0) >= 1)
        for package in failed.values():
            primary, replica = package["copies"]
            assert (primary["status"], replica["store"], replica["status"]) == ("sealed", "replica", "pending")
            assert "недоступно" in replica["last_error"]
    finally:
        stack_command("up", "minio-replica")
    packages = wait_for(director, sid, school["year_id"],
                        lambda p: [c["status"] for c in p.get("copies", [])] == ["sealed", "sealed"], timeout=120)
    env = stack.env()
    replica = minio_client(env["OTMETKA_ARCHIVE_REPLICA_ENDPOINT"], env["OTMETKA_ARCHIVE_REPLICA_ACCESS_KEY"],
                           env["OTMETKA_ARCHIVE_REPLICA_SECRET_KEY"], env["OTMETKA_TLS_CA"])
    for package in packages.values():
        copy = package["copies"][1]
        assert copy["attempts"] >= 2, "written after the failed attempts"
        response = replica.get_object(copy["bucket"], package["object_key"], version_id=copy["version_id"])
        try:
            assert hashlib.sha256(response.read()).hexdigest() == package["sha256"]
        finally:
            response.close()
            response.release_conn()
        retention = replica.get_object_retention(copy["bucket"], package["object_key"], version_id=copy["version_id"])
        assert retention.mode == "COMPLIANCE"
    assert packages_of(director, sid, school["year_id"]).keys() == {"journal", "summary_sheet"}
