"""OpenTelemetry traces: a span per request the gateway serves, per gRPC call a service serves and per event a
consumer handles, all of one save in one trace (docs/architecture.md "Trace propagation").

The current trace is services.common.context's W3C traceparent (what the logs' trace_id, the gRPC metadata and the
events' envelopes carry); a span started here is the child of the traceparent it is given and becomes the current
one while its block runs. The spans go to the OTLP/HTTP collector named by OTMETKA_OTLP_ENDPOINT (or the standard
OTEL_EXPORTER_OTLP_ENDPOINT); with none, setup() installs nothing and span() only runs its block: the trace ids are
then context's own, as before.
"""
import contextlib
import logging
import os
import re
import time
from collections.abc import Callable, Iterable, Iterator, Sequence

from opentelemetry import trace
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import ReadableSpan, SpanProcessor, TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor, SpanExporter, SpanExportResult
from opentelemetry.trace import NonRecordingSpan, SpanContext, SpanKind, Status, StatusCode, TraceFlags

from proto.events.v1.envelope_pb2 import Envelope
from services.common import context
from services.common.errors import DomainError

log = logging.getLogger(__name__)
TRACEPARENT = re.compile(r"00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})")
EXPORT_TIMEOUT = 3.0  # seconds an export may take, retries included (the collector is near; spans wait in memory)
RETRY_AFTER = 10.0  # seconds a collector that did not take spans is left alone (their spans are dropped meanwhile)

_tracer: trace.Tracer | None = None
_provider: TracerProvider | None = None


def endpoint() -> str:
    return os.environ.get("OTMETKA_OTLP_ENDPOINT") or os.environ.get("OTEL_EXPORTER_OTLP_ENDPOINT", "")


def setup(service: str, collector: str | None = None) -> bool:
    """Sends this process's spans to the collector (default: endpoint()) if there is one; whether tracing is on. Once
    per process (after a fork, in the child: a gunicorn worker)."""
    collector = endpoint() if collector is None else collector
    if not collector:
        return False
    from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

    # the exporter logs every retry of every batch, the batch processor every span it drops while the collector is
    # away: ReportingExporter says it once
    logging.getLogger("opentelemetry.exporter.otlp").setLevel(logging.CRITICAL)
    logging.getLogger("opentelemetry.sdk._shared_internal").setLevel(logging.ERROR)
    exporter = OTLPSpanExporter(endpoint=f"{collector.rstrip('/')}/v1/traces", timeout=EXPORT_TIMEOUT)
    use(service, BatchSpanProcessor(ReportingExporter(exporter, collector)))
    return True


def use(service: str, processor: SpanProcessor) -> None:
    """Records this process's spans as service otmetka-<service> and hands them to `processor`."""
    global _tracer, _provider
    _provider = TracerProvider(resource=Resource.create({"service.name": f"otmetka-{service}",
                                                         "service.namespace": "otmetka"}))
    _provider.add_span_processor(processor)
    _tracer = _provider.get_tracer("otmetka")


def shutdown() -> None:
    """Sends the spans still waiting and forgets the provider (the tests; a process that exits has the SDK's own atexit
    hook send them: TracerProvider(shutdown_on_exit=True))."""
    global _tracer, _provider
    if _provider is not None:
        _provider.shutdown()
    _tracer = _provider = None


def enabled() -> bool:
    return _tracer is not None


class ReportingExporter(SpanExporter):
    """An exporter that logs when the collector stops taking spans and when it takes them again, not each batch, and
    drops the batches of the next RETRY_AFTER seconds at once after a failure (so a collector that is away costs one
    attempt every RETRY_AFTER, and the spans waiting never fill the processor's queue)."""

    def __init__(self, inner: SpanExporter, collector: str, clock: Callable[[], float] = time.monotonic):
        self.inner, self.collector, self.clock = inner, collector, clock
        self.failing, self.retry_at = False, 0.0

    def export(self, spans: Sequence[ReadableSpan]) -> SpanExportResult:
        if self.failing and self.clock() < self.retry_at:
            return SpanExportResult.FAILURE
        result = self.inner.export(spans)
        failing = result is not SpanExportResult.SUCCESS
        if failing != self.failing:
            log.warning("traces: the collector %s %s", self.collector,
                        "does not take spans; they are dropped until it does" if failing else "takes spans again")
        self.failing, self.retry_at = failing, self.clock() + RETRY_AFTER
        return result

    def shutdown(self) -> None:
        self.inner.shutdown()

    def force_flush(self, timeout_millis: int = 30000) -> bool:
        return self.inner.force_flush(timeout_millis)


def parent_of(traceparent: str | None):
    """The OpenTelemetry context whose span is the remote one a W3C traceparent names (None if it names none)."""
    match = TRACEPARENT.fullmatch((traceparent or "").strip().lower())
    if not match or not int(match[1], 16) or not int(match[2], 16):
        return None
    parent = SpanContext(int(match[1], 16), int(match[2], 16), is_remote=True,
                         trace_flags=TraceFlags(int(match[3], 16) & TraceFlags.SAMPLED))
    return trace.set_span_in_context(NonRecordingSpan(parent))


def traceparent(span_context: SpanContext) -> str:
    return f"00-{span_context.trace_id:032x}-{span_context.span_id:016x}-{int(span_context.trace_flags):02x}"


def start(name: str, kind: SpanKind, parent: str | None = None, attributes: dict | None = None):
    """A started span, the child of `parent` (a traceparent; a new trace when it names none), or None without
    tracing. The caller binds it (bind) and ends it (finish): for what has no single block (a Flask request)."""
    if _tracer is None:
        return None
    return _tracer.start_span(name, context=parent_of(parent), kind=kind, attributes=attributes)


def bind(span) -> list:
    """Makes the span the current trace (context.trace_parent); tokens for context.reset()."""
    return context.bind_trace_parent(traceparent(span.get_span_context())) if span is not None else []


def finish(span, error: BaseException | None = None) -> None:
    """Ends a span; an error other than a refusal (a DomainError: the caller's mistake) marks it failed."""
    if span is None:
        return
    if isinstance(error, DomainError):
        span.set_attribute("otmetka.refused", error.code.name)
    elif error is not None:
        span.record_exception(error)
        span.set_status(Status(StatusCode.ERROR, type(error).__name__))
    span.end()


def span(name: str, kind: SpanKind = SpanKind.INTERNAL, parent: str | None = None, attributes: dict | None = None):
    """Runs a block (`with span(...)`) in a span, the child of `parent` (default: the current trace), bound as the
    current trace."""
    return spans([(name, parent if parent is not None else context.trace_parent(), attributes)], kind)


@contextlib.contextmanager
def spans(children: Iterable[tuple[str, str | None, dict | None]], kind: SpanKind) -> Iterator[None]:
    """Runs the block in one span per (name, parent traceparent, attributes), e.g. each event of a batch handled in
    one transaction, each in its producer's trace; the first is bound as the current trace."""
    started = [start(name, kind, parent, attributes) for name, parent, attributes in children] if _tracer else []
    tokens = bind(started[0]) if started else []
    error = None
    try:
        yield
    except BaseException as exc:
        error = exc
        raise
    finally:
        context.reset(tokens)
        for one in started:
            finish(one, error)


def handling(envelopes: Iterable[Envelope]):
    """Runs a block (`with handling(...)`) in a CONSUMER span per request whose events it handles, the child of that
    request (the envelopes' traceparent): a lesson's 29 events of one save are one span, not 29. The span is named
    after the first of them and carries its id and how many there were."""
    by_request: dict[str, list[Envelope]] = {}
    for e in envelopes:
        by_request.setdefault(e.trace_parent, []).append(e)
    return spans(((f"handle {events[0].type}", parent, {"messaging.message.id": events[0].event_id,
                                                         "messaging.batch.message_count": len(events)})
                  for parent, events in by_request.items()), SpanKind.CONSUMER)


def event_headers(envelope: bytes) -> list[tuple[str, bytes]]:
    """An event's Kafka headers: its envelope's traceparent, for what reads the topics without our envelope (the
    consumers here continue the envelope's own)."""
    trace_parent = Envelope.FromString(envelope).trace_parent
    return [("traceparent", trace_parent.encode())] if trace_parent else []
