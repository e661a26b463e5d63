"""A school's movement policy on the real PostgreSQL: its own deadlines make its orders and its year transition late
or not, another school keeps the regulations' defaults; only the fields sent change, managers set it, staff read it,
bad values name their field; the table is under row-level security."""
import datetime as dt

import grpc
import pytest
from sqlalchemy import select

from proto.identity.v1 import identity_pb2 as pb
from services.common.dates import school_today
from services.identity.adapters import tables
from services.identity.domain.movement_order import working_days_after
from tests.integration.identity.conftest import onboard, staff_login
from tests.integration.identity.test_movement_register import add_class, sign, student
from tests.integration.identity.test_year_transition import request
from tests.support.grpc_harness import rpc_error

pytestmark = pytest.mark.stack
DAY = dt.timedelta(days=1)


@pytest.fixture
def schools(identity):
    """Two schools of each test's own, each with this academic year (open) and a class in it."""
    found = []
    for name in ("Школа СП", "Школа СД"):
        school = onboard(identity, name)
        today = school_today()
        school.year = identity.class_groups.year(school.id, dt.date(today.year if today.month >= 9 else today.year - 1,
                                                                    9, 1))
        school.class_id = add_class(identity, school, school.year, 5, "5А")
        found.append(school)
    return found


def policy(identity, school, token=None) -> pb.MovementPolicy:
    return identity.call("GetMovementPolicy", pb.GetMovementPolicyRequest(school_id=school.id),
                         token or school.admin_token)


def set_policy(identity, school, token=None, **values) -> pb.MovementPolicy:
    return identity.call("SetMovementPolicy", pb.SetMovementPolicyRequest(school_id=school.id, **values),
                         token or school.admin_token)


def fields(policy_message) -> tuple[str, int, str]:
    return policy_message.promotion_due, policy_message.notice_working_days, policy_message.transition_due


def test_a_schools_own_notice_makes_its_order_late_and_the_other_school_keeps_the_default(identity, schools):
    own, other = schools
    assert fields(policy(identity, own)) == ("08-31", 3, "09-15")
    assert fields(set_policy(identity, own, notice_working_days=0)) == ("08-31", 0, "09-15")
    assert fields(set_policy(identity, own, promotion_due="07-01")) == ("07-01", 0, "09-15")  # the rest stays
    assert fields(policy(identity, own)) == ("07-01", 0, "09-15")
    assert fields(policy(identity, other)) == ("08-31", 3, "09-15")

    day = own.year.start + dt.timedelta(days=100)
    for school, deadline, late in ((own, day, True), (other, working_days_after(day, 3), False)):
        anna = student(identity, school)
        order = sign(identity, school, pb.ENROLMENT, day,
                     pb.OrderLine(student_id=anna.id, to_class_group_id=school.class_id), order_date=day + DAY)
        assert (order.deadline, order.late) == (deadline.isoformat(), late)


def test_a_schools_own_transition_day_makes_its_transition_late(identity, schools):
    own, other = schools
    start = own.year.start.replace(year=own.year.start.year - 2)  # the year before last: the next one is opened
    for school in schools:
        school.source = identity.class_groups.year(school.id, start, "closed")
        student(identity, school, add_class(identity, school, school.source, 5, "5А"))
    set_policy(identity, own, transition_due="09-01")
    new_year = start.year + 1
    order_date = dt.date(new_year, 9, 6).isoformat()
    for school, deadline, late in ((own, "09-01", True), (other, "09-15", False)):
        preview = identity.call("PreviewYearTransition", request(school, order_date=order_date), school.admin_token)
        assert (preview.deadline, preview.late) == (f"{new_year}-{deadline}", late)
    done = identity.call("TransitionYear", request(own, order_date=order_date), own.admin_token)
    assert (done.deadline, done.late, len(done.orders)) == (f"{new_year}-09-01", True, 1)


def test_managers_set_the_policy_staff_read_it_and_bad_values_name_their_field(identity, schools):
    own, other = schools
    for role in ("director", "secretary"):
        created = identity.call("CreatePerson", pb.CreatePersonRequest(
            school_id=own.id, kind=pb.STAFF, name=pb.PersonName(last_name="Сотрудникова", first_name="Вера"),
            roles=[role], create_account=True), own.admin_token)
        token = staff_login(identity, created)
        if role == "director":
            assert set_policy(identity, own, token, transition_due="09-10").transition_due == "09-10"
        else:
            assert policy(identity, own, token).transition_due == "09-10"
            with pytest.raises(grpc.RpcError) as refused:
                set_policy(identity, own, token, transition_due="09-01")
            assert rpc_error(refused)[0] == grpc.StatusCode.PERMISSION_DENIED
    with pytest.raises(grpc.RpcError) as refused:  # another school's administrator: no such school
        set_policy(identity, own, other.admin_token, notice_working_days=1)
    assert rpc_error(refused)[0] == grpc.StatusCode.NOT_FOUND
    for values, field in (({"promotion_due": "02-29"}, "promotion_due"), ({"transition_due": "15.09"}, "transition_due"),
                          ({"notice_working_days": 31}, "notice_working_days")):
        with pytest.raises(grpc.RpcError) as refused:
            set_policy(identity, own, **values)
        code, _, problems = rpc_error(refused)
        assert code == grpc.StatusCode.INVALID_ARGUMENT and list(problems) == [field]
        assert any("а" <= ch <= "я" for ch in problems[field])  # Russian
    assert fields(policy(identity, own)) == ("08-31", 3, "09-10")  # nothing written by a refusal
    with identity.db.tenant_session(other.id) as session:  # row-level security: a school sees its own row only
        assert session.execute(select(tables.movement_policy.c.school_id)).all() == []
    with identity.db.tenant_session(own.id) as session:
        assert session.scalars(select(tables.movement_policy.c.school_id)).all() == [own.id]
