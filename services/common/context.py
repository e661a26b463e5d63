"""Per-request context (caller, request id, trace) carried in contextvars through a gRPC call."""
import contextvars
import uuid
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Caller:
    """A verified access token: who is calling, with which realm roles."""

    subject: str
    username: str
    realm_roles: frozenset[str]
    token: str
    claims: dict = field(default_factory=dict, compare=False, repr=False)

    @property
    def is_service(self) -> bool:
        return "service" in self.realm_roles

    @property
    def actor(self) -> str:
        return f"service:{self.username}" if self.is_service else self.subject


_caller: contextvars.ContextVar[Caller | None] = contextvars.ContextVar("caller", default=None)
_request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="")
_trace_parent: contextvars.ContextVar[str] = contextvars.ContextVar("trace_parent", default="")
_school_id: contextvars.ContextVar[str] = contextvars.ContextVar("school_id", default="")
_client_address: contextvars.ContextVar[str] = contextvars.ContextVar("client_address", default="")


def current_caller() -> Caller:
    caller = _caller.get()
    if caller is None:
        from services.common.errors import Unauthenticated

        raise Unauthenticated()
    return caller


def bind(caller: Caller | None, request_id: str | None = None, trace_parent: str | None = None,
         client_address: str | None = None) -> list:
    """Binds the request context; returns tokens for reset(). client_address is the end user's
    address, carried between services as x-forwarded-for."""
    return [
        (_caller, _caller.set(caller)),
        (_request_id, _request_id.set(request_id or uuid.uuid4().hex)),
        (_trace_parent, _trace_parent.set(trace_parent or new_trace_parent())),
        (_client_address, _client_address.set(client_address or "")),
    ]


def reset(tokens: list) -> None:
    for var, token in reversed(tokens):
        var.reset(token)


def bind_trace_parent(trace_parent: str) -> list:
    """Makes a span's W3C traceparent the current trace (services.common.tracing); returns tokens for reset()."""
    return [(_trace_parent, _trace_parent.set(trace_parent))]


def bind_school(school_id: str):
    return _school_id.set(school_id)


def new_trace_parent() -> str:
    return f"00-{uuid.uuid4().hex}-{uuid.uuid4().hex[:16]}-01"


def request_id() -> str:
    return _request_id.get()


def trace_parent() -> str:
    return _trace_parent.get()


def client_address() -> str:
    return _client_address.get()


def school_id() -> str:
    return _school_id.get()


def caller_or_none() -> Caller | None:
    return _caller.get()
