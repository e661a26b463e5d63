"""Student movement for a period (движение учащихся за период) from the movement register: the orders effective from
date_from to date_to inclusive, without the cancelled orders and the cancellations; per kind of order the students
counted per class (the class the order moved them into, else the one they left) and every student with the order's
number and dates. Plain Python, no I/O."""
from collections import Counter
from dataclasses import dataclass

from services.common.movement_kinds import KIND_NAMES
from services.reporting.domain.movement_register import Order, number_key
from services.reporting.domain.summary_sheet import collation_key

KINDS = tuple(kind for kind in KIND_NAMES if kind != "cancellation")  # OrderKind's order


@dataclass(frozen=True)
class ClassCount:
    class_group_id: str
    class_group_name: str
    count: int


@dataclass(frozen=True)
class KindSummary:
    kind: str
    kind_name: str
    classes: tuple[ClassCount, ...]
    total: int


@dataclass(frozen=True)
class Entry:
    kind: str
    kind_name: str
    order_number: str
    order_date: str
    effective_date: str
    student_id: str
    student_name: str
    from_class: str
    to_class: str


@dataclass(frozen=True)
class StudentMovement:
    school_name: str
    date_from: str
    date_to: str
    kinds: tuple[KindSummary, ...]
    entries: tuple[Entry, ...]


def counted(order: Order, date_from: str, date_to: str) -> bool:
    """An order in force in the period: effective in it, neither cancelled nor a cancellation."""
    return (order.kind in KINDS and not order.cancelled_by_order_id
            and bool(order.effective_date) and date_from <= order.effective_date <= date_to)


def student_movement(school_name: str, date_from: str, date_to: str, orders: list[Order],
                     classes: dict[str, tuple[str, int]]) -> StudentMovement:
    """`classes`: each class group's name and grade by id (ISO dates compare as text)."""
    def name(class_group_id: str | None) -> str:
        return classes.get(class_group_id or "", ("", 0))[0]

    orders = [order for order in orders if counted(order, date_from, date_to)]
    counts: dict[str, Counter] = {kind: Counter() for kind in KINDS}
    entries = []
    for order in orders:
        for line in order.lines:
            counts[order.kind][line.to_class_group_id or line.from_class_group_id or ""] += 1
            entries.append(Entry(order.kind, KIND_NAMES[order.kind], order.number, order.order_date,
                                 order.effective_date, line.student_id, line.student_name,
                                 name(line.from_class_group_id), name(line.to_class_group_id)))
    def class_key(group_id: str) -> tuple:
        return classes.get(group_id, ("", 0))[1], number_key(name(group_id))

    kinds = tuple(KindSummary(kind, KIND_NAMES[kind], tuple(
        ClassCount(group_id, name(group_id), counts[kind][group_id]) for group_id in sorted(counts[kind], key=class_key)
    ), sum(counts[kind].values())) for kind in KINDS if counts[kind])
    entries.sort(key=lambda e: (e.effective_date, number_key(e.order_number), collation_key(e.student_name)))
    return StudentMovement(school_name, date_from, date_to, kinds, tuple(entries))
