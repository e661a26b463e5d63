"""common.row_arrays and Outbox.add_all on the real PostgreSQL (schedule's test database): many rows in a few
statements, in order, within the tenant's row-level security."""
import uuid

import pytest
from sqlalchemy import select
from sqlalchemy.exc import DBAPIError

from proto.events.v1.envelope_pb2 import Envelope
from proto.schedule.v1 import schedule_pb2 as pb
from services.common import row_arrays
from services.common.errors import Conflict
from services.common.outbox import Outbox
from services.schedule.adapters.tables import outbox, rooms

pytestmark = pytest.mark.stack


def test_rows_beyond_one_chunk_are_inserted_with_their_values(schedule, monkeypatch):
    monkeypatch.setattr(row_arrays, "CHUNK", 3)
    sid = str(uuid.uuid4())
    rows = [dict(id=str(uuid.uuid4()), school_id=sid, name=f"Кабинет {n}") for n in range(7)]
    with schedule.db.tenant_session(sid) as session:
        row_arrays.insert(session, rooms, rows)
        row_arrays.insert(session, rooms, [])
    with schedule.db.tenant_session(sid) as session:
        stored = session.execute(select(rooms.c.id, rooms.c.school_id, rooms.c.name)).mappings().all()
    assert sorted(map(dict, stored), key=lambda r: r["name"]) == rows


def test_a_row_of_another_school_is_refused_and_nothing_is_written(schedule):
    sid, other = str(uuid.uuid4()), str(uuid.uuid4())
    rows = [dict(id=str(uuid.uuid4()), school_id=school, name="Кабинет") for school in (sid, other)]
    with pytest.raises(DBAPIError, match="row-level security"):
        with schedule.db.tenant_session(sid) as session:
            row_arrays.insert(session, rooms, rows)
    for school in (sid, other):
        with schedule.db.tenant_session(school) as session:
            assert session.execute(select(rooms)).all() == []


def test_a_duplicate_is_a_conflict_as_for_any_insert(schedule):
    sid = str(uuid.uuid4())
    with pytest.raises(Conflict):
        with schedule.db.tenant_session(sid) as session:
            row_arrays.insert(session, rooms, [dict(id=str(uuid.uuid4()), school_id=sid, name=name)
                                              for name in ("Кабинет 1", "кабинет 1")])


def test_many_events_keep_their_order(schedule):
    sid = str(uuid.uuid4())
    names = [f"Предмет {n}" for n in range(25)]
    with schedule.db.tenant_session(sid) as session:
        assert len(Outbox("schedule", outbox).add_all(
            session, sid, [pb.SubjectCreated(subject=pb.Subject(name=name)) for name in names])) == 25
    with schedule.db.tenant_session(sid) as session:
        payloads = session.scalars(select(outbox.c.payload).order_by(outbox.c.seq)).all()
    subjects = [pb.SubjectCreated() for _ in payloads]
    for message, raw in zip(subjects, payloads, strict=True):
        Envelope.FromString(raw).payload.Unpack(message)
    assert [m.subject.name for m in subjects] == names
