"""The store of the movement register (книга движения учащихся): signed orders and their lines, append-only; an
order's cancelled_by_order_id is derived from the later CANCELLATION order. It owns their SQL."""
from collections import defaultdict

from sqlalchemy import BigInteger, cast, func, insert, select
from sqlalchemy.dialects.postgresql import distinct_on
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from proto.identity.v1 import identity_pb2 as pb
from services.common.errors import Conflict
from services.identity.adapters.protobuf import order_message
from services.identity.adapters.tables import movement_orders, order_lines

ORDER, LINE = movement_orders.c, order_lines.c
CANCELLATION = pb.OrderKind.Name(pb.CANCELLATION)
cancellations = movement_orders.alias("cancellations")
CANCELLED_BY = (select(cancellations.c.id).where(cancellations.c.cancels_order_id == ORDER.id)
                .scalar_subquery().label("cancelled_by"))


def hold(session: Session, key: str) -> None:
    """Holds a lock named by the key until the transaction ends (a second holder waits)."""
    session.execute(select(func.pg_advisory_xact_lock(func.hashtext(key))))


class MovementOrderStore:
    def __init__(self, session: Session, school_id: str):
        self.session, self.school_id = session, school_id

    def lock(self) -> None:
        """Signs the school's orders one at a time until the transaction ends: the next free number and each
        student's latest order stay what this transaction read."""
        hold(self.session, f"movement_orders:{self.school_id}")

    def add(self, order: pb.MovementOrder) -> pb.MovementOrder:
        """Writes a signed order (its id, number, dates, deadline and lines filled); returns it as stored. A number
        another order has is refused (the unique index decides)."""
        try:
            self._insert(order)
        except IntegrityError as exc:
            if getattr(exc.orig.diag, "constraint_name", "") != "movement_orders_number":
                raise
            raise Conflict("Приказ с таким номером уже есть в этой школе", {"number": "уже есть"}) from None
        return self.get(order.id)

    def _insert(self, order: pb.MovementOrder) -> None:
        self.session.execute(insert(movement_orders).values(
            school_id=self.school_id, id=order.id, kind=pb.OrderKind.Name(order.kind), number=order.number,
            order_date=order.order_date, effective_date=order.effective_date, reason=order.reason,
            cancels_order_id=order.cancels_order_id or None, academic_year_id=order.academic_year_id,
            deadline=order.deadline, late=order.late, signed_by=order.signed_by))
        self.session.execute(insert(order_lines), [dict(
            school_id=self.school_id, order_id=order.id, position=position, student_id=line.student_id,
            student_name=line.student_name, from_class_group_id=line.from_class_group_id or None,
            to_class_group_id=line.to_class_group_id or None, document=line.document, destination=line.destination,
            debts=[dict(subject_id=d.subject_id, subject_name=d.subject_name, deadline=d.deadline) for d in line.debts],
        ) for position, line in enumerate(order.lines)])

    def get(self, order_id: str) -> pb.MovementOrder | None:
        found = self._orders(select(movement_orders).where(ORDER.id == order_id))
        return found[0] if found else None

    def listed(self, academic_year_id: str = "", student_id: str = "") -> list[pb.MovementOrder]:
        """The school's orders, oldest first; of one year, or naming one student, when given."""
        query = select(movement_orders)
        if academic_year_id:
            query = query.where(ORDER.academic_year_id == academic_year_id)
        if student_id:
            query = query.where(ORDER.id.in_(select(LINE.order_id).where(LINE.student_id == student_id)))
        return self._orders(query)

    def _orders(self, query) -> list[pb.MovementOrder]:
        rows = self.session.execute(query.add_columns(CANCELLED_BY).order_by(ORDER.seq)).all()
        lines = defaultdict(list)
        for line in self.session.execute(select(order_lines).where(LINE.order_id.in_([r.id for r in rows]))
                                         .order_by(LINE.order_id, LINE.position)):
            lines[line.order_id].append(line)
        return [order_message(row, lines[row.id]) for row in rows]

    def next_number(self) -> str:
        """One more than the school's greatest plain number ("1" for the first)."""
        greatest = self.session.scalar(select(func.max(cast(ORDER.number, BigInteger)))
                                       .where(ORDER.number.regexp_match(r"^[0-9]{1,15}$")))
        return str((greatest or 0) + 1)

    def latest_of(self, student_ids: list[str]) -> dict[str, str]:
        """Each student's latest order in force (neither a cancellation nor cancelled), by student id."""
        query = (select(LINE.student_id, ORDER.id).join(movement_orders, ORDER.id == LINE.order_id)
                 .where(LINE.student_id.in_(student_ids), ORDER.kind != CANCELLATION,
                        ~select(cancellations.c.id).where(cancellations.c.cancels_order_id == ORDER.id).exists())
                 .order_by(LINE.student_id, ORDER.seq.desc()).ext(distinct_on(LINE.student_id)))
        return {row.student_id: row.id for row in self.session.execute(query)}
