"""Spans recorded in memory, for tests of what services.common.tracing makes of a request or an event."""
import contextlib
from collections.abc import Iterator

from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from services.common import tracing


@contextlib.contextmanager
def recorded_spans(service: str) -> Iterator[InMemorySpanExporter]:
    """Tracing on in this process, as `service`, each span kept as it ends (get_finished_spans()); off again after."""
    spans = InMemorySpanExporter()
    tracing.use(service, SimpleSpanProcessor(spans))
    try:
        yield spans
    finally:
        tracing.shutdown()
