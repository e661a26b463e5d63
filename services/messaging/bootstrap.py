"""The one place the messaging service's parts are wired: the ports (identity, schedule and the journal over gRPC
with the service's account, the files' bucket; typed in service_layer/ports.py) and the mailer, the unit of work each
call or round gets (bound to its school scope), the servicer and the notice worker, each with the clock. `__main__` wires the real
adapters; the integration tests wire fakes of the ports through the same functions. (The consumers work in the
idempotent consumer's transaction: entrypoints/consumers.py.)"""
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from services.common.db import Database
from services.common.outbox import Outbox
from services.common.unit_of_work import HasSchool
from services.messaging.adapters.mailer import Mailer
from services.messaging.entrypoints.notice_worker import NoticeWorker
from services.messaging.entrypoints.servicer import MessagingServicer, utc_now
from services.messaging.service_layer.ports import FileStore, Identity, Journal, Schedule
from services.messaging.service_layer.unit_of_work import MessagingUnitOfWork, UnitsOfWork


@dataclass(frozen=True)
class Ports:
    """What the messaging service asks outside its database."""

    identity: Identity
    schedule: Schedule
    journal: Journal
    files: FileStore
    mailer: Mailer


def units_of_work(db: Database, outbox: Outbox, ports: Ports) -> UnitsOfWork:
    def new(scope: HasSchool) -> MessagingUnitOfWork:
        return MessagingUnitOfWork(db, outbox, scope, ports.identity, ports.schedule, ports.journal, ports.files,
                                   ports.mailer)
    return new


def servicer(db: Database, outbox: Outbox, ports: Ports,
             clock: Callable[[], dt.datetime] = utc_now) -> MessagingServicer:
    return MessagingServicer(units_of_work(db, outbox, ports), ports.mailer, clock)


def notice_worker(db: Database, outbox: Outbox, ports: Ports,
                  clock: Callable[[], dt.datetime] = utc_now) -> NoticeWorker:
    return NoticeWorker(db, units_of_work(db, outbox, ports), clock)
