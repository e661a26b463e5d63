"""How many events per second the outbox relay publishes to the real Kafka: a backlog of LessonScheduled events
(as a city's timetable import leaves it) in a fresh outbox, drained by OutboxRelay.publish_pending with each batch
size given; then how many rows per second retention deletes once they are old. Uses the database
otmetka_relaybench_it<OTMETKA_IT_DB_SUFFIX> (made afresh for every run) and a topic of its own, never the
installation's.

Usage: python -m bench.relay_rate [--rows 50000] [--schools 50] [--batches 500,2000,5000] [--runs 3]
"""
import argparse
import datetime as dt
import statistics
import time
import uuid

from sqlalchemy import MetaData, func, select, update

from proto.schedule.v1 import schedule_pb2
from services.common.db import Database
from services.common.outbox import Outbox, OutboxRelay
from services.common.retention import BATCH, Retention
from services.common.schema import messaging_tables
from tests.support import stack


def lessons(school_id: str, count: int) -> list[schedule_pb2.LessonScheduled]:
    group, subject, teacher = (str(uuid.uuid4()) for _ in range(3))
    return [schedule_pb2.LessonScheduled(lesson=schedule_pb2.Lesson(
        id=str(uuid.uuid4()), school_id=school_id, class_group_id=group, subject_id=subject,
        subject_name="Математика", teacher_id=teacher, date="2026-09-01", lesson_number=i % 7 + 1,
        starts_at="08:30", ends_at="09:15", term_id=str(uuid.uuid4()), timetable_entry_id=str(uuid.uuid4()),
        status="scheduled")) for i in range(count)]


def backlog(db: Database, outbox, rows: int, schools: int) -> Outbox:
    box = Outbox(f"relaybench{uuid.uuid4().hex[:8]}", outbox)
    for _ in range(schools):
        school_id = str(uuid.uuid4())
        with db.tenant_session(school_id) as session:
            box.add_all(session, school_id, lessons(school_id, rows // schools))
    return box


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=50_000)
    parser.add_argument("--schools", type=int, default=50)
    parser.add_argument("--batches", default="500,2000,5000")
    parser.add_argument("--runs", type=int, default=3, help="runs per batch size (the median is shown)")
    args = parser.parse_args()
    for batch in [int(b) for b in args.batches.split(",")]:
        runs = [drain(args.rows, args.schools, batch) for _ in range(args.runs)]
        rates, cpus = [rate for rate, _ in runs], [cpu for _, cpu in runs]
        print(f"batch {batch:5}: {statistics.median(rates):,.0f} events/s (runs: "
              f"{', '.join(f'{r:,.0f}' for r in rates)}), {statistics.median(cpus):.0f} µs of the relay's CPU per event")
    deleted, seconds = purge(args.rows)
    print(f"retention: {deleted} published rows deleted in {seconds:.1f} s ({deleted / seconds:,.0f} rows/s, "
          f"{BATCH} a transaction)")


def drain(rows: int, schools: int, batch: int) -> tuple[float, float]:
    """Publishes a fresh backlog; returns events per second and the relay's CPU µs per event."""
    outbox, _ = messaging_tables(MetaData())
    db = Database(stack.messaging_database("relaybench"))
    backlog(db, outbox, rows, schools)
    relay = OutboxRelay(db, outbox, stack.kafka(), "", batch=batch)
    wall, cpu = time.perf_counter(), time.process_time()
    published = 0
    while count := relay.publish_pending():
        published += count
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    relay.producer.close()
    with db.system_session() as session:
        left = session.scalar(select(func.count()).select_from(outbox).where(outbox.c.published_at.is_(None)))
    db.engine.dispose()
    assert published == rows // schools * schools and left == 0, (published, left)
    return published / wall, cpu / published * 1e6


def purge(rows: int) -> tuple[int, float]:
    """Deletes a fresh backlog as if published a month ago; returns how many rows and the seconds it took."""
    outbox, inbox = messaging_tables(MetaData())
    db = Database(stack.messaging_database("relaybench"))
    box = backlog(db, outbox, rows, 50)
    with db.system_session() as session:
        session.execute(update(outbox).where(outbox.c.topic == box.topic)
                        .values(published_at=dt.datetime.now(dt.UTC) - dt.timedelta(days=30)))
    started = time.perf_counter()
    deleted, _ = Retention(db, outbox, inbox, dt.timedelta(hours=72), dt.timedelta(days=14)).purge()
    seconds = time.perf_counter() - started
    db.engine.dispose()
    return deleted, seconds


if __name__ == "__main__":
    main()
