"""Traces: a span continues the traceparent it is given and is the current trace while its block runs (the one the
logs, the gRPC metadata and the events carry); without a collector nothing is recorded and the trace is context's."""
import logging

import pytest
from opentelemetry.sdk.trace.export import SpanExportResult
from opentelemetry.trace import SpanKind, StatusCode

from proto.events.v1.envelope_pb2 import Envelope
from services.common import context, tracing
from services.common.errors import NotFound
from tests.support.traces import recorded_spans

PARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"


@pytest.fixture
def recorded():
    with recorded_spans("journal") as spans:
        yield spans


@pytest.fixture
def bound():
    tokens = context.bind(None, "request-1", PARENT)
    yield
    context.reset(tokens)


def test_without_a_collector_nothing_is_set_up_and_a_span_keeps_the_trace(monkeypatch, bound):
    monkeypatch.delenv("OTMETKA_OTLP_ENDPOINT", raising=False)
    monkeypatch.delenv("OTEL_EXPORTER_OTLP_ENDPOINT", raising=False)
    assert not tracing.setup("journal") and not tracing.enabled()
    with tracing.span("work"):
        assert context.trace_parent() == PARENT
    assert tracing.start("request", SpanKind.SERVER, PARENT) is None


def test_a_span_continues_its_parent_and_is_the_current_trace_while_it_runs(recorded, bound):
    with tracing.span("/otmetka.journal.v1.JournalService/RecordMarks", SpanKind.SERVER):
        inside = context.trace_parent()
    assert context.trace_parent() == PARENT, "the caller's trace again after the block"
    [span] = recorded.get_finished_spans()
    assert f"{span.context.trace_id:032x}" == PARENT.split("-")[1]
    assert f"{span.parent.span_id:016x}" == PARENT.split("-")[2] and span.parent.is_remote
    assert inside == tracing.traceparent(span.context) and inside != PARENT
    assert span.kind is SpanKind.SERVER and span.resource.attributes["service.name"] == "otmetka-journal"


@pytest.mark.parametrize("parent", ["", "garbage", "00-" + "0" * 32 + "-00f067aa0ba902b7-01",
                                    "00-4bf92f3577b34da6a3ce929d0e0e4736-" + "0" * 16 + "-01",
                                    "01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"])
def test_a_traceparent_that_names_no_span_starts_a_new_trace(recorded, parent):
    assert tracing.parent_of(parent) is None
    tracing.finish(tracing.start("GET /", SpanKind.SERVER, parent))
    [span] = recorded.get_finished_spans()
    assert span.parent is None and span.context.trace_id


def test_a_refusal_is_no_failure_of_the_span_and_an_error_is(recorded, bound):
    with pytest.raises(NotFound), tracing.span("refused"):
        raise NotFound("Урок не найден")
    with pytest.raises(RuntimeError), tracing.span("failed"):
        raise RuntimeError("boom")
    refused, failed = recorded.get_finished_spans()
    assert refused.status.status_code is StatusCode.UNSET and refused.attributes["otmetka.refused"] == "NOT_FOUND"
    assert failed.status.status_code is StatusCode.ERROR and failed.events[0].name == "exception"


def test_each_event_of_a_batch_is_handled_in_its_producers_trace(recorded, bound):
    other = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"
    events = [Envelope(event_id="e1", type="otmetka.journal.v1.MarkRecorded", trace_parent=PARENT),
              Envelope(event_id="e2", type="otmetka.journal.v1.MarkRecorded", trace_parent=other)]
    with tracing.handling(events):
        inside = context.trace_parent()
    first, second = recorded.get_finished_spans()
    assert [f"{s.context.trace_id:032x}" for s in (first, second)] == [PARENT.split("-")[1], other.split("-")[1]]
    assert first.kind is SpanKind.CONSUMER and first.name == "handle otmetka.journal.v1.MarkRecorded"
    assert first.attributes["messaging.message.id"] == "e1"
    assert inside == tracing.traceparent(first.context)


def test_the_events_of_one_request_in_a_batch_are_handled_in_one_span(recorded, bound):
    other = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"
    events = [Envelope(event_id="e1", type="otmetka.journal.v1.MarkRecorded", trace_parent=PARENT),
              Envelope(event_id="e2", type="otmetka.journal.v1.MarkRecorded", trace_parent=other),
              Envelope(event_id="e3", type="otmetka.journal.v1.TopicSet", trace_parent=PARENT)]
    with tracing.handling(events):
        pass
    first, second = recorded.get_finished_spans()
    assert (first.name, first.attributes["messaging.batch.message_count"]) == ("handle otmetka.journal.v1.MarkRecorded", 2)
    assert f"{first.context.trace_id:032x}" == PARENT.split("-")[1]
    assert (second.attributes["messaging.message.id"], second.attributes["messaging.batch.message_count"]) == ("e2", 1)


def test_an_event_carries_its_traceparent_in_its_kafka_headers():
    assert tracing.event_headers(Envelope(trace_parent=PARENT).SerializeToString()) == [("traceparent",
                                                                                          PARENT.encode())]
    assert tracing.event_headers(Envelope(event_id="e").SerializeToString()) == []


class Flaky:
    """A collector's exporter answering as told, counting the batches it was given."""

    def __init__(self, results):
        self.results, self.given = list(results), 0

    def export(self, spans):
        self.given += 1
        return self.results.pop(0)

    def shutdown(self):
        pass

    def force_flush(self, timeout_millis=30000):
        return True


def test_the_exporter_says_once_that_the_collector_is_away_and_once_that_it_is_back(caplog):
    now = [0.0]
    inner = Flaky([SpanExportResult.FAILURE] * 2 + [SpanExportResult.SUCCESS] * 2)
    exporter = tracing.ReportingExporter(inner, "http://127.0.0.1:54318", clock=lambda: now[0])
    results = []
    with caplog.at_level(logging.WARNING, logger="services.common.tracing"):
        for _ in range(6):  # a batch every 5 s
            results.append(exporter.export([]))
            now[0] += 5.0
    assert results == [SpanExportResult.FAILURE] * 4 + [SpanExportResult.SUCCESS] * 2
    assert inner.given == 4, "the batches of the 10 s after a failure are dropped without trying"
    assert [r.getMessage() for r in caplog.records] == [
        "traces: the collector http://127.0.0.1:54318 does not take spans; they are dropped until it does",
        "traces: the collector http://127.0.0.1:54318 takes spans again"]
