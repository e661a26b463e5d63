"""Activation codes: issuing them (printed access slips, activation links) and activating a login with one.

A code is shown once and stored only as a hash, with an expiry; it is consumed once. Guessing is slowed
down per client address: after MAX_FAILURES unknown or malformed codes within LOCKOUT, every attempt
from that address is refused until the oldest of them is LOCKOUT old. Activating sets the
person's password in Keycloak, creating their login first if they have none (students and guardians
who do not use Gosuslugi), and enables a login that was locked.
"""
import contextlib
import datetime as dt
import math
from collections.abc import Iterator

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from proto.identity.v1 import identity_pb2 as pb
from services.common import context
from services.common.context import Caller
from services.common.db import Database, parse_uuid
from services.common.errors import Conflict, FailedPrecondition, Forbidden, Invalid, NotFound, TooManyRequests
from services.common.outbox import Outbox
from services.common.policy import MANAGERS, Principal, allowed, require
from services.identity import activation, audit
from services.identity.domain import PersonName
from services.identity.handlers import active_principal, principal_in, require_admin_for_managers
from services.identity.keycloak_accounts import Compensation, KeycloakAccounts, NewAccount
from services.identity.school_card import SUSPENDED
from services.identity.tables import (
    activation_attempts,
    activation_codes,
    directory,
    guardianships,
    persons,
    role_grants,
    schools,
)

BAD_CODE = "Код не подходит: проверьте, как он введён, или попросите в школе новый"
USED_CODE = "Этот код уже использован. Если вы не активировали доступ сами, сообщите в школу"
EXPIRED_CODE = "Срок действия кода истёк. Попросите в школе новый"
SHARED = "учётная запись используется и в другой школе, пароль меняет только её владелец"
FORM_TEACHER_ONLY = "Классный руководитель выдаёт коды только обучающимся своего класса и их родителям"
FORM_TEACHER_NO_RESET = ("у человека уже есть учётная запись: новый код (сброс пароля) выдаёт администрация "
                         "школы")
MANAGER_RESET = "код для учётной записи руководителя школы может выдать только администратор школы"
# A school's network often reaches us through one address (NAT), so the limit is generous: with 60-bit codes,
# 50 guesses per address per quarter hour still leave no chance of hitting one.
MAX_FAILURES = 50
LOCKOUT = dt.timedelta(minutes=15)
TOO_MANY = ("Слишком много попыток ввести неверный код. Ввод кода с этого адреса временно заблокирован: "
            "попробуйте снова через {minutes} мин. или попросите в школе новый код")


def _class_people(session: Session, class_group_id: str) -> list:
    """A class's students and their guardians who have no login yet, students first, by name."""
    students = select(persons.c.id).where(persons.c.kind == "student", persons.c.class_group_id == class_group_id)
    guardians = select(guardianships.c.guardian_id).where(guardianships.c.student_id.in_(students))
    query = (select(persons).where(persons.c.subject.is_(None), persons.c.id.in_(students) | persons.c.id.in_(guardians))
             .order_by(persons.c.kind.desc(), persons.c.last_name, persons.c.first_name, persons.c.id))
    return session.execute(query).all()


def _in_led_class(session: Session, principal: Principal, person) -> bool:
    """A student of a class the caller leads as form teacher, or a guardian of such a student."""
    if "form_teacher" not in principal.roles or not principal.form_class_group_ids:
        return False
    led = persons.c.class_group_id.in_(principal.form_class_group_ids)
    if person.kind == "student":
        return session.scalar(select(persons.c.id).where(persons.c.id == person.id, led)) is not None
    children = select(guardianships.c.student_id).where(guardianships.c.guardian_id == person.id)
    return person.kind == "guardian" and session.scalar(
        select(persons.c.id).where(persons.c.id.in_(children), led).limit(1)) is not None


def issue_activation(db: Database, key: activation.CodeKey, caller: Caller, school_id: str, person_ids: list[str],
                     class_group_id: str) -> pb.IssueActivationResponse:
    """Codes for the people named, or for a class (its students and their guardians without a login)."""
    with db.tenant_session(school_id) as session:
        principal = active_principal(session, caller, school_id)
        require(principal, "person.read")
        if not person_ids and not class_group_id:
            raise Invalid("person_ids", "укажите людей или класс")
        ids = [parse_uuid(person_id, "person_ids") for person_id in person_ids]
        if ids:
            people = session.execute(select(persons).where(persons.c.id.in_(ids)).order_by(persons.c.last_name)).all()
            if len(people) != len(set(ids)):
                raise NotFound("Человек не найден в этой школе", {"person_ids": "не найден"})
        else:
            class_group_id = parse_uuid(class_group_id, "class_group_id")
            if not allowed(principal, "person.manage") and class_group_id not in principal.form_class_group_ids:
                raise Forbidden(FORM_TEACHER_ONLY)
            people = _class_people(session, class_group_id)
        if allowed(principal, "person.manage"):
            require_admin_for_managers(session, caller, school_id, login_roles(session, people))
        elif not all(_in_led_class(session, principal, person) for person in people):
            raise Forbidden(FORM_TEACHER_ONLY)
        elif any(person.subject for person in people):  # a new code for a login resets its password
            raise Forbidden(FORM_TEACHER_NO_RESET, {"person_ids": FORM_TEACHER_NO_RESET})
        shared = shared_logins(db, school_id, [p.subject for p in people if p.subject])
        if shared:
            names = ", ".join(PersonName(p.last_name, p.first_name).full for p in people if p.subject in shared)
            raise FailedPrecondition(f"{names}: {SHARED}", {"person_ids": SHARED})
        now = dt.datetime.now(dt.UTC)
        return pb.IssueActivationResponse(slips=[activation.issue(session, key, school_id, p, caller.subject, now)
                                                 for p in people])


def login_roles(session: Session, people) -> set[str]:
    """The roles in this school of the people and of every other record here that shares a login with one of
    them (a director who is also a parent has one login): a code for that login is a code for all of them."""
    subjects = [p.subject for p in people if p.subject]
    same_login = select(persons.c.id).where(persons.c.subject.in_(subjects))
    return set(session.scalars(select(role_grants.c.role).where(
        role_grants.c.person_id.in_([p.id for p in people]) | role_grants.c.person_id.in_(same_login))))


def _still_issuable(db: Database, session: Session, row, person) -> None:
    """What was checked when the code was issued, checked again as it is used (the login may have joined
    another school, or a manager's record, since): a code never resets a login its issuer could not. A login
    nobody has activated yet (the first administrator's, made at onboarding) is handed over, not reset."""
    if not person.subject or not session.scalar(select(persons.c.id).where(
            persons.c.subject == person.subject, persons.c.activated_at.is_not(None)).limit(1)):
        return
    if shared_logins(db, row.school_id, [person.subject]):
        raise FailedPrecondition(f"{PersonName(person.last_name, person.first_name).full}: {SHARED}", {"code": SHARED})
    if login_roles(session, [person]) & MANAGERS and "school_admin" not in principal_in(
            session, row.issued_by, row.school_id).roles:
        raise FailedPrecondition(MANAGER_RESET, {"code": MANAGER_RESET})


@contextlib.contextmanager
def _consuming(db: Database, key: activation.CodeKey, code: str) -> Iterator[tuple[Session, object, object, object]]:
    """A tenant transaction holding the code's row (locked, unused, unexpired), its person and school; the
    code is marked used when the block commits."""
    address = context.client_address()
    with db.system_session() as session:
        _refuse_when_locked(session, address)
        found = session.execute(select(activation_codes.c.id, activation_codes.c.school_id)
                                .where(activation_codes.c.code_hash.in_(key.lookups(code)))).first()
        if found is None or not activation.well_formed(code):
            session.execute(insert(activation_attempts).values(client_address=address))
    if found is None or not activation.well_formed(code):
        raise FailedPrecondition(BAD_CODE, {"code": "код не подходит"})
    with db.tenant_session(found.school_id) as session:
        row = session.execute(select(activation_codes).where(activation_codes.c.id == found.id).with_for_update()).one()
        if row.used_at is not None:
            raise FailedPrecondition(USED_CODE, {"code": "уже использован"})
        if row.expires_at <= dt.datetime.now(dt.UTC):
            raise FailedPrecondition(EXPIRED_CODE, {"code": "срок действия истёк"})
        person = session.execute(select(persons).where(persons.c.id == row.person_id)).one()
        school = session.execute(select(schools)).one()
        if school.status == "suspended":
            raise Forbidden(SUSPENDED)
        yield session, row, person, school
        session.execute(update(activation_codes).where(activation_codes.c.id == row.id).values(used_at=func.now()))


def _refuse_when_locked(session: Session, address: str) -> None:
    """Refuses an address with MAX_FAILURES failed attempts within LOCKOUT (older attempts are dropped), telling
    it when the lock lifts: when the MAX_FAILURES-th most recent failure is LOCKOUT old."""
    now = dt.datetime.now(dt.UTC)
    session.execute(delete(activation_attempts).where(activation_attempts.c.failed_at < now - LOCKOUT))
    counted = session.scalar(select(activation_attempts.c.failed_at)
                             .where(activation_attempts.c.client_address == address)
                             .order_by(activation_attempts.c.failed_at.desc()).offset(MAX_FAILURES - 1).limit(1))
    if counted is not None:
        seconds = max(1, math.ceil((counted + LOCKOUT - now).total_seconds()))
        raise TooManyRequests(TOO_MANY.format(minutes=math.ceil(seconds / 60)),
                              {"code": "слишком много неверных попыток"}, retry_after=seconds)


def _activated(session: Session, outbox: Outbox, row, person, subject: str, username: str, action: str) -> None:
    """The person record now has the login `subject`: written with its event and audit row."""
    session.execute(update(persons).where(persons.c.id == person.id)
                    .values(subject=subject, username=username, activated_at=func.now()))
    session.execute(update(directory).where(directory.c.person_id == person.id).values(subject=subject))
    outbox.add(session, row.school_id, pb.AccountActivated(person_id=person.id, subject=subject, username=username))
    audit.record(session, row.school_id, action, person.id, username=username)


def activate_account(db: Database, outbox: Outbox, accounts: KeycloakAccounts, key: activation.CodeKey, code: str,
                     password: str) -> pb.ActivateAccountResponse:
    """Consumes a code: sets the password of the person's login (creating it if needed)."""
    problem = activation.password_problem(password)
    if problem:
        raise Invalid("password", problem)
    with Compensation() as undo, _consuming(db, key, code) as (session, row, person, school):
        subject, username = person.subject, person.username or row.username
        _still_issuable(db, session, row, person)
        if subject:
            accounts.set_password(subject, password)
        else:
            roles = tuple(session.scalars(select(role_grants.c.role).where(role_grants.c.person_id == person.id)))
            subject = accounts.create_account(NewAccount(
                username=username, password=password, first_name=person.first_name, last_name=person.last_name,
                email="", roles=roles, organization_id=school.organization_id))
            undo.add(accounts.delete_account, subject)
        _activated(session, outbox, row, person, subject, username, "account.activate")
    return pb.ActivateAccountResponse(username=username, school_short_name=school.short_name)


def claim_activation(db: Database, outbox: Outbox, accounts: KeycloakAccounts, key: activation.CodeKey,
                     caller: Caller, code: str) -> pb.ActivateAccountResponse:
    """Consumes a code for the caller's own login: the person record joins the login the caller already
    has (in another school, or through Gosuslugi), so one person keeps one account."""
    with _consuming(db, key, code) as (session, row, person, school):
        if person.subject not in (None, caller.subject):
            raise Conflict("Эта карточка уже связана с другой учётной записью. Обратитесь в школу.")
        accounts.join_organization(caller.subject, school.organization_id)
        _activated(session, outbox, row, person, caller.subject, caller.username, "account.claim")
    return pb.ActivateAccountResponse(username=caller.username, school_short_name=school.short_name)


def shared_logins(db: Database, school_id: str, subjects: list[str]) -> set[str]:
    """The logins among `subjects` that also have person records in another school."""
    with db.system_session() as session:
        return set(session.scalars(select(directory.c.subject).where(
            directory.c.subject.in_(subjects), directory.c.school_id != school_id)))
