"""A call after PostgreSQL dropped the journal's pooled connections (here: the superuser terminated them) still
succeeds: its transaction starts again on a fresh connection (services/common/db.py, no pre-ping)."""
import uuid

from proto.journal.v1 import journal_pb2 as pb
from tests.support.grpc_harness import end_backends


def test_the_next_call_after_the_backends_were_terminated_succeeds(journal):
    school = str(uuid.uuid4())
    journal.principals.grant(school, "subject_teacher", person_id=str(uuid.uuid4()))
    before = journal.call("ListWorkTypes", pb.ListWorkTypesRequest(school_id=school))
    assert end_backends(journal.db) >= 1
    assert journal.call("ListWorkTypes", pb.ListWorkTypesRequest(school_id=school)) == before
