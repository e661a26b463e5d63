"""The journal's own SaveLesson or GetDiary in this process, with the running installation's database and peers
(schedule, identity), called as a teacher of the seeded municipality's first school (a whole 25-mark lesson) or as
its deputy head (a student's week): what bench/profile_journal.py profiles and bench/explain.py explains."""
import datetime as dt
import json
import os
import random
from collections.abc import Callable

from bench.common import bench_dir
from bench.load import WEEKS, lesson_body
from services import topology
from services.tooling.api_client import Token


def journal_call(size: str, operation: str, seed: int = 7):
    """(call, runtime): `call()` runs one save or diary read; the runtime's database is the journal's."""
    stack = topology.stack_env()
    os.environ.update(topology.process_env(stack))
    os.environ.pop("OTMETKA_JOURNAL_METRICS_LISTEN", None)  # the running journal serves that port
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
    school = json.loads((bench_dir() / f"seed-{size}.json").read_text())["schools"][0]
    group = school["class_groups"][0]
    account = group["teacher"] if operation == "save" else school["deputy"]
    token = Token(stack, account["username"], account["password"])
    context.bind(runtime.verifier.verify(token.header()["Authorization"][7:]))
    rng = random.Random(seed)

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

    call: Callable[[], None] = save if operation == "save" else diary
    return call, runtime
