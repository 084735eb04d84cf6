"""Where spans go: OTLP over HTTP when an endpoint is configured, nowhere otherwise.

`configure_tracing` installs the process's tracer provider once, at start-up; tests use
`samen_kit.testing.traces` instead, which installs an in-memory exporter the same way.
Every exporter is wrapped in `RedactingExporter`: whatever an instrumentation records
(a client's address, its user agent, a URL with a guardian's token in it) only the
attributes on `ALLOWED_ATTRIBUTES` leave the process.
"""

from __future__ import annotations

from collections.abc import MutableMapping, Sequence
from typing import Any

from fastapi.telemetry import TelemetryConfig
from opentelemetry import trace
from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
from opentelemetry.sdk.resources import SERVICE_NAME, Resource
from opentelemetry.sdk.trace import Event, ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import (
    BatchSpanProcessor,
    SimpleSpanProcessor,
    SpanExporter,
    SpanExportResult,
)
from opentelemetry.trace import Status
from opentelemetry.util.types import Attributes, AttributeValue

from samen_kit.tracing import SERVICE_ATTRIBUTE

# Ids, topics, route templates and status codes; nothing a person could be found by.
ALLOWED_ATTRIBUTES = frozenset(
    {
        SERVICE_ATTRIBUTE,
        "http.route",
        "http.method",
        "http.request.method",
        "http.status_code",
        "http.response.status_code",
        "messaging.system",
        "messaging.operation",
        "messaging.destination.name",
        "messaging.consumer.group.name",
        "messaging.message.id",
        "cloudevents.event_id",
        "cloudevents.event_type",
        "notifications.message_id",
        "notifications.channel",
        "exception.type",
    }
)
_UNTRACED_PATHS = ("/health/", "/asyncapi.json", "/openapi.json", "/docs")

_installed: list[TracerProvider] = []


class RedactingExporter(SpanExporter):
    """Passes spans on with only the allowed attributes; exception events keep their
    type, status descriptions are dropped (their text may quote any value)."""

    def __init__(self, inner: SpanExporter) -> None:
        self._inner = inner

    def export(self, spans: Sequence[ReadableSpan]) -> SpanExportResult:
        return self._inner.export([redacted(span) for span in spans])

    def shutdown(self) -> None:
        self._inner.shutdown()

    def force_flush(self, timeout_millis: int = 30_000) -> bool:
        return self._inner.force_flush(timeout_millis)


def redacted(span: ReadableSpan) -> ReadableSpan:
    return ReadableSpan(
        name=span.name,
        context=span.context,
        parent=span.parent,
        resource=span.resource,
        attributes=_allowed(span.attributes),
        events=[Event(e.name, _allowed(e.attributes), e.timestamp) for e in span.events],
        links=span.links,
        kind=span.kind,
        status=Status(span.status.status_code),
        start_time=span.start_time,
        end_time=span.end_time,
        instrumentation_scope=span.instrumentation_scope,
    )


def _allowed(attributes: Attributes) -> dict[str, AttributeValue]:
    return {key: value for key, value in (attributes or {}).items() if key in ALLOWED_ATTRIBUTES}


def tracer_provider(service: str) -> TracerProvider:
    """The process's tracer provider, set on first use (OpenTelemetry allows one per
    process, so a second service in the same process shares the first's)."""
    if not _installed:
        provider = TracerProvider(resource=Resource.create({SERVICE_NAME: f"samen-{service}"}))
        trace.set_tracer_provider(provider)
        _installed.append(provider)
    return _installed[0]


def export_to(service: str, exporter: SpanExporter, *, batch: bool = True) -> None:
    """Send finished spans to `exporter`, redacted; `batch=False` exports each span as
    it ends (tests), the default in the background, in batches."""
    wrapped = RedactingExporter(exporter)
    processor = BatchSpanProcessor(wrapped) if batch else SimpleSpanProcessor(wrapped)
    tracer_provider(service).add_span_processor(processor)


def configure_tracing(service: str, otlp_endpoint: str | None) -> bool:
    """Export to `otlp_endpoint` (the collector's base URL; `/v1/traces` is added);
    no endpoint: tracing stays off. Whether it is on."""
    if not otlp_endpoint:
        return False
    endpoint = otlp_endpoint.rstrip("/") + "/v1/traces"
    export_to(service, OTLPSpanExporter(endpoint=endpoint))
    return True


def http_telemetry() -> TelemetryConfig:
    """FastAPI's own OpenTelemetry (`FastAPI(telemetry=...)`): a server span per request,
    named by method and route template, current while the route runs, so it is the
    parent of every event the request writes. It records only when a tracer provider
    is set (above). No spans per dependency or serialisation step, and no log records:
    those would quote exception messages; the kit logs through structlog."""
    return {"operation_spans": False, "logs": False, "exclude": _not_traced}


def _not_traced(scope: MutableMapping[str, Any]) -> bool:
    # Health probes and documents are no one's request worth a trace.
    return str(scope.get("path", "")).startswith(_UNTRACED_PATHS)
