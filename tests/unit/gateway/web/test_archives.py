"""The school's archive page and the authority's archive parts with fake services: the packages with their state
names and copies, the signature, act and policy forms only where the archive allows them, download, the fixity check and retry, a
refusal said on the page, one package's copies and checks, the acts of destruction; the operator's overview lists
the alerts and the acts to approve, and approves one; the /api/v1 rows."""
import pytest

from proto.archive.v1 import archive_pb2 as apb
from services.common.errors import FailedPrecondition
from tests.unit.gateway.fakes import refused

SCHOOL = "5c0e2b4a-0000-4000-8000-000000000001"
WAITING, SEALED, FAILED = ("0b8a3f4e-1111-4222-8333-94445555666" + c for c in "123")
ACT = "0b8a3f4e-1111-4222-8333-944455556669"
CSRF = {"csrf_token": "csrf-123"}
PRIMARY = apb.ArchiveCopy(store="primary", store_name="основное хранилище", status="sealed", bucket="a",
                          version_id="v1", sealed_at="2026-07-01T10:00:00+00:00", check_outcome="ok",
                          check_outcome_name="в порядке", checked_at="2026-08-01T10:00:00+00:00")
PENDING = apb.ArchiveCopy(store="replica", store_name="второе хранилище", status="pending", bucket="b", attempts=3,
                          last_error="Хранилище файлов недоступно, повторите попытку",
                          next_attempt_at="2026-07-01T10:05:00+00:00")
PACKAGES = apb.ListArchivesResponse(packages=[
    apb.ArchivePackage(id=WAITING, school_id=SCHOOL, academic_year_name="2026/2027", record_class="journal",
                       record_class_name="Классные журналы", status="awaiting_signature",
                       status_name="ожидает подписи директора", created_at="2027-06-01T10:00:00+00:00",
                       period_id="t1", period_name="1 семестр", date_from="2026-09-01", date_to="2026-12-28"),
    apb.ArchivePackage(id=SEALED, school_id=SCHOOL, academic_year_name="2025/2026", record_class="summary_sheet",
                       record_class_name="Сводные ведомости учёта успеваемости", status="sealed",
                       status_name="сформирован", retain_until="2051-07-01", signed_at="2026-07-01T09:00:00+00:00",
                       copies=[PRIMARY, PENDING], created_at="2026-07-01T08:00:00+00:00"),
    apb.ArchivePackage(id=FAILED, school_id=SCHOOL, academic_year_name="2025/2026", record_class="journal",
                       record_class_name="Классные журналы", status="failed", status_name="не удалось сформировать",
                       error="Не удалось сформировать архив: отчёты недоступны", created_at="2026-07-01T08:00:00+00:00")],
    may_sign=True, may_dispose=True, may_set_policy=True)  # the director's, as the archive answers them
ACTS = apb.ListDisposalActsResponse(acts=[apb.DisposalAct(
    id=ACT, school_id=SCHOOL, number=2, status="proposed", school_name="Школа № 1",
    status_name="ожидает утверждения органом управления образованием", proposed_at="2031-07-02T10:00:00+00:00",
    items=[apb.DisposalItem(archive_id=SEALED, academic_year_name="2025/2026", record_class="journal",
                            record_class_name="Классные журналы", retain_until="2031-07-01")])])


@pytest.fixture
def archive(peers):
    peers.responses.update(ListArchives=PACKAGES, ListDisposalActs=ACTS)


def calls(peers, rpc):
    return [req for _, name, req, _ in peers.calls if name == rpc]


def test_the_page_lists_the_packages_with_their_state_and_copies(browser, peers, archive):
    page = browser.get(f"/schools/{SCHOOL}/archives").get_data(as_text=True)
    assert calls(peers, "ListArchives")[0].school_id == SCHOOL
    assert "ожидает подписи директора" in page and "Классные журналы" in page
    assert f'action="/schools/{SCHOOL}/archives/{WAITING}/sign"' in page and 'name="confirm" required' in page
    assert f'href="/schools/{SCHOOL}/journal/printout">Просмотреть журналы перед подписью' in page
    assert "основное хранилище: записана; проверка 01.08.2026 13:00: <strong>в порядке</strong>" in page
    assert "второе хранилище: ожидает записи: попыток 3, хранилище ответило: Хранилище файлов недоступно" in page
    assert f'href="/schools/{SCHOOL}/archives/{SEALED}/package"' in page
    assert f'action="/schools/{SCHOOL}/archives/{SEALED}/check"' in page
    assert f'action="/schools/{SCHOOL}/archives/{FAILED}/retry"' in page and "отчёты недоступны" in page
    assert "№ 2 от 02.07.2031" in page and "Классные журналы, 2025/2026 (срок хранения до 2031-07-01)" in page
    assert f'action="/schools/{SCHOOL}/archives/disposal-acts"' in page


def test_the_semester_policy_is_shown_and_saved(browser, peers, archive):
    peers.responses["GetArchivePolicy"] = apb.ArchivePolicy(school_id=SCHOOL, semester_packages=True)
    page = browser.get(f"/schools/{SCHOOL}/archives").get_data(as_text=True)
    assert "1 семестр: 2026-09-01 – 2026-12-28" in page
    assert 'name="semester_packages" checked>' in page
    resp = browser.post(f"/schools/{SCHOOL}/archives/policy", data=CSRF)  # the box unticked
    assert resp.status_code == 302
    (asked,) = calls(peers, "SetArchivePolicy")
    assert (asked.school_id, asked.semester_packages) == (SCHOOL, False)
    assert "Порядок архивирования сохранён" in browser.get(resp.headers["Location"]).get_data(as_text=True)


def test_the_forms_are_the_ones_the_archive_allows(browser, peers, archive):
    peers.responses["ListArchives"] = apb.ListArchivesResponse(packages=PACKAGES.packages)  # a deputy head's
    page = browser.get(f"/schools/{SCHOOL}/archives").get_data(as_text=True)
    assert "/sign" not in page and "ожидает подписи директора" in page
    assert "/disposal-acts" not in page, "the deputy head proposes no act"
    assert 'name="semester_packages" disabled>' in page, "nor changes the policy"


@pytest.mark.parametrize(("action", "rpc", "done"), [
    ("sign", "SignArchive", "Архив подписан"), ("check", "CheckArchive", "Копии архива проверены"),
    ("retry", "RetryArchive", "отправлен на повторное формирование")])
def test_the_actions_call_the_archive_and_say_what_happened(browser, peers, archive, action, rpc, done):
    resp = browser.post(f"/schools/{SCHOOL}/archives/{WAITING}/{action}", data=CSRF)
    assert resp.status_code == 302
    (asked,) = calls(peers, rpc)
    assert (asked.school_id, asked.archive_id) == (SCHOOL, WAITING)
    assert done in browser.get(resp.headers["Location"]).get_data(as_text=True)


def test_a_refusal_is_said_on_the_page(browser, peers, archive):
    peers.responses["SignArchive"] = refused(FailedPrecondition(
        "В карточке школы не указаны ИНН или ОГРН: заполните их, затем подпишите архив",
        {"inn": "не указан в карточке школы"}))
    resp = browser.post(f"/schools/{SCHOOL}/archives/{WAITING}/sign", data=CSRF)
    page = resp.get_data(as_text=True)
    assert resp.status_code == 409 and "заполните их, затем подпишите архив" in page


def test_a_proposed_act_goes_to_the_authority(browser, peers, archive):
    resp = browser.post(f"/schools/{SCHOOL}/archives/disposal-acts", data=CSRF)
    assert resp.status_code == 302 and calls(peers, "ProposeDisposal")[0].school_id == SCHOOL
    assert "отправлен на утверждение" in browser.get(resp.headers["Location"]).get_data(as_text=True)


def test_one_package_shows_its_copies_and_checks(browser, peers, archive):
    peers.responses["GetArchive"] = apb.ArchivePackage(
        id=SEALED, academic_year_name="2025/2026", record_class_name="Сводные ведомости учёта успеваемости",
        status="sealed", status_name="сформирован", sha256="ab" * 32, copies=[PRIMARY, PENDING],
        checks=[apb.FixityCheck(store="replica", store_name="второе хранилище", outcome="damaged",
                                outcome_name="повреждена", checked_at="2026-08-01T10:00:00+00:00",
                                detail="контрольная сумма SHA-256 не совпадает с реестром; восстановлена из другой "
                                       "копии")])
    page = browser.get(f"/schools/{SCHOOL}/archives/{SEALED}").get_data(as_text=True)
    assert "ab" * 32 in page and "повреждена" in page and "восстановлена из другой копии" in page
    assert "следующая попытка 01.07.2026 13:05" in page


def test_the_download_is_the_archives_zip(browser, peers, archive):
    peers.responses["DownloadArchive"] = apb.ArchiveContent(filename="a.zip", media_type="application/zip",
                                                            content=b"PK")
    resp = browser.get(f"/schools/{SCHOOL}/archives/{SEALED}/package")
    assert (resp.status_code, resp.mimetype, resp.data) == (200, "application/zip", b"PK")


def test_the_operators_overview_lists_alerts_and_acts_and_approves_one(browser, peers):
    peers.responses.update(ListArchiveAlerts=apb.ListArchiveAlertsResponse(alerts=[apb.ArchiveAlert(
        school_id=SCHOOL, archive_id=SEALED, academic_year_name="2025/2026", record_class_name="Классные журналы",
        copy=apb.ArchiveCopy(store="replica", store_name="второе хранилище", status="sealed",
                             check_outcome="repaired", check_outcome_name="была повреждена, восстановлена",
                             checked_at="2026-08-01T10:00:00+00:00"))]), ListActsToApprove=ACTS)
    page = browser.get("/authority/overview").get_data(as_text=True)
    assert "Сохранность архивов" in page and "была повреждена, восстановлена, 01.08.2026 13:00" in page
    assert f'action="/authority/disposal-acts/{SCHOOL}/{ACT}/approve"' in page and "Школа № 1" in page
    resp = browser.post(f"/authority/disposal-acts/{SCHOOL}/{ACT}/approve", data=CSRF)
    assert resp.status_code == 302
    (asked,) = calls(peers, "ApproveDisposal")
    assert (asked.school_id, asked.act_id) == (SCHOOL, ACT)


def test_the_rest_rows(client, peers, auth):
    peers.responses.update(SignArchive=PACKAGES.packages[0], ListDisposalActs=ACTS)
    resp = client.post(f"/api/v1/schools/{SCHOOL}/archives/{WAITING}/sign", headers=auth)
    assert resp.status_code in (200, 201) and resp.get_json()["id"] == WAITING
    acts = client.get(f"/api/v1/schools/{SCHOOL}/disposal-acts", headers=auth).get_json()
    assert acts["acts"][0]["number"] == 2
    assert client.get("/api/v1/authority/archive-alerts", headers=auth).status_code == 200
