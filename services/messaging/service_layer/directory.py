"""What the service keeps of identity's and schedule's events: guardianships (a guardian linked later joins the
threads about the child: a family's conversation is the whole family's) and the names of people, subjects and terms
that threads and notices show."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from services.messaging.adapters.directory_store import PERSON, SUBJECT, TERM
from services.messaging.domain.thread import GUARDIAN

if TYPE_CHECKING:
    from services.messaging.service_layer.unit_of_work import MessagingUnitOfWork


def guardian_linked(uow: MessagingUnitOfWork, guardian_id: str, student_id: str, now: dt.datetime) -> None:
    with uow:
        if uow.directory.link_guardian(guardian_id, student_id, now):
            for thread_id in uow.threads.threads_about(student_id):
                uow.threads.add_participants(thread_id, [(guardian_id, GUARDIAN)], now)


def person_named(uow: MessagingUnitOfWork, person_id: str, name: str) -> None:
    with uow:
        uow.directory.name(PERSON, person_id, name)


def subject_named(uow: MessagingUnitOfWork, subject_id: str, name: str) -> None:
    with uow:
        uow.directory.name(SUBJECT, subject_id, name)


def terms_named(uow: MessagingUnitOfWork, terms: list[tuple[str, str]]) -> None:
    with uow:
        for term_id, name in terms:
            uow.directory.name(TERM, term_id, name)
