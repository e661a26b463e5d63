"""How fast weekly timetable lines are entered: ImportTimetable (a whole school's week in one call) against one
CreateTimetableEntry call per line, calling the schedule servicer in-process (no gRPC, no token check) on the
integration database. A measurement, not a test: run
`.venv/bin/python -m tests.integration.schedule.measure_import [classes]` with OTMETKA_STATE_DIR and
OTMETKA_IT_DB_SUFFIX set as for the integration tests; it prints lines/s and lessons/s (and rows/s of the
teaching load it sets up)."""
import sys
import time
import uuid

from proto.schedule.v1 import schedule_pb2 as pb
from services.common import context, scope
from services.common.context import Caller
from services.common.outbox import Outbox
from services.schedule import bootstrap
from services.schedule.adapters import tables
from tests.integration.schedule.conftest import Clock, Staff
from tests.support import grpc_harness
from tests.support.grpc_harness import FakePrincipals

QUARTERS = [("1 четверть", "2025-09-01", "2025-10-24"), ("2 четверть", "2025-11-05", "2025-12-28"),
            ("3 четверть", "2026-01-12", "2026-03-20"), ("4 четверть", "2026-03-30", "2026-05-26")]
SUBJECTS = 10
DAYS, LESSONS = 6, 5  # 30 lines a week per class


def school_with_classes(call, principals, classes: int) -> tuple[str, list[pb.TimetableEntry]]:
    """A new school with a year of four quarters, `classes` class groups (20 a grade from grade 1) and their whole week: each
    line with its own teacher (per class and subject, assigned through ImportTeachingLoad) and the class's room."""
    sid = str(uuid.uuid4())
    principals.grant(sid, "deputy_head")
    year = call("CreateAcademicYear", pb.CreateAcademicYearRequest(
        school_id=sid, name="2025/2026", start_date="2025-09-01", end_date="2026-05-31",
        terms=[pb.Term(name=n, kind="quarter", start_date=s, end_date=e) for n, s, e in QUARTERS]))
    subjects = [call("CreateSubject", pb.CreateSubjectRequest(school_id=sid, name=f"Предмет {n}")).id
                for n in range(SUBJECTS)]
    groups = [call("CreateClassGroup", pb.CreateClassGroupRequest(
        school_id=sid, academic_year_id=year.id, grade=1 + n // 20, name=f"{1 + n // 20}{chr(ord('А') + n % 20)}")).id
        for n in range(classes)]
    teachers = {(g, s): str(uuid.uuid4()) for g in groups for s in subjects}
    started = time.monotonic()
    call("ImportTeachingLoad", pb.ImportTeachingLoadRequest(school_id=sid, assignments=[
        pb.TeachingLoadAssignment(teacher_id=t, subject_id=s, class_group_id=g) for (g, s), t in teachers.items()],
        hours=[pb.TeachingLoadHours(class_group_id=g, subject_id=s, hours_per_week="3") for g, s in teachers]))
    seconds = time.monotonic() - started
    print(f"ImportTeachingLoad: {2 * len(teachers)} rows (assignments and hours) in {seconds:.2f} s = "
          f"{2 * len(teachers) / seconds:.0f} rows/s")
    lines = [pb.TimetableEntry(class_group_id=g, subject_id=subjects[(day * LESSONS + n) % SUBJECTS],
                               teacher_id=teachers[(g, subjects[(day * LESSONS + n) % SUBJECTS])], weekday=day + 1,
                               lesson_number=n + 1, starts_at=f"{8 + n:02d}:00", ends_at=f"{8 + n:02d}:45",
                               room=f"{100 + index}")
             for index, g in enumerate(groups) for day in range(DAYS) for n in range(LESSONS)]
    return sid, lines


def report(what: str, lines: int, lessons: int, seconds: float) -> None:
    print(f"{what}: {lines} lines, {lessons} lessons in {seconds:.1f} s = {lines / seconds:.1f} lines/s, "
          f"{lessons / seconds:.0f} lessons/s")


def main(classes: int) -> None:
    principals = FakePrincipals()
    context.bind(Caller(subject=str(uuid.uuid4()), username="measure", realm_roles=frozenset(), token=""))
    with grpc_harness.database("schedule") as db:
        servicer = bootstrap.servicer(db, Outbox("schedule", tables.outbox), principals, Staff(), Clock())

        def call(method, request):  # the school scope the interceptor would bind
            bound = scope.bind(scope.Scope(scope.school_id_of(request), principals))
            try:
                return getattr(servicer, method)(request, None)
            finally:
                scope.reset(bound)

        sid, lines = school_with_classes(call, principals, classes)
        started = time.monotonic()
        reply = call("ImportTimetable", pb.ImportTimetableRequest(school_id=sid, lines=lines))
        report("ImportTimetable", len(lines), reply.lessons_created, time.monotonic() - started)

        sid, lines = school_with_classes(call, principals, max(1, classes // 6))
        started, created = time.monotonic(), 0
        for line in lines:
            line.school_id = sid
            created += call("CreateTimetableEntry", pb.CreateTimetableEntryRequest(entry=line)).lessons_created
        report("CreateTimetableEntry", len(lines), created, time.monotonic() - started)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 30)
