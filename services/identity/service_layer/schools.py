"""Commands on schools: onboarding one (its Keycloak organization and first administrator), the operator's list,
the school's card (read by its people, the authority operator and services; edited by its administrator or the
operator), its status (suspended and reactivated by the operator) and the contacts it keeps."""
import datetime as dt
import uuid

from proto.identity.v1 import identity_pb2 as pb
from services.common.context import Caller
from services.common.errors import Forbidden, Invalid, NotFound
from services.common.policy import OPERATOR
from services.common.scope import Scope
from services.identity.adapters.keycloak_accounts import Compensation, NewAccount
from services.identity.adapters.protobuf import school_message
from services.identity.domain.activation_code import CodeKey
from services.identity.domain.contacts import CONTACT_FIELDS, contact_fields_problems
from services.identity.domain.person import NewPerson, PersonName, clean_name
from services.identity.domain.school_card import DETAILS, STATUSES, SchoolCard, card_problems, school_problems
from services.identity.service_layer import activation
from services.identity.service_layer.people import add_person, reject
from services.identity.service_layer.ports import Accounts, Directory, UnitsOfWork
from services.identity.service_layer.unit_of_work import IdentityUnitOfWork

ADMIN_ONLY = "Карточку школы изменяет администратор школы или оператор муниципалитета"


def onboard_school(uows: UnitsOfWork, accounts: Accounts, key: CodeKey, caller: Caller, card: SchoolCard,
                   admin_name: PersonName, admin_email: str) -> pb.OnboardSchoolResponse:
    """A new school with its card: its Keycloak organization, its first administrator (a login without a
    password, the person record and a one-time activation code for the activation link). The Keycloak objects
    are removed again if the new school's transaction fails."""
    if OPERATOR not in caller.realm_roles:
        raise Forbidden("Подключать школы может только оператор муниципалитета")
    admin_email = admin_email.strip()
    admin_name = clean_name(admin_name)
    reject(school_problems(card, admin_name, admin_email, dt.date.today()))
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
        with uows(school_id) as uow:
            school = uow.schools.add(organization_id, card)
            uow.publish(pb.SchoolOnboarded(school_id=school_id, name=card.name, short_name=short_name))
            admin_message = add_person(uow, admin_id, admin, subject, username)
            uow.audit.record("school.onboard", school_id, short_name=short_name, admin_id=admin_id,
                             admin_username=username)
            slip = activation.issue(uow, key, uow.people.row(admin_id), caller.subject, dt.datetime.now(dt.UTC))
    admin_message.access = "invited"
    return pb.OnboardSchoolResponse(school=school_message(school), admin=admin_message, admin_username=username,
                                    admin_activation_code=slip.code, admin_activation_expires_at=slip.expires_at)


def list_schools(directory: Directory, caller: Caller) -> list[pb.School]:
    if OPERATOR not in caller.realm_roles and not caller.is_service:
        raise Forbidden()
    return [school_message(row) for row in directory.schools()]


def _check_member(scope: Scope, caller: Caller, admin: bool = False, operator: bool = True) -> None:
    """The operator (unless not `operator`) and services pass; anyone else must hold a role in the (active)
    school, the school administrator's role when `admin`."""
    if (operator and OPERATOR in caller.realm_roles) or (caller.is_service and not admin):
        return
    principal = scope.principal
    if not principal.roles and not principal.is_service:
        raise NotFound("Школа не найдена")
    if admin and "school_admin" not in principal.roles:
        raise Forbidden(ADMIN_ONLY)


def get_school(scope: Scope, uow: IdentityUnitOfWork, caller: Caller) -> pb.School:
    _check_member(scope, caller)
    with uow:
        return school_message(uow.schools.row())


def update_school(scope: Scope, uow: IdentityUnitOfWork, caller: Caller, card: SchoolCard) -> pb.School:
    """Replaces the card's names and registration data."""
    reject(card_problems(card, dt.date.today()))
    _check_member(scope, caller, admin=True)
    with uow:
        before = school_message(uow.schools.row())
        school = school_message(uow.schools.update_card(card))
        changed = [field for field in ("name", "short_name") if getattr(before, field) != getattr(school, field)]
        changed += [field for field in DETAILS if getattr(before.details, field) != getattr(school.details, field)]
        if changed:
            uow.publish(pb.SchoolUpdated(school=school))
            uow.audit.record("school.update", school.id, changed=changed)
        return school


def set_school_status(uow: IdentityUnitOfWork, caller: Caller, status: str) -> pb.School:
    """Suspends (its people are refused) or reactivates a school; only the authority operator."""
    if OPERATOR not in caller.realm_roles:
        raise Forbidden("Приостановить или возобновить работу школы может только оператор муниципалитета")
    if status not in STATUSES:
        raise Invalid("status", "active или suspended")
    with uow:
        if uow.schools.row().status == status:
            return school_message(uow.schools.row())
        row = uow.schools.update(status=status)
        uow.publish(pb.SchoolStatusChanged(school_id=row.school_id, status=status))
        uow.audit.record("school.suspend" if status == "suspended" else "school.reactivate", row.school_id)
        return school_message(row)


def set_contact_fields(scope: Scope, uow: IdentityUnitOfWork, caller: Caller, fields: list[str]) -> pb.School:
    """Which contacts the school keeps on its person records (its administrator decides); the values of a
    field it stops keeping are erased from every record."""
    # the school's own decision: it erases personal data, so not the authority's
    _check_member(scope, caller, admin=True, operator=False)
    reject(contact_fields_problems(fields))
    with uow:
        kept = [field for field in CONTACT_FIELDS if field in fields]
        before = list(uow.schools.row().contact_fields or ())
        if before == kept:
            return school_message(uow.schools.row())
        dropped = [field for field in before if field not in kept]
        if dropped:
            uow.people.erase(dropped)
        school = school_message(uow.schools.update(contact_fields=kept))
        uow.publish(pb.SchoolUpdated(school=school))
        uow.audit.record("school.contact_fields", school.id, kept=kept, erased=dropped)
        return school


def set_guardian_access(scope: Scope, uow: IdentityUnitOfWork, caller: Caller, gosuslugi_only: bool) -> pb.School:
    """Whether the school's guardians get access only through Gosuslugi (T6; its administrator decides). Turned on,
    the guardians' unused activation codes are dropped and no new ones are issued (their slips say how to log in with
    Gosuslugi)."""
    _check_member(scope, caller, admin=True, operator=False)
    with uow:
        if uow.schools.row().guardians_gosuslugi_only == gosuslugi_only:
            return school_message(uow.schools.row())
        dropped = uow.codes.drop_unused_of_guardians() if gosuslugi_only else 0
        school = school_message(uow.schools.update(guardians_gosuslugi_only=gosuslugi_only))
        uow.publish(pb.SchoolUpdated(school=school))
        uow.audit.record("school.guardian_access", school.id, gosuslugi_only=gosuslugi_only, codes_dropped=dropped)
        return school
