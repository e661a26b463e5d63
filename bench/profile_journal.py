"""pyinstrument profile of the journal's SaveLesson or GetDiary in-process: the journal's own handler with
the running installation's database and peers (schedule, identity), called as a teacher of the seeded
municipality (a whole 25-mark lesson) or as a deputy head (a student's week), one call at a time.
Writes .run/bench/profile-journal-<operation>.{txt,html}.

Usage: python -m bench.profile_journal [--operation save|diary] [--requests 200] [--size town]
"""
import argparse
import datetime as dt
import json
import os
import random
import time

from bench.common import bench_dir
from bench.load import WEEKS, lesson_body
from services import topology
from services.tooling.api_client import Token


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--size", default="town")
    parser.add_argument("--operation", choices=["save", "diary"], default="save")
    args = parser.parse_args()
    stack = topology.stack_env()
    os.environ.update(topology.process_env(stack))
    from pyinstrument import Profiler

    from proto.identity.v1 import identity_pb2_grpc
    from proto.schedule.v1 import schedule_pb2_grpc
    from services.common import context
    from services.common.runtime import Runtime
    from services.common.scope import Scope
    from services.common.settings import ServiceSettings
    from services.journal import bootstrap
    from services.journal.adapters import tables
    from services.journal.adapters.peers import IdentityClient, ScheduleClient
    from services.journal.domain.lesson_entry import AttendanceInput, LessonInput, MarkInput
    from services.journal.service_layer import lesson_record as handlers
    from services.journal.service_layer.diary import get_diary

    runtime = Runtime(ServiceSettings.from_env("journal"), tables.outbox, tables.inbox)
    unit_of_work = bootstrap.unit_of_work_factory(runtime.db, runtime.outbox, bootstrap.Ports(
        schedule=ScheduleClient(runtime.peer("schedule", schedule_pb2_grpc.ScheduleServiceStub)),
        identity=IdentityClient(runtime.peer("identity", identity_pb2_grpc.IdentityServiceStub))))
    school = json.loads((bench_dir() / f"seed-{args.size}.json").read_text())["schools"][0]
    group = school["class_groups"][0]
    account = group["teacher"] if args.operation == "save" else school["deputy"]
    token = Token(stack, account["username"], account["password"])
    context.bind(runtime.verifier.verify(token.header()["Authorization"][7:]))
    rng = random.Random(7)

    def save() -> None:
        body = lesson_body(rng, group["students"])
        scope = Scope(school["id"], runtime.principals)  # a call's scope, as the interceptor binds it
        handlers.save_lesson(scope, unit_of_work(scope), LessonInput(
            rng.choice(group["lessons"]), body["topic"], body["homework"],
            [MarkInput(m["student_id"], m["value"], m["work_type"], "") for m in body["marks"]],
            [AttendanceInput(a["student_id"], a["status"]) for a in body["attendance"]], body["reason"]))

    def diary() -> None:
        monday = rng.choice(WEEKS)
        sunday = (dt.date.fromisoformat(monday) + dt.timedelta(days=6)).isoformat()
        scope = Scope(school["id"], runtime.principals)
        get_diary(scope, unit_of_work(scope), rng.choice(group["students"]), monday, sunday)

    call = save if args.operation == "save" else diary
    call()  # warm up: connections, caches
    profiler, started = Profiler(interval=0.0005), time.perf_counter()
    with profiler:
        for _ in range(args.requests):
            call()
    elapsed = time.perf_counter() - started
    out = bench_dir() / f"profile-journal-{args.operation}"
    out.with_suffix(".txt").write_text(profiler.output_text(unicode=True, show_all=False))
    out.with_suffix(".html").write_text(profiler.output_html())
    print(f"{args.requests} calls in {elapsed:.1f} s ({args.requests / elapsed:.1f}/s, one at a time, in-process); "
          f"profile in {out}.txt")


if __name__ == "__main__":
    main()
