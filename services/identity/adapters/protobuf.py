"""Protobuf messages of identity built from its rows: people, schools, principals, pending matches, import jobs."""
import datetime as dt

from proto.identity.v1 import identity_pb2 as pb
from services.common.memberships import class_on
from services.common.policy import Principal
from services.identity.domain import consent
from services.identity.domain.class_membership import Membership
from services.identity.domain.contacts import CONTACT_FIELDS
from services.identity.domain.person import PersonName
from services.identity.domain.school_card import DETAILS
from services.identity.domain.staff_card import StaffCard

STAFF_FIELDS = tuple(vars(StaffCard()))


def access_of(row, invited: bool) -> str:
    """none | invited | activated | account (a login made otherwise: initial password or Gosuslugi)."""
    if row.activated_at:
        return "activated"
    if invited:
        return "invited"
    return "account" if row.subject else "none"


def membership_message(m: Membership) -> pb.ClassMembership:
    return pb.ClassMembership(class_group_id=m.class_group_id, date_from=iso(m.date_from), date_to=iso(m.date_to),
                              order_id=m.order_id or "")


def iso(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def consent_message(latest: dict | None) -> pb.ConsentState:
    """A person's latest decision on the consent ({version, decision, decided_at} or None: none yet)."""
    if not latest:
        return pb.ConsentState()
    decided_at = latest["decided_at"]
    return pb.ConsentState(version=latest["version"], decision=latest["decision"],
                           decided_at=decided_at if isinstance(decided_at, str) else decided_at.isoformat(),
                           current=consent.current(latest["version"], latest["decision"]))


def person_message(row, roles, led=(), invited=False, memberships: list[Membership] = (),
                   today: dt.date | None = None, latest_consent: dict | None = None) -> pb.Person:
    """A person's card; a student's class group is the one in force today ("" when none)."""
    in_force = class_on(memberships, today) if today else ""
    return pb.Person(
        paper_diary=bool(getattr(row, "paper_diary", False)), consent=consent_message(latest_consent),
        id=row.id, school_id=row.school_id, kind=pb.PersonKind.Value(row.kind.upper()),
        name=pb.PersonName(last_name=row.last_name, first_name=row.first_name, middle_name=row.middle_name),
        gender=row.gender or "", birth_date=iso(row.birth_date),
        snils=row.snils or "", roles=sorted(roles), class_group_id=in_force,
        username=row.username or "", form_class_group_ids=sorted(led), access=access_of(row, invited),
        staff=pb.StaffCard(**{field: getattr(row, field) for field in STAFF_FIELDS}),
        contacts=pb.Contacts(**{field: getattr(row, field) for field in CONTACT_FIELDS}),
        memberships=[membership_message(m) for m in memberships])


def school_message(row) -> pb.School:
    details = {field: (value.isoformat() if isinstance(value, dt.date) else value or "")
               for field, value in ((f, getattr(row, f)) for f in DETAILS)}
    return pb.School(id=row.school_id, name=row.name, short_name=row.short_name,
                     organization_id=row.organization_id, status=row.status, details=pb.SchoolDetails(**details),
                     contact_fields=list(row.contact_fields or ()),
                     guardians_gosuslugi_only=bool(getattr(row, "guardians_gosuslugi_only", False)))


def principal_message(p: Principal) -> pb.Principal:
    return pb.Principal(subject=p.subject, school_id=p.school_id, person_id=p.person_id, roles=sorted(p.roles),
                        student_ids=sorted(p.student_ids), form_class_group_ids=sorted(p.form_class_group_ids))


def match_message(row, person: pb.Person) -> pb.PendingMatch:
    claims = row.claims
    return pb.PendingMatch(
        id=row.id, person=person, username=row.username, requested_at=row.requested_at.isoformat(), status=row.status,
        claimed_full_name=PersonName(claims.get("family_name", ""), claims.get("given_name", ""),
                                     claims.get("middle_name", "")).full,
        claimed_gender=claims.get("gender", ""), claimed_birth_date=claims.get("birthdate", ""))


def import_job_message(row) -> pb.ImportJob:
    job = pb.ImportJob(id=row.id, filename=row.filename, dry_run=row.dry_run, status=row.status, phase=row.phase,
                       total=row.total, processed=row.processed, started_at=row.started_at.isoformat(),
                       finished_at=row.finished_at.isoformat() if row.finished_at else "")
    if row.report:
        job.report.ParseFromString(row.report)
    if row.error:
        job.error_message = row.error["message"]
        job.error_fields.update(row.error["fields"])
    return job


def order_message(row, lines) -> pb.MovementOrder:
    """A signed order from its row (with cancelled_by) and its line rows."""
    return pb.MovementOrder(
        id=row.id, school_id=row.school_id, kind=pb.OrderKind.Value(row.kind), number=row.number,
        order_date=row.order_date.isoformat(), effective_date=row.effective_date.isoformat(), reason=row.reason,
        cancels_order_id=row.cancels_order_id or "", cancelled_by_order_id=row.cancelled_by or "",
        academic_year_id=row.academic_year_id, deadline=row.deadline.isoformat(), late=row.late,
        signed_by=row.signed_by, signed_at=row.signed_at.isoformat(),
        lines=[pb.OrderLine(student_id=line.student_id, student_name=line.student_name,
                            from_class_group_id=line.from_class_group_id or "",
                            to_class_group_id=line.to_class_group_id or "", document=line.document,
                            destination=line.destination, debts=[pb.AcademicDebt(**debt) for debt in line.debts])
               for line in lines])
