"""The journal's unit of work: the one transaction of a command in the scope's school (services.common.unit_of_work)
with the journal's stores opened on it, the change ledger, the writer locks, and what the command needs of the
school's settings loaded in one statement. It also carries the ports the command asks other services through
(schedule, identity, the homework file store); they are used outside the transaction too.

A consumer's handler runs in the transaction the idempotent consumer opened: `JournalUnitOfWork.joining(session,
...)` works in it, and leaves its commit to the consumer."""
import datetime as dt
from collections.abc import Iterable

from proto.schedule.v1 import schedule_pb2
from services.common.db import Database
from services.common.errors import Unavailable
from services.common.outbox import Outbox
from services.common.unit_of_work import HasSchool, UnitOfWork
from services.journal.adapters import results_store, settings_store, writer_locks
from services.journal.adapters.closed_year_store import ClosedYearStore
from services.journal.adapters.compromised_store import CompromisedStore
from services.journal.adapters.control_remark_store import ControlRemarkStore
from services.journal.adapters.homework_file_store import HomeworkFileStore
from services.journal.adapters.ledger import LedgerStore
from services.journal.adapters.lesson_record_store import LessonRecordStore
from services.journal.adapters.mark_flag_store import MarkFlagStore
from services.journal.adapters.period_mark_store import PeriodMarkStore, final_mark_store, term_mark_store
from services.journal.adapters.policy_store import PolicyStore
from services.journal.adapters.revert_store import RevertStore
from services.journal.adapters.student_plan_store import StudentPlanStore
from services.journal.adapters.unlock_store import UnlockStore
from services.journal.adapters.work_type_store import WorkTypeStore
from services.journal.domain.school_settings import SchoolSettings
from services.journal.service_layer.ports import FileStore, Identity, Schedule


class JournalUnitOfWork(UnitOfWork):
    ledger: LedgerStore
    lessons: LessonRecordStore
    term_marks: PeriodMarkStore
    final_marks: PeriodMarkStore
    unlock_requests: UnlockStore
    homework_files: HomeworkFileStore
    reverts: RevertStore
    policy: PolicyStore
    work_types: WorkTypeStore
    student_plans: StudentPlanStore
    compromised: CompromisedStore
    closed_years: ClosedYearStore
    control_remarks: ControlRemarkStore
    mark_flags: MarkFlagStore

    def __init__(self, db: Database | None, outbox: Outbox, scope: HasSchool, schedule: Schedule | None = None,
                 identity: Identity | None = None, files: FileStore | None = None):
        super().__init__(db, outbox, scope)
        self.schedule, self.identity, self._files = schedule, identity, files
        self._years_locked = False

    def opened(self) -> None:
        self._years_locked = False
        self.ledger = LedgerStore(self.session)
        self.lessons = LessonRecordStore(self.session)
        self.term_marks = term_mark_store(self.session)
        self.final_marks = final_mark_store(self.session)
        self.unlock_requests = UnlockStore(self.session)
        self.homework_files = HomeworkFileStore(self.session)
        self.reverts = RevertStore(self.session, self.school_id)
        self.policy = PolicyStore(self.session)
        self.work_types = WorkTypeStore(self.session)
        self.student_plans = StudentPlanStore(self.session)
        self.compromised = CompromisedStore(self.session, self.school_id)
        self.closed_years = ClosedYearStore(self.session, self.school_id)
        self.control_remarks = ControlRemarkStore(self.session)
        self.mark_flags = MarkFlagStore(self.session)

    @property
    def files(self) -> FileStore:
        if self._files is None:
            raise Unavailable("Хранилище файлов не настроено")
        return self._files

    def lock_lessons(self, lesson_ids: Iterable[str]) -> None:
        """One writer of these lessons at a time until the commit (adapters/writer_locks.py); the school's closed
        years are locked (shared) in the same statement, unless this unit of work holds that lock already."""
        writer_locks.lock_lessons(self.session, lesson_ids, "" if self._years_locked else self.school_id)
        self._years_locked = True

    def settings(self, students: Iterable[str] = (), lessons: Iterable[schedule_pb2.Lesson] = (),
                 teacher_id: str = "", now: dt.datetime | None = None, read_only: bool = False) -> SchoolSettings:
        """What the command needs of the school's settings (domain/school_settings.py) in one statement. A change
        takes the shared lock on the closed years first (held to the commit, so the year cannot close under it); a
        read (read_only) needs no lock."""
        if not (self._years_locked or read_only):
            writer_locks.lock_closed_years(self.session, self.school_id)
            self._years_locked = True
        return settings_store.load(self.session, students, lessons, teacher_id, now)

    def results(self, student_id: str, start: dt.date, end: dt.date, term_ids: list[str],
                academic_year_id: str) -> results_store.ResultRows:
        """What the whole diary's results need of a student's year (adapters/results_store.py), in one statement."""
        return results_store.results(self.session, student_id, start, end, term_ids, academic_year_id)

    def write_ledger(self, rows: list[dict]) -> None:
        """The change ledger's rows, in one statement."""
        self.ledger.write(rows)
