"""The OpenAPI 3.1 document of the REST API, generated from the endpoint table and the protobuf
messages behind it."""
import re

from gateway.api import status_notice
from gateway.api.endpoints import ENDPOINTS
from gateway.api.protojson import schema_ref
from gateway.api.schema import UUID, obj, string
from gateway.peers import method_types

ERROR_STATUSES = {
    "400": "Запрос не соответствует описанию API (поля названы в fields)",
    "401": "Требуется вход (токен Bearer)",
    "403": "Недостаточно прав",
    "404": "Не найдено",
    "409": "Конфликт с текущим состоянием",
    "422": "Данные не прошли проверку (поля названы в fields)",
    "429": "Слишком много попыток (заголовок Retry-After: через сколько секунд повторить)",
    "503": "Сервис временно недоступен",
}
ERROR_SCHEMA = obj({"error": obj({"code": string(), "message": string(),
                                  "fields": {"type": "object", "additionalProperties": string()},
                                  "reason": string(description="Код причины для программ (LESSON_LOCKED: урок "
                                                               "закрыт, можно попросить открыть); пустой, если нет")})})


def path_params(path: str) -> list[str]:
    return re.findall(r"\{(\w+)\}", path)


def _operation(endpoint, components: dict) -> dict:
    params = [{"name": name, "in": "path", "required": True, "schema": UUID} for name in path_params(endpoint.path)]
    params += [{"name": name, "in": "query", "required": False, "schema": schema}
               for name, schema in endpoint.query.items()]
    _, response_class = method_types(endpoint.service, endpoint.rpc)
    if endpoint.file:
        content = {endpoint.file: {"schema": {"type": "string", "contentMediaType": endpoint.file}}}
    elif endpoint.response_schema:
        content = {"application/json": {"schema": endpoint.response_schema(
            lambda cls: schema_ref(cls.DESCRIPTOR, components))}}
    else:
        content = {"application/json": {"schema": schema_ref(response_class.DESCRIPTOR, components)}}
    operation = {
        "operationId": endpoint.operation_id,
        "summary": endpoint.summary,
        "tags": [endpoint.service],
        "responses": {str(endpoint.status): {"description": "Успешно", "content": content},
                      **{status: {"$ref": f"#/components/responses/Error{status}"} for status in ERROR_STATUSES}},
    }
    if params:
        operation["parameters"] = params
    if endpoint.body is not None:
        operation["requestBody"] = {"required": True, "content": {"application/json": {"schema": endpoint.body}}}
    return operation


def _gateway_operation(operation_id: str, summary: str, body: dict | None, answer: dict) -> dict:
    """An endpoint of the gateway's own (no gRPC call behind it), as _operation describes a table's row."""
    operation = {"operationId": operation_id, "summary": summary, "tags": ["gateway"], "responses": {
        "200": {"description": "Успешно", "content": {"application/json": {"schema": answer}}},
        **{status: {"$ref": f"#/components/responses/Error{status}"} for status in ERROR_STATUSES}}}
    if body is not None:
        operation["requestBody"] = {"required": True, "content": {"application/json": {"schema": body}}}
    return operation


def document() -> dict:
    components: dict = {"Error": ERROR_SCHEMA}
    paths: dict = {}
    for endpoint in ENDPOINTS:
        paths.setdefault(endpoint.path, {})[endpoint.method.lower()] = _operation(endpoint, components)
    for path, methods in status_notice.OPENAPI_PATHS.items():
        paths[path] = {method: _gateway_operation(*described, status_notice.NOTICE)
                       for method, described in methods.items()}
    error = {"$ref": "#/components/schemas/Error"}
    return {
        "openapi": "3.1.0",
        "info": {"title": "Отметка: электронный журнал и дневник", "version": "1.0.0"},
        "servers": [{"url": "/api/v1"}],
        "security": [{"bearer": []}],
        "paths": paths,
        "components": {
            "schemas": components,
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}},
            "responses": {f"Error{status}": {"description": text, "content": {"application/json": {"schema": error}}}
                          for status, text in ERROR_STATUSES.items()},
        },
    }
