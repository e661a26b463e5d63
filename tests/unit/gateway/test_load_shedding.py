"""Load shedding (gateway/load_shedding.py): a small gateway (create_app with two slots, a fifth of a second's wait)
under a real threaded WSGI server, its two slots held by diary calls the fake journal keeps waiting: the next API
call is a 503 with Retry-After and the API's JSON error, the next page a Russian 503 page with the security headers,
the health check and the static files still answer; once the slots are free everything is served again. Then a
burst of requests larger than the slots: each one answered 200 or 503 with Retry-After — never a 500, never a hang."""
import concurrent.futures
import threading

import pytest
import requests
from prometheus_client import REGISTRY
from werkzeug.serving import make_server

from gateway.app import create_app
from gateway.load_shedding import Shedding
from proto.journal.v1 import journal_pb2 as pb
from services.common.settings import SettingsError
from services.tooling.http import retrying
from tests.unit.gateway.conftest import SETTINGS, TOKEN, FakeVerifier
from tests.unit.gateway.fakes import FakePeers

SCHOOL = "0b6f5a8e-3c1d-4b7a-9a55-2f7c1f0e9d11"
STUDENT = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
DIARY = f"/api/v1/schools/{SCHOOL}/students/{STUDENT}/diary?from=2026-09-07&to=2026-09-13"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
BOUND = 30  # seconds: no request may take longer (a hang fails the test instead of stalling it)


class HeldJournal:
    """GetDiary answers only once `free` is set; `entered` counts the calls waiting."""

    def __init__(self):
        self.free = threading.Event()
        self.entered = threading.Semaphore(0)

    def __call__(self, request):
        self.entered.release()
        assert self.free.wait(BOUND)
        return pb.Diary(student_id=STUDENT)


@pytest.fixture
def gateway(store):
    peers = FakePeers(SETTINGS.peers)
    journal = HeldJournal()
    peers.responses["GetDiary"] = journal
    settings = SETTINGS.__class__(**{**SETTINGS.__dict__, "shedding": Shedding(in_flight=2, wait=0.2, retry_after=1)})
    app = create_app(settings, verifier=FakeVerifier(), peers=peers, store=store)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}", journal, app.wsgi_app
    journal.free.set()
    server.shutdown()
    thread.join(BOUND)


def test_a_full_gateway_answers_503_with_retry_after_at_once_and_serves_again_when_free(gateway):
    base, journal, _ = gateway
    shed_before = REGISTRY.get_sample_value("otmetka_http_shed_total") or 0.0
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        held = [pool.submit(requests.get, base + DIARY, headers=AUTH, timeout=BOUND) for _ in range(2)]
        for _ in held:
            assert journal.entered.acquire(timeout=BOUND)  # both slots taken
        api = requests.get(base + DIARY, headers=AUTH, timeout=BOUND)
        assert (api.status_code, api.headers["Retry-After"]) == (503, "1")
        assert api.json()["error"] == {"code": "UNAVAILABLE", "message": "Сервис перегружен, повторите попытку через 1 с",
                                       "fields": {}, "reason": "OVERLOADED"}
        page = requests.get(base + "/", timeout=BOUND)
        assert (page.status_code, page.headers["Retry-After"]) == (503, "1")
        assert "Сервис перегружен" in page.text and page.headers["Content-Security-Policy"].startswith("default-src 'self'")
        assert requests.get(base + "/healthz", timeout=BOUND).status_code == 200  # never shed
        assert requests.get(base + "/static/style.css", timeout=BOUND).status_code == 200
        journal.free.set()
        assert [f.result(BOUND).status_code for f in held] == [200, 200]
    assert requests.get(base + DIARY, headers=AUTH, timeout=BOUND).status_code == 200
    assert REGISTRY.get_sample_value("otmetka_http_shed_total") - shed_before == 2  # the API call and the page


def test_a_burst_gets_200_or_503_with_retry_after_never_a_500_or_a_hang(gateway):
    base, journal, shedder = gateway

    def free_once_one_was_shed():  # the journal answers once the slots are held and a request was shed
        for _ in range(2):
            journal.entered.acquire(timeout=BOUND)
        while not shedder.shed and not journal.free.wait(0.01):
            pass
        journal.free.set()

    threading.Thread(target=free_once_one_was_shed, daemon=True).start()
    with concurrent.futures.ThreadPoolExecutor(12) as pool:
        answers = list(pool.map(lambda _: requests.get(base + DIARY, headers=AUTH, timeout=BOUND), range(24)))
    statuses = [a.status_code for a in answers]
    assert set(statuses) <= {200, 503} and statuses.count(200) >= 2 and 503 in statuses, statuses
    assert all(a.headers.get("Retry-After") == "1" for a in answers if a.status_code == 503)


def test_the_project_s_clients_send_a_shed_request_again_when_the_gateway_says(gateway):
    base, journal, shedder = gateway
    with concurrent.futures.ThreadPoolExecutor(3) as pool:
        held = [pool.submit(requests.get, base + DIARY, headers=AUTH, timeout=BOUND) for _ in range(2)]
        for _ in held:
            assert journal.entered.acquire(timeout=BOUND)
        patient = pool.submit(retrying().post, base + DIARY.split("?")[0], headers=AUTH, timeout=BOUND)
        while not shedder.shed:  # refused once, then waiting its second (and a half at most)
            assert not patient.done()
            threading.Event().wait(0.01)
        journal.free.set()
        assert patient.result(BOUND).status_code == 405  # sent again and answered (a POST: no such method here)


def test_the_settings(monkeypatch):
    monkeypatch.setenv("OTMETKA_GATEWAY_MAX_IN_FLIGHT", "0")
    assert Shedding.from_env() == Shedding(in_flight=0)
    for name, value in (("OTMETKA_GATEWAY_MAX_IN_FLIGHT", "много"), ("OTMETKA_GATEWAY_SLOT_WAIT", "-1"),
                        ("OTMETKA_GATEWAY_RETRY_AFTER", "0")):
        monkeypatch.setenv(name, value)
        with pytest.raises(SettingsError):
            Shedding.from_env()
        monkeypatch.delenv(name)
