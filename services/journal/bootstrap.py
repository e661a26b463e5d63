"""The one place the journal's parts are wired: the ports (schedule and identity over gRPC, the homework file
store; typed in service_layer/ports.py), the unit of work each call gets (bound to the call's school scope) and the
servicer. `__main__` wires the real adapters; the integration tests and the benchmarks wire fakes of the ports
through the same functions. (The consumers work in the idempotent consumer's transaction:
entrypoints/consumers.py.)"""
from collections.abc import Callable
from dataclasses import dataclass

from services.common import scope as scopes
from services.common.db import Database
from services.common.outbox import Outbox
from services.common.scope import Scope
from services.journal.entrypoints.servicer import JournalServicer
from services.journal.service_layer.ports import FileStore, Identity, Schedule
from services.journal.service_layer.unit_of_work import JournalUnitOfWork


@dataclass(frozen=True)
class Ports:
    """What the journal's commands ask outside its database."""

    schedule: Schedule
    identity: Identity
    files: FileStore | None = None  # homework files (services.common.object_store.ObjectStore)


def unit_of_work_factory(db: Database, outbox: Outbox, ports: Ports) -> Callable[[Scope], JournalUnitOfWork]:
    """A new unit of work for a scope, on the journal's database, with the ports."""
    def new(scope: Scope) -> JournalUnitOfWork:
        return JournalUnitOfWork(db, outbox, scope, ports.schedule, ports.identity, ports.files)
    return new


def servicer(db: Database, outbox: Outbox, ports: Ports,
             scope: Callable[[], Scope] = scopes.current) -> JournalServicer:
    """The gRPC servicer: each call gets the scope the interceptor bound (a benchmark calling the servicer without
    the interceptor passes its own) and a new unit of work."""
    return JournalServicer(unit_of_work_factory(db, outbox, ports), scope)
