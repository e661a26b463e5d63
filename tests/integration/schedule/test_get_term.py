"""GetTerm: one term's dates for the journal's term marks; unknown and other schools' terms are not found."""
import uuid

import grpc
import pytest

from proto.schedule.v1 import schedule_pb2 as pb
from tests.support.grpc_harness import rpc_error

pytestmark = pytest.mark.stack


def test_a_term_is_read_by_id_within_its_school_only(schedule, school):
    first = school.year.terms[0]
    term = schedule.call("GetTerm", pb.GetTermRequest(school_id=school.id, term_id=first.id))
    assert (term.id, term.name, term.kind, term.start_date, term.end_date) == (
        first.id, "1 четверть", "quarter", "2025-09-01", "2025-10-24")
    other = str(uuid.uuid4())
    schedule.principals.grant(other, "school_admin")
    for school_id, term_id in [(other, first.id), (school.id, str(uuid.uuid4()))]:
        with pytest.raises(grpc.RpcError) as err:
            schedule.call("GetTerm", pb.GetTermRequest(school_id=school_id, term_id=term_id))
        assert rpc_error(err)[0] == grpc.StatusCode.NOT_FOUND
    with pytest.raises(grpc.RpcError) as err:
        schedule.call("GetTerm", pb.GetTermRequest(school_id=school.id, term_id="1"))
    assert list(rpc_error(err)[2]) == ["term_id"]
