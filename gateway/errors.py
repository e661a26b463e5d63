"""The one error shape of the REST API, {"error": {"code", "message", "fields", "reason"}} (`reason`: the service's
machine-readable reason code such as LESSON_LOCKED, "" when none), and the mapping of domain (gRPC) errors to HTTP
status codes."""
import grpc
from flask import jsonify, make_response, render_template

from services.common.errors import DomainError

HTTP_STATUS = {
    grpc.StatusCode.INVALID_ARGUMENT: 422,
    grpc.StatusCode.NOT_FOUND: 404,
    grpc.StatusCode.ALREADY_EXISTS: 409,
    grpc.StatusCode.FAILED_PRECONDITION: 409,
    grpc.StatusCode.ABORTED: 409,
    grpc.StatusCode.PERMISSION_DENIED: 403,
    grpc.StatusCode.UNAUTHENTICATED: 401,
    grpc.StatusCode.RESOURCE_EXHAUSTED: 429,
    grpc.StatusCode.UNAVAILABLE: 503,
    grpc.StatusCode.DEADLINE_EXCEEDED: 503,
}


class BadRequest(DomainError):
    """The request does not match the API's declared schema (checked in the gateway)."""

    default_message = "Запрос не соответствует описанию API"


def http_status(error: DomainError) -> int:
    return 400 if isinstance(error, BadRequest) else HTTP_STATUS.get(error.code, 500)


def error_code(error: DomainError) -> str:
    return "BAD_REQUEST" if isinstance(error, BadRequest) else error.code.name


def error_body(code: str, message: str, fields: dict[str, str] | None = None, reason: str = "") -> dict:
    return {"error": {"code": code, "message": message, "fields": fields or {}, "reason": reason}}


def error_response(error: DomainError):
    response = jsonify(error_body(error_code(error), error.message, error.fields, error.reason))
    response.status_code = http_status(error)
    if response.status_code == 401:
        response.headers["WWW-Authenticate"] = "Bearer"
    retry(response, error)
    return response


def retry(response, error: DomainError):
    """A Retry-After header (seconds) on a refusal that says when the limit lifts."""
    if getattr(error, "retry_after", None) is not None:
        response.headers["Retry-After"] = str(error.retry_after)
    return response


def error_page(error: DomainError, title: str = "Ошибка", status: int | None = None):
    """The same error for a person in the browser: a Russian page with the right status."""
    return retry(make_response(render_template("error.html", title=title, error=error), status or http_status(error)),
                 error)
