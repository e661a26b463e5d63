"""How many whole 25-mark lessons per second the journal saves, and how many SQL statements a save sends, in-process
on the integration-test database (otmetka_journal_it<OTMETKA_IT_DB_SUFFIX>, created if missing; never the
installation's) with the integration tests' fake peers (schedule, identity, principals): the servicer's own work and
its database round trips only, no gRPC and no peer calls. Each lesson is saved twice — first recorded (25 marks,
2 latecomers, topic, homework) and then changed (every mark and latecomer different) — one at a time through
SaveLesson, then, when the service has it, the same in calls of SaveLessons of --batch lessons.

Usage: python -m bench.journal_save_rate [--lessons 200] [--batch 25]
"""
import argparse
import random
import time
import uuid

from sqlalchemy import event

from bench.read_path import Wired
from proto.journal.v1 import journal_pb2 as pb
from services.common import context
from services.common.context import Caller
from services.journal.entrypoints.servicer import JournalServicer
from tests.integration.journal.conftest import add_lesson, school_today
from tests.support import grpc_harness

STUDENTS = 25


class Statements:
    """Counts what the engine sends to PostgreSQL: cursor executions, and the rows of executemany calls."""

    def __init__(self, engine):
        self.executions = 0
        self.parameter_sets = 0
        event.listen(engine, "before_cursor_execute", self.seen)

    def seen(self, conn, cursor, statement, parameters, context, executemany) -> None:
        self.executions += 1
        self.parameter_sets += len(parameters) if executemany else 1


def lesson_request(rng: random.Random, school_id: str, lesson_id: str, students: list[str]) -> pb.SaveLessonRequest:
    late = sorted(rng.sample(students, 2))
    return pb.SaveLessonRequest(
        school_id=school_id, lesson_id=lesson_id, topic=f"Тема {rng.randint(1, 500)}",
        homework=f"§{rng.randint(1, 40)}", marks=[pb.MarkInput(student_id=s, value=rng.choice("2345"),
                                                               work_type="classwork") for s in students],
        attendance=[pb.AttendanceInput(student_id=s, status="late") for s in late])


def changed(request: pb.SaveLessonRequest) -> pb.SaveLessonRequest:
    """The same lesson with every mark one step different and other latecomers."""
    again = pb.SaveLessonRequest()
    again.CopyFrom(request)
    for mark in again.marks:
        mark.value = "5" if mark.value != "5" else "4"
    for entry in again.attendance:
        entry.status = "absent"
    again.topic += " (исправлено)"
    return again


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lessons", type=int, default=200)
    parser.add_argument("--batch", type=int, default=25)
    args = parser.parse_args()
    with grpc_harness.database("journal") as db:
        wired = Wired(db)
        counter = Statements(db.engine)
        rng = random.Random(7)
        runs = [("SaveLesson, one lesson a call", 1)]
        if hasattr(JournalServicer, "SaveLessons"):
            runs.append((f"SaveLessons, {args.batch} lessons a call", args.batch))
        for label, batch in runs:
            school_id, teacher_id, group = (str(uuid.uuid4()) for _ in range(3))
            students = sorted(str(uuid.uuid4()) for _ in range(STUDENTS))
            wired.identity.classes[group] = set(students)
            wired.principals.grant(school_id, "subject_teacher", person_id=teacher_id)
            servicer = wired.servicer(school_id)
            context.bind(Caller(subject=f"bench-{teacher_id}", username="bench", realm_roles=frozenset(), token=""))
            first = [lesson_request(rng, school_id, add_lesson(wired, school_id, group, teacher_id,
                                                               school_today(), lesson_number=1 + i % 8).id, students)
                     for i in range(args.lessons)]
            servicer.SaveLesson(lesson_request(rng, school_id, first[0].lesson_id, students), None)  # warm up
            for phase, requests in (("recorded", first), ("changed", [changed(r) for r in first])):
                counter.executions = counter.parameter_sets = 0
                started, cpu = time.perf_counter(), time.process_time()
                for i in range(0, len(requests), batch):
                    chunk = requests[i:i + batch]
                    if batch == 1:
                        servicer.SaveLesson(chunk[0], None)
                    else:
                        servicer.SaveLessons(pb.SaveLessonsRequest(school_id=school_id, lessons=[
                            pb.LessonInput(lesson_id=r.lesson_id, topic=r.topic, homework=r.homework, marks=r.marks,
                                           attendance=r.attendance) for r in chunk]), None)
                wall, cpu = time.perf_counter() - started, time.process_time() - cpu
                n = len(requests)
                print(f"{label:34} {phase:9} {n} lessons in {wall:.2f} s: {n / wall:6.1f} lessons/s, "
                      f"{cpu / n * 1000:5.2f} ms CPU, {counter.executions / n:5.2f} executions "
                      f"({counter.parameter_sets / n:5.1f} parameter sets) per lesson")


if __name__ == "__main__":
    main()
