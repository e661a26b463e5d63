"""Every service verifies tokens itself: a call that skips the gateway gets no further without one."""
import base64
import json
import uuid

import grpc
import pytest

from proto.identity.v1 import identity_pb2, identity_pb2_grpc
from proto.journal.v1 import journal_pb2, journal_pb2_grpc
from services import topology
from services.common.grpc_client import channel
from tests.support import stack

pytestmark = pytest.mark.stack


def forged(token: str) -> str:
    """The same token with its payload changed (roles added): the signature no longer matches."""
    header, payload, signature = token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims["realm_access"] = {"roles": ["authority_operator", "school_admin"]}
    body = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()
    return f"{header}.{body}.{signature}"


@pytest.mark.parametrize("token", [None, "not-a-jwt", "forged"])
def test_calls_without_a_valid_token_are_refused(installation, token):
    if token == "forged":
        token = forged(stack.password_token("operator", stack.env()["OTMETKA_OPERATOR_PASSWORD"]))
    metadata = [("authorization", f"Bearer {token}")] if token else []
    calls = [
        (identity_pb2_grpc.IdentityServiceStub, "identity", "ListSchools", identity_pb2.ListSchoolsRequest()),
        (journal_pb2_grpc.JournalServiceStub, "journal", "GetDiary",
         journal_pb2.GetDiaryRequest(school_id=str(uuid.uuid4()), student_id=str(uuid.uuid4()))),
    ]
    for stub_class, service, method, request in calls:
        with channel(f"127.0.0.1:{topology.GRPC_PORTS[service]}") as peer:
            with pytest.raises(grpc.RpcError) as refused:
                getattr(stub_class(peer), method)(request, metadata=metadata, timeout=10)
        assert refused.value.code() == grpc.StatusCode.UNAUTHENTICATED, (service, refused.value.details())
