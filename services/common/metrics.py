"""Prometheus metrics of a service process, counted as things happen: the gRPC calls served (observed()), the events
a consumer applied or parked, its lag behind the topics (consumer_polled()), the background jobs' durations
(job_done()), the lookups in a copy of other services' answers and how current it is (copy_looked_up(),
copy_follows()). What a scrape reads from the database, and the /metrics server: services/common/database_gauges.py.
docs/operations.md "Metrics and traces" says which numbers to watch.
"""
import logging
import time
from collections.abc import Callable, Iterable

import grpc
from prometheus_client import Counter, Gauge, Histogram

log = logging.getLogger(__name__)
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)
JOB_BUCKETS = (0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0, 600.0, 1800.0)

GRPC_REQUESTS = Counter("otmetka_grpc_requests", "gRPC calls served, by method and status code", ["method", "code"])
GRPC_SECONDS = Histogram("otmetka_grpc_request_seconds", "Time to serve a gRPC call, by method", ["method"],
                         buckets=LATENCY_BUCKETS)
EVENTS_APPLIED = Counter("otmetka_consumer_events", "Events this service's consumer applied, by type", ["type"])
EVENTS_PARKED = Counter("otmetka_consumer_parked_events",
                        "Events parked in the inbox after failing every attempt (they wait for a person), by type",
                        ["type"])
CONSUMER_LAG = Gauge("otmetka_consumer_lag_events",
                     "Events in a topic this service's consumer has not handled yet (as of its last poll)", ["topic"])
COPY_LOOKUPS = Counter("otmetka_copy_lookups", "Answers of other services looked up in this process's copy of them, by "
                       "kind and result (hit: served from the copy; miss: asked)", ["kind", "result"])
COPY_CURRENT = Gauge("otmetka_copy_current_until_seconds", "Every event of the services this process copies answers "
                     "from has been applied up to this time (epoch seconds; 0: not current, answers live ttl seconds)")
JOB_SECONDS = Histogram("otmetka_job_seconds", "Time a background job took (a report formed, an archive package "
                        "built), by kind", ["kind"], buckets=JOB_BUCKETS)

_lag: dict = {}  # TopicPartition -> events behind, as of the last records polled from it


def observed(method: str, handler: Callable) -> Callable:
    """A unary gRPC handler counted and timed, by its status code (set by ctx.abort*; OK when it returns)."""
    def call(request, ctx: grpc.ServicerContext):
        started = time.perf_counter()
        try:
            return handler(request, ctx)
        finally:
            GRPC_SECONDS.labels(method).observe(time.perf_counter() - started)
            GRPC_REQUESTS.labels(method, (ctx.code() or grpc.StatusCode.OK).name).inc()

    return call


def events_applied(types: Iterable[str]) -> None:
    for type_name in types:
        EVENTS_APPLIED.labels(type_name).inc()


def event_parked(type_name: str) -> None:
    EVENTS_PARKED.labels(type_name).inc()


def consumer_polled(kafka, batches: dict) -> None:
    """The consumer's lag per topic after a poll: for each partition polled, the events after the last one it got
    (Kafka's high watermark minus its offset); a partition not polled keeps its last lag. Never raises."""
    try:
        assigned = kafka.assignment()
        for partition in [p for p in _lag if p not in assigned]:
            del _lag[partition]
        for partition, records in batches.items():
            high = kafka.highwater(partition)
            if high is not None and records:
                _lag[partition] = max(high - records[-1].offset - 1, 0)
        by_topic: dict[str, int] = {p.topic: 0 for p in assigned}
        for partition, behind in _lag.items():
            by_topic[partition.topic] = by_topic.get(partition.topic, 0) + behind
        for topic, behind in by_topic.items():
            CONSUMER_LAG.labels(topic).set(behind)
    except Exception:
        log.debug("consumer lag not measured", exc_info=True)


def job_done(kind: str, started: float) -> None:
    """A background job of `kind` finished, started at time.monotonic() `started`."""
    JOB_SECONDS.labels(kind).observe(time.monotonic() - started)


def copy_looked_up(kind: str, hit: bool) -> None:
    COPY_LOOKUPS.labels(kind, "hit" if hit else "miss").inc()


def copy_follows(current_until: Callable[[], float]) -> None:
    """The copy's current_until() is read at every scrape."""
    COPY_CURRENT.set_function(current_until)
