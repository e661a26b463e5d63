"""Who the caller is in a school, read from identity's own tables (never over gRPC): identity answers that question
for every other service (GetPrincipal), and `TablePrincipals` is the PrincipalSource of its own calls' scopes."""
import sqlalchemy as sa
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from services.common import context
from services.common.db import Database
from services.common.errors import Forbidden
from services.common.policy import Principal
from services.identity.adapters.tables import form_classes, guardianships, persons, role_grants, schools
from services.identity.domain.school_card import SUSPENDED


def ids_of(column, key) -> sa.ScalarSelect:
    """The column's values of the rows whose `key` is the person's id, as an array (NULL when none)."""
    return select(func.array_agg(column)).where(key == persons.c.id).scalar_subquery()


# the caller's people in the bound school with their role grants, children and led classes, and the school's
# status: one statement, as every call of this service and the principal of every other service's call ask it
PRINCIPAL_ROWS = select(
    persons.c.id, persons.c.kind, ids_of(role_grants.c.role, role_grants.c.person_id).label("roles"),
    ids_of(guardianships.c.student_id, guardianships.c.guardian_id).label("children"),
    ids_of(form_classes.c.class_group_id, form_classes.c.person_id).label("led"),
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
    """The login's roles and children in the school bound to the session (empty if none)."""
    return _principal_and_status(session, subject, school_id)[0]


def active_principal(session: Session, subject: str, school_id: str) -> Principal:
    """The login's principal; the people of a suspended school are refused (outsiders still see nothing)."""
    principal, status = _principal_and_status(session, subject, school_id)
    if principal.roles and status == "suspended":
        raise Forbidden(SUSPENDED)
    return principal


class TablePrincipals:
    """The PrincipalSource of identity's own calls (runtime.serve(..., principals=...)): the calling person's
    principal in one statement of its own transaction; service callers are answered without reading."""

    def __init__(self, db: Database):
        self.db = db

    def resolve(self, school_id: str) -> Principal:
        caller = context.current_caller()
        if caller.is_service:
            return Principal(subject=caller.subject, school_id=school_id, is_service=True)
        with self.db.tenant_session(school_id) as session:
            return active_principal(session, caller.subject, school_id)
