"""The notice worker: every few seconds it tells the absences whose school-day cut-off has passed (each school in its
own unit of work); every hour it asks the journal, once a day per school that has families, who is short of marks
before a term ends (resting after each school: that round and the journal's answers to it keep to FEW_MARKS_DUTY of
a core, however many schools begin their day at once); every minute it sends the e-mail digests that are due. The
clock is injectable (tests)."""
import datetime as dt
import logging
from collections.abc import Callable

from services.common import context
from services.common.db import Database
from services.common.periodic import Periodic
from services.common.scope import Scope
from services.messaging.adapters import notice_store
from services.messaging.adapters.family_mail_store import schools_with_digests
from services.messaging.entrypoints.servicer import utc_now
from services.messaging.service_layer import automatic_notices, digests
from services.messaging.service_layer.unit_of_work import UnitsOfWork

log = logging.getLogger(__name__)
ABSENCE_ROUND = dt.timedelta(seconds=5)
FEW_MARKS_ROUND = dt.timedelta(hours=1)
FEW_MARKS_DUTY = 0.1
DIGEST_ROUND = dt.timedelta(minutes=1)


class NoticeWorker:
    def __init__(self, db: Database, unit_of_work: UnitsOfWork, clock: Callable[[], dt.datetime] = utc_now):
        self.db, self.unit_of_work, self.clock = db, unit_of_work, clock

    def release_absences(self) -> int:
        """One round: every school's due absences; how many notices."""
        now, told = self.clock(), 0
        for school_id in notice_store.schools_with_due_absences(self.db, now):
            told += self._for(school_id, lambda uow: automatic_notices.release_due_absences(uow, now))
        return told

    def check_few_marks(self, rest: Callable[[], bool] = lambda: False) -> int:
        """One round: every school with families not yet checked today; `rest()` after each school (the worker's
        pace), True from it ending the round; how many notices."""
        now, told = self.clock(), 0
        for school_id in notice_store.schools_with_families(self.db):
            told += self._for(school_id, lambda uow: automatic_notices.check_few_marks(uow, now))
            if rest():
                break
        return told

    def send_digests(self) -> int:
        """One round: every school's due digests; how many mails."""
        now, sent = self.clock(), 0
        for school_id in schools_with_digests(self.db):
            sent += self._in(school_id, lambda s=school_id: digests.send_due_digests(self.unit_of_work, s, now))
        return sent

    def _for(self, school_id: str, action: Callable) -> int:
        return self._in(school_id, lambda: action(self.unit_of_work(Scope.of_event(school_id))))

    def _in(self, school_id: str, action: Callable[[], int]) -> int:
        """One school's part of a round; a failure is logged and the other schools go on."""
        tokens = context.bind(None, request_id=f"notices-{school_id}")
        try:
            return action()
        except Exception:
            log.exception("notices of school %s failed, next round retries", school_id)
            return 0
        finally:
            context.reset(tokens)

    def threads(self) -> list[Periodic]:
        few_marks = Periodic("few-marks-notices", FEW_MARKS_ROUND, lambda: self.check_few_marks(few_marks.rest),
                             duty=FEW_MARKS_DUTY)
        return [Periodic("absence-notices", ABSENCE_ROUND, self.release_absences), few_marks,
                Periodic("digests", DIGEST_ROUND, self.send_digests)]
