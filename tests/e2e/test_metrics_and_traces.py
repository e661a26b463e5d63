"""Metrics and traces of the running installation: a teacher's save of a lesson is one trace in Jaeger, from the
gateway through the journal to reporting's handling of its events, and is counted in Prometheus. The stack's
Prometheus and Jaeger are brought up on demand (infra/stack.sh up prometheus jaeger: built with go on first use)."""
import itertools
import secrets
import subprocess
import time
import uuid

import pytest
import requests

from services import topology
from services.common import tracing
from tests.support import stack
from tests.support.mailpit import wait_until
from tests.support.school import seed_school

pytestmark = pytest.mark.stack

SAVE_ROUTE = "/api/v1/schools/<uuid:school_id>/lessons/<uuid:lesson_id>/record"
SAVE_RPC = "/otmetka.journal.v1.JournalService/SaveLesson"
WAIT = 180.0  # seconds: spans leave a process every 5 s, Prometheus scrapes every 5 s; a loaded machine is slower
MARKS = itertools.cycle(["4", "5"])  # each save's mark differs from the one before
BUILD_TIMEOUT = 2 * 2400 + 120  # infra/stack.sh's build timeouts of both, if neither is in the cache yet


@pytest.fixture(scope="module")
def observability(installation) -> dict[str, str]:
    """The stack's Prometheus and Jaeger, started if they are not running."""
    subprocess.run(["bash", str(topology.ROOT / "infra" / "stack.sh"), "up", "prometheus", "jaeger"], check=True,
                   timeout=BUILD_TIMEOUT)
    # a process whose export failed (Jaeger not yet there) drops its spans for tracing.RETRY_AFTER before it tries
    # again (services/common/tracing.py ReportingExporter): a save made later has its spans sent
    time.sleep(tracing.RETRY_AFTER + 1)
    env = topology.stack_env()
    return {"prometheus": env["OTMETKA_PROMETHEUS_URL"], "jaeger": env["OTMETKA_JAEGER_URL"]}


@pytest.fixture(scope="module")
def school(installation) -> dict:
    seeded = seed_school(stack.env(), f"Школа № {uuid.uuid4().hex[:6]}")
    sid = seeded["school"]["id"]
    lessons = seeded["admin_api"].get(f"/schools/{sid}/lessons", params={
        "class_group_id": seeded["class_group"]["id"], "from": "2025-09-01", "to": "2025-09-07"})["lessons"]
    teacher = seeded["teacher"]
    return {"id": sid, "lesson": lessons[0], "students": seeded["students"],
            "token": stack.password_token(teacher["person"]["username"], teacher["password"])}


def save_lesson(school: dict, traceparent: str) -> requests.Response:
    """A save that changes the lesson (its topic and mark differ from the last save's, whichever test ran first): an
    unchanged save records nothing and publishes no event, so reporting would handle nothing of its trace."""
    resp = requests.put(
        f"http://127.0.0.1:{topology.GATEWAY_PORT}/api/v1/schools/{school['id']}/lessons/{school['lesson']['id']}/record",
        json={"topic": f"Десятичные дроби ({traceparent[3:9]})", "homework": "№ 101",
              "marks": [{"student_id": school["students"][0]["id"], "value": next(MARKS), "work_type": "classwork"}],
              "reason": "Перенос записей урока"},  # the lesson is in the tests' past school year
        headers={"Authorization": f"Bearer {school['token']}", "traceparent": traceparent}, timeout=60)
    assert resp.status_code == 200, resp.text[:500]
    return resp


def trace_spans(jaeger: str, trace_id: str) -> list[dict]:
    """The trace's spans as Jaeger's HTTP API gives them, each with its process's service name."""
    resp = requests.get(f"{jaeger}/api/traces/{trace_id}", timeout=10)
    if resp.status_code == 404:
        return []
    resp.raise_for_status()
    spans = []
    for trace in resp.json()["data"]:
        for span in trace["spans"]:
            span["service"] = trace["processes"][span["processID"]]["serviceName"]
            span["parent"] = next((r["spanID"] for r in span["references"] if r["refType"] == "CHILD_OF"), None)
            spans.append(span)
    return spans


def test_a_save_is_one_trace_from_the_gateway_to_reportings_handling_of_its_events(observability, school):
    trace_id, caller_span = secrets.token_hex(16), secrets.token_hex(8)
    resp = save_lesson(school, f"00-{trace_id}-{caller_span}-01")
    assert resp.headers["X-Trace-Id"] == trace_id

    seen: list = []

    def whole_trace():  # each process sends its spans on its own: wait for the three
        spans = trace_spans(observability["jaeger"], trace_id)
        seen[:] = sorted({(s["service"], s["operationName"]) for s in spans})
        services = {s["service"] for s in spans if s["service"] != "otmetka-reporting"
                    or s["operationName"].startswith("handle ")}
        return spans if {"otmetka-gateway", "otmetka-journal", "otmetka-reporting"} <= services else None

    try:
        spans = wait_until(whole_trace, WAIT, f"the gateway's, the journal's and reporting's spans in trace {trace_id} "
                                              "(were the processes started with OTMETKA_OTLP_ENDPOINT from stack.env?)")
    except AssertionError as missing:
        raise AssertionError(f"{missing}; the trace has: {seen}") from None
    [gateway] = [s for s in spans if s["service"] == "otmetka-gateway"]
    assert gateway["operationName"] == f"PUT {SAVE_ROUTE}" and gateway["parent"] == caller_span
    [journal] = [s for s in spans if s["service"] == "otmetka-journal" and s["operationName"] == SAVE_RPC.lstrip("/")]
    assert journal["parent"] == gateway["spanID"], "the journal's call is the gateway request's child"
    handled = [s for s in spans if s["service"] == "otmetka-reporting" and s["operationName"].startswith("handle ")]
    assert any(s["parent"] == journal["spanID"] for s in handled), \
        "reporting handles an event of the save as the journal call's child"
    assert all(s["operationName"].startswith("handle otmetka.journal.") for s in handled)


def prometheus_value(prometheus: str, query: str) -> float | None:
    resp = requests.get(f"{prometheus}/api/v1/query", params={"query": query}, timeout=10)
    resp.raise_for_status()
    result = resp.json()["data"]["result"]
    return sum(float(r["value"][1]) for r in result) if result else None


def test_a_save_is_counted_in_prometheus_by_route_and_by_rpc(observability, school):
    prometheus = observability["prometheus"]
    saves = f'otmetka_http_requests_total{{route="{SAVE_ROUTE}",method="PUT",status="200"}}'
    calls = f'otmetka_grpc_requests_total{{service="journal",method="{SAVE_RPC}",code="OK"}}'
    wait_until(lambda: prometheus_value(prometheus, 'up{service="gateway"} == 1')
               and prometheus_value(prometheus, 'up{service="journal"} == 1'),
               WAIT, "Prometheus' scrape of the gateway and the journal")
    before = [prometheus_value(prometheus, q) or 0.0 for q in (saves, calls)]
    save_lesson(school, f"00-{secrets.token_hex(16)}-{secrets.token_hex(8)}-01")
    wait_until(lambda: all((prometheus_value(prometheus, q) or 0.0) > b for q, b in zip((saves, calls), before,
                                                                                     strict=True)),
               WAIT, f"the save counted in Prometheus ({saves}, {calls})")
