"""RecordSignIn (issue 13, the weekly user-activity report): a sign-in through the gateway writes a sign_ins row and
publishes PersonSignedIn in the same transaction, in every school where the person has a role; the rows are the
school's own (row-level security); service accounts and the authority operator record nothing."""
import datetime as dt

import pytest
from sqlalchemy import func, select, text

from proto.identity.v1 import identity_pb2 as pb
from services.identity.adapters.tables import sign_ins
from tests.integration.identity.conftest import onboard, staff_login
from tests.integration.identity.test_movement_register import events
from tests.support import stack

pytestmark = pytest.mark.stack


@pytest.fixture
def school(identity):
    return onboard(identity, "Школа входов")


def signed_in_events(identity, school) -> list[pb.PersonSignedIn]:
    return events(identity, school, pb.PersonSignedIn)


def test_a_sign_in_is_a_row_and_an_event_of_the_school(identity, school):
    teacher = identity.call("CreatePerson", pb.CreatePersonRequest(
        school_id=school.id, kind=pb.STAFF, name=pb.PersonName(last_name="Входова", first_name="Вера"),
        roles=["subject_teacher"], create_account=True), school.admin_token)
    token = staff_login(identity, teacher)
    before = dt.datetime.now(dt.UTC)
    assert list(identity.call("RecordSignIn", pb.RecordSignInRequest(), token).school_ids) == [school.id]
    assert list(identity.call("RecordSignIn", pb.RecordSignInRequest(), token).school_ids) == [school.id]
    with identity.db.tenant_session(school.id) as session:
        rows = session.execute(select(sign_ins).order_by(sign_ins.c.id)).all()
    assert [(r.person_id, r.school_id) for r in rows] == [(teacher.person.id, school.id)] * 2  # one row a sign-in
    assert all(r.signed_in_at >= before - dt.timedelta(seconds=1) for r in rows)
    events = signed_in_events(identity, school)
    assert [(e.school_id, e.person_id) for e in events] == [(school.id, teacher.person.id)] * 2
    assert list(events[0].roles) == ["subject_teacher"] and events[0].full_name == "Входова Вера"
    assert events[0].subject == rows[0].subject and dt.datetime.fromisoformat(events[0].signed_in_at) == rows[0].signed_in_at


def test_sign_ins_are_the_schools_own(identity, school):
    other = onboard(identity, "Другая школа входов")
    identity.call("RecordSignIn", pb.RecordSignInRequest(), school.admin_token)
    with identity.db.tenant_session(other.id) as session:
        assert session.scalar(select(func.count()).select_from(sign_ins)) == 0
    with identity.db.tenant_session(school.id) as session:
        assert session.scalar(select(sign_ins.c.person_id)) == school.onboarded.admin.id
    with identity.db.engine.connect() as raw:  # the app role with no tenant bound sees nothing
        assert raw.scalar(text("SELECT count(*) FROM sign_ins")) == 0


def test_services_and_the_authority_operator_record_nothing(identity, school):
    for token in (stack.service_token(), stack.operator_token()):
        assert list(identity.call("RecordSignIn", pb.RecordSignInRequest(), token).school_ids) == []
    assert signed_in_events(identity, school) == []
