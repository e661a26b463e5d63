"""Activation codes: issuing them (printed access slips, activation links) and activating a login with one.

A code is shown once and stored only as a hash, with an expiry; it is consumed once. Activating sets the
person's password in Keycloak, creating their login first if they have none (students and guardians
who do not use Gosuslugi), and enables a login that was locked.
"""
import datetime as dt

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from proto.identity.v1 import identity_pb2 as pb
from services.common.context import Caller
from services.common.db import Database, parse_uuid
from services.common.errors import FailedPrecondition, Forbidden, Invalid, NotFound
from services.common.outbox import Outbox
from services.common.policy import Principal, allowed, require
from services.identity import activation, audit
from services.identity.handlers import active_principal, require_admin_for_managers
from services.identity.keycloak_accounts import Compensation, KeycloakAccounts, NewAccount
from services.identity.tables import activation_codes, directory, guardianships, persons, role_grants, schools

BAD_CODE = "Код не подходит: проверьте, как он введён, или попросите в школе новый"
USED_CODE = "Этот код уже использован. Если вы не активировали доступ сами, сообщите в школу"
EXPIRED_CODE = "Срок действия кода истёк. Попросите в школе новый"
FORM_TEACHER_ONLY = "Классный руководитель выдаёт коды только обучающимся своего класса и их родителям"


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


def issue_activation(db: Database, caller: Caller, school_id: str, person_ids: list[str],
                     class_group_id: str) -> pb.IssueActivationResponse:
    """Codes for the people named, or for a class (its students and their guardians without a login)."""
    if not person_ids and not class_group_id:
        raise Invalid("person_ids", "укажите людей или класс")
    ids = [parse_uuid(person_id, "person_ids") for person_id in person_ids]
    with db.tenant_session(school_id) as session:
        principal = active_principal(session, caller, school_id)
        require(principal, "person.read")
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
            roles = session.scalars(select(role_grants.c.role).where(role_grants.c.person_id.in_([p.id for p in people])))
            require_admin_for_managers(session, caller, school_id, set(roles))
        elif not all(_in_led_class(session, principal, person) for person in people):
            raise Forbidden(FORM_TEACHER_ONLY)
        now = dt.datetime.now(dt.UTC)
        return pb.IssueActivationResponse(slips=[activation.issue(session, school_id, p, caller.subject, now) for p in people])


def activate_account(db: Database, outbox: Outbox, accounts: KeycloakAccounts, code: str,
                     password: str) -> pb.ActivateAccountResponse:
    """Consumes a code: sets the password of the person's login (creating it if needed)."""
    problem = activation.password_problem(password)
    if problem:
        raise Invalid("password", problem)
    if not activation.well_formed(code):
        raise FailedPrecondition(BAD_CODE, {"code": "код не подходит"})
    with db.system_session() as session:
        found = session.execute(select(activation_codes.c.id, activation_codes.c.school_id)
                                .where(activation_codes.c.code_hash == activation.code_hash(code))).first()
    if found is None:
        raise FailedPrecondition(BAD_CODE, {"code": "код не подходит"})
    now = dt.datetime.now(dt.UTC)
    with Compensation() as undo, db.tenant_session(found.school_id) as session:
        row = session.execute(select(activation_codes).where(activation_codes.c.id == found.id).with_for_update()).one()
        if row.used_at is not None:
            raise FailedPrecondition(USED_CODE, {"code": "уже использован"})
        if row.expires_at <= now:
            raise FailedPrecondition(EXPIRED_CODE, {"code": "срок действия истёк"})
        person = session.execute(select(persons).where(persons.c.id == row.person_id)).one()
        school = session.execute(select(schools)).one()
        subject, username = person.subject, person.username or row.username
        if subject:
            accounts.set_password(subject, password)
        else:
            roles = tuple(session.scalars(select(role_grants.c.role).where(role_grants.c.person_id == person.id)))
            subject = accounts.create_account(NewAccount(
                username=username, password=password, first_name=person.first_name, last_name=person.last_name,
                email="", roles=roles, organization_id=school.organization_id))
            undo.add(accounts.delete_account, subject)
            session.execute(update(directory).where(directory.c.person_id == person.id).values(subject=subject))
        session.execute(update(persons).where(persons.c.id == person.id)
                        .values(subject=subject, username=username, activated_at=now))
        session.execute(update(activation_codes).where(activation_codes.c.id == row.id).values(used_at=now))
        outbox.add(session, row.school_id, pb.AccountActivated(person_id=person.id, subject=subject, username=username))
        audit.record(session, row.school_id, "account.activate", person.id, username=username)
    return pb.ActivateAccountResponse(username=username, school_short_name=school.short_name)
