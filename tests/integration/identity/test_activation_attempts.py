"""Guessing activation codes is slowed down: after MAX_FAILURES wrong codes from one address within
LOCKOUT, that address is refused (even with a right code) until the failures are old enough."""
import datetime as dt
import json
import uuid

import grpc
import pytest
from sqlalchemy import update

from proto.identity.v1 import identity_pb2 as pb
from services.common.errors import from_rpc_error
from services.identity.adapters.tables import activation_attempts
from services.identity.domain import activation_code
from services.identity.domain.activation_code import LOCKOUT, MAX_FAILURES, TOO_MANY
from tests.integration.identity.conftest import onboard
from tests.support import stack
from tests.support.grpc_harness import rpc_error

pytestmark = pytest.mark.stack


def attempt_error(identity, code: str, address: str, method: str = "ActivateAccount", token: str = ""):
    request = (pb.ActivateAccountRequest(code=code, password=f"Pw-{uuid.uuid4().hex}") if method == "ActivateAccount"
               else pb.ClaimActivationRequest(code=code))
    with pytest.raises(grpc.RpcError) as refused:
        identity.call(method, request, token or stack.service_token(), client_address=address)
    return refused.value


def attempt(identity, code: str, address: str, method: str = "ActivateAccount", token: str = ""):
    error = attempt_error(identity, code, address, method, token)
    details = json.loads(error.details())
    return error.code(), details["message"], details["fields"]


def test_an_address_guessing_codes_is_locked_out(identity):
    school = onboard(identity, "Школа подбора")
    [slip] = identity.call("IssueActivation", pb.IssueActivationRequest(
        school_id=school.id, person_ids=[identity.call("CreatePerson", pb.CreatePersonRequest(
            school_id=school.id, kind=pb.STAFF, name=pb.PersonName(last_name="Подборова", first_name="Ия"),
            roles=["subject_teacher"]), school.admin_token).person.id]), school.admin_token).slips
    guesser, other = (f"2001:db8::{uuid.uuid4().hex[:4]}:{uuid.uuid4().hex[:4]}" for _ in range(2))
    for n in range(MAX_FAILURES):
        code, message, fields = attempt(identity, activation_code.new_code(), guesser,
                                        "ClaimActivation" if n % 2 else "ActivateAccount", school.admin_token)
        assert code == grpc.StatusCode.FAILED_PRECONDITION and "не подходит" in message, n
    with pytest.raises(grpc.RpcError) as refused:  # even the right code
        identity.call("ActivateAccount", pb.ActivateAccountRequest(code=slip.code, password="Pw-long-enough"),
                      stack.service_token(), client_address=guesser)
    code, message, fields = rpc_error(refused)
    assert (code, message, fields) == (grpc.StatusCode.RESOURCE_EXHAUSTED, TOO_MANY.format(minutes=15),
                                       {"code": "слишком много неверных попыток"})
    retry_after = from_rpc_error(refused.value).retry_after  # the lock lifts LOCKOUT after the first failure
    assert LOCKOUT.total_seconds() - 120 < retry_after <= LOCKOUT.total_seconds()
    assert attempt(identity, "not-a-code", other)[0] == grpc.StatusCode.FAILED_PRECONDITION  # other addresses: not locked

    with identity.db.system_session() as session:  # the oldest counted failure decides when the lock lifts
        session.execute(update(activation_attempts).where(activation_attempts.c.client_address == guesser)
                        .values(failed_at=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=12)))
    retry_after = from_rpc_error(attempt_error(identity, slip.code, guesser)).retry_after
    assert 150 < retry_after <= 180

    with identity.db.system_session() as session:  # LOCKOUT later the failures no longer count
        session.execute(update(activation_attempts).where(activation_attempts.c.client_address == guesser)
                        .values(failed_at=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=16)))
    done = identity.call("ActivateAccount", pb.ActivateAccountRequest(code=slip.code, password=f"Pw-{uuid.uuid4().hex}"),
                         stack.service_token(), client_address=guesser)
    assert done.username == slip.username


def test_tenant_sessions_see_no_attempts(identity, school):
    attempt(identity, activation_code.new_code(), f"2001:db8::{uuid.uuid4().hex[:4]}")
    with identity.db.tenant_session(school.id) as session:
        assert session.query(activation_attempts).count() == 0
