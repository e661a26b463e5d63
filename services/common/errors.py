"""Domain errors raised by handlers; one mapping to gRPC status codes and one to HTTP (in the gateway).

Messages are Russian: they reach people. `fields` names the offending request fields. `reason` is for programs: an
UPPER_SNAKE_CASE code of what happened (LESSON_LOCKED), carried as a google.rpc.ErrorInfo in the status details
(domain DOMAIN), so a caller decides on it, never on the wording of the message.
"""
import json

import grpc
from google.protobuf import any_pb2
from google.rpc import error_details_pb2, status_pb2
from grpc_status import rpc_status

DOMAIN = "otmetka"


class DomainError(Exception):
    code = grpc.StatusCode.INTERNAL
    default_message = "Внутренняя ошибка"

    reason = ""

    def __init__(self, message: str | None = None, fields: dict[str, str] | None = None, reason: str = ""):
        self.message = message or self.default_message
        self.fields = fields or {}
        self.reason = reason or self.reason
        super().__init__(self.message)

    def details(self) -> str:
        return json.dumps({"message": self.message, "fields": self.fields}, ensure_ascii=False)

    def status(self) -> grpc.Status:
        """The gRPC status of this error: its code, details() as the message, and an ErrorInfo with the reason."""
        extra = []
        if self.reason:
            info = any_pb2.Any()
            info.Pack(error_details_pb2.ErrorInfo(reason=self.reason, domain=DOMAIN))
            extra.append(info)
        return rpc_status.to_status(status_pb2.Status(code=self.code.value[0], message=self.details(), details=extra))


class Invalid(DomainError):
    code = grpc.StatusCode.INVALID_ARGUMENT
    default_message = "Неверные данные запроса"

    def __init__(self, field: str | None = None, message: str | None = None, fields: dict[str, str] | None = None,
                 reason: str = ""):
        fields = dict(fields or {})
        if field:
            fields[field] = message or self.default_message
        super().__init__(message if field is None else f"Неверное поле {field}: {message}", fields, reason)


class NotFound(DomainError):
    code = grpc.StatusCode.NOT_FOUND
    default_message = "Не найдено"


class Conflict(DomainError):
    code = grpc.StatusCode.ALREADY_EXISTS
    default_message = "Такая запись уже есть"


class FailedPrecondition(DomainError):
    code = grpc.StatusCode.FAILED_PRECONDITION
    default_message = "Действие сейчас невозможно"


class Aborted(DomainError):
    """Someone else changed it since the caller read it (a lost update refused): read again, then decide."""

    code = grpc.StatusCode.ABORTED
    default_message = "Запись изменена другим пользователем"


class Forbidden(DomainError):
    code = grpc.StatusCode.PERMISSION_DENIED
    default_message = "Недостаточно прав для этого действия"


class Unauthenticated(DomainError):
    code = grpc.StatusCode.UNAUTHENTICATED
    default_message = "Требуется вход в систему"


class TooManyRequests(DomainError):
    """Too many attempts from one caller or address; `retry_after` (whole seconds, when known) is when the
    limit lifts. It travels in the gRPC details and becomes HTTP 429 with a Retry-After header."""

    code = grpc.StatusCode.RESOURCE_EXHAUSTED
    default_message = "Слишком много запросов, повторите попытку позже"

    def __init__(self, message: str | None = None, fields: dict[str, str] | None = None,
                 retry_after: int | None = None, reason: str = ""):
        super().__init__(message, fields, reason)
        self.retry_after = retry_after

    def details(self) -> str:
        return json.dumps({"message": self.message, "fields": self.fields, "retry_after": self.retry_after},
                          ensure_ascii=False)


class Unavailable(DomainError):
    code = grpc.StatusCode.UNAVAILABLE
    default_message = "Сервис временно недоступен, повторите попытку"


def parse_details(details: str | None) -> tuple[str, dict[str, str]]:
    """Reads back what DomainError.details() put in a gRPC status."""
    try:
        data = json.loads(details or "")
        return str(data.get("message", "")), dict(data.get("fields", {}))
    except (ValueError, AttributeError):
        return details or "", {}


_BY_CODE = {cls.code: cls for cls in (Invalid, NotFound, Conflict, FailedPrecondition, Aborted, Forbidden,
                                      Unauthenticated)}


def _too_many(error: grpc.RpcError) -> TooManyRequests | None:
    """A TooManyRequests a peer raised, with its `retry_after`; None when gRPC itself ran out of a resource
    (a message too large has the same code but plain-text details: not a domain error)."""
    if error.code() != TooManyRequests.code:
        return None
    try:
        data = json.loads(error.details() or "")
    except ValueError:
        return None
    if not isinstance(data, dict) or "message" not in data:
        return None
    retry_after = data.get("retry_after")
    return TooManyRequests(str(data["message"]) or None, dict(data.get("fields") or {}),
                           retry_after if isinstance(retry_after, int) else None)


def reason_of(error: grpc.RpcError) -> str:
    """The reason of the ErrorInfo (of our DOMAIN) in a refused call's status details; "" when there is none."""
    try:
        status = rpc_status.from_call(error)
    except (AttributeError, TypeError, ValueError):  # not a call, or details that do not match the status
        return ""
    for detail in status.details if status else ():
        info = error_details_pb2.ErrorInfo()
        if detail.Is(info.DESCRIPTOR) and detail.Unpack(info) and info.domain == DOMAIN:
            return info.reason
    return ""


def from_rpc_error(error: grpc.RpcError) -> DomainError:
    """Turns a peer's error back into a domain error (with its reason), so it passes through a calling service
    unchanged."""
    err = _domain_error(error)
    err.reason = reason_of(error) or err.reason
    return err


def _domain_error(error: grpc.RpcError) -> DomainError:
    too_many = _too_many(error)
    if too_many is not None:
        return too_many
    message, fields = parse_details(error.details())
    cls = _BY_CODE.get(error.code())
    if cls is None:
        return DomainError() if error.code() == grpc.StatusCode.INTERNAL else Unavailable()
    err = DomainError.__new__(cls)
    DomainError.__init__(err, message or cls.default_message, fields)
    return err
