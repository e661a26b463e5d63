"""The movement register and dated class membership on the real PostgreSQL: orders of every kind move students
between classes by date, their events reach the outbox with the memberships, a refused order writes nothing, a
cancellation undoes the latest order only, and the new tables are under row-level security."""
import datetime as dt
import uuid
from concurrent.futures import ThreadPoolExecutor

import grpc
import pytest
from sqlalchemy import event as sqlalchemy_event
from sqlalchemy import func, select

from proto.events.v1.envelope_pb2 import Envelope
from proto.identity.v1 import identity_pb2 as pb
from services.common.dates import school_today
from services.identity.adapters import tables
from services.identity.adapters.person_store import PersonStore
from services.identity.domain.movement_order import working_days_after
from tests.integration.identity.conftest import onboard
from tests.support.grpc_harness import rpc_error

pytestmark = pytest.mark.stack
DAY = dt.timedelta(days=1)


@pytest.fixture
def school(identity):
    """A school of each test's own, with this academic year (open), the next (open) and the last (closed)."""
    school = onboard(identity, "Школа ДВ")
    today = school_today()
    start = dt.date(today.year if today.month >= 9 else today.year - 1, 9, 1)
    school.this_year = identity.class_groups.year(school.id, start)
    school.next_year = identity.class_groups.year(school.id, start.replace(year=start.year + 1))
    school.last_year = identity.class_groups.year(school.id, start.replace(year=start.year - 1), "closed")
    return school


def add_class(identity, school, year, grade, name) -> str:
    return identity.class_groups.add_class(school.id, year, grade, name).id


def student(identity, school, class_group_id="", last_name="Ученикова") -> pb.Person:
    return identity.call("CreatePerson", pb.CreatePersonRequest(
        school_id=school.id, kind=pb.STUDENT, name=pb.PersonName(last_name=last_name, first_name="Анна"),
        gender="female", birth_date="2014-03-01", class_group_id=class_group_id), school.admin_token).person


def sign(identity, school, kind, effective: dt.date, *lines, number="", order_date=None, cancels=""):
    return identity.call("SignOrder", pb.SignOrderRequest(
        school_id=school.id, kind=kind, number=number, effective_date=effective.isoformat(),
        order_date=(order_date or effective).isoformat(), reason="заявление родителей", lines=lines,
        cancels_order_id=cancels), school.admin_token)


def person(identity, school, person_id) -> pb.Person:
    return identity.call("GetPerson", pb.GetPersonRequest(school_id=school.id, person_id=person_id),
                         school.admin_token)


def listed(identity, school, class_group_id, on_date=None) -> list[str]:
    return [p.id for p in identity.call("ListPeople", pb.ListPeopleRequest(
        school_id=school.id, class_group_id=class_group_id, on_date=on_date.isoformat() if on_date else ""),
        school.admin_token).people]


def events(identity, school, message_type):
    """The school's events of a type in the outbox, oldest first."""
    with identity.db.tenant_session(school.id) as session:
        payloads = session.scalars(select(tables.outbox.c.payload).where(
            tables.outbox.c.type == message_type.DESCRIPTOR.full_name).order_by(tables.outbox.c.seq)).all()
    found = []
    for payload in payloads:
        event = message_type()
        Envelope.FromString(payload).payload.Unpack(event)
        found.append(event)
    return found


def refused(identity, school, kind, effective, *lines, **order) -> tuple[grpc.StatusCode, dict]:
    with pytest.raises(grpc.RpcError) as refusal:
        sign(identity, school, kind, effective, *lines, **order)
    code, _, fields = rpc_error(refusal)
    return code, fields


def memberships(message) -> list[tuple[str, str, str, str]]:
    return [(m.class_group_id, m.date_from, m.date_to, m.order_id) for m in message.memberships]


def test_a_student_placed_in_a_class_is_in_it_since_it_began(identity, school):
    class_a = add_class(identity, school, school.this_year, 5, "5А")
    anna = student(identity, school, class_a)
    card = person(identity, school, anna.id)
    assert memberships(card) == [(class_a, "", "", "")] and card.class_group_id == class_a
    [enrolled] = events(identity, school, pb.StudentEnrolled)
    assert (enrolled.student_id, enrolled.class_group_id, enrolled.order_id) == (anna.id, class_a, "")
    assert memberships(enrolled) == [(class_a, "", "", "")]
    assert listed(identity, school, class_a) == [anna.id] == listed(identity, school, class_a, school_today())
    statements = []

    def seen(conn, cursor, statement, *rest):
        statements.append(statement)

    with identity.db.tenant_session(school.id) as session:  # the journal's hot path: one round trip
        sqlalchemy_event.listen(identity.db.engine, "before_cursor_execute", seen)
        try:
            [card] = PersonStore(session, school.id, school_today()).listed("", class_a, school_today())
        finally:
            sqlalchemy_event.remove(identity.db.engine, "before_cursor_execute", seen)
    assert len(statements) == 1 and memberships(card) == [(class_a, "", "", "")]


def test_a_transfer_moves_the_student_on_its_date_and_a_cancellation_undoes_it(identity, school):
    class_a = add_class(identity, school, school.this_year, 5, "5А")
    class_b = add_class(identity, school, school.this_year, 5, "5Б")
    anna = student(identity, school, class_a)
    day = school.this_year.start + dt.timedelta(days=135)
    order = sign(identity, school, pb.TRANSFER, day, pb.OrderLine(student_id=anna.id, to_class_group_id=class_b))
    assert (order.number, order.kind, order.academic_year_id, order.late) == ("1", pb.TRANSFER,
                                                                             school.this_year.id, False)
    assert order.deadline == working_days_after(day, 3).isoformat()
    assert [(line.from_class_group_id, line.to_class_group_id, line.student_name) for line in order.lines] == [
        (class_a, class_b, "Ученикова Анна")]
    moved = [(class_a, "", (day - DAY).isoformat(), ""), (class_b, day.isoformat(), "", order.id)]
    card = person(identity, school, anna.id)
    assert memberships(card) == moved
    assert card.class_group_id == (class_b if day <= school_today() else class_a)
    assert listed(identity, school, class_a) == [anna.id] == listed(identity, school, class_b)
    assert listed(identity, school, class_a, day) == [] == listed(identity, school, class_b, day - DAY)
    assert listed(identity, school, class_a, day - DAY) == [anna.id] == listed(identity, school, class_b, day)
    [signed] = events(identity, school, pb.MovementOrderSigned)
    [transferred] = events(identity, school, pb.StudentTransferred)
    assert signed.order == order and memberships(transferred) == moved
    assert (transferred.from_class_group_id, transferred.to_class_group_id, transferred.effective_date) == (
        class_a, class_b, day.isoformat())
    code, fields = refused(identity, school, pb.TRANSFER, day + DAY,
                           pb.OrderLine(student_id=anna.id, to_class_group_id=class_a), number="1")
    assert code == grpc.StatusCode.ALREADY_EXISTS and "number" in fields

    cancellation = sign(identity, school, pb.CANCELLATION, day, cancels=order.id, number="2-о")
    assert person(identity, school, anna.id).memberships == pb.Person(memberships=[
        pb.ClassMembership(class_group_id=class_a)]).memberships
    assert identity.call("GetOrder", pb.GetOrderRequest(school_id=school.id, order_id=order.id),
                         school.admin_token).cancelled_by_order_id == cancellation.id
    [cancelled] = events(identity, school, pb.MovementOrderCancelled)
    assert cancelled.order.id == order.id and cancelled.cancellation == cancellation
    assert [memberships(s) for s in cancelled.students] == [[(class_a, "", "", "")]]
    register = identity.call("ListOrders", pb.ListOrdersRequest(school_id=school.id, student_id=anna.id),
                             school.admin_token).orders
    assert [o.id for o in register] == [order.id, cancellation.id]


def test_the_orders_of_the_year_end_enrolment_and_leaving(identity, school):
    this, following = school.this_year, school.next_year
    fifth, ninth = add_class(identity, school, this, 5, "5А"), add_class(identity, school, this, 9, "9А")
    sixth, fifth_next = add_class(identity, school, following, 6, "6А"), add_class(identity, school, following, 5, "5А")
    promoted, owing, repeating = (student(identity, school, fifth, name) for name in ("Первая", "Вторая", "Третья"))
    graduate, leaver = student(identity, school, ninth, "Выпускница"), student(identity, school, fifth, "Уходящая")
    start = following.start
    promotion = sign(identity, school, pb.PROMOTION, start, pb.OrderLine(student_id=promoted.id,
                                                                        to_class_group_id=sixth))
    assert (promotion.academic_year_id, promotion.deadline) == (this.id, dt.date(this.end.year, 8, 31).isoformat())
    debt = pb.AcademicDebt(subject_id=str(uuid.uuid4()), deadline=(start + dt.timedelta(days=60)).isoformat())
    code, fields = refused(identity, school, pb.CONDITIONAL_PROMOTION, start,
                           pb.OrderLine(student_id=owing.id, to_class_group_id=sixth, debts=[debt]))
    assert code == grpc.StatusCode.INVALID_ARGUMENT and list(fields) == ["lines[0].debts[0].subject_id"]
    debt.subject_id = identity.class_groups.add_subject(school.id, "Математика")
    sign(identity, school, pb.CONDITIONAL_PROMOTION, start,
         pb.OrderLine(student_id=owing.id, to_class_group_id=sixth, debts=[debt]))
    debt.subject_name = "Математика"  # filled by the register
    sign(identity, school, pb.REPETITION, start, pb.OrderLine(student_id=repeating.id, to_class_group_id=fifth_next))
    graduation = sign(identity, school, pb.GRADUATION, this.end + DAY,
                      pb.OrderLine(student_id=graduate.id, document="аттестат № 1"))
    leaving = sign(identity, school, pb.LEAVING, this.start + dt.timedelta(days=40),
                   pb.OrderLine(student_id=leaver.id, destination="школа № 5"))
    newcomer = student(identity, school, last_name="Новенькая")
    enrolment = sign(identity, school, pb.ENROLMENT, this.start + dt.timedelta(days=41),
                     pb.OrderLine(student_id=newcomer.id, to_class_group_id=fifth))
    assert [o.number for o in (promotion, graduation, leaving, enrolment)] == ["1", "4", "5", "6"]
    [_, conditional, repeated] = events(identity, school, pb.StudentPromoted)
    assert conditional.conditional and list(conditional.debts) == [debt] and repeated.repeating
    [left] = events(identity, school, pb.StudentLeft)
    assert (left.destination, left.from_class_group_id) == ("школа № 5", fifth)
    [graduated] = events(identity, school, pb.StudentGraduated)
    assert memberships(graduated) == [(ninth, "", this.end.isoformat(), "")] and graduated.document == "аттестат № 1"
    assert set(listed(identity, school, sixth, start)) == {promoted.id, owing.id}
    assert listed(identity, school, fifth_next, start) == [repeating.id]
    assert set(listed(identity, school, fifth, this.start + dt.timedelta(days=41))) == {
        promoted.id, owing.id, repeating.id, newcomer.id}


def test_a_refused_order_writes_nothing(identity, school, other_school):
    fifth = add_class(identity, school, school.this_year, 5, "5А")
    closed = add_class(identity, school, school.last_year, 5, "5Б")
    other_fifth = add_class(identity, school, school.this_year, 5, "5В")
    anna = student(identity, school, fifth)
    stranger = identity.call("CreatePerson", pb.CreatePersonRequest(
        school_id=other_school.id, kind=pb.STUDENT, name=pb.PersonName(last_name="Чужая", first_name="Вера"),
        gender="female", birth_date="2014-03-01"),
        other_school.admin_token).person
    day = school.this_year.start + dt.timedelta(days=100)
    line = pb.OrderLine(student_id=anna.id, to_class_group_id=other_fifth)
    for kind, bad, field in (
            (pb.TRANSFER, pb.OrderLine(student_id=stranger.id, to_class_group_id=other_fifth), "student_id"),
            (pb.TRANSFER, pb.OrderLine(student_id=anna.id, to_class_group_id=closed), "to_class_group_id"),
            (pb.GRADUATION, pb.OrderLine(student_id=anna.id, document="аттестат"), "student_id"),
            (pb.LEAVING, pb.OrderLine(student_id=anna.id), "destination"),
            (pb.ENROLMENT, pb.OrderLine(student_id=anna.id, to_class_group_id=other_fifth), "student_id")):
        code, fields = refused(identity, school, kind, day, line, bad)
        assert code == grpc.StatusCode.INVALID_ARGUMENT and f"lines[1].{field}" in fields, (kind, fields)
    with identity.db.tenant_session(school.id) as session:
        assert session.scalar(select(func.count()).select_from(tables.movement_orders)) == 0
        assert session.scalar(select(func.count()).select_from(tables.order_lines)) == 0
    assert memberships(person(identity, school, anna.id)) == [(fifth, "", "", "")]
    assert events(identity, school, pb.MovementOrderSigned) == []


def test_only_the_latest_order_of_its_students_is_cancelled(identity, school, other_school):
    class_a = add_class(identity, school, school.this_year, 5, "5А")
    class_b = add_class(identity, school, school.this_year, 5, "5Б")
    anna = student(identity, school, class_a)
    day = school.this_year.start + dt.timedelta(days=30)
    first = sign(identity, school, pb.TRANSFER, day, pb.OrderLine(student_id=anna.id, to_class_group_id=class_b))
    sign(identity, school, pb.TRANSFER, day + 7 * DAY, pb.OrderLine(student_id=anna.id, to_class_group_id=class_a))
    code, fields = refused(identity, school, pb.CANCELLATION, day, cancels=first.id)
    assert code == grpc.StatusCode.FAILED_PRECONDITION and "cancels_order_id" in fields
    with identity.db.tenant_session(other_school.id) as session:  # row-level security on the new tables
        for table in (tables.class_memberships, tables.movement_orders, tables.order_lines):
            assert session.scalar(select(func.count()).select_from(table)
                                  .where(table.c.school_id == school.id)) == 0
    with identity.db.tenant_session(school.id) as session:
        assert session.scalar(select(func.count()).select_from(tables.movement_orders)) == 2


def test_orders_signed_at_once_get_the_next_numbers_in_turn(identity, school):
    class_a = add_class(identity, school, school.this_year, 5, "5А")
    leavers = [student(identity, school, class_a, name) for name in ("Первая", "Вторая", "Третья")]
    day = school.this_year.start + dt.timedelta(days=50)
    with ThreadPoolExecutor(max_workers=3) as pool:
        orders = list(pool.map(lambda s: sign(identity, school, pb.LEAVING, day, pb.OrderLine(
            student_id=s.id, destination="другая школа")), leavers))
    assert sorted(order.number for order in orders) == ["1", "2", "3"]


def test_a_closed_year_is_not_rewritten_by_an_order_nor_by_a_cancellation(identity, school):
    last = school.last_year
    pupil = student(identity, school, add_class(identity, school, last, 5, "5А")).id
    with pytest.raises(grpc.RpcError) as refused:  # a leaver of last March, signed after the year was closed
        sign(identity, school, pb.LEAVING, last.start + 180 * DAY, pb.OrderLine(student_id=pupil, destination="Тверь"))
    code, _, fields = rpc_error(refused)
    assert (code, fields) == (grpc.StatusCode.FAILED_PRECONDITION, {"effective_date": "дата в закрытом учебном году"})
    assert listed(identity, school, person(identity, school, pupil).memberships[0].class_group_id,
                  last.start + 200 * DAY) == [pupil]
    # the year's end orders take effect after it and stay open to a cancellation
    summer = sign(identity, school, pb.LEAVING, last.end + DAY, pb.OrderLine(student_id=pupil, destination="Тверь"))
    sign(identity, school, pb.CANCELLATION, last.end + DAY, cancels=summer.id)
    assert person(identity, school, pupil).memberships[0].date_to == ""

    this = school.this_year
    other = student(identity, school, add_class(identity, school, this, 6, "6А")).id
    left = sign(identity, school, pb.LEAVING, this.start + 30 * DAY, pb.OrderLine(student_id=other, destination="Тверь"))
    identity.class_groups.close(school.id, this.id)
    with pytest.raises(grpc.RpcError) as refused:
        sign(identity, school, pb.CANCELLATION, this.start + 30 * DAY, cancels=left.id)
    assert rpc_error(refused)[2] == {"cancels_order_id": "учебный год закрыт"}
    assert person(identity, school, other).memberships[0].date_to == (this.start + 29 * DAY).isoformat()
