"""ImportPeople: a dry run reports every line; an apply writes all new people and guardian links in one
transaction or nothing. StartPeopleImport runs the same import in the background as a job whose progress
(phase and lines done) GetImportJob shows while it runs, and its report or refusal after.

No accounts are created (Keycloak is not called); class groups are checked once per distinct id, before
the transaction opens.
"""
import contextvars
import datetime as dt
import logging
import threading
import uuid
from collections import defaultdict
from collections.abc import Callable
from concurrent.futures import Executor

from sqlalchemy import func, insert, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.orm import Session

from proto.identity.v1 import identity_pb2 as pb
from services.common.context import Caller
from services.common.db import Database, parse_uuid
from services.common.errors import DomainError, Invalid, NotFound
from services.common.outbox import Outbox
from services.identity import audit, people_import
from services.identity.domain import PersonName
from services.identity.handlers import _add_person, authorized, kept_contacts, require_admin_for_managers
from services.identity.people_import import Checked, Line, Target
from services.identity.tables import guardianships, import_jobs, persons

log = logging.getLogger(__name__)
NO_CLASS_GROUP = "в этой школе нет такого класса"
PROGRESS_STEP = 100  # lines between two progress reports
HEARTBEAT = dt.timedelta(seconds=30)  # a running job says it is alive at least this often (job_reaper.STALE)
Progress = Callable[[str, int], None]  # (phase: checking | writing, lines done in it)


def _silent(phase: str, done: int) -> None:
    """No one watches a synchronous import."""


def import_people(db: Database, outbox: Outbox, class_groups, caller: Caller, school_id: str, filename: str,
                  content: bytes, dry_run: bool) -> pb.ImportPeopleResponse:
    school_id = parse_uuid(school_id, "school_id")
    with authorized(db, caller, school_id, "person.manage") as session:
        kept = kept_contacts(session)  # the file is read only for someone who may import into this school
    lines = people_import.read_lines(filename, content)
    return run_import(db, outbox, class_groups, caller, school_id, filename, lines, dry_run, kept, _silent)


def run_import(db: Database, outbox: Outbox, class_groups, caller: Caller, school_id: str, filename: str,
               lines: list[Line], dry_run: bool, kept: list[str], progress: Progress) -> pb.ImportPeopleResponse:
    today = dt.date.today()
    checked = []
    for done, line in enumerate(lines, 1):
        checked.append(people_import.check_line(line, today, tuple(kept)))
        if done % PROGRESS_STEP == 0:
            progress("checking", done)
    _check_class_groups(class_groups, school_id, checked)
    with authorized(db, caller, school_id, "person.manage") as session:
        require_admin_for_managers(session, caller, school_id,
                                   {role for item in checked if item.person for role in item.person.roles})
        existing = _existing(session)
        people_import.mark_duplicates(checked, existing)
        links = people_import.resolve_links(checked, existing)
        progress("checking", len(lines))
        errors = [item for item in checked if item.problems]
        if errors and not dry_run:
            raise Invalid(message=f"Импорт не выполнен: исправьте строки с ошибками ({len(errors)}) и повторите",
                          fields={f"line_{item.line}.{column}": reason
                                  for item in errors for column, reason in item.problems.items()})
        if dry_run:
            return _report(checked, {}, applied=False, links=_count_new_links(session, checked, links))
        created = _write(session, outbox, school_id, checked, progress)
        linked = _link(session, outbox, school_id, checked, created, links)
        audit.record(session, school_id, "people.import", "", filename=filename, created=len(created),
                     duplicates=sum(1 for item in checked if item.duplicate_of), links=linked)
    return _report(checked, created, applied=True, links=linked)


def _check_class_groups(class_groups, school_id: str, checked: list[Checked]) -> None:
    """Asks the class-group port once per distinct id; lines with a class the school lacks become errors."""
    lines_by_group = defaultdict(list)
    for item in checked:
        if item.person and item.person.class_group_id:
            lines_by_group[item.person.class_group_id].append(item)
    for class_group_id, items in lines_by_group.items():
        try:
            class_groups.require(school_id, class_group_id)
        except Invalid:
            for item in items:
                item.person, item.problems = None, {"class_group_id": NO_CLASS_GROUP}


def _existing(session: Session) -> dict[tuple, str]:
    """The school's people by identity key."""
    rows = session.execute(select(persons.c.id, persons.c.kind, persons.c.snils, persons.c.last_name,
                                  persons.c.first_name, persons.c.middle_name, persons.c.birth_date))
    return {people_import.identity_key(row.kind, row.snils, PersonName(row.last_name, row.first_name,
                                                                        row.middle_name), row.birth_date): row.id
            for row in rows}


def _write(session: Session, outbox: Outbox, school_id: str, checked: list[Checked],
           progress: Progress) -> dict[int, str]:
    """Writes the new people (with their events); returns person id by line."""
    created = {}
    for done, item in enumerate(checked, 1):
        if item.person and not item.duplicate_of:
            created[item.line] = str(uuid.uuid4())
            _add_person(session, outbox, school_id, created[item.line], item.person)
        if done % PROGRESS_STEP == 0:
            progress("writing", done)
    progress("writing", len(checked))
    return created


def _person_of(line: int, by_line: dict[int, Checked], created: dict[int, str]) -> str:
    """The person id a line stands for: created by it, or the record (or earlier line) it duplicates."""
    item = by_line[line]
    if item.duplicate_of.startswith("line "):
        return _person_of(int(item.duplicate_of.removeprefix("line ")), by_line, created)
    return item.duplicate_of or created.get(line, "")


def _pairs(checked: list[Checked], created: dict[int, str], links: list[tuple[Checked, Target]]):
    """(guardian id, student id, relation) of every link; ids are '' for people not written (dry run)."""
    by_line = {item.line: item for item in checked}
    for guardian, (kind, ref) in links:
        student_id = ref if kind == "person" else _person_of(int(ref), by_line, created)
        yield _person_of(guardian.line, by_line, created), student_id, guardian.relation


def _count_new_links(session: Session, checked: list[Checked], links: list[tuple[Checked, Target]]) -> int:
    have = {(row.guardian_id, row.student_id) for row in session.execute(select(guardianships))}
    return len({(g or f"new {i}", s or f"new {i}") for i, (g, s, _) in enumerate(_pairs(checked, {}, links))
                if (g, s) not in have})


def _link(session: Session, outbox: Outbox, school_id: str, checked: list[Checked], created: dict[int, str],
          links: list[tuple[Checked, Target]]) -> int:
    """Writes the links the school does not have yet (with their events); returns how many."""
    made = 0
    for guardian_id, student_id, relation in _pairs(checked, created, links):
        inserted = session.execute(pg_insert(guardianships).values(
            school_id=school_id, guardian_id=guardian_id, student_id=student_id, relation=relation,
        ).on_conflict_do_nothing().returning(guardianships.c.guardian_id)).first()
        if inserted:
            made += 1
            outbox.add(session, school_id, pb.GuardianLinked(guardian_id=guardian_id, student_id=student_id,
                                                             relation=relation))
    return made


def _report(checked: list[Checked], created: dict[int, str], applied: bool, links: int) -> pb.ImportPeopleResponse:
    response = pb.ImportPeopleResponse(applied=applied, created=len(created), links=links)
    for item in checked:
        if item.problems:
            response.errors += 1
            for column, reason in item.problems.items():
                response.rows.add(line=item.line, status="error", field=column, reason=reason)
        elif item.duplicate_of.startswith("line "):
            response.duplicates += 1
            response.rows.add(line=item.line, status="duplicate",
                              reason=f"повторяет строку {item.duplicate_of.removeprefix('line ')} этого файла")
        elif item.duplicate_of:
            response.duplicates += 1
            response.rows.add(line=item.line, status="duplicate", reason="уже есть в школе",
                              person_id=item.duplicate_of)
        else:
            response.rows.add(line=item.line, status="ok", person_id=created.get(item.line, ""))
    return response


# --- the import as a background job -------------------------------------------------------------------

def start_import(db: Database, outbox: Outbox, class_groups, jobs: Executor, caller: Caller, school_id: str,
                 filename: str, content: bytes, dry_run: bool) -> pb.ImportJob:
    """Checks the file as a whole (format, size, header) now, then imports it in the background."""
    school_id = parse_uuid(school_id, "school_id")
    with authorized(db, caller, school_id, "person.manage") as session:
        kept = kept_contacts(session)
    lines = people_import.read_lines(filename, content)
    job_id = str(uuid.uuid4())
    with authorized(db, caller, school_id, "person.manage") as session:
        session.execute(insert(import_jobs).values(id=job_id, school_id=school_id, filename=filename,
                                                   dry_run=dry_run, total=len(lines), started_by=caller.actor))
    # it beats from now, also while queued behind other jobs, so that job_reaper never takes it for an orphan
    heartbeat = Heartbeat(db, school_id, job_id)
    heartbeat.start()
    # the job keeps the caller's context (who, from where) for its policy checks and audit row
    jobs.submit(contextvars.copy_context().run, _run_job, db, outbox, class_groups, caller, school_id, job_id,
                filename, lines, dry_run, kept, heartbeat)
    return get_import_job(db, caller, school_id, job_id)


def _run_job(db: Database, outbox: Outbox, class_groups, caller: Caller, school_id: str, job_id: str,
             filename: str, lines: list[Line], dry_run: bool, kept: list[str], heartbeat: "Heartbeat") -> None:
    def progress(phase: str, done: int) -> None:
        with db.tenant_session(school_id) as session:  # its own transaction: seen while the import's is open
            session.execute(update(import_jobs).where(import_jobs.c.id == job_id)
                            .values(phase=phase, processed=done, heartbeat_at=func.now()))

    try:
        with db.tenant_session(school_id) as session:
            reaped = session.scalar(select(import_jobs.c.status).where(import_jobs.c.id == job_id)) != "running"
        if reaped:  # failed while it waited (its beats did not get through): the user was told to upload again
            return
        report = run_import(db, outbox, class_groups, caller, school_id, filename, lines, dry_run, kept, progress)
        values = {"status": "done", "report": report.SerializeToString()}
    except DomainError as error:
        values = {"status": "failed", "error": {"message": error.message, "fields": error.fields}}
    except Exception:
        log.exception("import job %s failed", job_id)
        values = {"status": "failed", "error": {"message": DomainError().message, "fields": {}}}
    finally:
        heartbeat.stop()
    # what happened is written even over a reaper's verdict (a job that could not beat for a while but lived)
    with db.tenant_session(school_id) as session:
        session.execute(update(import_jobs).where(import_jobs.c.id == job_id).values(finished_at=func.now(),
                                                                                      **values))


class Heartbeat:
    """Sets the job's heartbeat_at every HEARTBEAT from its submission until stop(): while it waits for a worker
    and through long steps without progress (asking schedule about class groups, the import's own transaction), so
    job_reaper can tell a job whose process is gone from a live one."""

    def __init__(self, db: Database, school_id: str, job_id: str):
        self.db, self.school_id, self.job_id = db, school_id, job_id
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._beat, name=f"import-beat-{job_id[:8]}", daemon=True)

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        self.stopped.set()
        self.thread.join()

    def _beat(self) -> None:
        while not self.stopped.wait(HEARTBEAT.total_seconds()):
            try:
                with self.db.tenant_session(self.school_id) as session:
                    session.execute(update(import_jobs).where(import_jobs.c.id == self.job_id)
                                    .values(heartbeat_at=func.now()))
            except Exception:  # the job itself will fail or finish; the next beat may get through
                log.warning("import job %s: heartbeat not written", self.job_id, exc_info=True)


def get_import_job(db: Database, caller: Caller, school_id: str, job_id: str) -> pb.ImportJob:
    with authorized(db, caller, school_id, "person.manage") as session:
        row = session.execute(select(import_jobs).where(import_jobs.c.id == parse_uuid(job_id, "job_id"))).first()
    if row is None:
        raise NotFound("Загрузка не найдена", {"job_id": "не найдена"})
    job = pb.ImportJob(id=row.id, filename=row.filename, dry_run=row.dry_run, status=row.status, phase=row.phase,
                       total=row.total, processed=row.processed, started_at=row.started_at.isoformat(),
                       finished_at=row.finished_at.isoformat() if row.finished_at else "")
    if row.report:
        job.report.ParseFromString(row.report)
    if row.error:
        job.error_message = row.error["message"]
        job.error_fields.update(row.error["fields"])
    return job
