"""Connections are not pinged before use: a transaction whose pooled connection PostgreSQL dropped starts again on
a fresh one, because its first statement (binding the tenant) has done nothing yet; a connection lost later in a
transaction fails that transaction as before. The backends are ended by the superuser, only those of this test's
own database (otmetka_journal_it<suffix>), never the installation's."""
import threading
import uuid

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from tests.support.grpc_harness import database, end_backends

pytestmark = pytest.mark.stack
SCHOOL = str(uuid.uuid4())
WHO_AM_I = text("SELECT current_setting('app.school_id', true), pg_backend_pid()")


@pytest.fixture(scope="module")
def db():
    with database("journal") as db:
        yield db


def pooled_connections(db, count: int) -> None:
    """Leaves `count` open connections in the pool: that many transactions held at once."""
    started, release = threading.Barrier(count + 1), threading.Event()

    def hold():
        with db.tenant_session(SCHOOL) as session:
            session.execute(text("SELECT 1"))
            started.wait()
            release.wait()

    threads = [threading.Thread(target=hold) for _ in range(count)]
    for thread in threads:
        thread.start()
    started.wait()
    release.set()
    for thread in threads:
        thread.join()


def test_the_next_transaction_after_the_backends_were_terminated_succeeds(db):
    pooled_connections(db, 3)
    with db.tenant_session(SCHOOL) as session:
        _, before = session.execute(WHO_AM_I).one()
    assert end_backends(db) >= 3
    for _ in range(4):  # every pooled connection is dead: each transaction gets a working one
        with db.tenant_session(SCHOOL) as session:
            school, pid = session.execute(WHO_AM_I).one()
            assert school == SCHOOL and pid != before
    end_backends(db)
    with db.system_session() as session:
        assert session.scalar(text("SELECT current_setting('app.system', true)")) == "on"


def test_a_connection_lost_inside_a_transaction_fails_it_and_the_next_one_works(db):
    with pytest.raises(OperationalError):
        with db.tenant_session(SCHOOL) as session:
            session.execute(WHO_AM_I)
            end_backends(db)
            session.execute(WHO_AM_I)
    with db.tenant_session(SCHOOL) as session:
        assert session.execute(WHO_AM_I).one()[0] == SCHOOL

