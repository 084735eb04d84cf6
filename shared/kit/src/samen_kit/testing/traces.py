"""A test-only hook: keep the process's spans in memory, to look at after a flow ran.

Spans pass through the same redaction as in production (`samen_kit.trace_export`), so
a test sees exactly what would leave the process.
"""

from __future__ import annotations

from opentelemetry.sdk.trace import ReadableSpan
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter

from samen_kit.trace_export import export_to

_exporter: list[InMemorySpanExporter] = []


def install_in_memory_exporter() -> InMemorySpanExporter:
    """Install (once per process) and return the exporter; call it before building the
    services whose spans a test wants (their HTTP instrumentation looks at start-up)."""
    if not _exporter:
        exporter = InMemorySpanExporter()
        export_to("tests", exporter, batch=False)
        _exporter.append(exporter)
    return _exporter[0]


def spans_of_trace(exporter: InMemorySpanExporter, trace_id: int) -> list[ReadableSpan]:
    return [
        s for s in exporter.get_finished_spans() if s.context and s.context.trace_id == trace_id
    ]
