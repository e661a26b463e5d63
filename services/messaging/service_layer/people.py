"""Names of people as threads and notices show them: kept from identity's events (directory_names), refreshed from
the cards a command fetched anyway."""
from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from proto.identity.v1 import identity_pb2
from services.messaging.adapters.directory_store import PERSON

if TYPE_CHECKING:
    from services.messaging.service_layer.unit_of_work import MessagingUnitOfWork


def full_name(name: identity_pb2.PersonName) -> str:
    return " ".join(part for part in (name.last_name, name.first_name, name.middle_name) if part)


def short_name(name: identity_pb2.PersonName) -> str:
    return " ".join(part for part in (name.last_name, name.first_name) if part)


def remember(uow: MessagingUnitOfWork, people: Iterable[identity_pb2.Person]) -> None:
    """Keeps the names of the cards fetched (inside the unit of work)."""
    for person in people:
        uow.directory.name(PERSON, person.id, full_name(person.name))


def names(uow: MessagingUnitOfWork, person_ids: Iterable[str]) -> dict[str, str]:
    return uow.directory.names(PERSON, list(person_ids))
