"""The movement register (книга движения учащихся) of a school's academic year: one row per student of each order,
in order-number order, in the register's words: the kind in Russian, the classes by name, the document, the
destination or the debts, and the marks "позже срока", "отменён приказом № …" (and "отменяет приказ № …" on the
cancelling order's rows). Plain Python, no I/O."""
import re
from dataclasses import dataclass

from services.common.movement_kinds import KIND_NAMES

LATE = "позже срока"


@dataclass(frozen=True)
class Debt:
    """An academic debt of a conditional promotion: the subject owed and the day to clear it by (ISO)."""
    subject_id: str
    subject_name: str
    deadline: str


@dataclass(frozen=True)
class OrderLine:
    """One student of an order, as identity signed it (None: no class)."""
    student_id: str
    student_name: str
    from_class_group_id: str | None = None
    to_class_group_id: str | None = None
    debts: tuple[Debt, ...] = ()
    document: str = ""
    destination: str = ""


@dataclass(frozen=True)
class Order:
    """An order as identity signed it (dates ISO; "" = not told yet), with the order that cancelled it, if any."""
    id: str
    kind: str
    number: str
    order_date: str = ""
    effective_date: str = ""
    reason: str = ""
    academic_year_id: str | None = None
    late: bool = False
    cancels_order_id: str | None = None
    cancelled_by_order_id: str | None = None
    lines: tuple[OrderLine, ...] = ()


@dataclass(frozen=True)
class Row:
    """A line of the register (dates ISO, classes by name, "" = none)."""
    number: str
    order_date: str
    effective_date: str
    kind: str
    student_name: str
    from_class: str
    to_class: str
    document: str
    destination: str
    debts: tuple[Debt, ...]
    reason: str
    marks: tuple[str, ...]


@dataclass(frozen=True)
class MovementRegister:
    school_name: str
    academic_year_name: str
    rows: tuple[Row, ...]


def number_key(number: str) -> tuple:
    """Orders' numbers in their natural order: "2" before "10", "12" before "12-у"."""
    return tuple((0, int(part), "") if part.isdigit() else (1, 0, part.casefold())
                 for part in re.split(r"(\d+)", number) if part)


def order_marks(order: Order, numbers: dict[str, str]) -> tuple[str, ...]:
    """What the register notes on an order: late, cancelled by which order, cancelling which one (the orders named
    by their numbers, `numbers` by id, while known)."""
    def naming(text: str, order_id: str) -> str:
        return f"{text} № {numbers[order_id]}" if numbers.get(order_id) else text
    marks = [LATE] if order.late else []
    if order.cancelled_by_order_id:
        marks.append(naming("отменён приказом", order.cancelled_by_order_id))
    if order.cancels_order_id:
        marks.append(naming("отменяет приказ", order.cancels_order_id))
    return tuple(marks)


def register_rows(orders: list[Order], class_names: dict[str, str], numbers: dict[str, str]) -> tuple[Row, ...]:
    """The register's rows of these orders: by order number (then order date), their students in the order's
    order; classes named by `class_names`, orders by `numbers` (both by id; the orders given are known too)."""
    numbers = {**numbers, **{order.id: order.number for order in orders}}
    rows = []
    for order in sorted(orders, key=lambda o: (number_key(o.number), o.order_date)):
        marks = order_marks(order, numbers)
        rows += [Row(order.number, order.order_date, order.effective_date, KIND_NAMES.get(order.kind, order.kind),
                     line.student_name, class_names.get(line.from_class_group_id or "", ""),
                     class_names.get(line.to_class_group_id or "", ""), line.document, line.destination, line.debts,
                     order.reason, marks)
                 for line in order.lines]
    return tuple(rows)
