"""The restore drill on the stack's real PostgreSQL: a full pgBackRest backup, a lesson saved through the journal's
service layer (its record, marks, ledger rows and outbox events), the moment T on the database's clock, more saved
after it, the WAL archived, then the whole cluster restored to T into a scratch cluster on a free port: what was saved
before T is there, nothing saved after it is (docs/operations.md "Backup and restore")."""
import time
import types

import pytest
import sqlalchemy as sa

from services.common import context
from services.common.auth import caller_from_claims
from services.common.db import Database
from services.common.outbox import Outbox
from services.common.scope import Scope
from services.journal.adapters.tables import ledger, lesson_records, marks, outbox
from services.journal.domain.lesson_entry import LessonInput, MarkInput
from services.journal.service_layer import lesson_record as handlers
from services.journal.service_layer.unit_of_work import JournalUnitOfWork
from services.tooling import backup
from tests.integration.journal.conftest import FakeIdentity, FakeSchedule, new_lesson, school_today
from tests.support import stack
from tests.support.grpc_harness import FakePrincipals

pytestmark = pytest.mark.stack

TABLES = {"lesson_records": lesson_records, "marks": marks, "ledger": ledger, "outbox": outbox}


@pytest.fixture(scope="module")
def backups() -> backup.Stack:
    settings = backup.Stack.from_env(stack.env())
    backup.require_archiving(settings)
    return settings


@pytest.fixture(scope="module")
def journal():
    """The journal's service layer in-process on its test database, with fakes of its peers (as its tests have)."""
    db = Database(stack.deployed("journal"))
    try:
        yield types.SimpleNamespace(db=db, outbox=Outbox("journal", outbox), principals=FakePrincipals(),
                                    schedule=FakeSchedule(), identity=FakeIdentity())
    finally:
        db.engine.dispose()


def save(journal, lesson, values: list[str]) -> None:
    """The teacher saves the lesson with these marks, one a student, through the journal's own command."""
    scope = Scope(lesson.school_id, journal.principals)
    uow = JournalUnitOfWork(journal.db, journal.outbox, scope, journal.schedule, journal.identity)
    tokens = context.bind(caller_from_claims({"sub": f"subject-{lesson.teacher_id}"}, "token"))
    try:
        handlers.save_lesson(scope, uow, LessonInput(lesson.lesson.id, "Дроби", "№ 12", [
            MarkInput(student, value) for student, value in zip(lesson.students, values, strict=False)], []))
    finally:
        context.reset(tokens)


def rows(url: str, school_id: str) -> dict[str, int]:
    """The school's rows in each of the journal's tables, read as the superuser (row-level security does not apply)."""
    engine = backup.engine(url)
    try:
        with engine.connect() as conn:
            return {name: conn.scalar(sa.select(sa.func.count()).select_from(table)
                                      .where(table.c.school_id == school_id)) for name, table in TABLES.items()}
    finally:
        engine.dispose()


def mark_values(url: str, school_id: str) -> list[str]:
    engine = backup.engine(url)
    try:
        with engine.connect() as conn:
            return sorted(conn.scalars(sa.select(marks.c.value).where(marks.c.school_id == school_id)))
    finally:
        engine.dispose()


def databases(url: str) -> set[str]:
    engine = backup.engine(url)
    try:
        with engine.connect() as conn:
            return set(conn.scalars(sa.text("SELECT datname FROM pg_database WHERE NOT datistemplate")))
    finally:
        engine.dispose()


def test_the_cluster_restored_to_a_moment_has_what_was_written_before_it_and_nothing_after(backups, journal):
    started = time.monotonic()
    name = sa.make_url(stack.deployed("journal")).database
    source = backups.url(name)
    full = backup.take_backup(backups, "full")
    assert full["type"] == "full"

    kept = new_lesson(journal, school_today())
    save(journal, kept, ["5", "4"])
    before = rows(source, kept.school_id)
    assert all(before.values()), before  # a record, its marks, ledger rows and outbox events
    existing = databases(backups.url())

    target = backup.database_now(backups)

    save(journal, kept, ["3", "4", "2"])  # the same lesson changed after the moment
    lost = new_lesson(journal, school_today())  # another school's lesson saved after it
    save(journal, lost, ["5"])
    after = rows(source, kept.school_id)
    assert after["ledger"] > before["ledger"] and after["outbox"] > before["outbox"]
    backup.switch_wal_and_wait(backups)

    with backup.restored(backups, target, full["label"]) as scratch:
        assert rows(scratch.url(backups, name), kept.school_id) == before
        assert mark_values(scratch.url(backups, name), kept.school_id) == ["4", "5"]
        assert set(rows(scratch.url(backups, name), lost.school_id).values()) == {0}
        # the whole cluster is the unit: every database of the installation is in it
        assert databases(scratch.url(backups)) >= existing
        assert scratch.timings["restore"] + scratch.timings["recovery"] < 60
    assert mark_values(source, kept.school_id) == ["2", "3", "4"]
    assert time.monotonic() - started < 90
