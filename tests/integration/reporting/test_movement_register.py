"""The movement register (книга движения учащихся) on the real PostgreSQL and Keycloak: identity's
MovementOrderSigned and MovementOrderCancelled (and the school's name) fill reporting's read model, idempotently and
tenant-scoped, and RenderMovementRegisterPdf prints the year's orders by number with their students."""
import re
import uuid

import grpc
import pytest
from sqlalchemy import func, select

from proto.identity.v1 import identity_pb2 as identity
from proto.reporting.v1 import reporting_pb2
from proto.schedule.v1 import schedule_pb2 as schedule
from services.common.consumer import IdempotentConsumer
from services.common.outbox import envelope
from services.reporting.adapters import tables
from services.reporting.entrypoints.consumers import handlers
from tests.support import stack
from tests.support.grpc_harness import call, rpc_error
from tests.support.pdf_text import needs_pdftotext, pdf_text

pytestmark = pytest.mark.stack
REGISTER_TABLES = (tables.schools, tables.movement_orders, tables.order_lines)


class Register:
    """A school's year of orders as identity publishes them: an enrolment signed late, a transfer of two students
    cancelled by a later order, a conditional promotion with a debt, a leaver; and an order of the next year."""

    def __init__(self):
        self.school_id, self.year, self.next_year = (str(uuid.uuid4()) for _ in range(3))
        self.c5a, self.c5b, self.c6a = (str(uuid.uuid4()) for _ in range(3))
        self.petrov, self.abramov, self.leonov, self.yolkina, self.math = (str(uuid.uuid4()) for _ in range(5))
        self.enrolment, self.transfer, self.cancellation, self.promotion, self.leaving, self.later = (
            str(uuid.uuid4()) for _ in range(6))

    def order(self, order_id: str, kind: int, number: str, lines: list[identity.OrderLine], year: str = "",
              **told) -> identity.MovementOrder:
        return identity.MovementOrder(id=order_id, school_id=self.school_id, kind=kind, number=number,
                                      academic_year_id=year or self.year, lines=lines, **told)

    def transferred(self, **told) -> identity.MovementOrder:
        return self.order(self.transfer, identity.TRANSFER, "2", [
            identity.OrderLine(student_id=self.petrov, student_name="Петров Илья", from_class_group_id=self.c5a,
                               to_class_group_id=self.c5b),
            identity.OrderLine(student_id=self.abramov, student_name="Абрамов Олег", from_class_group_id=self.c5a,
                               to_class_group_id=self.c5b)],
            order_date="2027-01-14", effective_date="2027-01-14", reason="заявление родителей", **told)

    def events(self) -> list:
        cancellation = self.order(self.cancellation, identity.CANCELLATION, "3", list(self.transferred().lines),
                                  order_date="2027-01-20", effective_date="2027-01-14", reason="ошибка в приказе",
                                  cancels_order_id=self.transfer)
        return [
            identity.SchoolOnboarded(school_id=self.school_id, name="Школа № 5", short_name="Школа № 5"),
            identity.SchoolUpdated(school=identity.School(id=self.school_id, name="МБОУ «Средняя школа № 5»")),
            schedule.AcademicYearCreated(academic_year=schedule.AcademicYear(id=self.year, school_id=self.school_id,
                                                                              name="2026/2027")),
            *(schedule.ClassGroupCreated(class_group=schedule.ClassGroup(
                id=c, school_id=self.school_id, academic_year_id=self.year, grade=grade, name=name))
              for c, grade, name in ((self.c5a, 5, "5А"), (self.c5b, 5, "5Б"), (self.c6a, 6, "6А"))),
            identity.MovementOrderSigned(order=self.order(self.enrolment, identity.ENROLMENT, "1", [
                identity.OrderLine(student_id=self.leonov, student_name="Леонов Кирилл", to_class_group_id=self.c5a)],
                order_date="2026-09-20", effective_date="2026-09-01", reason="заявление родителей", late=True)),
            identity.MovementOrderSigned(order=self.transferred()),
            identity.MovementOrderSigned(order=cancellation),
            identity.MovementOrderCancelled(order=self.transferred(cancelled_by_order_id=self.cancellation),
                                            cancellation=cancellation),
            identity.MovementOrderSigned(order=self.order(self.promotion, identity.CONDITIONAL_PROMOTION, "10", [
                identity.OrderLine(student_id=self.yolkina, student_name="Ёлкина Анна", from_class_group_id=self.c5a,
                                   to_class_group_id=self.c6a, debts=[identity.AcademicDebt(
                                       subject_id=self.math, subject_name="Математика", deadline="2027-10-15")])],
                order_date="2027-08-25", effective_date="2027-09-01", reason="решение педсовета")),
            identity.MovementOrderSigned(order=self.order(self.leaving, identity.LEAVING, "4", [
                identity.OrderLine(student_id=self.leonov, student_name="Леонов Кирилл", from_class_group_id=self.c5a,
                                   destination="школа № 2 г. Тверь")],
                order_date="2027-03-02", effective_date="2027-03-02", reason="переезд")),
            identity.MovementOrderSigned(order=self.order(self.later, identity.TRANSFER, "11", [
                identity.OrderLine(student_id=self.petrov, student_name="Петров Илья")], year=self.next_year,
                order_date="2027-10-01", effective_date="2027-10-01", reason="другой год")),
        ]


def deliver(db, school_id: str, events: list) -> list[bool]:
    consumer = IdempotentConsumer(db, tables.inbox, handlers)
    return [consumer.handle(envelope(school_id, e, actor="test").SerializeToString()) for e in events]


def snapshot(db, school_id: str) -> dict:
    with db.tenant_session(school_id) as session:
        return {t.name: sorted(tuple(map(str, r)) for r in session.execute(select(t)).all()) for t in REGISTER_TABLES}


@pytest.fixture(scope="module")
def register(db) -> Register:
    register = Register()
    assert all(deliver(db, register.school_id, register.events()))
    return register


def render(stub, principals, register: Register, role: str = "secretary", academic_year_id: str = ""):
    principals.grant(register.school_id, role)
    try:
        return call(stub, "RenderMovementRegisterPdf", reporting_pb2.GetMovementRegisterRequest(
            school_id=register.school_id, academic_year_id=academic_year_id or register.year), stack.operator_token())
    finally:
        principals.grants.pop(register.school_id)


@needs_pdftotext
def test_the_register_pdf_lists_the_years_orders_by_number_with_their_students(stub, principals, register, tmp_path):
    report = render(stub, principals, register)
    assert report.media_type == "application/pdf" and report.content.startswith(b"%PDF")
    assert report.filename == f"movement-register-{register.year}.pdf"
    text = pdf_text(report.content, tmp_path)
    assert "Книга движения учащихся" in text and "МБОУ «Средняя школа № 5»" in text and "учебный год 2026/2027" in text
    students = ("Леонов Кирилл", "Петров Илья", "Абрамов Олег", "Ёлкина Анна")
    rows = [(row.group(1), next(name for name in students if name in line)) for line in text.splitlines()
            if (row := re.match(r"\s*(\S+)\s+\d\d\.\d\d\.\d{4}\s", line))]
    assert rows == [("1", "Леонов Кирилл"), ("2", "Петров Илья"), ("2", "Абрамов Олег"), ("3", "Петров Илья"),
                    ("3", "Абрамов Олег"), ("4", "Леонов Кирилл"), ("10", "Ёлкина Анна")], \
        "order-number order, one row per student, the next year's order left out"
    assert "Зачисление" in text and "Условный перевод" in text and "Выбытие" in text and "Отмена приказа" in text
    assert "20.09.2026" in text and "5А" in text and "5Б" in text and "6А" in text
    assert "Математика до 15.10.2027" in text and "школа № 2 г. Тверь" in text and "решение педсовета" in text
    assert text.count("позже срока") == 1 and text.count("отменён приказом № 3") == 2
    assert text.count("отменяет приказ № 2") == 2


def test_redelivered_events_change_nothing(db, register):
    before = snapshot(db, register.school_id)
    assert len(before["rm_order_lines"]) == 8 and before["rm_schools"][0][1] == "МБОУ «Средняя школа № 5»"
    assert all(deliver(db, register.school_id, register.events())), "new event ids, the same facts"
    assert snapshot(db, register.school_id) == before
    consumer = IdempotentConsumer(db, tables.inbox, handlers)
    raw = envelope(register.school_id, register.events()[5], actor="test").SerializeToString()
    assert consumer.handle(raw) and consumer.handle(raw) is False, "the same event id: the inbox skips it"
    assert snapshot(db, register.school_id) == before


def test_an_order_first_told_by_its_cancellation_is_filled_in_by_its_own_event(db, register):
    """The events in reverse order (a cancelled order arriving before its own MovementOrderSigned): the same read
    model as in the order identity publishes them."""
    reversed_school = Register()
    same = {getattr(reversed_school, a): getattr(register, a) for a in vars(register)}
    assert all(deliver(db, reversed_school.school_id, reversed_school.events()[::-1]))

    def told(value: str) -> str:  # the ids of the other school's events (also within the debts' JSON)
        for theirs, ours in same.items():
            value = value.replace(theirs, ours)
        return value

    def facts(school_id: str) -> dict:
        return {name: sorted(tuple(map(told, row)) for row in rows) for name, rows in snapshot(db, school_id).items()}
    got, expected = facts(reversed_school.school_id), facts(register.school_id)
    assert got.pop("rm_schools") == [(register.school_id, "Школа № 5")], "the older name told last wins"
    expected.pop("rm_schools")
    assert got == expected


def test_the_register_tables_are_tenant_scoped(db, register):
    assert all(rows == [] for rows in snapshot(db, str(uuid.uuid4())).values())
    with db.engine.connect() as raw:  # the app role with no tenant bound sees nothing
        for table in REGISTER_TABLES:
            assert raw.scalar(select(func.count()).select_from(table)) == 0, table.name


def test_who_may_read_the_register(stub, principals, register):
    """movement.read: the school's staff (the secretary, the deputy head…); not a guardian, not a service."""
    assert render(stub, principals, register, role="deputy_head").content.startswith(b"%PDF")
    with pytest.raises(grpc.RpcError) as refused:
        render(stub, principals, register, role="guardian")
    assert refused.value.code() == grpc.StatusCode.PERMISSION_DENIED
    with pytest.raises(grpc.RpcError) as refused:
        call(stub, "RenderMovementRegisterPdf", reporting_pb2.GetMovementRegisterRequest(
            school_id=register.school_id, academic_year_id=register.year), stack.service_token())
    assert refused.value.code() == grpc.StatusCode.PERMISSION_DENIED


def test_an_unknown_year_is_not_found_and_a_bad_id_is_invalid(stub, principals, register):
    with pytest.raises(grpc.RpcError) as refused:
        render(stub, principals, register, academic_year_id=str(uuid.uuid4()))
    assert rpc_error(refused)[0] == grpc.StatusCode.NOT_FOUND and "academic_year_id" in rpc_error(refused)[2]
    with pytest.raises(grpc.RpcError) as refused:
        render(stub, principals, register, academic_year_id="2026/2027")
    assert rpc_error(refused)[0] == grpc.StatusCode.INVALID_ARGUMENT and "academic_year_id" in rpc_error(refused)[2]
