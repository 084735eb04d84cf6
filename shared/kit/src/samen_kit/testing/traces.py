"""A test-only hook: keep the process's spans in memory, to look at after a flow ran.

Spans pass through the same redaction as in production (`samen_kit.trace_export`), so
a test sees exactly what would leave the process. OpenTelemetry allows one tracer
provider per process, so once a test installed it, tracing stays on for the rest of
the session; spans are only kept inside `collected_spans`, so the memory does not grow
with every later test.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence

from opentelemetry.sdk.trace import ReadableSpan
from opentelemetry.sdk.trace.export import SpanExportResult
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from samen_kit.trace_export import export_to


class _WhileCollecting(InMemorySpanExporter):
    collecting = False

    def export(self, spans: Sequence[ReadableSpan]) -> SpanExportResult:
        if not self.collecting:
            return SpanExportResult.SUCCESS
        return super().export(spans)


_exporter: list[_WhileCollecting] = []


@contextlib.contextmanager
def collected_spans() -> Iterator[InMemorySpanExporter]:
    """The spans that end inside the block. Enter it before building the services
    whose spans a test wants: FastAPI decides per request, the kit per span, but both
    only see a tracer provider once one is installed."""
    if not _exporter:
        exporter = _WhileCollecting()
        export_to("tests", exporter, batch=False)
        _exporter.append(exporter)
    (exporter,) = _exporter
    exporter.clear()
    exporter.collecting = True
    try:
        yield exporter
    finally:
        exporter.collecting = False
        exporter.clear()


def spans_of_trace(exporter: InMemorySpanExporter, trace_id: int) -> list[ReadableSpan]:
    spans = exporter.get_finished_spans()
    return [s for s in spans if s.context is not None and s.context.trace_id == trace_id]
