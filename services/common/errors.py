"""Domain errors raised by handlers; one mapping to gRPC status codes and one to HTTP (in the gateway).

Messages are Russian: they reach people. `fields` names the offending request fields.
"""
import json

import grpc


class DomainError(Exception):
    code = grpc.StatusCode.INTERNAL
    default_message = "Внутренняя ошибка"

    def __init__(self, message: str | None = None, fields: dict[str, str] | None = None):
        self.message = message or self.default_message
        self.fields = fields or {}
        super().__init__(self.message)

    def details(self) -> str:
        return json.dumps({"message": self.message, "fields": self.fields}, ensure_ascii=False)


class Invalid(DomainError):
    code = grpc.StatusCode.INVALID_ARGUMENT
    default_message = "Неверные данные запроса"

    def __init__(self, field: str | None = None, message: str | None = None, fields: dict[str, str] | None = None):
        fields = dict(fields or {})
        if field:
            fields[field] = message or self.default_message
        super().__init__(message if field is None else f"Неверное поле {field}: {message}", fields)


class NotFound(DomainError):
    code = grpc.StatusCode.NOT_FOUND
    default_message = "Не найдено"


class Conflict(DomainError):
    code = grpc.StatusCode.ALREADY_EXISTS
    default_message = "Такая запись уже есть"


class FailedPrecondition(DomainError):
    code = grpc.StatusCode.FAILED_PRECONDITION
    default_message = "Действие сейчас невозможно"


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
                 retry_after: int | None = None):
        super().__init__(message, fields)
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


_BY_CODE = {cls.code: cls for cls in (Invalid, NotFound, Conflict, FailedPrecondition, Forbidden, Unauthenticated)}


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


def from_rpc_error(error: grpc.RpcError) -> DomainError:
    """Turns a peer's error back into a domain error, so it passes through a calling service unchanged."""
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
