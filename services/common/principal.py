"""Resolves the calling person's role grants in a school by asking the identity service (cached)."""
import threading
import time

from proto.identity.v1 import identity_pb2, identity_pb2_grpc
from services.common import context
from services.common.grpc_client import Peer
from services.common.policy import Principal

TTL_SECONDS = 30.0


def principal_from_proto(p: identity_pb2.Principal) -> Principal:
    return Principal(subject=p.subject, school_id=p.school_id, person_id=p.person_id,
                     roles=frozenset(p.roles), student_ids=frozenset(p.student_ids),
                     form_class_group_ids=frozenset(p.form_class_group_ids))


class PrincipalResolver:
    def __init__(self, identity_address: str):
        self.peer = Peer(identity_address, identity_pb2_grpc.IdentityServiceStub)
        self._cache: dict[tuple[str, str], tuple[float, Principal]] = {}
        self._lock = threading.Lock()

    def resolve(self, school_id: str) -> Principal:
        caller = context.current_caller()
        if caller.is_service:
            return Principal(subject=caller.subject, school_id=school_id, is_service=True)
        key = (caller.token, school_id)
        now = time.monotonic()
        with self._lock:
            hit = self._cache.get(key)
            if hit and hit[0] > now:
                return hit[1]
        principal = principal_from_proto(
            self.peer.call("GetPrincipal", identity_pb2.GetPrincipalRequest(school_id=school_id)))
        with self._lock:
            if len(self._cache) > 10_000:
                self._cache.clear()
            self._cache[key] = (now + TTL_SECONDS, principal)
        return principal
