"""The movement register (A1): signing an order (every kind, a cancellation too), reading one, listing the register.
An order, its students' memberships and its events commit together; a refused order writes nothing."""
import dataclasses
import datetime as dt
import uuid

from proto.identity.v1 import identity_pb2 as pb
from services.common.dates import parse_date
from services.common.db import parse_uuid
from services.common.errors import FailedPrecondition, Invalid, NotFound
from services.common.memberships import class_on
from services.common.scope import Scope
from services.identity.adapters.protobuf import membership_message
from services.identity.domain import Problems
from services.identity.domain.class_groups import AcademicYear, ClassGroup
from services.identity.domain.class_membership import DAY, Membership, moved, undone
from services.identity.domain.movement_order import (
    CANCELLATION,
    CONDITIONAL_PROMOTION,
    ENROLMENT,
    GRADUATION,
    INTO_CLASS,
    LEAVING,
    REPETITION,
    TRANSFER,
    Line,
    LineFacts,
    deadline,
    line_problems,
)
from services.identity.domain.person import PersonName, is_uuid
from services.identity.service_layer.ports import ClassGroups
from services.identity.service_layer.unit_of_work import IdentityUnitOfWork


class Classes:
    """The school's class groups, years and subjects as schedule has them, each asked once per command."""

    def __init__(self, class_groups: ClassGroups, school_id: str):
        self.port, self.school_id = class_groups, school_id
        self.known: dict[str, ClassGroup | None] = {}
        self._years: list[AcademicYear] | None = None
        self._subjects: dict[str, str] | None = None

    def get(self, class_group_id: str) -> ClassGroup | None:
        if class_group_id not in self.known:
            self.known[class_group_id] = self.port.class_group(self.school_id, class_group_id)
        return self.known[class_group_id]

    def add(self, groups: list[ClassGroup]) -> None:
        self.known |= {group.id: group for group in groups}

    def subjects(self) -> dict[str, str]:
        if self._subjects is None:
            self._subjects = self.port.subjects(self.school_id)
        return self._subjects

    def years(self) -> list[AcademicYear]:
        if self._years is None:
            self._years = self.port.academic_years(self.school_id)
        return self._years

    def year(self, year_id: str) -> AcademicYear | None:
        return next((y for y in self.years() if y.id == year_id), None)


@dataclasses.dataclass(frozen=True)
class Order:
    """An order ready to be written: the message as it will be stored and each student's memberships after it."""

    message: pb.MovementOrder
    memberships: dict[str, list[Membership]]


def kind_of(value: int) -> str:
    if value not in pb.OrderKind.values() or not value:
        raise Invalid("kind", "укажите вид приказа")
    return pb.OrderKind.Name(value)


def sign_order(scope: Scope, uow: IdentityUnitOfWork, class_groups: ClassGroups, kind: str, number: str,
               order_date: str, effective_date: str, reason: str, lines: list[Line],
               cancels_order_id: str = "") -> pb.MovementOrder:
    """Signs an order of the school (movement.manage): checks every line, writes the order and its students'
    memberships, publishes MovementOrderSigned and one event per student (or MovementOrderCancelled)."""
    signed_on = parse_date(order_date, "order_date") if order_date else None
    scope.require("movement.manage")
    with uow:
        uow.orders.lock()
        signed_on = signed_on or uow.today()
        if kind == CANCELLATION:
            return cancel(scope, uow, Classes(class_groups, scope.school_id), number, signed_on, reason,
                          parse_uuid(cancels_order_id, "cancels_order_id"))
        effective = parse_date(effective_date, "effective_date")
        order = check_order(scope, uow, Classes(class_groups, scope.school_id), kind, number, signed_on,
                            effective, reason, lines)
        return write_order(uow, order)


def in_closed_year(classes: Classes, effective: dt.date) -> bool:
    """Whether an order effective on the day would change a closed year: the day before is in it, before its last
    day (a closed year, its journal and its archive stay as they were; the orders of its end — promotion,
    graduation — take effect after it)."""
    before = effective - DAY
    return any(not year.open and year.start <= before < year.end for year in classes.years())


def check_order(scope: Scope, uow: IdentityUnitOfWork, classes: Classes, kind: str, number: str,
                signed_on: dt.date, effective: dt.date, reason: str, lines: list[Line]) -> Order:
    """The order as it would be signed, or Invalid naming every problem of its lines ("lines[<i>].<field>")."""
    if not lines:
        raise Invalid("lines", "укажите обучающихся")
    if in_closed_year(classes, effective):
        raise FailedPrecondition("Учебный год закрыт: приказ изменил бы его журнал",
                                 {"effective_date": "дата в закрытом учебном году"})
    number = _number(uow, number)
    ids = {line.student_id for line in lines if is_uuid(line.student_id)}
    students = {row.id: row for row in uow.people.rows(list(ids))}
    memberships = uow.memberships.of(list(students))
    problems: Problems = {}
    message = pb.MovementOrder(id=str(uuid.uuid4()), school_id=scope.school_id, kind=pb.OrderKind.Value(kind),
                               number=number, order_date=signed_on.isoformat(),
                               effective_date=effective.isoformat(), reason=reason.strip(),
                               signed_by=scope.principal.person_id)
    after: dict[str, list[Membership]] = {}
    years: set[str] = set()
    for i, line in enumerate(lines):
        student = students.get(line.student_id)
        held = memberships.get(line.student_id, [])
        from_id = class_on(held, effective - DAY) if kind != ENROLMENT else None
        facts = LineFacts(bool(student and student.kind == "student"), held, classes.get(from_id) if from_id else None,
                          classes.get(line.to_class_group_id) if is_uuid(line.to_class_group_id) else None)
        found = line_problems(kind, line, facts, effective, classes.years())
        if line.student_id in after:
            found["student_id"] = "обучающийся уже есть в этом приказе"
        found |= {f"debts[{j}].subject_id": "в этой школе нет такого предмета"
                  for j, debt in enumerate(line.debts) if debt.subject_id not in classes.subjects()}
        if not found:
            year = (facts.to_class if kind == ENROLMENT else facts.from_class).academic_year_id
            if years and year not in years:
                found["student_id"] = "все обучающиеся приказа — из одного учебного года"
            years.add(year)
        problems |= {f"lines[{i}].{field}": text for field, text in found.items()}
        if found:
            continue
        to_id = line.to_class_group_id if kind in INTO_CLASS else None
        after[line.student_id] = moved(held, effective, to_id, message.id)
        message.lines.append(pb.OrderLine(
            student_id=line.student_id, student_name=_name(student), from_class_group_id=from_id or "",
            to_class_group_id=to_id or "", document=line.document.strip(), destination=line.destination.strip(),
            debts=[pb.AcademicDebt(subject_id=d.subject_id, subject_name=classes.subjects()[d.subject_id],
                                   deadline=d.deadline.isoformat()) for d in line.debts]))
    if problems:
        raise Invalid(message="Приказ не подписан: проверьте строки", fields=problems)
    [year_id] = years
    message.academic_year_id = year_id
    due = deadline(kind, effective, classes.year(year_id), uow.movement_policy.get())
    message.deadline, message.late = due.isoformat(), signed_on > due
    return Order(message, after)


def write_order(uow: IdentityUnitOfWork, order: Order) -> pb.MovementOrder:
    """Writes the order and its students' memberships and publishes its events, in the unit of work."""
    stored = uow.orders.add(order.message)
    for student_id, memberships in order.memberships.items():
        uow.memberships.replace(student_id, memberships)
    uow.publish_all([pb.MovementOrderSigned(order=stored),
                     *(_student_event(stored, line, order.memberships[line.student_id]) for line in stored.lines)])
    uow.audit.record("order.sign", stored.id, kind=pb.OrderKind.Name(stored.kind), number=stored.number,
                     students=[line.student_id for line in stored.lines])
    return stored


def _student_event(order: pb.MovementOrder, line: pb.OrderLine, memberships: list[Membership]):
    kind = pb.OrderKind.Name(order.kind)
    common = dict(student_id=line.student_id, full_name=line.student_name, effective_date=order.effective_date,
                  order_id=order.id, memberships=[membership_message(m) for m in memberships])
    if kind == ENROLMENT:
        return pb.StudentEnrolled(class_group_id=line.to_class_group_id, **common)
    if kind == TRANSFER:
        return pb.StudentTransferred(from_class_group_id=line.from_class_group_id,
                                     to_class_group_id=line.to_class_group_id, **common)
    if kind == GRADUATION:
        return pb.StudentGraduated(from_class_group_id=line.from_class_group_id, document=line.document, **common)
    if kind == LEAVING:
        return pb.StudentLeft(from_class_group_id=line.from_class_group_id, destination=line.destination,
                              reason=order.reason, **common)
    return pb.StudentPromoted(from_class_group_id=line.from_class_group_id, to_class_group_id=line.to_class_group_id,
                              conditional=kind == CONDITIONAL_PROMOTION, debts=line.debts,
                              repeating=kind == REPETITION, **common)


def cancel(scope: Scope, uow: IdentityUnitOfWork, classes: Classes, number: str, signed_on: dt.date, reason: str,
           cancelled_id: str) -> pb.MovementOrder:
    """A CANCELLATION of an order: its lines are the cancelled order's; the memberships it changed are undone,
    which needs it to be still the latest order of each of its students and its year not closed (in_closed_year)."""
    cancelled = uow.orders.get(cancelled_id)
    if not cancelled:
        raise NotFound("Приказ не найден", {"cancels_order_id": "не найден"})
    if cancelled.kind == pb.CANCELLATION:
        raise Invalid("cancels_order_id", "приказ об отмене не отменяется")
    if cancelled.cancelled_by_order_id:
        raise FailedPrecondition("Этот приказ уже отменён", {"cancels_order_id": "уже отменён"})
    if in_closed_year(classes, dt.date.fromisoformat(cancelled.effective_date)):
        raise FailedPrecondition("Учебный год этого приказа закрыт: исправьте новым приказом",
                                 {"cancels_order_id": "учебный год закрыт"})
    students = [line.student_id for line in cancelled.lines]
    latest = uow.orders.latest_of(students)
    if any(latest.get(student_id) != cancelled.id for student_id in students):
        raise FailedPrecondition("После этого приказа у обучающихся были другие приказы: сначала отмените их",
                                 {"cancels_order_id": "не последний приказ обучающихся"})
    number = _number(uow, number)
    effective = dt.date.fromisoformat(cancelled.effective_date)
    held = uow.memberships.of(students)
    after = {line.student_id: undone(held[line.student_id], cancelled.id, effective, line.from_class_group_id or None)
             for line in cancelled.lines}
    order = pb.MovementOrder(
        id=str(uuid.uuid4()), school_id=scope.school_id, kind=pb.CANCELLATION, number=number,
        order_date=signed_on.isoformat(), effective_date=cancelled.effective_date, reason=reason.strip(),
        cancels_order_id=cancelled.id, academic_year_id=cancelled.academic_year_id, deadline=signed_on.isoformat(),
        late=False, signed_by=scope.principal.person_id, lines=cancelled.lines)
    stored = uow.orders.add(order)
    for student_id, memberships in after.items():
        uow.memberships.replace(student_id, memberships)
    uow.publish_all([pb.MovementOrderSigned(order=stored), pb.MovementOrderCancelled(
        order=uow.orders.get(cancelled.id), cancellation=stored,
        students=[pb.StudentMemberships(student_id=line.student_id, full_name=line.student_name,
                                        memberships=[membership_message(m) for m in after[line.student_id]])
                  for line in cancelled.lines])])
    uow.audit.record("order.cancel", stored.id, number=stored.number, cancels_order_id=cancelled.id)
    return stored


def _number(uow: IdentityUnitOfWork, number: str) -> str:
    """The number asked (the store refuses one the school has), or the next free one."""
    return number.strip() or uow.orders.next_number()


def _name(row) -> str:
    return PersonName(row.last_name, row.first_name, row.middle_name).full


def get_order(scope: Scope, uow: IdentityUnitOfWork, order_id: str) -> pb.MovementOrder:
    order_id = parse_uuid(order_id, "order_id")
    scope.require("movement.read")
    with uow:
        order = uow.orders.get(order_id)
        if not order:
            raise NotFound("Приказ не найден", {"order_id": "не найден"})
        return order


def list_orders(scope: Scope, uow: IdentityUnitOfWork, academic_year_id: str,
                student_id: str) -> list[pb.MovementOrder]:
    """The register of the school, oldest first: of one year, or naming one student, when given."""
    academic_year_id = parse_uuid(academic_year_id, "academic_year_id") if academic_year_id else ""
    student_id = parse_uuid(student_id, "student_id") if student_id else ""
    scope.require("movement.read")
    with uow:
        return uow.orders.listed(academic_year_id, student_id)
