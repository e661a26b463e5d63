"""The store of the movement register's read model (rm_schools, rm_movement_orders, rm_order_lines): the school's
name, the orders and their lines as identity's events tell them, and the register of a year from them.

An order is immutable once signed: telling it again changes nothing, but an order first told by the event that
cancels it (a placeholder) is filled in by its own, and the cancelling order's id is added when told."""
import datetime as dt

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from services.reporting.adapters.read_model_store import upsert
from services.reporting.adapters.tables import academic_years, class_groups, movement_orders, order_lines, schools
from services.reporting.domain import movement_register as register


class MovementRegisterStore:
    def __init__(self, session: Session, school_id: str):
        self.session, self.school_id = session, school_id

    def put_school_name(self, name: str) -> None:
        """The school's name as its card says it now (an empty one changes nothing)."""
        if name:
            stmt = insert(schools).values(school_id=self.school_id, name=name)
            self.session.execute(stmt.on_conflict_do_update(index_elements=["school_id"],
                                                            set_={"name": stmt.excluded.name}))

    def put_order(self, order: register.Order) -> None:
        upsert(self.session, self.school_id, movement_orders, {"id": order.id}, {
            "kind": order.kind, "number": order.number, "order_date": _date(order.order_date),
            "effective_date": _date(order.effective_date), "reason": order.reason,
            "academic_year_id": order.academic_year_id, "late": order.late, "cancels_order_id": order.cancels_order_id,
            "cancelled_by_order_id": order.cancelled_by_order_id})
        if order.lines:
            self.session.execute(insert(order_lines).on_conflict_do_nothing(index_elements=["order_id", "position"]), [
                {"order_id": order.id, "position": i, "school_id": self.school_id, "student_id": line.student_id,
                 "student_name": line.student_name, "from_class_group_id": line.from_class_group_id,
                 "to_class_group_id": line.to_class_group_id, "debts": [vars(d) for d in line.debts],
                 "document": line.document, "destination": line.destination}
                for i, line in enumerate(order.lines)])

    def school_name(self) -> str:
        return self.session.scalar(select(schools.c.name)) or ""

    def _orders(self, order_rows) -> list[register.Order]:
        """These orders with their lines."""
        line_rows = self.session.execute(select(order_lines).where(order_lines.c.order_id.in_(
            [o.id for o in order_rows])).order_by(order_lines.c.order_id, order_lines.c.position)).all()
        lines: dict[str, list[register.OrderLine]] = {}
        for r in line_rows:
            lines.setdefault(r.order_id, []).append(register.OrderLine(
                r.student_id, r.student_name, r.from_class_group_id, r.to_class_group_id,
                tuple(register.Debt(**d) for d in r.debts), r.document, r.destination))
        return [register.Order(
            o.id, o.kind, o.number, _iso(o.order_date), _iso(o.effective_date), o.reason, o.academic_year_id, o.late,
            o.cancels_order_id, o.cancelled_by_order_id, tuple(lines.get(o.id, ()))) for o in order_rows]

    def _classes(self, orders: list[register.Order]) -> dict[str, tuple[str, int]]:
        """The name and grade of each class group the orders' lines name, by id."""
        groups = {i for o in orders for line in o.lines for i in (line.from_class_group_id, line.to_class_group_id)
                  if i}
        rows = self.session.execute(select(class_groups.c.id, class_groups.c.name, class_groups.c.grade).where(
            class_groups.c.id.in_(groups))).all() if groups else []
        return {r.id: (r.name, r.grade or 0) for r in rows}

    def orders_in_force(self, date_from: dt.date, date_to: dt.date
                        ) -> tuple[list[register.Order], dict[str, tuple[str, int]]]:
        """The orders effective in the period, neither cancelled nor cancellations, and their classes' names and
        grades by id."""
        orders = self._orders(self.session.execute(select(movement_orders).where(
            movement_orders.c.effective_date.between(date_from, date_to), movement_orders.c.kind != "cancellation",
            movement_orders.c.cancelled_by_order_id.is_(None))).all())
        return orders, self._classes(orders)

    def register(self, academic_year_id: str) -> register.MovementRegister | None:
        """The register of the school's year, None when the read model knows neither the year nor an order of it."""
        session = self.session
        year_name = session.scalar(select(academic_years.c.name).where(academic_years.c.id == academic_year_id))
        order_rows = session.execute(select(movement_orders).where(
            movement_orders.c.academic_year_id == academic_year_id)).all()
        if year_name is None and not order_rows:
            return None
        orders = self._orders(order_rows)
        named = {i for o in orders for i in (o.cancels_order_id, o.cancelled_by_order_id) if i}
        numbers = dict(session.execute(select(movement_orders.c.id, movement_orders.c.number).where(
            movement_orders.c.id.in_(named))).all()) if named else {}
        class_names = {group_id: name for group_id, (name, _) in self._classes(orders).items()}
        return register.MovementRegister(self.school_name(), year_name or "",
                                         register.register_rows(orders, class_names, numbers))


def _iso(day) -> str:
    return day.isoformat() if day else ""


def _date(iso: str) -> dt.date | None:
    return dt.date.fromisoformat(iso) if iso else None
