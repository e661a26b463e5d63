"""Identity's port to the schedule service (adapters.class_groups.ScheduleClassGroups) against the real schedule
servicer in-process: the class groups, years and subjects as identity's rules see them, and the next year opened
with identity's own service account, once per source year."""
import datetime as dt

import pytest

from proto.schedule.v1 import schedule_pb2 as spb
from services.common import context
from services.common.errors import Invalid
from services.identity.adapters.class_groups import ScheduleClassGroups
from services.identity.domain.class_groups import AcademicYear, ClassGroup
from tests.integration.schedule.conftest import schedule, school  # noqa: F401 (the schedule's own fixtures)
from tests.support import stack
from tests.support.grpc_harness import token_verifier

pytestmark = pytest.mark.stack


class ServiceTokens:
    def token(self) -> str:
        return stack.service_token()


@pytest.fixture
def port(schedule):  # noqa: F811
    """The adapter on the in-process schedule, called as the school's admin."""
    adapter = ScheduleClassGroups("127.0.0.1:1", ServiceTokens())
    adapter.peer.stub = schedule.stub
    tokens = context.bind(token_verifier().verify(schedule.token))
    yield adapter
    context.reset(tokens)


def test_the_schedule_answers_as_identity_expects(schedule, school, port):  # noqa: F811
    sid = school.id
    fifth = ClassGroup(school.class_group.id, school.year.id, 5, "5А")  # schedule writes the letter capital
    this = AcademicYear(school.year.id, "2025/2026", dt.date(2025, 9, 1), dt.date(2026, 5, 31), "open")
    assert port.class_group(sid, fifth.id) == fifth and port.class_groups(sid, school.year.id) == [fifth]
    assert port.class_group(sid, school.subject.id) is None  # no such class in the school
    assert port.academic_years(sid) == [this] and port.subjects(sid) == {school.subject.id: "Математика"}
    ninth = schedule.call("CreateClassGroup", spb.CreateClassGroupRequest(
        school_id=sid, academic_year_id=school.year.id, grade=9, name="9б"))
    schedule.clock.today = dt.date(2026, 6, 15)  # the last term is over
    opened = port.open_next_year(sid, school.year.id, "2026/2027", [(1, "1а")])
    assert (opened.academic_year.name, opened.academic_year.start, opened.academic_year.status) == (
        "2026/2027", dt.date(2026, 9, 1), "open")
    new = {group.id: group for group in opened.class_groups}
    assert sorted((g.grade, g.name) for g in new.values()) == [(1, "1А"), (6, "6А")]
    assert list(opened.successions) == [fifth.id] and new[opened.successions[fifth.id]].name == "6А"
    assert ninth.id not in opened.successions
    assert port.open_next_year(sid, school.year.id, "2026/2027", [(1, "1а")]) == opened  # resumed


def test_a_class_of_a_closed_year_takes_nobody_without_an_order(schedule, school, port):  # noqa: F811
    sid, fifth = school.id, school.class_group.id
    port.require(sid, fifth)  # the open year's class
    schedule.call("CloseAcademicYear", spb.CloseAcademicYearRequest(school_id=sid, academic_year_id=school.year.id))
    with pytest.raises(Invalid) as refused:
        port.require(sid, fifth)
    assert refused.value.fields == {"class_group_id": "учебный год этого класса закрыт"}
    with pytest.raises(Invalid) as refused:
        port.require(sid, school.subject.id)
    assert refused.value.fields == {"class_group_id": "в этой школе нет такого класса"}
