"""The status notice in the REST API (gateway/status_notice.py): GET /api/v1/status-notice for anyone signed in
(the notice shown now, or null); PUT {"text", "until"} and DELETE (answering the notice then) for the authority's
operator only (403 for others, 422 on a bad text or end). Not a gRPC call: in the OpenAPI document by OPENAPI_PATHS."""
import datetime as dt

from flask import Blueprint, jsonify, request

from gateway.api.schema import obj, string
from gateway.auth.session import api_caller
from gateway.errors import BadRequest
from gateway.status_notice import MAX_LENGTH, notices, parse, require_operator
from gateway.wiring import wiring

bp = Blueprint("status_notice_api", __name__, url_prefix="/api/v1")
PATH = "/status-notice"
NOTICE = obj({"notice": {"type": ["object", "null"], "properties": {
    "text": string(), "until": {"type": ["string", "null"], "format": "date-time"}, "set_by": string(),
    "set_at": string()}}})
BODY = obj({"text": string(description=f"до {MAX_LENGTH} символов")},
           {"until": {"type": ["string", "null"], "description": "ISO 8601; без смещения — время установки "
                                                                 "(OTMETKA_GATEWAY_TIMEZONE); null — пока не снято"}})


def _answer():
    notice = notices().current()
    return jsonify({"notice": notice.as_json() if notice else None})


@bp.get(PATH)
def get_notice():
    api_caller()
    return _answer()


@bp.put(PATH)
def put_notice():
    caller = api_caller()
    require_operator(caller.realm_roles)
    body = request.get_json(silent=True)
    if not isinstance(body, dict) or not isinstance(body.get("text", ""), str) \
            or not isinstance(body.get("until") or "", str):
        raise BadRequest("Ожидается объект JSON: text (строка), until (время ISO 8601 или null)",
                         {"body": "Некорректный JSON"})
    text, until = parse(body.get("text", ""), body.get("until") or "", wiring().settings.zone,
                        dt.datetime.now(dt.UTC))
    notices().set(text, until, caller.username)
    return _answer()


@bp.delete(PATH)
def delete_notice():
    require_operator(api_caller().realm_roles)
    notices().clear()
    return _answer()


# path -> method -> (operationId, summary, body schema or None); every one answers NOTICE
OPENAPI_PATHS = {PATH: {
    "get": ("GetStatusNotice", "Объявление оператора, которое показывают все страницы (null — нет)", None),
    "put": ("SetStatusNotice", "Задать объявление для всех страниц (только оператор органа управления образованием)",
            BODY),
    "delete": ("RemoveStatusNotice", "Снять объявление (только оператор)", None),
}}
