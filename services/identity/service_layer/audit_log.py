"""Commands on the school's identity audit log and compromised logins: reading the log (its administrators only),
and a login reported as compromised locked with its sessions ended."""
import datetime as dt

from proto.identity.v1 import identity_pb2 as pb
from services.common.context import Caller
from services.common.db import parse_uuid
from services.common.errors import FailedPrecondition, Forbidden, NotFound
from services.common.scope import Scope
from services.identity.service_layer.ports import Accounts
from services.identity.service_layer.unit_of_work import IdentityUnitOfWork


def list_audit_log(scope: Scope, uow: IdentityUnitOfWork, limit: int, before: str) -> pb.ListAuditLogResponse:
    """The school's identity audit log, for its administrators only."""
    scope.require("person.manage")
    if "school_admin" not in scope.principal.roles:
        raise Forbidden("Журнал аудита доступен только администратору школы")
    with uow:
        return uow.audit.page(limit, before)


def report_compromised(uow: IdentityUnitOfWork, accounts: Accounts, caller: Caller,
                       person_id: str) -> pb.ReportCompromisedResponse:
    """Locks a login reported as compromised and ends its sessions; reported by its owner or, for staff,
    by a school administrator, also while the school is suspended (so the caller's grants are read without the
    scope's refusal of a suspended school). The account stays locked even if recording the report then fails."""
    with uow:
        principal = uow.principal_of(caller.subject)
        if not principal.roles:
            raise NotFound("Школа не найдена")
        person = uow.people.row(parse_uuid(person_id, "person_id"))
        if person is None:
            raise NotFound("Человек не найден в этой школе", {"person_id": "не найден"})
        own = person.subject is not None and person.subject == caller.subject
        if not own and not (person.kind == "staff" and "school_admin" in principal.roles):
            raise Forbidden("Сообщить о взломе может сам владелец учётной записи или администратор школы "
                            "(для сотрудников)")
        if not person.subject:
            raise FailedPrecondition("У этого человека нет учётной записи", {"person_id": "нет учётной записи"})
        accounts.lock_account(person.subject)
        reported_at = dt.datetime.now(dt.UTC)
        uow.people.record_breach(person.id, person.subject, reported_at, caller.subject)
        uow.publish(pb.AccountCompromised(person_id=person.id, subject=person.subject,
                                          reported_at=reported_at.isoformat(), reported_by=caller.subject))
        uow.audit.record("account.compromised", person.id, subject=person.subject,
                         reported_at=reported_at.isoformat())
    return pb.ReportCompromisedResponse(reported_at=reported_at.isoformat())
