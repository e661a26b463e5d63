"""The store of a school's person records: persons with their role grants, guardianships, led classes, directory
rows and breach reports. It owns their SQL; the unit of work opens it on its transaction."""
import datetime as dt
import uuid

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.orm import Session

from proto.identity.v1 import identity_pb2 as pb
from services.common.db import parse_uuid
from services.common.errors import NotFound
from services.common.policy import Principal
from services.identity.adapters.class_membership_store import (
    ClassMembershipStore,
    in_class,
    memberships_from_json,
    memberships_of_person,
)
from services.identity.adapters.principals import ids_of
from services.identity.adapters.protobuf import person_message
from services.identity.adapters.tables import (
    activation_codes,
    breach_reports,
    consents,
    directory,
    form_classes,
    guardianships,
    persons,
    role_grants,
)
from services.identity.domain import matching
from services.identity.domain.class_membership import Membership
from services.identity.domain.contacts import Contacts
from services.identity.domain.person import NewPerson
from services.identity.domain.staff_card import StaffCard

BY_NAME = (persons.c.last_name, persons.c.first_name, persons.c.middle_name, persons.c.id)


def latest_consent():
    """The person's latest decision on the consent as JSON {version, decision, decided_at} (NULL: none yet)."""
    return (select(func.json_build_object("version", consents.c.version, "decision", consents.c.decision,
                                          "decided_at", consents.c.decided_at))
            .where(consents.c.person_id == persons.c.id).order_by(consents.c.id.desc()).limit(1).scalar_subquery())


class PersonStore:
    def __init__(self, session: Session, school_id: str, today: dt.date):
        """today: the school's date, which decides a student's class in force (Person.class_group_id)."""
        self.session, self.school_id, self.today = session, school_id, today

    # --- cards ---------------------------------------------------------------------------------------

    def cards(self, query) -> list[pb.Person]:
        """The cards of the persons the query selects, with their roles, led classes, class memberships and whether an
        activation code waits for them: one statement."""
        pending = select(activation_codes.c.id).where(
            activation_codes.c.person_id == persons.c.id, activation_codes.c.used_at.is_(None),
            activation_codes.c.expires_at > func.now()).exists()
        rows = self.session.execute(query.add_columns(
            ids_of(role_grants.c.role, role_grants.c.person_id).label("granted"),
            ids_of(form_classes.c.class_group_id, form_classes.c.person_id).label("leads"),
            memberships_of_person().label("memberships"), pending.label("pending"),
            latest_consent().label("latest_consent"))).all()
        return [person_message(row, row.granted or (), [str(group) for group in row.leads or ()], row.pending,
                               memberships_from_json(row.memberships), self.today, row.latest_consent)
                for row in rows]

    def card(self, person_id: str, field: str = "person_id") -> pb.Person:
        found = self.cards(select(persons).where(persons.c.id == parse_uuid(person_id, field)))
        if not found:
            raise NotFound("Человек не найден в этой школе", {field: "не найден"})
        return found[0]

    def cards_of(self, person_ids: list[str]) -> list[pb.Person]:
        return self.cards(select(persons).where(persons.c.id.in_(person_ids)))

    def listed(self, kind: str, class_group_id: str, on_date: dt.date | None = None) -> list[pb.Person]:
        """The school's people by name, of one kind when given; with a class group, the students who ever belonged
        to it (on_date: those in it that day)."""
        query = select(persons).order_by(*BY_NAME)
        if kind:
            query = query.where(persons.c.kind == kind)
        if class_group_id:
            query = query.where(in_class([parse_uuid(class_group_id, "class_group_id")], on_date))
        return self.cards(query)

    # --- rows ----------------------------------------------------------------------------------------

    def row(self, person_id: str):
        """The person's row, or None."""
        return self.session.execute(select(persons).where(persons.c.id == person_id)).first()

    def rows(self, person_ids: list[str]) -> list:
        """The people's rows by name (full name, then id: the same order every time, namesakes too)."""
        return self.session.execute(select(persons).where(persons.c.id.in_(person_ids)).order_by(*BY_NAME)).all()

    def has_snils(self, kind: str, snils: str) -> bool:
        return self.session.scalar(select(persons.c.id).where(persons.c.kind == kind, persons.c.snils == snils)) \
            is not None

    def identities(self) -> list:
        """Every person's id, kind, SNILS, name and birth date (how an import recognises people)."""
        return self.session.execute(select(persons.c.id, persons.c.kind, persons.c.snils, persons.c.last_name,
                                           persons.c.first_name, persons.c.middle_name, persons.c.birth_date)).all()

    def class_people(self, class_group_id: str) -> list:
        """A class's students (in it today or to join it later) and their guardians who have no login yet, students
        first, by name."""
        students = select(persons.c.id).where(persons.c.kind == "student",
                                              in_class([class_group_id], not_over=self.today))
        guardians = select(guardianships.c.guardian_id).where(guardianships.c.student_id.in_(students))
        query = (select(persons)
                 .where(persons.c.subject.is_(None), persons.c.id.in_(students) | persons.c.id.in_(guardians))
                 .order_by(persons.c.kind.desc(), persons.c.last_name, persons.c.first_name, persons.c.id))
        return self.session.execute(query).all()

    def of_login(self, subject: str) -> list:
        """The school's records of the login (a parent who is also a teacher has two)."""
        return self.session.execute(select(persons).where(persons.c.subject == subject).order_by(persons.c.id)).all()

    def class_families(self, class_group_id: str, on_date: dt.date) -> tuple[list[pb.Person], dict[str, list]]:
        """The class's students that day (by name) and each one's guardians as (card, relation), by name."""
        students = self.cards(select(persons).where(persons.c.kind == "student", in_class([class_group_id], on_date))
                              .order_by(*BY_NAME))
        links = self.session.execute(select(guardianships.c.student_id, guardianships.c.guardian_id,
                                            guardianships.c.relation)
                                     .where(guardianships.c.student_id.in_([s.id for s in students]))).all()
        guardians = {card.id: card for card in self.cards(
            select(persons).where(persons.c.id.in_({link.guardian_id for link in links})).order_by(*BY_NAME))}
        position = {guardian_id: i for i, guardian_id in enumerate(guardians)}
        families: dict[str, list] = {s.id: [] for s in students}
        for link in sorted(links, key=lambda link: position[link.guardian_id]):
            families[link.student_id].append((guardians[link.guardian_id], link.relation))
        return students, families

    def in_led_class(self, principal: Principal, person) -> bool:
        """A student of a class the caller leads as form teacher (in it today or to join it later), or a guardian of
        such a student."""
        if "form_teacher" not in principal.roles or not principal.form_class_group_ids:
            return False
        led = in_class(principal.form_class_group_ids, not_over=self.today)
        if person.kind == "student":
            return self.session.scalar(select(persons.c.id).where(persons.c.id == person.id, led)) is not None
        children = select(guardianships.c.student_id).where(guardianships.c.guardian_id == person.id)
        return person.kind == "guardian" and self.session.scalar(
            select(persons.c.id).where(persons.c.id.in_(children), led).limit(1)) is not None

    def login_roles(self, people) -> set[str]:
        """The roles in this school of the people and of every other record here that shares a login with one of
        them (a director who is also a parent has one login): a code for that login is a code for all of them."""
        subjects = [p.subject for p in people if p.subject]
        same_login = select(persons.c.id).where(persons.c.subject.in_(subjects))
        return set(self.session.scalars(select(role_grants.c.role).where(
            role_grants.c.person_id.in_([p.id for p in people]) | role_grants.c.person_id.in_(same_login))))

    def roles_of(self, person_id: str) -> tuple[str, ...]:
        return tuple(self.session.scalars(select(role_grants.c.role).where(role_grants.c.person_id == person_id)))

    def login_activated(self, subject: str) -> bool:
        """Whether a record of this school with the login has been activated."""
        return self.session.scalar(select(persons.c.id).where(
            persons.c.subject == subject, persons.c.activated_at.is_not(None)).limit(1)) is not None

    def subject_of(self, person_id: str) -> str | None:
        return self.session.scalar(select(persons.c.subject).where(persons.c.id == person_id))

    def other_admins(self, person_id: str) -> int:
        """How many school administrators the school has besides the person."""
        return self.session.scalar(select(func.count()).where(role_grants.c.role == "school_admin",
                                                               role_grants.c.person_id != person_id))

    # --- writes --------------------------------------------------------------------------------------

    def add(self, person_id: str, person: NewPerson, subject: str | None = None,
            username: str | None = None) -> pb.Person:
        """Writes a person record with its role grants, directory row and, for a student placed in a class, a
        membership of it since the class began (no order); returns its card."""
        row = self.session.execute(insert(persons).values(
            id=person_id, school_id=self.school_id, kind=person.kind, last_name=person.name.last_name,
            first_name=person.name.first_name, middle_name=person.name.middle_name, gender=person.gender,
            birth_date=person.birth_date, snils=person.snils, subject=subject, username=username,
            **vars(person.staff or StaffCard()), **vars(person.contacts or Contacts()),
        ).returning(persons)).one()
        for role in person.roles:
            self.session.execute(insert(role_grants).values(school_id=self.school_id, person_id=person_id, role=role))
        guardian = person.kind == "guardian"
        key = matching.match_key(person.name.last_name, person.name.first_name, person.name.middle_name,
                                 person.gender, person.birth_date) if guardian else None
        self.session.execute(insert(directory).values(school_id=self.school_id, person_id=person_id, subject=subject,
                                                      snils=person.snils if guardian else None, match_key=key))
        memberships = [Membership(person.class_group_id)] if person.class_group_id else []
        ClassMembershipStore(self.session, self.school_id).add(person_id, memberships)
        return person_message(row, person.roles, memberships=memberships, today=self.today)

    def correct(self, person_id: str, values: dict) -> None:
        """Replaces a person's name, gender or birth date (and a guardian's matching key with them)."""
        row = self.session.execute(update(persons).where(persons.c.id == person_id).values(**values)
                                   .returning(persons)).one()
        if row.kind == "guardian":
            key = matching.match_key(row.last_name, row.first_name, row.middle_name, row.gender, row.birth_date)
            self.session.execute(update(directory).where(directory.c.person_id == person_id).values(match_key=key))

    def update(self, person_id: str, **values) -> None:
        self.session.execute(update(persons).where(persons.c.id == person_id).values(**values))

    def erase(self, fields: list[str]) -> None:
        """Empties the fields on every record of the school."""
        self.session.execute(update(persons).values(**{field: "" for field in fields}))

    def set_roles(self, person_id: str, roles: list[str]) -> None:
        self.session.execute(delete(role_grants).where(role_grants.c.person_id == person_id))
        self.session.execute(insert(role_grants), [dict(school_id=self.school_id, person_id=person_id, role=r)
                                                   for r in roles])

    def leave_classes(self, person_id: str) -> list[str]:
        """The person leads no class any more; returns the class groups they led."""
        return self.session.scalars(delete(form_classes).where(form_classes.c.person_id == person_id)
                                    .returning(form_classes.c.class_group_id)).all()

    def form_teacher(self, class_group_id: str) -> str | None:
        return self.session.scalar(select(form_classes.c.person_id).where(
            form_classes.c.class_group_id == class_group_id))

    def set_form_teacher(self, class_group_id: str, person_id: str) -> None:
        """The class group's form teacher, replacing the previous one ('' for none)."""
        self.session.execute(form_classes.delete().where(form_classes.c.class_group_id == class_group_id))
        if person_id:
            self.session.execute(insert(form_classes).values(school_id=self.school_id, class_group_id=class_group_id,
                                                             person_id=person_id))

    def relation(self, guardian_id: str, student_id: str) -> str | None:
        return self.session.scalar(select(guardianships.c.relation).where(
            guardianships.c.guardian_id == guardian_id, guardianships.c.student_id == student_id))

    def link_guardian(self, guardian_id: str, student_id: str, relation: str) -> None:
        """Writes the link, or its new relation."""
        self.session.execute(pg_insert(guardianships).values(
            school_id=self.school_id, guardian_id=guardian_id, student_id=student_id, relation=relation,
        ).on_conflict_do_update(index_elements=["school_id", "guardian_id", "student_id"], set_={"relation": relation}))

    def add_guardianship(self, guardian_id: str, student_id: str, relation: str) -> bool:
        """Writes the link unless the school has it; whether it was new."""
        return self.session.execute(pg_insert(guardianships).values(
            school_id=self.school_id, guardian_id=guardian_id, student_id=student_id, relation=relation,
        ).on_conflict_do_nothing().returning(guardianships.c.guardian_id)).first() is not None

    def guardianships(self) -> set[tuple[str, str]]:
        """(guardian id, student id) of every link of the school."""
        return {(row.guardian_id, row.student_id) for row in self.session.execute(select(guardianships))}

    def link_login(self, person_id: str, subject: str, username: str) -> bool:
        """Gives a guardian record the login (unless it has one) and the role guardian; whether it was linked."""
        linked = self.session.execute(update(persons).where(persons.c.id == person_id, persons.c.subject.is_(None))
                                      .values(subject=subject, username=username)).rowcount
        self.session.execute(pg_insert(role_grants).values(school_id=self.school_id, person_id=person_id,
                                                           role="guardian").on_conflict_do_nothing())
        if linked:
            self.session.execute(update(directory).where(directory.c.person_id == person_id).values(subject=subject))
        return bool(linked)

    def activated(self, person_id: str, subject: str, username: str) -> None:
        """The record now has the login `subject`, activated."""
        self.session.execute(update(persons).where(persons.c.id == person_id)
                             .values(subject=subject, username=username, activated_at=func.now()))
        self.session.execute(update(directory).where(directory.c.person_id == person_id).values(subject=subject))

    def record_breach(self, person_id: str, subject: str, reported_at: dt.datetime, reported_by: str) -> None:
        self.session.execute(insert(breach_reports).values(
            id=str(uuid.uuid4()), school_id=self.school_id, person_id=person_id, subject=subject,
            reported_at=reported_at, reported_by=reported_by))
