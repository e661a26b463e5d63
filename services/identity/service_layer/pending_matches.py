"""The school's review of pending matches (a Gosuslugi login matched to a guardian record by name, gender and birth
date): listing them, and confirming (the login is linked) or rejecting one."""
import logging

from proto.identity.v1 import identity_pb2 as pb
from services.common.db import parse_uuid
from services.common.errors import Conflict, DomainError, Forbidden, NotFound
from services.common.scope import Scope
from services.identity.adapters.protobuf import match_message
from services.identity.service_layer.federated_accounts import link_account
from services.identity.service_layer.ports import Accounts
from services.identity.service_layer.unit_of_work import IdentityUnitOfWork

log = logging.getLogger(__name__)
REVIEWERS = frozenset({"school_admin", "secretary"})


def _require_reviewer(scope: Scope) -> None:
    scope.require("person.manage")
    if not REVIEWERS & scope.principal.roles:
        raise Forbidden("Совпадения рассматривают администратор школы или секретарь")


def list_pending_matches(scope: Scope, uow: IdentityUnitOfWork) -> list[pb.PendingMatch]:
    _require_reviewer(scope)
    with uow:
        rows = uow.matches.pending()
        people = {p.id: p for p in uow.people.cards_of([r.person_id for r in rows])}
        return [match_message(row, people[row.person_id]) for row in rows]


def decide_match(scope: Scope, uow: IdentityUnitOfWork, accounts: Accounts, match_id: str,
                 confirm: bool) -> pb.PendingMatch:
    """Confirming links the login to the guardian record; rejecting only records the decision."""
    match_id = parse_uuid(match_id, "match_id")
    _require_reviewer(scope)
    with uow:
        row = uow.matches.locked(match_id)
        if row is None:
            raise NotFound("Совпадение не найдено", {"match_id": "не найдено"})
        if row.status != "pending":
            raise Conflict("Это совпадение уже рассмотрено")
        if confirm:
            if uow.people.subject_of(row.person_id) not in (None, row.subject):
                raise Conflict("Карточка родителя уже связана с другой учётной записью")
            link_account(uow, row.person_id, row.subject, row.username)
        row = uow.matches.decide(match_id, "confirmed" if confirm else "rejected", scope.principal.subject)
        uow.audit.record("match.confirm" if confirm else "match.reject", row.person_id, match_id=match_id,
                         subject=row.subject)
        message = match_message(row, uow.people.card(row.person_id))
    if confirm:
        try:
            accounts.ensure_realm_role(row.subject, "guardian")
        except DomainError:
            log.warning("could not add realm role guardian to %s", row.subject)
    return message
