"""Commands on the school itself: its card (read by its people, the authority operator and services;
edited by its administrator or the operator) and its status (suspended and reactivated by the operator)."""
import datetime as dt

from sqlalchemy import select, update

from proto.identity.v1 import identity_pb2 as pb
from services.common.context import Caller
from services.common.db import Database, parse_uuid
from services.common.errors import Forbidden, Invalid, NotFound
from services.common.outbox import Outbox
from services.identity import audit, domain
from services.identity.domain import SchoolCard
from services.identity.handlers import OPERATOR, active_principal, reject
from services.identity.school_card import DETAILS, STATUSES, row_values, school_message
from services.identity.tables import persons, schools

ADMIN_ONLY = "Карточку школы изменяет администратор школы или оператор муниципалитета"


def _school_row(session):
    row = session.execute(select(schools)).first()
    if row is None:
        raise NotFound("Школа не найдена")
    return row


def _check_member(session, caller: Caller, school_id: str, admin: bool = False, operator: bool = True) -> None:
    """The operator (unless not `operator`) and services pass; anyone else must hold a role in the (active)
    school, the school administrator's role when `admin`."""
    if (operator and OPERATOR in caller.realm_roles) or (caller.is_service and not admin):
        return
    principal = active_principal(session, caller, school_id)
    if not principal.roles and not principal.is_service:
        raise NotFound("Школа не найдена")
    if admin and "school_admin" not in principal.roles:
        raise Forbidden(ADMIN_ONLY)


def get_school(db: Database, caller: Caller, school_id: str) -> pb.School:
    with db.tenant_session(parse_uuid(school_id, "school_id")) as session:
        _check_member(session, caller, school_id)
        return school_message(_school_row(session))


def update_school(db: Database, outbox: Outbox, caller: Caller, school_id: str, card: SchoolCard) -> pb.School:
    """Replaces the card's names and registration data."""
    reject(domain.card_problems(card, dt.date.today()))
    with db.tenant_session(parse_uuid(school_id, "school_id")) as session:
        _check_member(session, caller, school_id, admin=True)
        before = school_message(_school_row(session))
        row = session.execute(update(schools).values(**row_values(card)).returning(schools)).one()
        school = school_message(row)
        changed = [field for field in ("name", "short_name") if getattr(before, field) != getattr(school, field)]
        changed += [field for field in DETAILS if getattr(before.details, field) != getattr(school.details, field)]
        if changed:
            outbox.add(session, school.id, pb.SchoolUpdated(school=school))
            audit.record(session, school.id, "school.update", school.id, changed=changed)
        return school


def set_school_status(db: Database, outbox: Outbox, caller: Caller, school_id: str, status: str) -> pb.School:
    """Suspends (its people are refused) or reactivates a school; only the authority operator."""
    if OPERATOR not in caller.realm_roles:
        raise Forbidden("Приостановить или возобновить работу школы может только оператор муниципалитета")
    if status not in STATUSES:
        raise Invalid("status", "active или suspended")
    with db.tenant_session(parse_uuid(school_id, "school_id")) as session:
        if _school_row(session).status == status:
            return school_message(_school_row(session))
        row = session.execute(update(schools).values(status=status).returning(schools)).one()
        outbox.add(session, row.school_id, pb.SchoolStatusChanged(school_id=row.school_id, status=status))
        audit.record(session, row.school_id, "school.suspend" if status == "suspended" else "school.reactivate",
                     row.school_id)
        return school_message(row)


def set_contact_fields(db: Database, outbox: Outbox, caller: Caller, school_id: str, fields: list[str]) -> pb.School:
    """Which contacts the school keeps on its person records (its administrator decides); the values of a
    field it stops keeping are erased from every record."""
    with db.tenant_session(parse_uuid(school_id, "school_id")) as session:
        # the school's own decision: it erases personal data, so not the authority's
        _check_member(session, caller, school_id, admin=True, operator=False)
        reject(domain.contact_fields_problems(fields))
        kept = [field for field in domain.CONTACT_FIELDS if field in fields]
        before = list(_school_row(session).contact_fields or ())
        if before == kept:
            return school_message(_school_row(session))
        dropped = [field for field in before if field not in kept]
        if dropped:
            session.execute(update(persons).values(**{field: "" for field in dropped}))
        row = session.execute(update(schools).values(contact_fields=kept).returning(schools)).one()
        school = school_message(row)
        outbox.add(session, school.id, pb.SchoolUpdated(school=school))
        audit.record(session, school.id, "school.contact_fields", school.id, kept=kept, erased=dropped)
        return school
