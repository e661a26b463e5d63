"""A student's personal record (личное дело): correcting a person's name, gender or birth date with the old values
kept, and reading the record (the person with every class membership, every order naming them, every correction)."""
import datetime as dt

from proto.identity.v1 import identity_pb2 as pb
from services.common.db import parse_uuid
from services.common.errors import Forbidden, Invalid
from services.common.scope import Scope
from services.identity.domain.person import PersonName
from services.identity.domain.person_correction import CORRECTED_FIELDS, corrections
from services.identity.service_layer.unit_of_work import IdentityUnitOfWork

REFUSAL = "Исправляет секретарь, а классный руководитель — только данные обучающихся своего класса"
REGISTER_KEEPERS = frozenset({"director", "deputy_head", "secretary"})  # read personal records in their ordinary duties
MAX_REASON = 500
REASON_REQUIRED = ("Личное дело читают секретарь, руководство школы и классный руководитель. Администратор школы "
                   "читает его только с указанием причины (жалоба, проверка нарушения): причина записывается в "
                   "журнал аудита")


def correct_person(scope: Scope, uow: IdentityUnitOfWork, person_id: str, name: PersonName | None, gender: str,
                   birth_date: str, reason: str) -> pb.Person:
    """Replaces the fields given (person.manage; a form teacher for a student of their class), keeping each old
    value with the reason, in the audit log and in a PersonCorrected event."""
    person_id = parse_uuid(person_id, "person_id")
    scope.require("person.read")
    with uow:
        uow.people.card(person_id)  # NotFound outside the school
        row = uow.people.row(person_id)
        if not scope.allowed("person.manage") and not (
                row.kind == "student" and uow.people.in_led_class(scope.principal, row)):
            raise Forbidden(REFUSAL)
        current = {field: _text(getattr(row, field)) for field in CORRECTED_FIELDS}
        changes, problems = corrections(current, name, gender, birth_date, reason, uow.today())
        if problems:
            raise Invalid(message="Проверьте исправление", fields=problems)
        uow.people.correct(person_id, {field: new if field != "birth_date" else dt.date.fromisoformat(new)
                                       for field, (_, new) in changes.items()})
        made = uow.corrections.add(person_id, changes, reason.strip(), scope.principal.person_id)
        card = uow.people.card(person_id)
        uow.publish(pb.PersonCorrected(person=card, corrections=made))
        uow.audit.record("person.correct", person_id, reason=reason.strip(),
                         changes={field: {"old": old, "new": new} for field, (old, new) in changes.items()})
        return card


def _text(value) -> str:
    return value.isoformat() if isinstance(value, dt.date) else value or ""


def get_personal_record(scope: Scope, uow: IdentityUnitOfWork, person_id: str, reason: str = "") -> pb.PersonalRecord:
    """The record, for those who keep the register (movement.read) and a form teacher for a student of their class.
    Those who keep the register (REGISTER_KEEPERS) and the form teacher read it in their ordinary duties; anyone else
    allowed (the school administrator) reads it only with a reason (a complaint, a breach review), which the audit log
    keeps with who read whose record, when and from where (`person.record.read`)."""
    person_id = parse_uuid(person_id, "person_id")
    scope.require("person.read")
    with uow:
        card = uow.people.card(person_id)  # NotFound outside the school
        form_teacher = card.kind == pb.STUDENT and uow.people.in_led_class(scope.principal, uow.people.row(person_id))
        if not scope.allowed("movement.read") and not form_teacher:
            raise Forbidden("Личное дело читают администрация, секретарь и классный руководитель ученика")
        if not form_teacher and not REGISTER_KEEPERS & scope.principal.roles:
            uow.audit.record("person.record.read", person_id, reason=reading_reason(reason))
        return pb.PersonalRecord(person=card, orders=uow.orders.listed(student_id=person_id),
                                 corrections=uow.corrections.of(person_id))


def reading_reason(reason: str) -> str:
    """The reason of a reading outside the reader's ordinary duties: required, at most MAX_REASON characters."""
    reason = (reason or "").strip()
    if not reason:
        raise Invalid(message=REASON_REQUIRED, fields={"reason": "укажите причину: жалоба, проверка нарушения"})
    if len(reason) > MAX_REASON:
        raise Invalid(message="Причина слишком длинная", fields={"reason": f"не длиннее {MAX_REASON} символов"})
    return reason
