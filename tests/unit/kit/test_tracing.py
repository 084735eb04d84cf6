"""The trace context inside the events (CloudEvents distributed tracing), the spans the
kit makes of it, and what leaves the process: ids, never personal data."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from uuid import uuid4

import pytest
from cloudevents.core.bindings import kafka as ce_kafka
from cloudevents.core.formats.json import JSONFormat
from cloudevents.core.v1.event import CloudEvent
from opentelemetry import trace
from opentelemetry.sdk.trace import Event, ReadableSpan
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind, Status, StatusCode
from samen_contract import Envelope
from samen_contract.codec import encode
from samen_contract.events.consent import PupilEnrolled
from samen_kit.settings import ServiceSettings
from samen_kit.testing.traces import collected_spans
from samen_kit.trace_export import configure_tracing, redacted
from samen_kit.tracing import (
    HOP_TRACEPARENT,
    TRACEPARENT,
    consuming,
    context_from,
    current_traceparent,
    publishing,
    trace_headers,
)

pytestmark = pytest.mark.unit

tracer = trace.get_tracer("tests")


@pytest.fixture
def spans() -> Iterator[InMemorySpanExporter]:
    with collected_spans() as exporter:
        yield exporter


def _finished(spans: InMemorySpanExporter, name: str) -> ReadableSpan:
    (span,) = [s for s in spans.get_finished_spans() if s.name == name]
    return span


def test_outside_any_span_an_event_carries_no_trace_context(
    spans: InMemorySpanExporter,
) -> None:
    assert trace_headers() == []
    assert current_traceparent() is None


def test_inside_a_span_the_event_carries_its_traceparent_as_a_cloudevents_extension(
    spans: InMemorySpanExporter,
) -> None:
    with tracer.start_as_current_span("request") as span:
        headers = trace_headers()
    ids = span.get_span_context()

    assert [name for name, _ in headers] == [TRACEPARENT]
    version, trace_id, span_id, _flags = dict(headers)[TRACEPARENT].decode().split("-")
    assert (version, trace_id, span_id) == ("00", f"{ids.trace_id:032x}", f"{ids.span_id:016x}")
    restored = trace.get_current_span(context_from(headers)).get_span_context()
    assert (restored.trace_id, restored.span_id) == (ids.trace_id, ids.span_id)


def test_a_standard_cloudevents_sdk_reads_the_trace_context_as_the_traceparent_extension(
    spans: InMemorySpanExporter,
) -> None:
    enrolled = PupilEnrolled(pupil_id=uuid4(), school_id=uuid4(), enrolled_on=date(2025, 8, 18))
    envelope = Envelope.for_event(
        enrolled, tenant="swv-utrecht", subject=enrolled.pupil_id, actor="system:test", sequence=1
    )
    record = encode(envelope, enrolled)
    with tracer.start_as_current_span("request"):
        headers = dict([*record.headers, *trace_headers()])
        expected = current_traceparent()

    message = ce_kafka.KafkaMessage(headers=headers, key=record.key, value=record.value)
    event = ce_kafka.from_binary(message, JSONFormat(), CloudEvent)

    assert event.get_extension("traceparent") == expected


def _stored_in_a_request(*before: tuple[str, str]) -> list[tuple[str, str]]:
    """An outbox row's headers, `before` and then the trace's, stored in a request's span."""
    with tracer.start_as_current_span("request"):
        return [*before, *((n, v.decode()) for n, v in trace_headers())]


def _relayed(stored: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The headers the relay sends for a row stored with `stored`, in its producer span."""
    with publishing("consent", "samen.consent.events", stored) as sent:
        pass
    return sent


def test_the_relay_publishes_a_traced_row_in_a_child_span_and_hands_that_span_on(
    spans: InMemorySpanExporter,
) -> None:
    stored = _stored_in_a_request(("ce_id", "1"))
    sent = _relayed(stored)

    request = _finished(spans, "request")
    published = _finished(spans, "samen.consent.events publish")
    assert published.kind == SpanKind.PRODUCER
    assert published.parent is not None and request.context is not None
    assert published.parent.span_id == request.context.span_id
    assert published.context is not None
    hop = dict(sent)[HOP_TRACEPARENT]
    assert hop.split("-")[2] == f"{published.context.span_id:016x}"


def test_a_redelivered_event_keeps_its_bytes_only_the_hops_context_is_new(
    spans: InMemorySpanExporter,
) -> None:
    stored = _stored_in_a_request(("ce_id", "1"))
    first, again = _relayed(stored), _relayed(stored)

    def event_headers(headers: list[tuple[str, str]]) -> list[tuple[str, str]]:
        return [(name, value) for name, value in headers if name.startswith("ce_")]

    assert event_headers(first) == event_headers(again) == stored
    assert dict(first)[HOP_TRACEPARENT] != dict(again)[HOP_TRACEPARENT]


def test_a_row_written_outside_any_trace_is_published_as_it_is_without_a_span(
    spans: InMemorySpanExporter,
) -> None:
    stored = [("ce_id", "1"), ("content-type", "application/json")]
    sent = _relayed(stored)

    assert sent == stored
    assert spans.get_finished_spans() == ()


def test_the_handler_span_is_a_child_of_the_span_that_published_the_event(
    spans: InMemorySpanExporter,
) -> None:
    sent = _relayed(_stored_in_a_request())
    received = [(name, value.encode()) for name, value in sent]
    with consuming("notifications.facts", "samen.consent.events", "e1", "t", received):
        pass

    published = _finished(spans, "samen.consent.events publish")
    handled = _finished(spans, "samen.consent.events process")
    assert handled.kind == SpanKind.CONSUMER
    assert handled.parent is not None and published.context is not None
    assert handled.parent.span_id == published.context.span_id
    assert (handled.attributes or {})["samen.service"] == "notifications"


def test_an_event_without_a_hops_context_continues_the_trace_it_was_created_in(
    spans: InMemorySpanExporter,
) -> None:
    with tracer.start_as_current_span("request"):
        headers = trace_headers()
    with consuming("notifications.facts", "samen.consent.events", "e1", "t", headers):
        pass

    request, handled = _finished(spans, "request"), _finished(spans, "samen.consent.events process")
    assert handled.parent is not None and request.context is not None
    assert handled.parent.span_id == request.context.span_id


def test_only_ids_and_route_templates_leave_the_process() -> None:
    span = ReadableSpan(
        name="POST /v1/requests",
        attributes={
            "http.route": "/v1/requests",
            "url.path": "/ouders/toestemming/abc/antwoord",
            "url.query": "token=secret",
            "client.address": "192.0.2.7",
            "user_agent.original": "Mozilla/5.0",
            "cloudevents.event_id": "e1",
        },
        events=[
            Event(
                "exception",
                {"exception.type": "ValueError", "exception.message": "ouder@example.nl"},
            )
        ],
        status=Status(StatusCode.ERROR, "ValueError: ouder@example.nl"),
    )

    clean = redacted(span)

    assert dict(clean.attributes or {}) == {
        "http.route": "/v1/requests",
        "cloudevents.event_id": "e1",
    }
    assert [dict(e.attributes or {}) for e in clean.events] == [{"exception.type": "ValueError"}]
    assert (clean.status.status_code, clean.status.description) == (StatusCode.ERROR, None)


def test_tracing_is_off_without_an_otlp_endpoint() -> None:
    assert configure_tracing("consent", None) is False
    assert ServiceSettings().otlp_endpoint is None


def test_the_otlp_endpoint_is_read_from_samens_or_the_standard_variable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318")
    assert ServiceSettings().otlp_endpoint == "http://collector:4318"
    monkeypatch.setenv("SAMEN_OTLP_ENDPOINT", "http://samen-collector:4318")
    assert ServiceSettings().otlp_endpoint == "http://samen-collector:4318"
