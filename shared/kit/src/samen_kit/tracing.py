"""Traces across services: the trace context rides inside the events.

Two contexts travel with a record, as the CloudEvents distributed-tracing extension
advises:

- the event's own, where it was created: the extension's attributes `traceparent` and
  `tracestate`, in Kafka binary mode the headers `ce_traceparent`/`ce_tracestate`. The
  outbox captures them when the row is written (inside the request's or handler's
  span); they are part of the stored event and never change, so every redelivery of an
  event has the same bytes (the audit log keeps `ce_*` headers and flags an id that
  comes back with other bytes);
- the hop's: the plain W3C `traceparent`/`tracestate` headers, set by the relay's
  producer span each time it publishes the row.

The consumer runs the handler in a span whose parent is the hop's context (the producer
span, itself a child of the creation context), or the event's own when no hop context
came along (a record from elsewhere). Span attributes hold ids, topics and route
templates only: never personal data. Without a configured tracer provider
(`samen_kit.trace_export`) every call here is OpenTelemetry's no-op.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Sequence

from opentelemetry import trace
from opentelemetry.context import Context
from opentelemetry.trace import Link, Span, SpanKind
from opentelemetry.trace.propagation.tracecontext import TraceContextTextMapPropagator
from samen_contract.codec import CE_PREFIX

TRACEPARENT = CE_PREFIX + "traceparent"
TRACESTATE = CE_PREFIX + "tracestate"
TRACE_HEADERS = (TRACEPARENT, TRACESTATE)
HOP_TRACEPARENT, HOP_TRACESTATE = "traceparent", "tracestate"
HOP_HEADERS = (HOP_TRACEPARENT, HOP_TRACESTATE)
#: Which service a span belongs to, also when several run in one process (tests).
SERVICE_ATTRIBUTE = "samen.service"

# W3C Trace Context only, whatever the process's global propagator is: the extension's
# attributes are exactly its two values.
_W3C = TraceContextTextMapPropagator()
tracer = trace.get_tracer("samen_kit")


def _current() -> dict[str, str]:
    carrier: dict[str, str] = {}
    _W3C.inject(carrier)
    return carrier


def trace_headers() -> list[tuple[str, bytes]]:
    """The current span's context as `ce_traceparent`/`ce_tracestate` headers; none
    outside a span (tracing off, or no request or handler around)."""
    return [(CE_PREFIX + name, value.encode()) for name, value in _current().items()]


def current_traceparent() -> str | None:
    """The current span's `traceparent`, for work that leaves the event flow (a row the
    dispatcher picks up later); None when there is nothing to continue."""
    return _current().get(HOP_TRACEPARENT)


def context_from(headers: Iterable[tuple[str, bytes | str]], *, prefix: str = CE_PREFIX) -> Context:
    """The trace context among a record's headers named `prefix` + `traceparent`/
    `tracestate` (the event's own by default); an empty one when there is none."""
    carrier = {
        name.removeprefix(prefix): value.decode() if isinstance(value, bytes) else value
        for name, value in headers
        if name in (prefix + HOP_TRACEPARENT, prefix + HOP_TRACESTATE)
    }
    return _W3C.extract(carrier)


def context_of_traceparent(traceparent: str | None) -> Context:
    return _W3C.extract({HOP_TRACEPARENT: traceparent} if traceparent else {})


def _handed_on(headers: Sequence[tuple[str, bytes | str]]) -> Context:
    """The hop's context when a producer span set one, else the event's own."""
    names = {name for name, _ in headers}
    return context_from(headers, prefix="" if HOP_TRACEPARENT in names else CE_PREFIX)


@contextlib.contextmanager
def publishing(
    service: str, topic: str, headers: Sequence[tuple[str, str]]
) -> Iterator[list[tuple[str, str]]]:
    """A producer span for one outbox row, a child of the context the row was written
    in; yields the headers to send: the stored ones (the event unchanged) and this
    span's context as the hop's. A row written outside any trace (tracing off, a
    scheduler's scan) is sent as it is, without a span."""
    if not any(name == TRACEPARENT for name, _ in headers):
        yield list(headers)
        return
    with tracer.start_as_current_span(
        f"{topic} publish",
        context=context_from(headers),
        kind=SpanKind.PRODUCER,
        attributes={
            SERVICE_ATTRIBUTE: service,
            "messaging.system": "kafka",
            "messaging.destination.name": topic,
        },
    ):
        stored = [(name, value) for name, value in headers if name not in HOP_HEADERS]
        yield stored + list(_current().items())


@contextlib.contextmanager
def consuming(
    consumer: str, topic: str, event_id: str, event_type: str, headers: Iterable[tuple[str, bytes]]
) -> Iterator[Span]:
    """The span of one event's handler, a child of the span that published it."""
    with tracer.start_as_current_span(
        f"{topic} process",
        context=_handed_on(list(headers)),
        kind=SpanKind.CONSUMER,
        attributes={
            # Consumers are named `<service>.<name>` (`ServiceRuntime.add_consumer`).
            SERVICE_ATTRIBUTE: consumer.partition(".")[0],
            "messaging.system": "kafka",
            "messaging.destination.name": topic,
            "messaging.consumer.group.name": consumer,
            "messaging.message.id": event_id,
            "cloudevents.event_id": event_id,
            "cloudevents.event_type": event_type,
        },
    ) as span:
        yield span


@contextlib.contextmanager
def consuming_batch(
    consumer: str, event_type: str, records: Sequence[tuple[str, Sequence[tuple[str, bytes]]]]
) -> Iterator[Span]:
    """The span of a batch handler over `records` (topic, headers): one span for the
    one statement, linked to the span that published each record (a batch has many
    parents, so none of them is its parent)."""
    links = [
        Link(span_context)
        for _topic, headers in records
        if (
            span_context := trace.get_current_span(_handed_on(list(headers))).get_span_context()
        ).is_valid
    ]
    topic = records[0][0] if records else ""
    with tracer.start_as_current_span(
        f"{topic} process",
        kind=SpanKind.CONSUMER,
        links=links,
        attributes={
            SERVICE_ATTRIBUTE: consumer.partition(".")[0],
            "messaging.system": "kafka",
            "messaging.destination.name": topic,
            "messaging.consumer.group.name": consumer,
            "messaging.batch.message_count": len(records),
            "cloudevents.event_type": event_type,
        },
    ) as span:
        yield span


@contextlib.contextmanager
def continuing(
    traceparent: str | None, name: str, kind: SpanKind, attributes: dict[str, str]
) -> Iterator[Span]:
    """A span continuing a trace kept in a row (`current_traceparent`), for work done
    later by another task: the notifications dispatcher's send."""
    with tracer.start_as_current_span(
        name, context=context_of_traceparent(traceparent), kind=kind, attributes=attributes
    ) as span:
        yield span
