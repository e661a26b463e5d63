"""Principals are kept per (token, school) for the TTL and never past the token's `exp`, at most `cache_size` of them
(the least recently used dropped first); refusals are never kept and service callers never ask identity."""
import uuid

import pytest

from proto.identity.v1 import identity_pb2
from services.common import context
from services.common.context import Caller
from services.common.errors import NotFound
from services.common.principal import PrincipalResolver

NOW = 1_800_000_000.0


class Clock:
    def __init__(self):
        self.now = NOW

    def __call__(self) -> float:
        return self.now


class Identity:
    """Stands in for identity's GetPrincipal: answers with the school's roles, counts the calls."""

    def __init__(self):
        self.calls = 0
        self.roles = ["subject_teacher"]
        self.refuse = False

    def call(self, method: str, request):
        assert method == "GetPrincipal"
        self.calls += 1
        if self.refuse:
            raise NotFound("Школа не найдена")
        return identity_pb2.Principal(subject="teacher", school_id=request.school_id, roles=self.roles)


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def identity():
    return Identity()


@pytest.fixture
def resolver(clock, identity):
    return PrincipalResolver("unused", ttl=30, cache_size=3, clock=clock, peer=identity)


def as_caller(token: str = "", expires: float = NOW + 300, roles=("staff",)):
    caller = Caller(subject="teacher", username="t", realm_roles=frozenset(roles), token=token or uuid.uuid4().hex,
                    claims={"exp": expires})
    return context.bind(caller)


def resolve(resolver, school: str, **caller):
    tokens = as_caller(**caller)
    try:
        return resolver.resolve(school)
    finally:
        context.reset(tokens)


def test_kept_for_the_ttl_then_asked_again(resolver, identity, clock):
    school = str(uuid.uuid4())
    assert resolve(resolver, school, token="a").roles == {"subject_teacher"}
    identity.roles = ["deputy_head"]
    clock.now += 29
    assert resolve(resolver, school, token="a").roles == {"subject_teacher"}
    assert identity.calls == 1
    clock.now += 1
    assert resolve(resolver, school, token="a").roles == {"deputy_head"}
    assert identity.calls == 2


def test_never_kept_past_the_tokens_exp(resolver, identity, clock):
    school = str(uuid.uuid4())
    resolve(resolver, school, token="a", expires=NOW + 5)
    clock.now += 4
    resolve(resolver, school, token="a", expires=NOW + 5)
    assert identity.calls == 1
    clock.now += 1
    resolve(resolver, school, token="a", expires=NOW + 5)
    assert identity.calls == 2


def test_kept_per_token_and_school(resolver, identity):
    one, two = str(uuid.uuid4()), str(uuid.uuid4())
    assert resolve(resolver, one, token="a").school_id == one
    assert resolve(resolver, two, token="a").school_id == two
    resolve(resolver, one, token="b")
    assert identity.calls == 3


def test_refusals_are_not_kept(resolver, identity):
    identity.refuse = True
    for _ in range(2):
        with pytest.raises(NotFound):
            resolve(resolver, str(uuid.uuid4()), token="a")
    assert identity.calls == 2


def test_at_most_cache_size_least_recently_used_dropped_first(resolver, identity):
    school = str(uuid.uuid4())
    for token in "abc":
        resolve(resolver, school, token=token)
    resolve(resolver, school, token="a")  # a is now the most recently used
    resolve(resolver, school, token="d")  # drops b
    assert identity.calls == 4
    resolve(resolver, school, token="a")
    resolve(resolver, school, token="c")
    assert identity.calls == 4
    resolve(resolver, school, token="b")
    assert identity.calls == 5


def test_service_callers_do_not_ask_identity(resolver, identity):
    principal = resolve(resolver, str(uuid.uuid4()), roles=("service",))
    assert principal.is_service and identity.calls == 0
