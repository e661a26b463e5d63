"""The school scope of one call: which school the request acts in and who the caller is there, bound once per call
by the gRPC interceptor (ContextInterceptor), as Dispatch binds its tenant once. Handlers take the scope and ask
`scope.require(action, ...)`; they never parse `school_id` or resolve a principal themselves.

- `school_id` is the request's `school_id` field, checked as a UUID when first asked (an Invalid naming
  `school_id` otherwise), so a method that needs no school never fails on it;
- the principal (role grants, children, led classes) is resolved on first need, once per call, through the
  service's PrincipalSource (identity over gRPC, kept a while; identity itself reads its own tables);
- an event consumer acts for the school the event names: `Scope.of_event(school_id)`, which has no caller and
  refuses every `require`.
"""
import contextvars
from collections.abc import Collection
from typing import Protocol

from services.common import context, policy
from services.common.db import parse_uuid
from services.common.errors import Unauthenticated
from services.common.policy import Principal


class PrincipalSource(Protocol):
    """Who the calling person is in a school (services.common.principal.PrincipalResolver and its fakes)."""

    def resolve(self, school_id: str) -> Principal: ...


class NoPrincipals:
    """The source of a scope that must never need a person: an event's, or a method served without a token."""

    def resolve(self, school_id: str) -> Principal:
        raise Unauthenticated()


class Scope:
    """The school a call acts in and the caller's rights there (see the module's text)."""

    def __init__(self, school_id: str, principals: PrincipalSource):
        self._raw = school_id
        self._school_id: str | None = None
        self._principals = principals
        self._principal: Principal | None = None

    @classmethod
    def of_event(cls, school_id: str) -> "Scope":
        return cls(school_id, NoPrincipals())

    @property
    def school_id(self) -> str:
        """The school's id, a checked UUID (Invalid on `school_id` when the request's is empty or malformed)."""
        if self._school_id is None:
            self._school_id = parse_uuid(self._raw, "school_id")
        return self._school_id

    @property
    def principal(self) -> Principal:
        if self._principal is None:
            self._principal = self._principals.resolve(self.school_id)
        return self._principal

    def require(self, action: str, refusal: str | None = None, *, student_id: str | None = None,
                teacher_id: str | Collection[str] | None = None, class_group_id: str | None = None) -> Principal:
        """The caller's principal, when they may do the action on the object named (see services.common.policy);
        raises Forbidden (or NotFound: a school where they have no role) otherwise."""
        policy.require(self.principal, action, refusal, student_id=student_id, teacher_id=teacher_id,
                       class_group_id=class_group_id)
        return self.principal

    def allowed(self, action: str, *, student_id: str | None = None, teacher_id: str | Collection[str] | None = None,
                class_group_id: str | None = None) -> bool:
        return policy.allowed(self.principal, action, student_id=student_id, teacher_id=teacher_id,
                              class_group_id=class_group_id)

    @property
    def actor(self) -> str:
        """Who acts, as the ledger and the audit log record it (the token's subject, or service:<name>)."""
        return context.current_caller().actor

    @property
    def client_address(self) -> str:
        return context.client_address()


_scope: contextvars.ContextVar[Scope | None] = contextvars.ContextVar("scope", default=None)


def bind(scope: Scope) -> contextvars.Token:
    return _scope.set(scope)


def reset(token: contextvars.Token) -> None:
    _scope.reset(token)


def current() -> Scope:
    """The scope the interceptor bound for this call."""
    scope = _scope.get()
    if scope is None:
        raise RuntimeError("no school scope is bound: called outside a gRPC call, pass the scope instead")
    return scope


def school_id_of(request) -> str:
    """The request's school_id field ("" for a message without one)."""
    return getattr(request, "school_id", "") if "school_id" in request.DESCRIPTOR.fields_by_name else ""
