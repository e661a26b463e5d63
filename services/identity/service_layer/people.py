"""Commands on a school's person records: creating one (with an activation code when asked), reading cards, the
contacts, the staff card and roles, guardian links and form teachers. State and its events commit together."""
import dataclasses
import datetime as dt
import uuid

from proto.identity.v1 import identity_pb2 as pb
from services.common.dates import parse_date
from services.common.db import parse_uuid
from services.common.errors import Conflict, FailedPrecondition, Forbidden, Invalid
from services.common.scope import Scope
from services.identity.domain import Problems
from services.identity.domain.activation_code import CodeKey
from services.identity.domain.contacts import CONTACT_FIELDS, Contacts, contact_problems
from services.identity.domain.manager_roles import require_admin_for_managers
from services.identity.domain.person import KIND_LABELS, RELATIONS, NewPerson, PersonName, new_person, staff_roles_problem
from services.identity.domain.staff_card import StaffCard, staff_card_problems
from services.identity.service_layer import activation
from services.identity.service_layer.ports import ClassGroups
from services.identity.service_layer.unit_of_work import IdentityUnitOfWork


def reject(problems: Problems) -> None:
    if problems:
        raise Invalid(message="Проверьте заполнение полей", fields=problems)


def add_person(uow: IdentityUnitOfWork, person_id: str, person: NewPerson, subject: str | None = None,
               username: str | None = None) -> pb.Person:
    """Writes a person record with its role grants, directory row and events."""
    message = uow.people.add(person_id, person, subject, username)
    uow.publish(pb.PersonRegistered(person=message))
    if person.class_group_id:
        uow.publish(pb.StudentEnrolled(student_id=person_id, class_group_id=person.class_group_id,
                                       full_name=person.name.full, memberships=message.memberships))
    return message


def get_person(scope: Scope, uow: IdentityUnitOfWork, person_id: str) -> pb.Person:
    scope.require("person.card", student_id=person_id)
    with uow:
        return uow.people.card(person_id)


def list_people(scope: Scope, uow: IdentityUnitOfWork, kind: str, class_group_id: str,
                on_date: str = "") -> list[pb.Person]:
    """The school's people; with a class group, every student who ever belonged to it (on_date: those in it that
    day), each with their memberships: one statement."""
    day = parse_date(on_date, "on_date") if on_date else None
    if day and not class_group_id:
        raise Invalid("on_date", "дата указывается вместе с классом")
    scope.require("person.read")
    with uow:
        return uow.people.listed(kind, class_group_id, day)


def create_person(scope: Scope, uow: IdentityUnitOfWork, class_groups: ClassGroups, key: CodeKey, kind: str,
                  name: PersonName, gender: str, birth_date: str, snils: str, roles: list[str], class_group_id: str,
                  create_account: bool, staff: StaffCard = StaffCard(),
                  contacts: Contacts = Contacts()) -> pb.CreatePersonResponse:
    """A person record; with `create_account`, a one-time activation code (the login is made when the person
    activates it, never handed over with a password). `class_groups.require(school_id, class_group_id)`
    refuses a class group the school does not have."""
    person, problems = new_person(kind, name, gender, birth_date, snils, roles, class_group_id, create_account,
                                  dt.date.today())
    problems |= staff_card_problems(staff, kind)
    if person.class_group_id and not problems:
        class_groups.require(scope.school_id, person.class_group_id)
    person_id = str(uuid.uuid4())
    scope.require("person.manage")
    with uow:
        contacts, contacts_problems = contact_problems(contacts, uow.schools.contact_fields())
        reject(problems | contacts_problems)
        person = dataclasses.replace(person, staff=staff, contacts=contacts)
        require_admin_for_managers(scope.principal, person.roles)
        if person.snils and uow.people.has_snils(person.kind, person.snils):
            raise Conflict(f"{KIND_LABELS[person.kind]} с таким СНИЛС уже есть в этой школе",
                           {"snils": "уже есть в этой школе"})
        message = add_person(uow, person_id, person)
        uow.audit.record("person.create", person_id, kind=person.kind, roles=list(person.roles))
        if not person.create_account:
            return pb.CreatePersonResponse(person=message)
        slip = activation.issue(uow, key, uow.people.row(person_id), scope.principal.subject,
                                dt.datetime.now(dt.UTC))
    message.access = "invited"
    return pb.CreatePersonResponse(person=message, activation=slip)


def update_contacts(scope: Scope, uow: IdentityUnitOfWork, person_id: str, contacts: Contacts) -> pb.Person:
    """Replaces a person's phone, e-mail and address (only those the school keeps)."""
    scope.require("person.manage")
    with uow:
        person = uow.people.card(person_id)
        contacts, problems = contact_problems(contacts, uow.schools.contact_fields())
        reject(problems)
        if person.contacts == pb.Contacts(**vars(contacts)):
            return person
        uow.people.update(person.id, **vars(contacts))
        uow.publish(pb.ContactsUpdated(person_id=person.id, contacts=pb.Contacts(**vars(contacts))))
        uow.audit.record("contacts.update", person.id,
                         changed=[f for f in CONTACT_FIELDS if getattr(person.contacts, f) != getattr(contacts, f)])
        return uow.people.card(person.id)


def update_staff_card(scope: Scope, uow: IdentityUnitOfWork, person_id: str, staff: StaffCard) -> pb.Person:
    """Replaces a staff member's position, qualification category, functions and diploma specialty."""
    scope.require("person.manage")
    with uow:
        person = uow.people.card(person_id)
        if person.kind != pb.STAFF:
            raise Invalid("person_id", "карточка сотрудника заполняется только для сотрудников")
        reject(staff_card_problems(staff, "staff"))
        if person.staff == pb.StaffCard(**vars(staff)):
            return person
        uow.people.update(person.id, **vars(staff))
        uow.publish(pb.StaffCardUpdated(person_id=person.id, staff=pb.StaffCard(**vars(staff))))
        uow.audit.record("staff_card.update", person.id, **vars(staff))
        return uow.people.card(person.id)


def set_staff_roles(scope: Scope, uow: IdentityUnitOfWork, person_id: str, roles: list[str]) -> pb.Person:
    """Replaces a staff member's roles in the school. Giving or taking a manager role is the school admin's;
    the school keeps at least one administrator; a form teacher who loses the role leaves their classes; nobody
    but a school admin changes their own roles (a secretary may not make themselves a form teacher)."""
    wanted = set(roles)
    scope.require("person.manage")
    with uow:
        if problem := staff_roles_problem(roles):
            raise Invalid("roles", problem)
        person = uow.people.card(person_id)
        if person.kind != pb.STAFF:
            raise Invalid("person_id", "роли назначаются только сотрудникам")
        held = set(person.roles)
        added, removed = sorted(wanted - held), sorted(held - wanted)
        if not added and not removed:
            return person
        require_admin_for_managers(scope.principal, [*added, *removed])
        own = scope.principal
        if person.id == own.person_id and "school_admin" not in own.roles:
            raise Forbidden("Свои роли меняет администратор школы", {"roles": "только администратор школы"})
        if "school_admin" in removed and uow.people.other_admins(person.id) == 0:
            raise FailedPrecondition("В школе должен остаться хотя бы один администратор",
                                     {"roles": "последний администратор"})
        uow.people.set_roles(person.id, sorted(wanted))
        if "form_teacher" in removed:
            for class_group_id in uow.people.leave_classes(person.id):
                uow.publish(pb.FormTeacherAssigned(class_group_id=class_group_id, person_id=""))
        uow.publish(pb.StaffRolesChanged(person_id=person.id, roles=sorted(wanted), added=added, removed=removed))
        uow.audit.record("roles.set", person.id, added=added, removed=removed)
        return uow.people.card(person.id)


def link_guardian(scope: Scope, uow: IdentityUnitOfWork, guardian_id: str, student_id: str, relation: str) -> None:
    relation = relation.strip() or "guardian"
    if relation not in RELATIONS:
        raise Invalid("relation", "mother, father, guardian или other")
    scope.require("person.manage")
    with uow:
        for person_id, field, kind in ((guardian_id, "guardian_id", "guardian"), (student_id, "student_id", "student")):
            if uow.people.card(person_id, field).kind != pb.PersonKind.Value(kind.upper()):
                raise Invalid(field, f"это не {KIND_LABELS[kind].lower()}")
        if uow.people.relation(guardian_id, student_id) == relation:
            return
        uow.people.link_guardian(guardian_id, student_id, relation)
        uow.publish(pb.GuardianLinked(guardian_id=guardian_id, student_id=student_id, relation=relation))
        uow.audit.record("guardian.link", guardian_id, student_id=student_id, relation=relation)


def assign_form_teacher(scope: Scope, uow: IdentityUnitOfWork, class_groups: ClassGroups, class_group_id: str,
                        person_id: str) -> None:
    """Makes a staff member holding the role form_teacher the form teacher of a class group of the school
    (replacing the previous one); an empty person_id leaves the class group without a form teacher."""
    class_group_id = parse_uuid(class_group_id, "class_group_id")
    person_id = parse_uuid(person_id, "person_id") if person_id else ""
    scope.require("person.manage")
    with uow:
        class_groups.require(scope.school_id, class_group_id)  # after the policy: outsiders learn nothing of classes
        if person_id and "form_teacher" not in uow.people.card(person_id).roles:
            raise Invalid("person_id", "у сотрудника нет роли классного руководителя")
        if uow.people.form_teacher(class_group_id) == (person_id or None):
            return
        uow.people.set_form_teacher(class_group_id, person_id)
        uow.publish(pb.FormTeacherAssigned(class_group_id=class_group_id, person_id=person_id))
        uow.audit.record("form_teacher.assign", class_group_id, person_id=person_id)
