"""The gateway's requests counted by route (not by path), method and status; a span per request continuing the
caller's traceparent, named in X-Trace-Id; /metrics for a scraper in the pod network only; under gunicorn, every
worker's numbers in one scrape (prometheus_client's multi-process mode)."""
import os
import subprocess
import sys

import pytest
from opentelemetry.trace import SpanKind
from prometheus_client import REGISTRY

from gateway.api.endpoints import ENDPOINTS
from services.common.errors import TooManyRequests
from tests.support.traces import recorded_spans

CALLER = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
SCHOOL = "0b6f5a8e-3c1d-4b7a-9a55-2f7c1f0e9d11"


def answered(route: str, method: str, status: int) -> float:
    labels = {"route": route, "method": method, "status": str(status)}
    return REGISTRY.get_sample_value("otmetka_http_requests_total", labels) or 0.0


@pytest.fixture
def spans():
    with recorded_spans("gateway") as recorded:
        yield recorded


def test_requests_are_counted_by_route_method_and_status(client, auth):
    endpoint = next(e for e in ENDPOINTS if e.method == "GET" and "{school_id}" in e.path and not e.query)
    path = "/api/v1" + endpoint.path.replace("{school_id}", SCHOOL)
    rule = "/api/v1" + endpoint.path.replace("{", "<uuid:").replace("}", ">")  # the rule, not the school
    before = (answered(rule, "GET", endpoint.status), answered("/healthz", "GET", 200),
              answered("unmatched", "GET", 404))
    assert client.get(path, headers=auth).status_code == endpoint.status
    assert client.get("/healthz").status_code == 200
    assert client.get("/no/such/page").status_code == 404
    after = (answered(rule, "GET", endpoint.status), answered("/healthz", "GET", 200),
             answered("unmatched", "GET", 404))
    assert [a - b for a, b in zip(after, before, strict=True)] == [1, 1, 1]


def test_a_request_continues_the_callers_trace_and_names_it(client, spans):
    resp = client.get("/healthz", headers={"traceparent": CALLER})
    [span] = spans.get_finished_spans()
    assert (span.name, span.kind) == ("GET /healthz", SpanKind.SERVER)
    assert f"{span.parent.span_id:016x}" == CALLER.split("-")[2]
    assert resp.headers["X-Trace-Id"] == f"{span.context.trace_id:032x}" == CALLER.split("-")[1]
    assert span.attributes["http.response.status_code"] == 200


def test_a_request_without_a_trace_starts_one(client, spans):
    resp = client.get("/healthz")
    [span] = spans.get_finished_spans()
    assert span.parent is None and resp.headers["X-Trace-Id"] == f"{span.context.trace_id:032x}"


def test_without_a_collector_the_logs_trace_id_is_still_named(client):
    resp = client.get("/healthz", headers={"traceparent": CALLER})
    assert resp.headers["X-Trace-Id"] == CALLER.split("-")[1]


@pytest.mark.parametrize(("address", "headers", "status"), [
    ("127.0.0.1", {}, 200),
    ("10.42.0.7", {}, 200),                                     # Prometheus in the pod network
    ("10.42.0.7", {"X-Forwarded-For": "10.1.1.1"}, 404),        # came through the ingress
    ("203.0.113.9", {}, 404),                                   # from outside
])
def test_metrics_answer_only_a_scraper_that_reaches_the_pod(client, address, headers, status):
    resp = client.get("/metrics", headers=headers, environ_base={"REMOTE_ADDR": address})
    assert resp.status_code == status
    if status == 200:
        assert "otmetka_http_requests_total" in resp.get_data(as_text=True)
    assert answered("/metrics", "GET", status) == 0, "the scrapes themselves are not counted"


WORKER = """
from gateway.observability import HTTP_REQUESTS
HTTP_REQUESTS.labels("/healthz", "GET", "200").inc()
"""
SCRAPE = """
from prometheus_client import generate_latest
from gateway.observability import registry
print(generate_latest(registry()).decode())
"""


def test_every_workers_requests_are_in_one_scrape(tmp_path):
    env = {**os.environ, "PROMETHEUS_MULTIPROC_DIR": str(tmp_path)}
    for _ in range(2):  # two gunicorn workers, each its own process
        subprocess.run([sys.executable, "-c", WORKER], env=env, check=True)
    scraped = subprocess.run([sys.executable, "-c", SCRAPE], env=env, check=True, capture_output=True,
                             text=True).stdout
    assert 'otmetka_http_requests_total{method="GET",route="/healthz",status="200"} 2.0' in scraped


SERVER = """
import os, pathlib, sys
from gateway import gunicorn_conf
metrics = pathlib.Path(os.environ["PROMETHEUS_MULTIPROC_DIR"])
(metrics / "counter_4242.db").write_bytes(b"an earlier run's")
gunicorn_conf.on_starting(None)
print(metrics, sorted(p.name for p in metrics.iterdir()))
gunicorn_conf.on_exit(None)
print(metrics.exists())
"""


@pytest.mark.parametrize("configured", [True, False])
def test_each_gunicorn_server_has_a_metrics_directory_of_its_own_emptied_when_it_starts(tmp_path, configured):
    env = {key: value for key, value in os.environ.items() if key != "PROMETHEUS_MULTIPROC_DIR"}
    if configured:  # the chart's emptyDir: kept when the server stops
        env["PROMETHEUS_MULTIPROC_DIR"] = str(tmp_path)
    started, exited = subprocess.run([sys.executable, "-c", SERVER], env=env, check=True, capture_output=True,
                                     text=True).stdout.splitlines()
    directory, files = started.split(" ", 1)
    assert files == "[]"
    assert (directory == str(tmp_path)) == configured and exited == str(configured)


def test_a_request_refused_by_a_rate_limit_is_counted_too(app, client):
    """A 429 is answered before the request is observed (rate_limits runs first): it still counts by its status."""
    before = answered("/healthz", "GET", 429)

    @app.before_request
    def refuse():  # what rate_limits does: a DomainError before observability's begin()
        raise TooManyRequests("Слишком много запросов", retry_after=1)

    app.before_request_funcs[None].insert(0, app.before_request_funcs[None].pop())
    assert client.get("/healthz").status_code == 429
    assert answered("/healthz", "GET", 429) - before == 1


@pytest.mark.parametrize(("address", "headers", "status"), [
    ("127.0.0.1", {}, 503),                                     # monitoring: every service asked (none runs here)
    ("10.42.0.7", {"X-Forwarded-For": "10.1.1.1"}, 404),        # came through the ingress
    ("203.0.113.9", {}, 404),                                   # from outside: no TLS channel to six services for it
])
def test_the_deep_health_check_answers_monitoring_only(client, address, headers, status):
    resp = client.get("/healthz?deep=1", headers=headers, environ_base={"REMOTE_ADDR": address})
    assert resp.status_code == status
    if status == 503:
        assert resp.json["status"] == "degraded" and set(resp.json["services"]) >= {"journal", "identity"}
    assert client.get("/healthz", environ_base={"REMOTE_ADDR": address}).status_code == 200
