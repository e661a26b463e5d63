"""The tenant isolation suite's tools: every operation of the OpenAPI document, minimal valid request
bodies derived from their schemas, ids by parameter name, leak detection and a compact result table."""
import base64
import json
import re
from dataclasses import dataclass, field

import requests

HTTP_METHODS = ("get", "put", "post", "patch", "delete")
# plausible values by property name, so that a minimal body passes the gateway's and the services' validation
STRINGS = {
    "name": "Проверка изоляции", "short_name": "Проверка изоляции", "last_name": "Чужаков", "first_name": "Тест",
    "middle_name": "", "email": "", "starts_at": "14:00", "ends_at": "14:45", "room": "1", "value": "2",
    "status": "absent", "topic": "Чужая тема", "homework": "Чужое задание", "reason": "Проверка изоляции",
    "work_type": "classwork", "comment": "", "filename": "people.csv", "message": "Проверка изоляции",
    "resolution": "Проверка изоляции",
}
ENUMS = {"kind": "guardian"}  # a guardian card needs nothing more (staff need roles, students gender and birth)
DATES = {"start_date": "2030-09-01", "end_date": "2031-05-31", "birth_date": "2012-01-01", "from": "2025-09-01",
         "to": "2025-09-07"}
INTEGERS = {"grade": 5, "weekday": 1, "lesson_number": 8}


class UnknownParameter(AssertionError):
    """An id parameter the suite has no id for: extend the id map of the suite deliberately."""


@dataclass(frozen=True)
class Operation:
    method: str
    path: str
    operation_id: str
    path_params: tuple[str, ...]
    query: dict[str, dict]
    body: dict | None

    @property
    def label(self) -> str:
        return f"{self.method} {self.path}"

    @property
    def school_scoped(self) -> bool:
        return "school_id" in self.path_params


def operations(document: dict) -> list[Operation]:
    """Every path × method of an OpenAPI document, with $refs of the body schemas resolved."""
    found = []
    for path, item in sorted(document["paths"].items()):
        for method in HTTP_METHODS:
            if method not in item:
                continue
            op = item[method]
            params = [*item.get("parameters", []), *op.get("parameters", [])]
            body = op.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
            found.append(Operation(
                method=method.upper(), path=path, operation_id=op.get("operationId", f"{method} {path}"),
                path_params=tuple(re.findall(r"\{(\w+)\}", path)),
                query={p["name"]: resolve(document, p.get("schema", {})) for p in params if p["in"] == "query"},
                body=resolve(document, body) if body is not None else None))
    return found


def resolve(document: dict, schema: dict) -> dict:
    """The schema with every local $ref replaced by its target."""
    if isinstance(schema, dict):
        if "$ref" in schema:
            target = document
            for part in schema["$ref"].removeprefix("#/").split("/"):
                target = target[part]
            return resolve(document, target)
        return {k: resolve(document, v) for k, v in schema.items()}
    if isinstance(schema, list):
        return [resolve(document, v) for v in schema]
    return schema


def id_for(ids: dict[str, str], name: str) -> str:
    if name not in ids:
        raise UnknownParameter(f"no id for parameter {name!r}: add it to the isolation suite's id map")
    return ids[name]


def fill_path(op: Operation, ids: dict[str, str]) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: id_for(ids, m.group(1)), op.path)


def value_for(name: str, schema: dict, ids: dict[str, str]):
    """A plausible value of one property (UUIDs from `ids`: an unknown id name fails loudly)."""
    kind = schema.get("type")
    if kind == "object":
        return minimal_body(schema, ids)
    if kind == "array":
        return []
    if kind == "integer":
        return INTEGERS.get(name, 1)
    if kind == "boolean":
        return False
    fmt = schema.get("format")
    if fmt == "uuid":
        return id_for(ids, name)
    if fmt == "date":
        return DATES.get(name, "2030-09-01")
    if "enum" in schema:
        return ENUMS[name] if ENUMS.get(name) in schema["enum"] else schema["enum"][0]
    if schema.get("contentEncoding") == "base64":  # a small, well-formed file: the request reaches the service
        return base64.b64encode("Проверка;изоляции\n".encode()).decode()
    return STRINGS.get(name, "Проверка")


def minimal_body(schema: dict, ids: dict[str, str]) -> dict:
    """Only the required properties of an object schema, each with a plausible value."""
    props = schema.get("properties", {})
    return {name: value_for(name, props[name], ids) for name in schema.get("required", [])}


def query_for(op: Operation, ids: dict[str, str]) -> dict[str, str]:
    """Id query parameters from `ids` (so that a list is asked about the target's objects), dates as a week."""
    query = {}
    for name, schema in op.query.items():
        if schema.get("format") == "uuid":
            query[name] = id_for(ids, name)
        elif schema.get("format") == "date":
            query[name] = DATES.get(name, "2025-09-01")
    return query


def uuids_in(value) -> set[str]:
    """Every UUID string inside a JSON-like value."""
    if isinstance(value, dict):
        return set().union(*(uuids_in(v) for v in value.values())) if value else set()
    if isinstance(value, list):
        return set().union(*(uuids_in(v) for v in value)) if value else set()
    if isinstance(value, str) and re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", value):
        return {value}
    return set()


@dataclass(frozen=True)
class Call:
    """One request of the walk, ready to send."""

    op: Operation
    path: str
    query: dict[str, str]
    body: dict | None

    @classmethod
    def build(cls, op: Operation, path_ids: dict[str, str], object_ids: dict[str, str],
              overrides: dict[str, dict] | None = None) -> "Call":
        """Path ids from `path_ids`; ids in the query and body from `object_ids`; `overrides` by operation id
        replace body values that must follow domain rules (e.g. an academic year's name; a callable: of the ids)."""
        body = None
        if op.body is not None:
            chosen = (overrides or {}).get(op.operation_id, {})
            body = {**minimal_body(op.body, object_ids),
                    **{name: value(object_ids) if callable(value) else value for name, value in chosen.items()}}
        return cls(op, fill_path(op, path_ids), query_for(op, object_ids), body)

    def send(self, http: requests.Session, base: str) -> requests.Response:
        kwargs = {"json": self.body} if self.body is not None else {}
        return http.request(self.op.method, f"{base}{self.path}", params=self.query, timeout=30, **kwargs)


def response_text(resp: requests.Response) -> str:
    """The response as searchable text: JSON re-dumped without escapes, other bodies decoded leniently."""
    if "json" in resp.headers.get("Content-Type", ""):
        try:
            return json.dumps(resp.json(), ensure_ascii=False)
        except ValueError:
            pass
    return resp.content.decode("utf-8", errors="replace")


def leaks(resp: requests.Response, canaries: dict[str, str]) -> list[str]:
    """The names of the canaries (ids, names, texts of the other school) that appear in the response."""
    text = response_text(resp).lower()
    return sorted(label for label, value in canaries.items() if value and value.lower() in text)


@dataclass
class Findings:
    """Statuses per operation and caller; the problems among them; a compact table for the failure message."""

    callers: list[str]
    cells: dict[str, dict[str, str]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def note(self, op: Operation, caller: str, text: str) -> None:
        self.cells.setdefault(op.label, {})[caller] = text

    def check(self, op: Operation, caller: str, resp: requests.Response, allowed: set[int],
              canaries: dict[str, str] | None) -> None:
        leaked = leaks(resp, canaries) if canaries else []
        bad = resp.status_code not in allowed or bool(leaked)
        self.note(op, caller, f"{resp.status_code}{'!' if bad else ''}")
        if resp.status_code not in allowed:
            self.problems.append(f"{op.label} as {caller}: {resp.status_code}, expected one of {sorted(allowed)}: "
                                 f"{response_text(resp)[:200]}")
        if leaked:
            self.problems.append(f"{op.label} as {caller}: the response shows {', '.join(leaked)}")

    def table(self) -> str:
        width = max(map(len, self.cells), default=10)
        lines = [f"{'operation':{width}}  " + "  ".join(f"{c:>10}" for c in self.callers)]
        for label, row in self.cells.items():
            lines.append(f"{label:{width}}  " + "  ".join(f"{row.get(c, '-'):>10}" for c in self.callers))
        return "\n".join(lines)

    def assert_clean(self) -> None:
        assert not self.problems, "\n".join([*self.problems, "", self.table()])
