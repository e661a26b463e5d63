"""Gosuslugi logins matched to guardian records by full name, gender and birth date when SNILS gives no
match (T6): the match waits for the school, which confirms (the login is linked) or rejects it.

The login learns nothing before the school decides: not the school, not the child, not the record.
"""
import datetime as dt
import logging
import uuid
from typing import NoReturn

from sqlalchemy import insert, select, update

from proto.identity.v1 import identity_pb2 as pb
from services.common.context import Caller
from services.common.db import Database, parse_uuid
from services.common.errors import Conflict, DomainError, FailedPrecondition, Forbidden, NotFound
from services.common.outbox import Outbox
from services.identity import audit, handlers, matching
from services.identity.domain import PersonName
from services.identity.keycloak_accounts import KeycloakAccounts
from services.identity.tables import directory, pending_matches, persons

log = logging.getLogger(__name__)
REVIEWERS = frozenset({"school_admin", "secretary"})
MATCH_PENDING = ("Данные вашей учётной записи Госуслуг переданы в школу для подтверждения. "
                 "После подтверждения войдите снова.")
MATCH_REJECTED = "Школа не подтвердила совпадение данных. Обратитесь к классному руководителю или секретарю."


def link_or_match(db: Database, outbox: Outbox, accounts: KeycloakAccounts, caller: Caller) -> list[pb.Person]:
    """Links by SNILS; when SNILS is missing or matches nobody, asks the schools to confirm a name match."""
    try:
        return handlers.link_federated_account(db, outbox, accounts, caller)
    except FailedPrecondition as refusal:
        if refusal.message not in (handlers.NO_SNILS, handlers.NO_GUARDIAN):
            raise
        request_matches(db, caller, refusal)


def request_matches(db: Database, caller: Caller, refusal: FailedPrecondition) -> NoReturn:
    """Records a pending match with every unlinked guardian record of the same key; always refuses."""
    key = matching.claims_key(caller.claims)
    if key is None:
        raise refusal
    with db.system_session() as session:
        found = session.execute(select(directory.c.school_id, directory.c.person_id)
                                .where(directory.c.match_key == key, directory.c.subject.is_(None))).all()
    if not found:
        raise refusal
    statuses = []
    for row in found:
        with db.tenant_session(row.school_id) as session:
            status = session.scalar(select(pending_matches.c.status).where(
                pending_matches.c.person_id == row.person_id, pending_matches.c.subject == caller.subject))
            if status is None:
                match_id = str(uuid.uuid4())
                session.execute(insert(pending_matches).values(
                    id=match_id, school_id=row.school_id, person_id=row.person_id, subject=caller.subject,
                    username=caller.username, claims=matching.claimed(caller.claims)))
                audit.record(session, row.school_id, "match.request", row.person_id, match_id=match_id,
                             subject=caller.subject)
                status = "pending"
            statuses.append(status)
    raise FailedPrecondition(MATCH_PENDING if "pending" in statuses else MATCH_REJECTED)


def _require_reviewer(session, caller: Caller, school_id: str) -> None:
    if not REVIEWERS & handlers.principal_in(session, caller.subject, school_id).roles:
        raise Forbidden("Совпадения рассматривают администратор школы или секретарь")


def _match_message(row, person: pb.Person) -> pb.PendingMatch:
    claims = row.claims
    return pb.PendingMatch(
        id=row.id, person=person, username=row.username, requested_at=row.requested_at.isoformat(), status=row.status,
        claimed_full_name=PersonName(claims.get("family_name", ""), claims.get("given_name", ""),
                                     claims.get("middle_name", "")).full,
        claimed_gender=claims.get("gender", ""), claimed_birth_date=claims.get("birthdate", ""))


def list_pending_matches(db: Database, caller: Caller, school_id: str) -> list[pb.PendingMatch]:
    with handlers.authorized(db, caller, school_id, "person.manage") as session:
        _require_reviewer(session, caller, school_id)
        rows = session.execute(select(pending_matches).where(pending_matches.c.status == "pending")
                               .order_by(pending_matches.c.requested_at, pending_matches.c.id)).all()
        people = {p.id: p for p in handlers.people_of(session, select(persons).where(
            persons.c.id.in_([r.person_id for r in rows])))}
        return [_match_message(row, people[row.person_id]) for row in rows]


def decide_match(db: Database, outbox: Outbox, accounts: KeycloakAccounts, caller: Caller, school_id: str,
                 match_id: str, confirm: bool) -> pb.PendingMatch:
    """Confirming links the login to the guardian record; rejecting only records the decision."""
    match_id = parse_uuid(match_id, "match_id")
    with handlers.authorized(db, caller, school_id, "person.manage") as session:
        _require_reviewer(session, caller, school_id)
        row = session.execute(select(pending_matches).where(pending_matches.c.id == match_id).with_for_update()).first()
        if row is None:
            raise NotFound("Совпадение не найдено", {"match_id": "не найдено"})
        if row.status != "pending":
            raise Conflict("Это совпадение уже рассмотрено")
        if confirm:
            linked_to = session.scalar(select(persons.c.subject).where(persons.c.id == row.person_id))
            if linked_to not in (None, row.subject):
                raise Conflict("Карточка родителя уже связана с другой учётной записью")
            handlers.link_account(session, outbox, school_id, row.person_id, row.subject, row.username)
        status = "confirmed" if confirm else "rejected"
        row = session.execute(update(pending_matches).where(pending_matches.c.id == match_id).values(
            status=status, decided_by=caller.subject, decided_at=dt.datetime.now(dt.UTC)).returning(pending_matches)).one()
        audit.record(session, school_id, "match.confirm" if confirm else "match.reject", row.person_id,
                     match_id=match_id, subject=row.subject)
        message = _match_message(row, handlers.person_card(session, row.person_id))
    if confirm:
        try:
            accounts.ensure_realm_role(row.subject, "guardian")
        except DomainError:
            log.warning("could not add realm role guardian to %s", row.subject)
    return message
