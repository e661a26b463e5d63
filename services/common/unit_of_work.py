"""One unit of work: the one transaction of one school in which a command reads and writes its state and writes
its events to the outbox, so that both commit together or neither does (cosmicpython's unit of work, eShop's
transaction behaviour). The transaction is bound to the scope's school, so row-level security lets it see and
write that school's rows only.

    with uow:                 # begins, bound to the school
        ...uow.session...     # the service's stores work on it
        uow.publish(event)    # the event row, in the same transaction
                              # commits when the block ends; rolls back on an exception

A service's own unit of work subclasses this one and opens its stores in `opened()`; its unit tests use a fake of
that subclass (in memory, no PostgreSQL), its integration tests this one on the real database. An event consumer's
handler joins the consumer's transaction instead (`joining`): the inbox row of the event commits with its effect."""
import contextlib
from typing import Protocol, Self

from sqlalchemy.orm import Session

from services.common.db import Database
from services.common.outbox import Outbox


class HasSchool(Protocol):
    @property
    def school_id(self) -> str: ...


class UnitOfWork:
    def __init__(self, db: Database | None, outbox: Outbox, scope: HasSchool):
        self.db, self.outbox, self.scope = db, outbox, scope
        self._transaction = None
        self._joined: Session | None = None
        self.session: Session | None = None

    @classmethod
    def joining(cls, session: Session, outbox: Outbox, scope: HasSchool, **ports) -> Self:
        """A unit of work in a transaction already open for the scope's school (an event consumer's, which writes
        the event's inbox row in it): `with uow:` neither begins nor commits it, its owner does. `ports` go to the
        service's unit of work as it names them."""
        uow = cls(None, outbox, scope, **ports)
        uow._joined = session
        return uow

    @property
    def school_id(self) -> str:
        return self.scope.school_id

    def __enter__(self):
        if self._transaction is not None:
            raise RuntimeError("a unit of work is not entered again while it is open")
        transaction = (self.db.tenant_session(self.school_id) if self._joined is None
                       else contextlib.nullcontext(self._joined))
        self.session = transaction.__enter__()  # a transaction that did not begin leaves the unit of work closed
        self._transaction = transaction
        try:
            self.opened()
        except BaseException as exc:
            self._close(type(exc), exc, exc.__traceback__)
            raise
        return self

    def __exit__(self, exc_type, exc, tb):
        return self._close(exc_type, exc, tb)

    def _close(self, exc_type, exc, tb):
        transaction, self._transaction, self.session = self._transaction, None, None
        return transaction.__exit__(exc_type, exc, tb)

    def opened(self) -> None:
        """Called once the transaction is open: a service's unit of work opens its stores on self.session here."""

    def publish(self, message) -> None:
        """Writes the event to the outbox in this transaction; the relay sends it to Kafka after the commit."""
        self.outbox.add(self.session, self.school_id, message)

    def publish_all(self, messages: list) -> None:
        """Several events of one change, in the given order, in this transaction (one statement per chunk)."""
        self.outbox.add_all(self.session, self.school_id, messages)
