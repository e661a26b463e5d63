"""How many journal mark events per second reporting's consumer applies, in-process on an empty copy of
its schema: one event per transaction (IdempotentConsumer.handle) against one transaction per polled
batch (IdempotentConsumer.apply, as the consumer loop does). Uses the integration-test database
otmetka_reporting_it<OTMETKA_IT_DB_SUFFIX> (created if missing), never the installation's.

Usage: python -m bench.consumer_rate [--events 5000] [--batch 500]
"""
import argparse
import os
import time
import uuid

from proto.journal.v1 import journal_pb2
from services import deploy, topology
from services.common.consumer import IdempotentConsumer
from services.common.db import Database
from services.common.outbox import envelope
from services.reporting.adapters import tables
from services.reporting.entrypoints.consumers import handlers


def lesson_events(school_id: str, lessons: int) -> list[bytes]:
    """25 marks per lesson of one class, as a 25-mark lesson save publishes them."""
    group, subject = str(uuid.uuid4()), str(uuid.uuid4())
    students = [str(uuid.uuid4()) for _ in range(25)]
    return [envelope(school_id, journal_pb2.MarkRecorded(class_group_id=group, mark=journal_pb2.Mark(
        id=str(uuid.uuid4()), student_id=s, subject_id=subject, lesson_date="2025-09-01", value="4",
        work_type="classwork")), actor="bench").SerializeToString() for _ in range(lessons) for s in students]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=5000)
    parser.add_argument("--batch", type=int, default=500)
    args = parser.parse_args()
    stack = topology.stack_env()
    database = f"otmetka_reporting_it{os.environ.get('OTMETKA_IT_DB_SUFFIX', '')}"
    deploy.deploy_database(stack, "reporting", database)
    db = Database(topology.app_db_url(stack, "reporting", database))
    consumer = IdempotentConsumer(db, tables.inbox, handlers)
    def one_at_a_time(school_id: str, raws: list[bytes]) -> None:
        for raw in raws:
            consumer.handle(raw)

    def batches(school_id: str, raws: list[bytes]) -> None:
        for i in range(0, len(raws), args.batch):
            consumer.apply(school_id, [consumer.decode(r) for r in raws[i:i + args.batch]])

    for label, run in (("one event per transaction", one_at_a_time), (f"batches of {args.batch}", batches)):
        school_id = str(uuid.uuid4())
        raws = lesson_events(school_id, args.events // 25)
        wall, cpu = time.perf_counter(), time.process_time()
        run(school_id, raws)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        print(f"{label:28} {len(raws)} events in {wall:.1f} s: {len(raws) / wall:,.0f} events/s, "
              f"{cpu / len(raws) * 1000:.2f} ms of the consumer's CPU per event")
    db.engine.dispose()


if __name__ == "__main__":
    main()
