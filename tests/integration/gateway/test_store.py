"""The gateway's database on the real PostgreSQL (gateway/store.py): two stores — two gunicorn workers or two
replicas — count into the same rate-limit windows, a session saved by one is read by the other, the sweep deletes
expired sessions and past windows only; the operator's status notice set by one is read by the other; an unreachable
database is Unavailable, not a crash."""
import datetime as dt
import uuid

import pytest
from sqlalchemy import text

from gateway.store import PostgresStore
from services.common.errors import Unavailable
from tests.support import stack

pytestmark = pytest.mark.stack


@pytest.fixture(scope="module")
def stores():
    url = stack.deployed("gateway")
    first, second = PostgresStore(url), PostgresStore(url)
    yield first, second
    first.engine.dispose()
    second.engine.dispose()


def test_two_workers_count_into_the_same_windows(stores):
    first, second = stores
    key, other = f"api-user:{uuid.uuid4()}", f"api-address:{uuid.uuid4()}"
    window = dt.datetime.now(dt.UTC).replace(microsecond=0) + dt.timedelta(minutes=5)
    assert first.add({(key, window): 1, (other, window): 4}) == {(key, window): 1, (other, window): 4}
    assert second.add({(key, window): 2}) == {(key, window): 3}
    assert first.add({(key, window): 1, (other, window): 1}) == {(key, window): 4, (other, window): 5}
    later = window + dt.timedelta(minutes=1)
    assert second.add({(key, later): 1}) == {(key, later): 1}  # the next window starts again


def test_a_session_saved_by_one_is_read_by_the_other_until_it_expires_and_is_swept(stores):
    first, second = stores
    now = dt.datetime.now(dt.UTC)
    live, expired = uuid.uuid4().hex, uuid.uuid4().hex
    first.save_session(live, {"csrf": "a", "tokens": {"access_token": "t"}}, now + dt.timedelta(hours=1))
    first.save_session(expired, {"csrf": "b"}, now - dt.timedelta(seconds=1))
    assert second.load_session(live) == {"csrf": "a", "tokens": {"access_token": "t"}}
    assert second.load_session(expired) is None  # past its expiry even before the sweep
    past = f"api-user:{uuid.uuid4()}"
    second.add({(past, now - dt.timedelta(minutes=2)): 1})
    assert first.sweep() >= 2
    with first.engine.connect() as conn:
        assert conn.scalar(text("SELECT count(*) FROM browser_sessions WHERE id_hash = :h"), {"h": expired}) == 0
        assert conn.scalar(text("SELECT count(*) FROM browser_sessions WHERE id_hash = :h"), {"h": live}) == 1
        assert conn.scalar(text("SELECT count(*) FROM rate_counts WHERE key = :k"), {"k": past}) == 0
    later = now + dt.timedelta(hours=2)
    assert second.save_session(live, {"csrf": "c", "tokens": {"access_token": "t2"}}, later, new=False)
    assert first.load_session(live) == {"csrf": "c", "tokens": {"access_token": "t2"}}
    second.delete_session(live)  # signed out: a request still in flight does not bring it back
    assert first.save_session(live, {"csrf": "d"}, later, new=False) is False
    assert first.load_session(live) is None


def test_the_status_notice_set_by_one_is_read_by_the_other_replaced_and_removed(stores):
    first, second = stores
    until = dt.datetime(2099, 9, 1, 15, 0, tzinfo=dt.UTC)
    first.set_status_notice("Первый учебный день: возможны задержки", until, "operator")
    text_, ends, set_by, set_at = second.status_notice()
    assert (text_, ends, set_by) == ("Первый учебный день: возможны задержки", until, "operator")
    assert set_at <= dt.datetime.now(dt.UTC)
    second.set_status_notice("Журнал снова работает", None, "operator2")  # one notice: replaced
    assert first.status_notice()[:3] == ("Журнал снова работает", None, "operator2")
    first.clear_status_notice()
    assert second.status_notice() is None


def test_an_unreachable_database_is_unavailable():
    store = PostgresStore("postgresql+psycopg://gateway_app@127.0.0.1:1/otmetka_gateway")
    with pytest.raises(Unavailable):
        store.add({("api-user:x", dt.datetime.now(dt.UTC)): 1})
    with pytest.raises(Unavailable):
        store.load_session("x")
    with pytest.raises(Unavailable):
        store.status_notice()
