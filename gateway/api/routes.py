"""The REST API under /api/v1: one Flask route per row of the endpoint table, each validating its
input against the table's schemas and calling one gRPC method with the caller's token."""
import functools
import io
import json
import re

from flask import Blueprint, Response, jsonify, request, send_file

from gateway import stale_diary
from gateway.api.endpoints import ENDPOINTS, Endpoint
from gateway.api.openapi import document
from gateway.api.protojson import from_json, to_json
from gateway.api.schema import validate
from gateway.auth.session import api_caller
from gateway.errors import BadRequest
from gateway.peers import method_types
from gateway.wiring import wiring
from services.common.errors import Unavailable

bp = Blueprint("api", __name__, url_prefix="/api/v1")
CALENDAR_TYPE = "text/calendar; charset=utf-8"


def flask_rule(path: str) -> str:
    """/schools/{school_id} -> /schools/<uuid:school_id>: an id that is not a UUID is a 404 at once."""
    return re.sub(r"\{(\w+)\}", r"<uuid:\1>", path)


def read_input(endpoint: Endpoint) -> dict:
    """The query string and JSON body, validated against the endpoint's schemas (BadRequest otherwise)."""
    errors: dict[str, str] = {}
    values = {}
    for name, schema in endpoint.query.items():
        value = request.args.get(name, "")
        if value:
            validate(value, schema, name, errors)
            values[name] = value
    if endpoint.body is not None:
        raw = request.get_data(cache=True)
        try:
            body = json.loads(raw) if raw.strip() else None
        except (ValueError, RecursionError) as exc:
            raise BadRequest("Тело запроса не является корректным JSON", {"body": "Некорректный JSON"}) from exc
        if body is None:
            errors["body"] = "Ожидается объект JSON"
        else:
            validate(body, endpoint.body, "", errors)
            if not errors:
                values.update(body)
    if errors:
        raise BadRequest(fields=errors)
    return values


def handle(endpoint: Endpoint, **path):
    caller = api_caller()
    values = {name: str(value) for name, value in path.items()}
    values.update(read_input(endpoint))
    request_class, _ = method_types(endpoint.service, endpoint.rpc)
    message = from_json(endpoint.to_request(values) if endpoint.to_request else values, request_class)
    try:
        response = wiring().peers.call(endpoint.service, endpoint.rpc, message, caller.token, endpoint.deadline)
    except Unavailable as unavailable:
        if endpoint.when_unavailable is None:
            raise
        return stale_response(endpoint, message, caller.token, unavailable)
    if endpoint.file:
        return send_file(io.BytesIO(response.content), mimetype=response.media_type or endpoint.file,
                         as_attachment=True, download_name=response.filename or "download")
    data = to_json(response)
    return jsonify(endpoint.to_response(data) if endpoint.to_response else data), endpoint.status


def stale_response(endpoint: Endpoint, message, token: str, unavailable: Unavailable):
    """The endpoint's answer while its service is unavailable (stale_diary.when_unavailable), with "stale": true,
    the Russian notice and the header X-Otmetka-Stale: reporting."""
    response = endpoint.when_unavailable(lambda service, rpc, request_message: wiring().peers.call(
        service, rpc, request_message, token), message, unavailable)
    answer = jsonify({**to_json(response), "stale": True, "stale_notice": stale_diary.STALE_NOTICE})
    answer.headers[stale_diary.STALE_HEADER] = "reporting"
    return answer


for _endpoint in ENDPOINTS:
    bp.add_url_rule(flask_rule(_endpoint.path), endpoint=_endpoint.operation_id, methods=[_endpoint.method],
                    view_func=functools.partial(handle, _endpoint))


def calendar_feed(token: str):
    """A lesson feed for calendar apps, without login: the token in the address is the secret."""
    request_class, _ = method_types("schedule", "GetCalendarFeed")
    feed = wiring().peers.call("schedule", "GetCalendarFeed", request_class(token=token), "")
    return Response(feed.content, content_type=feed.media_type or CALENDAR_TYPE,
                    headers={"Cache-Control": "private, max-age=300",
                             "Content-Disposition": f'inline; filename="{feed.filename or "calendar.ics"}"'})


@bp.record_once
def _calendar_route(state) -> None:
    """GET /calendar/<token>.ics lives outside /api/v1: calendar apps subscribe to it without a token header."""
    state.app.add_url_rule("/calendar/<token>.ics", endpoint="calendar_feed", view_func=calendar_feed, methods=["GET"])


@bp.get("/openapi.json")
def openapi():
    return jsonify(_document())


@functools.cache
def _document() -> dict:
    return document()
