"""The movement register's handlers against a fake unit of work and a fake of our schedule port (no PostgreSQL, no
schedule): what an order writes and publishes, in which order, and that a refused order writes nothing."""
import dataclasses
import datetime as dt
import uuid
from types import SimpleNamespace

import pytest

from proto.identity.v1 import identity_pb2 as pb
from services.common.errors import Forbidden, Invalid, NotFound
from services.common.scope import Scope
from services.identity.domain.class_groups import AcademicYear, ClassGroup
from services.identity.domain.class_membership import Membership
from services.identity.domain.movement_order import TRANSFER, Line
from services.identity.domain.movement_policy import MovementPolicy
from services.identity.service_layer import movement_orders, movement_policy
from tests.support import fake_unit_of_work
from tests.unit.identity.test_handlers import SCHOOL, FakeAudit, Principals

YEAR = AcademicYear("y1", "2025/2026", dt.date(2025, 9, 1), dt.date(2026, 5, 31), "open")
DAY = dt.date(2026, 1, 14)
ANNA, STRANGER = str(uuid.uuid4()), str(uuid.uuid4())
FIFTH_A, FIFTH_B = str(uuid.uuid4()), str(uuid.uuid4())
GROUPS = {g.id: g for g in (ClassGroup(FIFTH_A, "y1", 5, "5А"), ClassGroup(FIFTH_B, "y1", 5, "5Б"))}


class FakeClassGroups:
    def class_group(self, school_id, class_group_id):
        return GROUPS.get(class_group_id)

    def academic_years(self, school_id):
        return [YEAR]


class FakePeople:
    def rows(self, ids):
        return [SimpleNamespace(id=i, kind="student", last_name="Ученикова", first_name="Анна", middle_name="")
                for i in ids if i == ANNA]


class FakeMemberships:
    def __init__(self):
        self.held = {ANNA: [Membership(FIFTH_A)]}

    def of(self, ids):
        return {i: self.held.get(i, []) for i in ids}

    def replace(self, student_id, memberships):
        self.held[student_id] = memberships


class FakeOrders:
    def __init__(self):
        self.signed: list[pb.MovementOrder] = []

    def lock(self):
        pass

    def next_number(self):
        return str(len(self.signed) + 1)

    def add(self, order):
        self.signed.append(order)
        return order


class FakeMovementPolicy:
    def __init__(self, policy: MovementPolicy = MovementPolicy()):
        self.policy = policy

    def get(self) -> MovementPolicy:
        return self.policy

    def set(self, values: dict) -> None:
        self.policy = dataclasses.replace(self.policy, **values)


class FakeUnitOfWork(fake_unit_of_work.FakeUnitOfWork):
    def __init__(self, policy: MovementPolicy = MovementPolicy()):
        super().__init__(SCHOOL)
        self.people, self.memberships, self.orders, self.audit = FakePeople(), FakeMemberships(), FakeOrders(), \
            FakeAudit()
        self.movement_policy = FakeMovementPolicy(policy)

    def today(self):
        return DAY


def sign(uow, *lines, roles=("secretary",)):
    return movement_orders.sign_order(Scope(SCHOOL, Principals(*roles)), uow, FakeClassGroups(), TRANSFER, "", "",
                                      DAY.isoformat(), "заявление", list(lines))


def test_a_transfer_writes_the_order_the_memberships_and_its_events_together():
    uow = FakeUnitOfWork()
    order = sign(uow, Line(ANNA, FIFTH_B))
    assert (order.number, order.academic_year_id, order.deadline, order.late) == ("1", "y1", "2026-01-19", False)
    assert uow.memberships.held[ANNA] == [Membership(FIFTH_A, None, DAY - dt.timedelta(days=1)),
                                          Membership(FIFTH_B, DAY, None, order.id)]
    assert [type(m).__name__ for m in uow.published] == ["MovementOrderSigned", "StudentTransferred"]
    assert uow.committed == 1 and [entry[0] for entry in uow.audit.entries] == ["order.sign"]


def test_a_refused_order_writes_nothing():
    uow = FakeUnitOfWork()
    with pytest.raises(Invalid) as refused:
        sign(uow, Line(ANNA, FIFTH_B), Line(STRANGER, FIFTH_B), Line(ANNA, FIFTH_B))
    assert set(refused.value.fields) == {"lines[1].student_id", "lines[2].student_id"}
    assert uow.committed == 0 and uow.published == [] and uow.orders.signed == []
    with pytest.raises(Forbidden):
        sign(uow, Line(ANNA, FIFTH_B), roles=("subject_teacher",))


def test_an_order_is_late_by_the_schools_own_deadline():
    uow = FakeUnitOfWork(MovementPolicy(notice_working_days=0))
    order = movement_orders.sign_order(Scope(SCHOOL, Principals("secretary")), uow, FakeClassGroups(), TRANSFER, "",
                                       (DAY + dt.timedelta(days=1)).isoformat(), DAY.isoformat(), "заявление",
                                       [Line(ANNA, FIFTH_B)])
    assert (order.deadline, order.late) == (DAY.isoformat(), True)


def test_the_movement_policy_changes_only_the_fields_given_by_a_manager():
    uow = FakeUnitOfWork()
    director = Scope(SCHOOL, Principals("director"))
    changed = movement_policy.set_movement_policy(director, uow, {"promotion_due": " 06-30 "})
    assert (changed.promotion_due, changed.notice_working_days, changed.transition_due) == ("06-30", 3, "09-15")
    assert uow.audit.entries == [("movement_policy.set", SCHOOL, {"promotion_due": "06-30"})]
    read = movement_policy.get_movement_policy(Scope(SCHOOL, Principals("secretary")), uow)
    assert (read.school_id, read.promotion_due) == (SCHOOL, "06-30")

    with pytest.raises(Invalid) as refused:
        movement_policy.set_movement_policy(director, uow, {"notice_working_days": 31, "transition_due": "09-31"})
    assert set(refused.value.fields) == {"notice_working_days", "transition_due"}
    for roles in (("secretary",), ("deputy_head",)):
        with pytest.raises(Forbidden):
            movement_policy.set_movement_policy(Scope(SCHOOL, Principals(*roles)), uow, {"notice_working_days": 1})
    with pytest.raises(NotFound):
        movement_policy.get_movement_policy(Scope(SCHOOL, Principals()), uow)
    assert uow.movement_policy.get() == MovementPolicy(promotion_due="06-30") and uow.committed == 2
