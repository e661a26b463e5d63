"""The OpenAPI 3.1 document: every route of the API is in it (and nothing else), with a valid structure."""
import re

from gateway.api import status_notice
from gateway.api.endpoints import ENDPOINTS
from gateway.api.openapi import path_params

HTTP_METHODS = {"get", "put", "post", "delete", "patch"}


def refs(node):
    if isinstance(node, dict):
        if "$ref" in node:
            yield node["$ref"]
        for value in node.values():
            yield from refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from refs(value)


def resolve(doc: dict, ref: str):
    assert ref.startswith("#/"), ref
    node = doc
    for part in ref[2:].split("/"):
        node = node[part]
    return node


def api_routes(app) -> set[tuple[str, str]]:
    routes = set()
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/api/v1/") and rule.endpoint != "api.openapi":
            path = re.sub(r"<uuid:(\w+)>", r"{\1}", rule.rule.removeprefix("/api/v1"))
            routes |= {(method.lower(), path) for method in rule.methods - {"HEAD", "OPTIONS"}}
    return routes


def test_the_document_is_served_without_login(client):
    resp = client.get("/api/v1/openapi.json")
    assert resp.status_code == 200 and resp.json["openapi"] == "3.1.0"


def test_every_route_is_documented_and_nothing_else(app, client):
    doc = client.get("/api/v1/openapi.json").json
    documented = {(method, path) for path, item in doc["paths"].items() for method in item}
    gateway_own = {(method, path) for path, methods in status_notice.OPENAPI_PATHS.items() for method in methods}
    assert documented == api_routes(app) == {(e.method.lower(), e.path) for e in ENDPOINTS} | gateway_own


def test_structure_is_valid(client):
    doc = client.get("/api/v1/openapi.json").json
    assert {"openapi", "info", "paths", "components"} <= set(doc) and doc["info"]["title"] and doc["info"]["version"]
    assert doc["components"]["securitySchemes"]["bearer"] == {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}
    operation_ids = []
    for path, item in doc["paths"].items():
        assert path.startswith("/")
        for method, operation in item.items():
            assert method in HTTP_METHODS
            operation_ids.append(operation["operationId"])
            declared = [p["name"] for p in operation.get("parameters", []) if p["in"] == "path"]
            assert declared == path_params(path)
            for param in operation.get("parameters", []):
                assert param["in"] in ("path", "query") and "schema" in param
                assert param["required"] is True or param["in"] == "query"
            assert operation["responses"] and all(re.fullmatch(r"[1-5]\d\d", code) for code in operation["responses"])
            success = [code for code in operation["responses"] if code.startswith("2")]
            assert len(success) == 1 and operation["responses"][success[0]]["content"]
            if "requestBody" in operation:
                assert operation["requestBody"]["content"]["application/json"]["schema"]["type"] == "object"
    assert len(operation_ids) == len(set(operation_ids))
    for ref in refs(doc):
        assert resolve(doc, ref)


def test_required_fields_and_types_are_in_the_document(client):
    doc = client.get("/api/v1/openapi.json").json
    people = doc["paths"]["/schools/{school_id}/people"]
    body = people["post"]["requestBody"]["content"]["application/json"]["schema"]
    assert body["required"] == ["kind", "last_name", "first_name"]
    assert body["properties"]["kind"]["enum"] == ["staff", "student", "guardian"]
    assert body["properties"]["create_account"] == {"type": "boolean"}
    person = doc["components"]["schemas"]["Person"]["properties"]
    assert person["kind"]["enum"] == ["person_kind_unspecified", "staff", "student", "guardian"]
    assert doc["paths"]["/schools/{school_id}/archives/{archive_id}/package"]["get"]["responses"]["200"]["content"] == {
        "application/zip": {"schema": {"type": "string", "contentMediaType": "application/zip"}}}
