"""Activation codes: issuing them (printed access slips, activation links) and activating a login with one.

A code is shown once and stored only as a hash, with an expiry; it is consumed once. Guessing is slowed
down per client address (domain.activation_code: MAX_FAILURES within LOCKOUT). Activating sets the
person's password in Keycloak, creating their login first if they have none (students and guardians
who do not use Gosuslugi), and enables a login that was locked.
"""
import contextlib
import datetime as dt
from collections.abc import Iterator

from proto.identity.v1 import identity_pb2 as pb
from services.common import context
from services.common.context import Caller
from services.common.db import parse_uuid
from services.common.errors import Conflict, FailedPrecondition, Forbidden, Invalid, NotFound
from services.common.policy import MANAGERS
from services.common.scope import Scope
from services.identity.adapters.keycloak_accounts import Compensation, NewAccount
from services.identity.domain import activation_code
from services.identity.domain.activation_code import FEDERATED, VALID_DAYS, CodeKey
from services.identity.domain.manager_roles import require_admin_for_managers
from services.identity.domain.person import PersonName, login_name
from services.identity.domain.school_card import SUSPENDED
from services.identity.service_layer.ports import Accounts, Directory, UnitsOfWork
from services.identity.service_layer.unit_of_work import IdentityUnitOfWork

BAD_CODE = "Код не подходит: проверьте, как он введён, или попросите в школе новый"
USED_CODE = "Этот код уже использован. Если вы не активировали доступ сами, сообщите в школу"
EXPIRED_CODE = "Срок действия кода истёк. Попросите в школе новый"
SHARED = "учётная запись используется и в другой школе, пароль меняет только её владелец"
FORM_TEACHER_ONLY = "Классный руководитель выдаёт коды только обучающимся своего класса и их родителям"
FORM_TEACHER_NO_RESET = ("у человека уже есть учётная запись: новый код (сброс пароля) выдаёт администрация "
                         "школы")
MANAGER_RESET = "код для учётной записи руководителя школы может выдать только администратор школы"
GOSUSLUGI_ONLY = ("В этой школе родители (законные представители) входят только через Госуслуги: код активации "
                  "родителю не выдаётся")
GOSUSLUGI_ONLY_FIELD = "родители входят только через Госуслуги"


def issue(uow: IdentityUnitOfWork, key: CodeKey, person, issued_by: str, now: dt.datetime) -> pb.ActivationSlip:
    """A new code for the person (their unused codes are dropped); the unit of work commits it."""
    if (person.username or "").startswith("esia."):
        raise Invalid("person_ids", f"{PersonName(person.last_name, person.first_name).full} {FEDERATED}")
    code, expires_at = activation_code.new_code(), now + dt.timedelta(days=VALID_DAYS)
    username = person.username or login_name(person.last_name, person.kind, person.id)
    uow.codes.replace(person.id, key.code_hash(code), username, issued_by, now, expires_at)
    uow.audit.record("activation.issue", person.id, username=username, expires_at=expires_at.isoformat())
    return pb.ActivationSlip(
        person_id=person.id, full_name=PersonName(person.last_name, person.first_name, person.middle_name).full,
        kind=pb.PersonKind.Value(person.kind.upper()), username=username, code=code,
        expires_at=expires_at.isoformat())


def issue_activation(scope: Scope, uow: IdentityUnitOfWork, directory: Directory, key: CodeKey,
                     person_ids: list[str], class_group_id: str) -> pb.IssueActivationResponse:
    """Codes for the people named, or for a class (its students and their guardians without a login)."""
    principal = scope.require("person.read")
    with uow:
        if not person_ids and not class_group_id:
            raise Invalid("person_ids", "укажите людей или класс")
        ids = [parse_uuid(person_id, "person_ids") for person_id in person_ids]
        if ids:
            people = uow.people.rows(ids)
            if len(people) != len(set(ids)):
                raise NotFound("Человек не найден в этой школе", {"person_ids": "не найден"})
        else:
            class_group_id = parse_uuid(class_group_id, "class_group_id")
            if not scope.allowed("person.manage") and class_group_id not in principal.form_class_group_ids:
                raise Forbidden(FORM_TEACHER_ONLY)
            people = uow.people.class_people(class_group_id)
        if scope.allowed("person.manage"):
            require_admin_for_managers(principal, uow.people.login_roles(people))
        elif not all(uow.people.in_led_class(principal, person) for person in people):
            raise Forbidden(FORM_TEACHER_ONLY)
        elif any(person.subject for person in people):  # a new code for a login resets its password
            raise Forbidden(FORM_TEACHER_NO_RESET, {"person_ids": FORM_TEACHER_NO_RESET})
        gosuslugi_only = uow.schools.row().guardians_gosuslugi_only
        guardians = [p for p in people if p.kind == "guardian"] if gosuslugi_only else []
        if guardians and ids:  # asked for by name: said plainly
            raise FailedPrecondition(GOSUSLUGI_ONLY, {"person_ids": GOSUSLUGI_ONLY_FIELD})
        people = [p for p in people if p.kind != "guardian" or not gosuslugi_only]
        shared = directory.shared_logins(scope.school_id, [p.subject for p in people if p.subject])
        if shared:
            names = ", ".join(PersonName(p.last_name, p.first_name).full for p in people if p.subject in shared)
            raise FailedPrecondition(f"{names}: {SHARED}", {"person_ids": SHARED})
        now = dt.datetime.now(dt.UTC)
        return pb.IssueActivationResponse(
            slips=[issue(uow, key, p, principal.subject, now) for p in people], gosuslugi_only=gosuslugi_only,
            gosuslugi_slips=[pb.GosuslugiSlip(
                person_id=p.id, full_name=PersonName(p.last_name, p.first_name, p.middle_name).full)
                for p in guardians])


def _still_issuable(uow: IdentityUnitOfWork, directory: Directory, row, person) -> None:
    """What was checked when the code was issued, checked again as it is used (the login may have joined
    another school, or a manager's record, since): a code never resets a login its issuer could not. A login
    nobody has activated yet (the first administrator's, made at onboarding) is handed over, not reset."""
    if not person.subject or not uow.people.login_activated(person.subject):
        return
    if directory.shared_logins(row.school_id, [person.subject]):
        raise FailedPrecondition(f"{PersonName(person.last_name, person.first_name).full}: {SHARED}", {"code": SHARED})
    if uow.people.login_roles([person]) & MANAGERS and "school_admin" not in uow.principal_of(row.issued_by).roles:
        raise FailedPrecondition(MANAGER_RESET, {"code": MANAGER_RESET})


@contextlib.contextmanager
def _consuming(uows: UnitsOfWork, directory: Directory, key: CodeKey,
               code: str) -> Iterator[tuple[IdentityUnitOfWork, object, object, object]]:
    """The unit of work of the code's school holding the code's row (locked, unused, unexpired), its person and
    school; the code is marked used when the block commits."""
    well_formed = activation_code.well_formed(code)
    found = directory.code(key.lookups(code), well_formed, context.client_address())
    if found is None or not well_formed:
        raise FailedPrecondition(BAD_CODE, {"code": "код не подходит"})
    with uows(found.school_id) as uow:
        row = uow.codes.locked(found.id)
        if row.used_at is not None:
            raise FailedPrecondition(USED_CODE, {"code": "уже использован"})
        if row.expires_at <= dt.datetime.now(dt.UTC):
            raise FailedPrecondition(EXPIRED_CODE, {"code": "срок действия истёк"})
        person = uow.people.row(row.person_id)
        school = uow.schools.row()
        if school.status == "suspended":
            raise Forbidden(SUSPENDED)
        if person.kind == "guardian" and school.guardians_gosuslugi_only:  # a code issued before the school decided
            raise FailedPrecondition(GOSUSLUGI_ONLY, {"code": GOSUSLUGI_ONLY_FIELD})
        yield uow, row, person, school
        uow.codes.use(row.id)


def _activated(uow: IdentityUnitOfWork, person, subject: str, username: str, action: str) -> None:
    """The person record now has the login `subject`: written with its event and audit row."""
    uow.people.activated(person.id, subject, username)
    uow.publish(pb.AccountActivated(person_id=person.id, subject=subject, username=username))
    uow.audit.record(action, person.id, username=username)


def activate_account(uows: UnitsOfWork, directory: Directory, accounts: Accounts, key: CodeKey, code: str,
                     password: str) -> pb.ActivateAccountResponse:
    """Consumes a code: sets the password of the person's login (creating it if needed)."""
    problem = activation_code.password_problem(password)
    if problem:
        raise Invalid("password", problem)
    with Compensation() as undo, _consuming(uows, directory, key, code) as (uow, row, person, school):
        subject, username = person.subject, person.username or row.username
        _still_issuable(uow, directory, row, person)
        if subject:
            accounts.set_password(subject, password)
        else:
            subject = accounts.create_account(NewAccount(
                username=username, password=password, first_name=person.first_name, last_name=person.last_name,
                email="", roles=uow.people.roles_of(person.id), organization_id=school.organization_id))
            undo.add(accounts.delete_account, subject)
        _activated(uow, person, subject, username, "account.activate")
    return pb.ActivateAccountResponse(username=username, school_short_name=school.short_name)


def claim_activation(uows: UnitsOfWork, directory: Directory, accounts: Accounts, key: CodeKey, caller: Caller,
                     code: str) -> pb.ActivateAccountResponse:
    """Consumes a code for the caller's own login: the person record joins the login the caller already
    has (in another school, or through Gosuslugi), so one person keeps one account."""
    with _consuming(uows, directory, key, code) as (uow, row, person, school):
        if person.subject not in (None, caller.subject):
            raise Conflict("Эта карточка уже связана с другой учётной записью. Обратитесь в школу.")
        accounts.join_organization(caller.subject, school.organization_id)
        _activated(uow, person, caller.subject, caller.username, "account.claim")
    return pb.ActivateAccountResponse(username=caller.username, school_short_name=school.short_name)
