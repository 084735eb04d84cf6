"""Traces across services: the trace context rides inside the events.

It travels as the CloudEvents distributed-tracing extension, `traceparent` and
`tracestate`, which in Kafka binary mode are the headers `ce_traceparent` and
`ce_tracestate` (W3C Trace Context values). The outbox captures it when a row is
written, inside the request's (or handler's) span; the relay publishes each row in a
producer span that is a child of it and hands its own context on; the consumer runs the
handler in a span whose parent is that producer span.

Span attributes hold ids, topics and route templates only: never personal data.
Without a configured tracer provider (`samen_kit.trace_export`) every call here is
OpenTelemetry's no-op and the headers stay as they were.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Sequence

from opentelemetry import trace
from opentelemetry.context import Context
from opentelemetry.trace import Span, SpanKind
from opentelemetry.trace.propagation.tracecontext import TraceContextTextMapPropagator
from samen_contract.codec import CE_PREFIX

TRACEPARENT = CE_PREFIX + "traceparent"
TRACESTATE = CE_PREFIX + "tracestate"
TRACE_HEADERS = (TRACEPARENT, TRACESTATE)
#: Which service a span belongs to, also when several run in one process (tests).
SERVICE_ATTRIBUTE = "samen.service"

# W3C Trace Context only, whatever the process's global propagator is: the extension's
# attributes are exactly its two values.
_W3C = TraceContextTextMapPropagator()
tracer = trace.get_tracer("samen_kit")


def trace_headers() -> list[tuple[str, bytes]]:
    """The current span's context as `ce_traceparent`/`ce_tracestate` headers; none
    outside a recording span (tracing off, or no request or handler around)."""
    carrier: dict[str, str] = {}
    _W3C.inject(carrier)
    return [(CE_PREFIX + name, value.encode()) for name, value in carrier.items()]


def current_traceparent() -> str | None:
    """The current span's `traceparent`, for work that leaves the event flow (a row the
    dispatcher picks up later); None when there is nothing to continue."""
    carrier: dict[str, str] = {}
    _W3C.inject(carrier)
    return carrier.get("traceparent")


def context_from(headers: Iterable[tuple[str, bytes | str]]) -> Context:
    """The trace context a record's headers carry (an empty one when they carry none)."""
    carrier = {
        name.removeprefix(CE_PREFIX): value.decode() if isinstance(value, bytes) else value
        for name, value in headers
        if name in TRACE_HEADERS
    }
    return _W3C.extract(carrier)


def context_of_traceparent(traceparent: str | None) -> Context:
    return _W3C.extract({"traceparent": traceparent} if traceparent else {})


@contextlib.contextmanager
def publishing(
    service: str, topic: str, headers: Sequence[tuple[str, str]]
) -> Iterator[list[tuple[str, str]]]:
    """A producer span for one outbox row, a child of the context the row was written
    in; yields the headers to send, carrying this span's context instead. A row written
    outside any trace (tracing off, a scheduler's scan) is sent as it is, without a span."""
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
        rest = [(name, value) for name, value in headers if name not in TRACE_HEADERS]
        yield rest + [(name, value.decode()) for name, value in trace_headers()]


@contextlib.contextmanager
def consuming(
    consumer: str, topic: str, event_id: str, event_type: str, headers: Iterable[tuple[str, bytes]]
) -> Iterator[Span]:
    """The span of one event's handler, a child of the span that published it."""
    with tracer.start_as_current_span(
        f"{topic} process",
        context=context_from(headers),
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
def continuing(
    traceparent: str | None, name: str, kind: SpanKind, attributes: dict[str, str]
) -> Iterator[Span]:
    """A span continuing a trace kept in a row (`current_traceparent`), for work done
    later by another task: the notifications dispatcher's send."""
    with tracer.start_as_current_span(
        name, context=context_of_traceparent(traceparent), kind=kind, attributes=attributes
    ) as span:
        yield span
