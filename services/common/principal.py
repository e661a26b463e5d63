"""Resolves the calling person's role grants in a school by asking the identity service (kept a while).

An answer is kept per (token, school) for `TTL_SECONDS` (30 s: a role granted or taken away reaches the other
services within that, as docs/architecture.md says), never past the token's `exp`, at most `CACHE_SIZE` answers a
process (the least recently used dropped first). Refusals (an unknown school, a suspended one, identity
unreachable) are never kept. Service callers are answered without asking identity."""
import time

from proto.identity.v1 import identity_pb2, identity_pb2_grpc
from services.common import context
from services.common.expiring import ExpiringCache
from services.common.grpc_client import Peer
from services.common.policy import Principal

TTL_SECONDS = 30.0
CACHE_SIZE = 10_000  # ≈ 1 KB each with its key (the token): ≈ 10 MB at most


def principal_from_proto(p: identity_pb2.Principal) -> Principal:
    return Principal(subject=p.subject, school_id=p.school_id, person_id=p.person_id,
                     roles=frozenset(p.roles), student_ids=frozenset(p.student_ids),
                     form_class_group_ids=frozenset(p.form_class_group_ids))


class PrincipalResolver:
    def __init__(self, identity_address: str, ttl: float = TTL_SECONDS, cache_size: int = CACHE_SIZE,
                 clock=time.time, peer: Peer | None = None):
        self.peer = peer or Peer(identity_address, identity_pb2_grpc.IdentityServiceStub)
        self.ttl = ttl
        self.clock = clock
        self._cache = ExpiringCache(cache_size)  # (token, school) -> principal

    def resolve(self, school_id: str) -> Principal:
        caller = context.current_caller()
        if caller.is_service:
            return Principal(subject=caller.subject, school_id=school_id, is_service=True)
        key = (caller.token, school_id)
        now = self.clock()
        if (kept := self._cache.get(key, now)) is not None:
            return kept
        principal = principal_from_proto(
            self.peer.call("GetPrincipal", identity_pb2.GetPrincipalRequest(school_id=school_id)))
        until = min(now + self.ttl, float(caller.claims.get("exp", now + self.ttl)))
        self._cache.put(key, principal, until)
        return principal
