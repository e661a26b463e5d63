"""The messaging service's unit of work: the one transaction of a command in the scope's school
(services.common.unit_of_work) with the service's stores opened on it; it also carries the ports the command asks
other services and the file store through (used outside the transaction too), and the mailer whose mails are queued
in it. A consumer's handler joins the idempotent consumer's transaction (`MessagingUnitOfWork.joining`)."""
import datetime as dt
from typing import Protocol

from services.common.db import Database
from services.common.errors import Unavailable
from services.common.mail import Mail
from services.common.outbox import Outbox
from services.common.unit_of_work import HasSchool, UnitOfWork
from services.messaging.adapters.complaint_store import ComplaintStore
from services.messaging.adapters.directory_store import DirectoryStore
from services.messaging.adapters.family_mail_store import FamilyMailStore
from services.messaging.adapters.mailer import Mailer
from services.messaging.adapters.notice_store import NoticeStore
from services.messaging.adapters.policy_store import PolicyStore
from services.messaging.adapters.thread_store import ThreadStore
from services.messaging.service_layer.ports import FileStore, Identity, Journal, Schedule


class MessagingUnitOfWork(UnitOfWork):
    threads: ThreadStore
    complaints: ComplaintStore
    notices: NoticeStore
    policy: PolicyStore
    directory: DirectoryStore
    family_mail: FamilyMailStore

    def __init__(self, db: Database | None, outbox: Outbox, scope: HasSchool, identity: Identity | None = None,
                 schedule: Schedule | None = None, journal: Journal | None = None, files: FileStore | None = None,
                 mailer: Mailer | None = None):
        super().__init__(db, outbox, scope)
        self._identity, self._schedule, self._journal, self._files = identity, schedule, journal, files
        self._mailer = mailer

    def opened(self) -> None:
        self.threads = ThreadStore(self.session, self.school_id)
        self.complaints = ComplaintStore(self.session, self.school_id)
        self.notices = NoticeStore(self.session, self.school_id)
        self.policy = PolicyStore(self.session, self.school_id)
        self.directory = DirectoryStore(self.session, self.school_id)
        self.family_mail = FamilyMailStore(self.session, self.school_id)

    @staticmethod
    def _port(port, name: str):
        if port is None:
            raise Unavailable(f"Сервис сообщений не связан с {name}")
        return port

    @property
    def identity(self) -> Identity:
        return self._port(self._identity, "identity")

    @property
    def schedule(self) -> Schedule:
        return self._port(self._schedule, "schedule")

    @property
    def journal(self) -> Journal:
        return self._port(self._journal, "journal")

    @property
    def files(self) -> FileStore:
        return self._port(self._files, "хранилищем файлов")

    @property
    def mailer(self) -> Mailer:
        return self._port(self._mailer, "почтой")

    def queue_mail(self, mail: Mail, now: dt.datetime) -> str:
        """Queues a mail in this transaction (sent by the mail relay after the commit)."""
        return self.mailer.queue(self.session, self.school_id, mail, now)


class UnitsOfWork(Protocol):
    """Makes the unit of work of a call or a worker's round for its school scope (bootstrap wires it)."""

    def __call__(self, scope: HasSchool) -> MessagingUnitOfWork: ...
