"""LinkFederatedAccount: a confirmed Gosuslugi login is linked to the guardian records with its SNILS, in every
school; when SNILS is missing or matches nobody, the schools are asked to confirm a match by full name, gender and
birth date (T6). The login learns nothing before the school decides: not the school, not the child, not the
record."""
import logging
from collections import defaultdict
from typing import NoReturn

from proto.identity.v1 import identity_pb2 as pb
from services.common.context import Caller
from services.common.errors import DomainError, FailedPrecondition
from services.identity.domain import matching
from services.identity.domain.snils import snils_digits
from services.identity.service_layer.ports import Accounts, Directory, UnitsOfWork
from services.identity.service_layer.unit_of_work import IdentityUnitOfWork

log = logging.getLogger(__name__)
UNTRUSTED = ("Учётная запись на Госуслугах не подтверждена. "
             "Подтвердите её в центре обслуживания или онлайн и войдите снова.")
NO_SNILS = ("В учётной записи Госуслуг нет СНИЛС, поэтому связать её с родителем автоматически нельзя. "
            "Школа должна подтвердить совпадение данных: обратитесь к классному руководителю или секретарю.")
NO_GUARDIAN = "Родитель с таким СНИЛС не найден ни в одной школе. Обратитесь в школу."
LINKED_ELSEWHERE = ("Запись родителя с этим СНИЛС уже связана с другой учётной записью Госуслуг. "
                    "Обратитесь в школу, чтобы проверить данные.")
MATCH_PENDING = ("Данные вашей учётной записи Госуслуг переданы в школу для подтверждения. "
                 "После подтверждения войдите снова.")
MATCH_REJECTED = "Школа не подтвердила совпадение данных. Обратитесь к классному руководителю или секретарю."


def link_or_match(uows: UnitsOfWork, directory: Directory, accounts: Accounts, caller: Caller) -> list[pb.Person]:
    """Links by SNILS; when SNILS is missing or matches nobody, asks the schools to confirm a name match."""
    try:
        return link_federated_account(uows, directory, accounts, caller)
    except FailedPrecondition as refusal:
        if refusal.message not in (NO_SNILS, NO_GUARDIAN):
            raise
        request_matches(uows, directory, caller, refusal)


def link_federated_account(uows: UnitsOfWork, directory: Directory, accounts: Accounts,
                           caller: Caller) -> list[pb.Person]:
    """Links a confirmed Gosuslugi login to the guardian records with its SNILS, in every school."""
    if str(caller.claims.get("trusted", "")).lower() != "true":
        raise FailedPrecondition(UNTRUSTED)
    snils = snils_digits(str(caller.claims.get("snils") or ""))
    if not snils:
        raise FailedPrecondition(NO_SNILS)
    found = directory.guardians_by_snils(snils)
    if not found:
        raise FailedPrecondition(NO_GUARDIAN)
    if any(row.subject not in (None, caller.subject) for row in found):
        raise FailedPrecondition(LINKED_ELSEWHERE)  # never hand a family's records to another account
    by_school = defaultdict(list)
    for row in found:
        by_school[row.school_id].append(row.person_id)
    guardians = []
    for school_id, person_ids in by_school.items():
        with uows(school_id) as uow:
            for person_id in person_ids:
                link_account(uow, person_id, caller.subject, caller.username)
            guardians += uow.people.cards_of(person_ids)
    try:
        accounts.ensure_realm_role(caller.subject, "guardian")
    except DomainError:
        log.warning("could not add realm role guardian to %s", caller.subject)
    return guardians


def link_account(uow: IdentityUnitOfWork, person_id: str, subject: str, username: str) -> None:
    """Gives a guardian record the Gosuslugi login `subject` (unless it has a login already) and the role."""
    if uow.people.link_login(person_id, subject, username):
        uow.publish(pb.FederatedAccountLinked(guardian_id=person_id, subject=subject))
        uow.audit.record("federated.link", person_id, subject=subject)


def request_matches(uows: UnitsOfWork, directory: Directory, caller: Caller, refusal: FailedPrecondition) -> NoReturn:
    """Records a pending match with every unlinked guardian record of the same key; always refuses."""
    key = matching.claims_key(caller.claims)
    if key is None:
        raise refusal
    found = directory.unlinked_by_match_key(key)
    if not found:
        raise refusal
    statuses = []
    for row in found:
        with uows(row.school_id) as uow:
            status = uow.matches.status(row.person_id, caller.subject)
            if status is None:
                match_id = uow.matches.add(row.person_id, caller.subject, caller.username,
                                           matching.claimed(caller.claims))
                uow.audit.record("match.request", row.person_id, match_id=match_id, subject=caller.subject)
                status = "pending"
            statuses.append(status)
    raise FailedPrecondition(MATCH_PENDING if "pending" in statuses else MATCH_REJECTED)
