"""The operator's status notice (gateway/status_notice.py, gateway/web/status_notice_pages.py) with the in-memory
store: the input's rules (422 in Russian), the cache that reads the store at most once per few seconds and at once
after its own change, an expired notice not shown; the page and REST endpoint for the operator only (403 for
others, CSRF on the form), and the notice on every page until it is removed."""
import datetime as dt
import threading
import time
from zoneinfo import ZoneInfo

import pytest

from gateway.app import create_app
from gateway.status_notice import StatusNotices, parse
from services.common.context import Caller
from services.common.errors import Invalid, Unauthenticated, Unavailable
from tests.unit.gateway.conftest import SETTINGS
from tests.unit.gateway.fakes import FakePeers

MOSCOW = ZoneInfo("Europe/Moscow")
NOW = dt.datetime(2026, 9, 1, 5, 0, tzinfo=dt.UTC)
TEXT = "Сегодня первый учебный день: дневник может открываться медленно"
TOKENS = {"operator-token": frozenset({"authority_operator"}), "teacher-token": frozenset()}


def test_the_input_rules():
    assert parse(f"  {TEXT} ", "", MOSCOW, NOW) == (TEXT, None)
    assert parse(TEXT, "2026-09-01T18:00", MOSCOW, NOW) == (TEXT, dt.datetime(2026, 9, 1, 15, 0, tzinfo=dt.UTC))
    assert parse(TEXT, "2026-09-01T18:00+00:00", MOSCOW, NOW)[1] == dt.datetime(2026, 9, 1, 18, 0, tzinfo=dt.UTC)
    for text, until, field, message in (("  ", "", "text", "Введите текст объявления"),
                                        ("я" * 501, "", "text", "Не длиннее 500 символов"),
                                        (TEXT, "завтра", "until", "Неверное время"),
                                        (TEXT, "2026-09-01T07:59", "until", "Время окончания уже прошло")):
        with pytest.raises(Invalid) as refused:
            parse(text, until, MOSCOW, NOW)
        assert refused.value.fields[field].startswith(message), (text, until)


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def test_the_store_is_read_once_per_few_seconds_and_at_once_after_a_change(store):
    clock = Clock()
    notices = StatusNotices(store, ttl=5.0, clock=clock)
    assert notices.current(NOW) is None and store.notice_reads == 1
    store.set_status_notice(TEXT, None, "operator")  # another replica sets it
    assert notices.current(NOW) is None and store.notice_reads == 1  # cached
    clock.now += 5
    assert notices.current(NOW).text == TEXT and store.notice_reads == 2
    notices.clear()  # this process removes it: gone at once
    assert notices.current(NOW) is None and store.notice_reads == 3


def test_an_expired_notice_is_not_shown_and_a_store_that_fails_keeps_the_last_read(store):
    notices = StatusNotices(store, ttl=0.0)
    notices.set(TEXT, NOW + dt.timedelta(hours=1), "operator")
    assert notices.current(NOW).text == TEXT and notices.current(NOW + dt.timedelta(hours=1)) is None

    def unreachable():
        raise Unavailable()
    store.status_notice = unreachable
    assert notices.current(NOW).text == TEXT


def test_one_thread_reads_the_store_while_the_others_go_on_with_the_notice_read_before(store):
    notices = StatusNotices(store, ttl=0.0)
    notices.set(TEXT, None, "operator")
    assert notices.current(NOW).text == TEXT
    entered, answer = threading.Event(), threading.Event()

    def slow():  # a database taking its connect timeout
        entered.set()
        assert answer.wait(30)
        return None

    store.status_notice = slow
    reader = threading.Thread(target=notices.current, args=(NOW,))
    reader.start()
    assert entered.wait(30)
    assert notices.current(NOW).text == TEXT  # not held up
    answer.set()
    reader.join(30)
    assert notices.current(NOW) is None  # what the slow read found


class RolesVerifier:
    def verify(self, token: str) -> Caller:
        if token not in TOKENS:
            raise Unauthenticated()
        return Caller(subject=token, username=token.split("-")[0], realm_roles=TOKENS[token], token=token)


@pytest.fixture
def app(store):
    app = create_app(SETTINGS, verifier=RolesVerifier(), peers=FakePeers(SETTINGS.peers), store=store)
    app.testing = True
    return app


def signed_in(client, token: str):
    with client.session_transaction() as session:
        session["tokens"] = {"access_token": token, "refresh_token": "r", "id_token": "",
                             "expires_at": time.time() + 3600}
        session["csrf"] = "csrf-123"
    return client


def test_the_operator_sets_it_every_page_shows_it_until_removed(app, store):
    operator = signed_in(app.test_client(), "operator-token")
    teacher = signed_in(app.test_client(), "teacher-token")
    assert 'class="status-notice"' not in teacher.get("/authority/status-notice").get_data(as_text=True)
    resp = operator.post("/authority/status-notice", data={"csrf_token": "csrf-123", "text": TEXT,
                                                          "until": "2099-09-01T18:00"})
    assert resp.status_code == 302 and store.notice[:3] == (
        TEXT, dt.datetime(2099, 9, 1, 15, 0, tzinfo=dt.UTC), "operator")
    for client, path in ((teacher, "/authority/status-notice"), (operator, "/authority/status-notice?saved=set"),
                         (teacher, "/no-such-page")):
        page = client.get(path).get_data(as_text=True)
        assert TEXT in page and "(до 01.09.2099 18:00)" in page, path
    assert operator.post("/authority/status-notice/remove", data={"csrf_token": "csrf-123"}).status_code == 302
    assert store.notice is None and TEXT not in operator.get("/authority/status-notice").get_data(as_text=True)


def test_others_are_refused_bad_input_is_a_422_and_the_form_needs_csrf(app, store):
    operator = signed_in(app.test_client(), "operator-token")
    teacher = signed_in(app.test_client(), "teacher-token")
    assert teacher.get("/authority/status-notice").status_code == 403
    for path in ("/authority/status-notice", "/authority/status-notice/remove"):
        assert teacher.post(path, data={"csrf_token": "csrf-123", "text": TEXT}).status_code == 403
    refused = operator.post("/authority/status-notice", data={"csrf_token": "csrf-123", "text": " ",
                                                             "until": "вчера"})
    page = refused.get_data(as_text=True)
    assert refused.status_code == 422 and "Введите текст объявления" in page and "Неверное время" in page
    assert operator.post("/authority/status-notice", data={"text": TEXT}).status_code == 400  # no CSRF token
    assert store.notice is None


def test_the_rest_endpoint(app, store):
    client = app.test_client()
    operator, teacher = ({"Authorization": f"Bearer {t}"} for t in ("operator-token", "teacher-token"))
    assert client.get("/api/v1/status-notice").status_code == 401
    assert client.get("/api/v1/status-notice", headers=teacher).get_json() == {"notice": None}
    refused = client.put("/api/v1/status-notice", headers=teacher, json={"text": TEXT})
    assert (refused.status_code, refused.get_json()["error"]["code"]) == (403, "PERMISSION_DENIED")
    assert client.delete("/api/v1/status-notice", headers=teacher).status_code == 403
    bad = client.put("/api/v1/status-notice", headers=operator, json={"text": TEXT, "until": "2000-01-01T00:00"})
    assert (bad.status_code, bad.get_json()["error"]["fields"]) == (422, {"until": "Время окончания уже прошло"})
    assert client.put("/api/v1/status-notice", headers=operator, json=["text"]).status_code == 400
    put = client.put("/api/v1/status-notice", headers=operator, json={"text": TEXT, "until": None})
    assert put.status_code == 200 and put.get_json()["notice"]["text"] == TEXT
    shown = client.get("/api/v1/status-notice", headers=teacher).get_json()["notice"]
    assert (shown["text"], shown["until"], shown["set_by"]) == (TEXT, None, "operator")
    removed = client.delete("/api/v1/status-notice", headers=operator)
    assert (removed.status_code, removed.get_json()) == (200, {"notice": None})
    assert client.get("/api/v1/status-notice", headers=teacher).get_json() == {"notice": None}


def test_the_operators_page_shows_a_change_made_through_another_worker_at_once(app, store):
    """Another gunicorn worker (another StatusNotices on the same database) removed the notice: this worker's cache
    still has it for the other pages, but the operator's own page reads the database."""
    teacher = signed_in(app.test_client(), "teacher-token")
    operator = signed_in(app.test_client(), "operator-token")
    StatusNotices(store).set(TEXT, None, "operator")
    assert TEXT in teacher.get("/no-such-page").get_data(as_text=True)  # read into this worker's cache
    StatusNotices(store).clear()  # the other worker
    assert TEXT in teacher.get("/no-such-page").get_data(as_text=True)  # cached for a few seconds
    assert TEXT not in operator.get("/authority/status-notice?saved=removed").get_data(as_text=True)
