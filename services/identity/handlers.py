"""Identity service layer: one function per command; state and its events in one tenant transaction,
Keycloak side effects undone if that transaction fails.

Identity answers "who is the caller in this school" for everyone else, so it resolves its own
callers' principals locally from its tables (never over gRPC) and applies the common policy.
"""
import contextlib
import dataclasses
import datetime as dt
import logging
import uuid
from collections import defaultdict
from collections.abc import Iterator

import sqlalchemy as sa
from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.orm import Session

from proto.identity.v1 import identity_pb2 as pb
from services.common.context import Caller
from services.common.db import Database, parse_uuid
from services.common.errors import Conflict, DomainError, FailedPrecondition, Forbidden, Invalid, NotFound
from services.common.outbox import Outbox
from services.common.policy import MANAGERS, Principal, require
from services.identity import activation, audit, domain, matching
from services.identity.domain import Contacts, NewPerson, PersonName, SchoolCard, StaffCard
from services.identity.keycloak_accounts import Compensation, KeycloakAccounts, NewAccount
from services.identity.school_card import SUSPENDED, row_values, school_message
from services.identity.tables import (
    activation_codes,
    breach_reports,
    directory,
    form_classes,
    guardianships,
    persons,
    role_grants,
    schools,
)

log = logging.getLogger(__name__)

OPERATOR = "authority_operator"
KIND_LABELS = {"staff": "Сотрудник", "student": "Обучающийся", "guardian": "Родитель"}
UNTRUSTED = ("Учётная запись на Госуслугах не подтверждена. "
             "Подтвердите её в центре обслуживания или онлайн и войдите снова.")
NO_SNILS = ("В учётной записи Госуслуг нет СНИЛС, поэтому связать её с родителем автоматически нельзя. "
            "Школа должна подтвердить совпадение данных: обратитесь к классному руководителю или секретарю.")
NO_GUARDIAN = "Родитель с таким СНИЛС не найден ни в одной школе. Обратитесь в школу."
LINKED_ELSEWHERE = ("Запись родителя с этим СНИЛС уже связана с другой учётной записью Госуслуг. "
                    "Обратитесь в школу, чтобы проверить данные.")


def reject(problems: domain.Problems) -> None:
    if problems:
        raise Invalid(message="Проверьте заполнение полей", fields=problems)


# --- who is calling -------------------------------------------------------------------------------

def _ids(column, key) -> sa.ScalarSelect:
    """The column's values of the rows whose `key` is the person's id, as an array (NULL when none)."""
    return select(func.array_agg(column)).where(key == persons.c.id).scalar_subquery()


# the caller's people in the bound school with their role grants, children and led classes, and the school's
# status: one statement, as every call of this service and the principal of every other service's call ask it
PRINCIPAL_ROWS = select(
    persons.c.id, persons.c.kind, _ids(role_grants.c.role, role_grants.c.person_id).label("roles"),
    _ids(guardianships.c.student_id, guardianships.c.guardian_id).label("children"),
    _ids(form_classes.c.class_group_id, form_classes.c.person_id).label("led"),
    select(schools.c.status).where(schools.c.school_id == sa.bindparam("school_id")).scalar_subquery()
    .label("school_status"),
).where(persons.c.subject == sa.bindparam("subject"))


def _principal_and_status(session: Session, subject: str, school_id: str) -> tuple[Principal, str]:
    """The caller's roles and children in the school bound to the session (empty if none), and the school's status
    ("" when the caller is no one there)."""
    people = session.execute(PRINCIPAL_ROWS, {"subject": subject, "school_id": school_id}).all()
    if not people:
        return Principal(subject=subject, school_id=school_id), ""
    ids = [p.id for p in people]
    roles = {role for p in people for role in p.roles or ()}
    children = {str(child) for p in people for child in p.children or ()}
    own = [p.id for p in people if p.kind != "guardian"]
    led = {str(group) for p in people for group in p.led or ()}
    principal = Principal(subject=subject, school_id=school_id, person_id=(own or ids)[0], roles=frozenset(roles),
                          student_ids=frozenset(children) | {p.id for p in people if p.kind == "student"},
                          form_class_group_ids=frozenset(led) if "form_teacher" in roles else frozenset())
    return principal, people[0].school_status


def principal_in(session: Session, subject: str, school_id: str) -> Principal:
    """The caller's roles and children in the school bound to the session (empty if none)."""
    return _principal_and_status(session, subject, school_id)[0]


def active_principal(session: Session, caller: Caller, school_id: str) -> Principal:
    """The caller's principal; the people of a suspended school are refused (outsiders still see nothing)."""
    if caller.is_service:
        return Principal(subject=caller.subject, school_id=school_id, is_service=True)
    principal, status = _principal_and_status(session, caller.subject, school_id)
    if principal.roles and status == "suspended":
        raise Forbidden(SUSPENDED)
    return principal


@contextlib.contextmanager
def authorized(db: Database, caller: Caller, school_id: str, action: str, **scope) -> Iterator[Session]:
    """A tenant transaction opened for a caller allowed to do `action` in the school."""
    with db.tenant_session(school_id) as session:
        require(active_principal(session, caller, school_id), action, **scope)
        yield session


def _principal_message(p: Principal) -> pb.Principal:
    return pb.Principal(subject=p.subject, school_id=p.school_id, person_id=p.person_id, roles=sorted(p.roles),
                        student_ids=sorted(p.student_ids), form_class_group_ids=sorted(p.form_class_group_ids))


# --- reading ----------------------------------------------------------------------------------------

STAFF_FIELDS = tuple(vars(StaffCard()))
CONTACT_FIELDS = domain.CONTACT_FIELDS


def access_of(row, invited: bool) -> str:
    """none | invited | activated | account (a login made otherwise: initial password or Gosuslugi)."""
    if row.activated_at:
        return "activated"
    if invited:
        return "invited"
    return "account" if row.subject else "none"


def _person_message(row, roles, led=(), invited=False) -> pb.Person:
    return pb.Person(
        id=row.id, school_id=row.school_id, kind=pb.PersonKind.Value(row.kind.upper()),
        name=pb.PersonName(last_name=row.last_name, first_name=row.first_name, middle_name=row.middle_name),
        gender=row.gender or "", birth_date=row.birth_date.isoformat() if row.birth_date else "",
        snils=row.snils or "", roles=sorted(roles), class_group_id=row.class_group_id or "",
        username=row.username or "", form_class_group_ids=sorted(led), access=access_of(row, invited),
        staff=pb.StaffCard(**{field: getattr(row, field) for field in STAFF_FIELDS}),
        contacts=pb.Contacts(**{field: getattr(row, field) for field in CONTACT_FIELDS}))


def people_of(session: Session, query) -> list[pb.Person]:
    """The cards of the persons the query selects, with their roles, led classes and whether an activation code
    waits for them: one statement."""
    pending = select(activation_codes.c.id).where(
        activation_codes.c.person_id == persons.c.id, activation_codes.c.used_at.is_(None),
        activation_codes.c.expires_at > func.now()).exists()
    rows = session.execute(query.add_columns(_ids(role_grants.c.role, role_grants.c.person_id).label("granted"),
                                             _ids(form_classes.c.class_group_id, form_classes.c.person_id).label("leads"),
                                             pending.label("pending"))).all()
    return [_person_message(row, row.granted or (), [str(group) for group in row.leads or ()], row.pending)
            for row in rows]


def person_card(session: Session, person_id: str, field: str = "person_id") -> pb.Person:
    found = people_of(session, select(persons).where(persons.c.id == parse_uuid(person_id, field)))
    if not found:
        raise NotFound("Человек не найден в этой школе", {field: "не найден"})
    return found[0]


def get_person(db: Database, caller: Caller, school_id: str, person_id: str) -> pb.Person:
    with authorized(db, caller, school_id, "person.card", student_id=person_id) as session:
        return person_card(session, person_id)


def list_people(db: Database, caller: Caller, school_id: str, kind: str, class_group_id: str) -> list[pb.Person]:
    query = select(persons).order_by(persons.c.last_name, persons.c.first_name, persons.c.middle_name, persons.c.id)
    if kind:
        query = query.where(persons.c.kind == kind)
    if class_group_id:
        query = query.where(persons.c.class_group_id == parse_uuid(class_group_id, "class_group_id"))
    with authorized(db, caller, school_id, "person.read") as session:
        return people_of(session, query)


def list_schools(db: Database, caller: Caller) -> list[pb.School]:
    if OPERATOR not in caller.realm_roles and not caller.is_service:
        raise Forbidden()
    with db.system_session() as session:
        return [school_message(row) for row in session.execute(select(schools).order_by(schools.c.short_name))]


def get_principal(db: Database, caller: Caller, school_id: str) -> pb.Principal:
    with db.tenant_session(school_id) as session:
        return _principal_message(active_principal(session, caller, school_id))


def get_me(db: Database, caller: Caller) -> pb.Me:
    with db.system_session() as session:
        school_ids = session.scalars(select(directory.c.school_id).where(directory.c.subject == caller.subject)
                                     .distinct()).all()
    me = pb.Me(subject=caller.subject, username=caller.username, realm_roles=sorted(caller.realm_roles))
    for school_id in school_ids:
        with db.tenant_session(school_id) as session:
            school = session.execute(select(schools)).one()
            principal = principal_in(session, caller.subject, school_id)
            person = session.execute(select(persons).where(persons.c.id == principal.person_id)).one()
        full_name = PersonName(person.last_name, person.first_name, person.middle_name).full
        me.memberships.add(school=school_message(school), principal=_principal_message(principal), full_name=full_name)
    me.memberships.sort(key=lambda m: m.school.short_name)
    return me


# --- writing ----------------------------------------------------------------------------------------

def _add_person(session: Session, outbox: Outbox, school_id: str, person_id: str, person: NewPerson,
                subject: str | None = None, username: str | None = None) -> pb.Person:
    """Writes a person record with its role grants, directory row and events."""
    row = session.execute(insert(persons).values(
        id=person_id, school_id=school_id, kind=person.kind, last_name=person.name.last_name,
        first_name=person.name.first_name, middle_name=person.name.middle_name, gender=person.gender,
        birth_date=person.birth_date, snils=person.snils, class_group_id=person.class_group_id,
        subject=subject, username=username, **vars(person.staff or StaffCard()),
        **vars(person.contacts or Contacts()),
    ).returning(persons)).one()
    for role in person.roles:
        session.execute(insert(role_grants).values(school_id=school_id, person_id=person_id, role=role))
    guardian = person.kind == "guardian"
    key = matching.match_key(person.name.last_name, person.name.first_name, person.name.middle_name, person.gender,
                             person.birth_date) if guardian else None
    session.execute(insert(directory).values(school_id=school_id, person_id=person_id, subject=subject,
                                             snils=person.snils if guardian else None, match_key=key))
    message = _person_message(row, person.roles)
    outbox.add(session, school_id, pb.PersonRegistered(person=message))
    if person.class_group_id:
        outbox.add(session, school_id, pb.StudentEnrolled(student_id=person_id, class_group_id=person.class_group_id,
                                                          full_name=person.name.full))
    return message


def onboard_school(db: Database, outbox: Outbox, accounts: KeycloakAccounts, key: activation.CodeKey, caller: Caller,
                   card: SchoolCard, admin_name: PersonName, admin_email: str) -> pb.OnboardSchoolResponse:
    """A new school with its card: its Keycloak organization, its first administrator (a login without a
    password, the person record and a one-time activation code for the activation link)."""
    if OPERATOR not in caller.realm_roles:
        raise Forbidden("Подключать школы может только оператор муниципалитета")
    admin_email = admin_email.strip()
    admin_name = domain.clean_name(admin_name)
    reject(domain.school_problems(card, admin_name, admin_email, dt.date.today()))
    short_name = card.short_name
    school_id, admin_id = str(uuid.uuid4()), str(uuid.uuid4())
    admin = NewPerson(kind="staff", name=admin_name, gender=None, birth_date=None, snils=None,
                      roles=("school_admin",), class_group_id=None, create_account=True)
    username = f"admin.{school_id.replace('-', '')[:8]}"
    with Compensation() as undo:
        organization_id = accounts.create_organization(school_id, short_name)
        undo.add(accounts.delete_organization, organization_id)
        subject = accounts.create_account(NewAccount(
            username=username, password="", first_name=admin_name.first_name, last_name=admin_name.last_name,
            email=admin_email, roles=admin.roles, organization_id=organization_id))
        undo.add(accounts.delete_account, subject)
        with db.tenant_session(school_id) as session:
            school = session.execute(insert(schools).values(
                school_id=school_id, organization_id=organization_id, **row_values(card),
            ).returning(schools)).one()
            outbox.add(session, school_id, pb.SchoolOnboarded(school_id=school_id, name=card.name,
                                                              short_name=short_name))
            admin_message = _add_person(session, outbox, school_id, admin_id, admin, subject, username)
            audit.record(session, school_id, "school.onboard", school_id, short_name=short_name, admin_id=admin_id,
                         admin_username=username)
            admin_row = session.execute(select(persons).where(persons.c.id == admin_id)).one()
            slip = activation.issue(session, key, school_id, admin_row, caller.subject, dt.datetime.now(dt.UTC))
    admin_message.access = "invited"
    return pb.OnboardSchoolResponse(school=school_message(school), admin=admin_message, admin_username=username,
                                    admin_activation_code=slip.code, admin_activation_expires_at=slip.expires_at)


def create_person(db: Database, outbox: Outbox, class_groups, key: activation.CodeKey, caller: Caller, school_id: str,
                  kind: str, name: PersonName, gender: str, birth_date: str, snils: str, roles: list[str],
                  class_group_id: str,
                  create_account: bool, staff: StaffCard = StaffCard(),
                  contacts: Contacts = Contacts()) -> pb.CreatePersonResponse:
    """A person record; with `create_account`, a one-time activation code (the login is made when the person
    activates it, never handed over with a password). `class_groups.require(school_id, class_group_id)`
    refuses a class group the school does not have."""
    person, problems = domain.new_person(kind, name, gender, birth_date, snils, roles, class_group_id,
                                         create_account, dt.date.today())
    problems |= domain.staff_card_problems(staff, kind)
    if person.class_group_id and not problems:
        class_groups.require(parse_uuid(school_id, "school_id"), person.class_group_id)
    person_id = str(uuid.uuid4())
    with authorized(db, caller, school_id, "person.manage") as session:
        contacts, contact_problems = domain.contact_problems(contacts, kept_contacts(session))
        reject(problems | contact_problems)
        person = dataclasses.replace(person, staff=staff, contacts=contacts)
        require_admin_for_managers(session, caller, school_id, person.roles)
        if person.snils and session.scalar(select(persons.c.id).where(persons.c.kind == person.kind,
                                                                         persons.c.snils == person.snils)):
            raise Conflict(f"{KIND_LABELS[person.kind]} с таким СНИЛС уже есть в этой школе",
                           {"snils": "уже есть в этой школе"})
        message = _add_person(session, outbox, school_id, person_id, person)
        audit.record(session, school_id, "person.create", person_id, kind=person.kind, roles=list(person.roles))
        if not person.create_account:
            return pb.CreatePersonResponse(person=message)
        row = session.execute(select(persons).where(persons.c.id == person_id)).one()
        slip = activation.issue(session, key, school_id, row, caller.subject, dt.datetime.now(dt.UTC))
    message.access = "invited"
    return pb.CreatePersonResponse(person=message, activation=slip)


def kept_contacts(session: Session) -> list[str]:
    """The contact fields the school bound to the session keeps."""
    return list(session.scalar(select(schools.c.contact_fields)) or ())


def update_contacts(db: Database, outbox: Outbox, caller: Caller, school_id: str, person_id: str,
                    contacts: Contacts) -> pb.Person:
    """Replaces a person's phone, e-mail and address (only those the school keeps)."""
    with authorized(db, caller, school_id, "person.manage") as session:
        person = person_card(session, person_id)
        contacts, problems = domain.contact_problems(contacts, kept_contacts(session))
        reject(problems)
        if person.contacts == pb.Contacts(**vars(contacts)):
            return person
        session.execute(update(persons).where(persons.c.id == person.id).values(**vars(contacts)))
        outbox.add(session, school_id, pb.ContactsUpdated(person_id=person.id, contacts=pb.Contacts(**vars(contacts))))
        audit.record(session, school_id, "contacts.update", person.id,
                     changed=[f for f in CONTACT_FIELDS if getattr(person.contacts, f) != getattr(contacts, f)])
        return person_card(session, person.id)


def update_staff_card(db: Database, outbox: Outbox, caller: Caller, school_id: str, person_id: str,
                      staff: StaffCard) -> pb.Person:
    """Replaces a staff member's position, qualification category, functions and diploma specialty."""
    with authorized(db, caller, school_id, "person.manage") as session:
        person = person_card(session, person_id)
        if person.kind != pb.STAFF:
            raise Invalid("person_id", "карточка сотрудника заполняется только для сотрудников")
        reject(domain.staff_card_problems(staff, "staff"))
        if person.staff == pb.StaffCard(**vars(staff)):
            return person
        session.execute(update(persons).where(persons.c.id == person.id).values(**vars(staff)))
        outbox.add(session, school_id, pb.StaffCardUpdated(person_id=person.id, staff=pb.StaffCard(**vars(staff))))
        audit.record(session, school_id, "staff_card.update", person.id, **vars(staff))
        return person_card(session, person.id)


def set_staff_roles(db: Database, outbox: Outbox, caller: Caller, school_id: str, person_id: str,
                    roles: list[str]) -> pb.Person:
    """Replaces a staff member's roles in the school. Giving or taking a manager role is the school admin's;
    the school keeps at least one administrator; a form teacher who loses the role leaves their classes; nobody
    but a school admin changes their own roles (a secretary may not make themselves a form teacher)."""
    wanted = set(roles)
    with authorized(db, caller, school_id, "person.manage") as session:
        if problem := domain.staff_roles_problem(roles):
            raise Invalid("roles", problem)
        person = person_card(session, person_id)
        if person.kind != pb.STAFF:
            raise Invalid("person_id", "роли назначаются только сотрудникам")
        held = set(person.roles)
        added, removed = sorted(wanted - held), sorted(held - wanted)
        if not added and not removed:
            return person
        require_admin_for_managers(session, caller, school_id, [*added, *removed])
        own = principal_in(session, caller.subject, school_id)
        if person.id == own.person_id and "school_admin" not in own.roles:
            raise Forbidden("Свои роли меняет администратор школы", {"roles": "только администратор школы"})
        if "school_admin" in removed and session.scalar(select(func.count()).where(
                role_grants.c.role == "school_admin", role_grants.c.person_id != person.id)) == 0:
            raise FailedPrecondition("В школе должен остаться хотя бы один администратор",
                                     {"roles": "последний администратор"})
        session.execute(delete(role_grants).where(role_grants.c.person_id == person.id))
        session.execute(insert(role_grants), [dict(school_id=school_id, person_id=person.id, role=r) for r in sorted(wanted)])
        if "form_teacher" in removed:
            led = session.scalars(delete(form_classes).where(form_classes.c.person_id == person.id)
                                  .returning(form_classes.c.class_group_id)).all()
            outbox.add_all(session, school_id, [pb.FormTeacherAssigned(class_group_id=c, person_id="") for c in led])
        outbox.add(session, school_id, pb.StaffRolesChanged(person_id=person.id, roles=sorted(wanted), added=added,
                                                            removed=removed))
        audit.record(session, school_id, "roles.set", person.id, added=added, removed=removed)
        return person_card(session, person.id)


def require_admin_for_managers(session: Session, caller: Caller, school_id: str, roles) -> None:
    """Only a school administrator hands out the roles of administrators and heads."""
    if set(roles) & MANAGERS and "school_admin" not in principal_in(session, caller.subject, school_id).roles:
        raise Forbidden("Назначить руководителя или администратора может только администратор школы",
                        {"roles": "только администратор школы"})


def link_guardian(db: Database, outbox: Outbox, caller: Caller, school_id: str, guardian_id: str, student_id: str,
                  relation: str) -> None:
    relation = relation.strip() or "guardian"
    if relation not in domain.RELATIONS:
        raise Invalid("relation", "mother, father, guardian или other")
    with authorized(db, caller, school_id, "person.manage") as session:
        for person_id, field, kind in ((guardian_id, "guardian_id", "guardian"), (student_id, "student_id", "student")):
            if person_card(session, person_id, field).kind != pb.PersonKind.Value(kind.upper()):
                raise Invalid(field, f"это не {KIND_LABELS[kind].lower()}")
        key = (guardianships.c.guardian_id == guardian_id) & (guardianships.c.student_id == student_id)
        if session.scalar(select(guardianships.c.relation).where(key)) == relation:
            return
        session.execute(pg_insert(guardianships).values(
            school_id=school_id, guardian_id=guardian_id, student_id=student_id, relation=relation,
        ).on_conflict_do_update(index_elements=["school_id", "guardian_id", "student_id"], set_={"relation": relation}))
        outbox.add(session, school_id, pb.GuardianLinked(guardian_id=guardian_id, student_id=student_id,
                                                         relation=relation))
        audit.record(session, school_id, "guardian.link", guardian_id, student_id=student_id, relation=relation)


def assign_form_teacher(db: Database, outbox: Outbox, class_groups, caller: Caller, school_id: str,
                        class_group_id: str, person_id: str) -> None:
    """Makes a staff member holding the role form_teacher the form teacher of a class group of the school
    (replacing the previous one); an empty person_id leaves the class group without a form teacher."""
    class_group_id = parse_uuid(class_group_id, "class_group_id")
    person_id = parse_uuid(person_id, "person_id") if person_id else ""
    with authorized(db, caller, school_id, "person.manage") as session:
        class_groups.require(school_id, class_group_id)  # after the policy: outsiders learn nothing of classes
        key = form_classes.c.class_group_id == class_group_id
        if person_id:
            person = person_card(session, person_id)
            if "form_teacher" not in person.roles:
                raise Invalid("person_id", "у сотрудника нет роли классного руководителя")
        if session.scalar(select(form_classes.c.person_id).where(key)) == (person_id or None):
            return
        session.execute(form_classes.delete().where(key))
        if person_id:
            session.execute(insert(form_classes).values(school_id=school_id, class_group_id=class_group_id,
                                                        person_id=person_id))
        outbox.add(session, school_id, pb.FormTeacherAssigned(class_group_id=class_group_id, person_id=person_id))
        audit.record(session, school_id, "form_teacher.assign", class_group_id, person_id=person_id)


def link_federated_account(db: Database, outbox: Outbox, accounts: KeycloakAccounts, caller: Caller) -> list[pb.Person]:
    """Links a confirmed Gosuslugi login to the guardian records with its SNILS, in every school."""
    if str(caller.claims.get("trusted", "")).lower() != "true":
        raise FailedPrecondition(UNTRUSTED)
    snils = domain.snils_digits(str(caller.claims.get("snils") or ""))
    if not snils:
        raise FailedPrecondition(NO_SNILS)
    with db.system_session() as session:
        found = session.execute(select(directory.c.school_id, directory.c.person_id, directory.c.subject)
                                .where(directory.c.snils == snils)).all()
    if not found:
        raise FailedPrecondition(NO_GUARDIAN)
    if any(row.subject not in (None, caller.subject) for row in found):
        raise FailedPrecondition(LINKED_ELSEWHERE)  # never hand a family's records to another account
    by_school = defaultdict(list)
    for row in found:
        by_school[row.school_id].append(row.person_id)
    guardians = []
    for school_id, person_ids in by_school.items():
        with db.tenant_session(school_id) as session:
            for person_id in person_ids:
                link_account(session, outbox, school_id, person_id, caller.subject, caller.username)
            guardians += people_of(session, select(persons).where(persons.c.id.in_(person_ids)))
    try:
        accounts.ensure_realm_role(caller.subject, "guardian")
    except DomainError:
        log.warning("could not add realm role guardian to %s", caller.subject)
    return guardians


def link_account(session: Session, outbox: Outbox, school_id: str, person_id: str, subject: str,
                 username: str) -> None:
    """Gives a guardian record the Gosuslugi login `subject` (unless it has a login already) and the role."""
    linked = session.execute(update(persons).where(persons.c.id == person_id, persons.c.subject.is_(None))
                             .values(subject=subject, username=username)).rowcount
    session.execute(pg_insert(role_grants).values(school_id=school_id, person_id=person_id, role="guardian")
                    .on_conflict_do_nothing())
    if linked:
        session.execute(update(directory).where(directory.c.person_id == person_id).values(subject=subject))
        outbox.add(session, school_id, pb.FederatedAccountLinked(guardian_id=person_id, subject=subject))
        audit.record(session, school_id, "federated.link", person_id, subject=subject)


# --- audit and compromised logins ---------------------------------------------------------------------

def list_audit_log(db: Database, caller: Caller, school_id: str, limit: int, before: str) -> pb.ListAuditLogResponse:
    """The school's identity audit log, for its administrators only."""
    with authorized(db, caller, school_id, "person.manage") as session:
        if "school_admin" not in principal_in(session, caller.subject, school_id).roles:
            raise Forbidden("Журнал аудита доступен только администратору школы")
        return audit.page(session, limit, before)


def report_compromised(db: Database, outbox: Outbox, accounts: KeycloakAccounts, caller: Caller, school_id: str,
                       person_id: str) -> pb.ReportCompromisedResponse:
    """Locks a login reported as compromised and ends its sessions; reported by its owner or, for staff,
    by a school administrator. The account stays locked even if recording the report then fails."""
    with db.tenant_session(school_id) as session:
        principal = principal_in(session, caller.subject, school_id)
        if not principal.roles:
            raise NotFound("Школа не найдена")
        person = session.execute(select(persons).where(persons.c.id == parse_uuid(person_id, "person_id"))).first()
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
        session.execute(insert(breach_reports).values(
            id=str(uuid.uuid4()), school_id=school_id, person_id=person.id, subject=person.subject,
            reported_at=reported_at, reported_by=caller.subject))
        outbox.add(session, school_id, pb.AccountCompromised(
            person_id=person.id, subject=person.subject, reported_at=reported_at.isoformat(),
            reported_by=caller.subject))
        audit.record(session, school_id, "account.compromised", person.id, subject=person.subject,
                     reported_at=reported_at.isoformat())
    return pb.ReportCompromisedResponse(reported_at=reported_at.isoformat())
