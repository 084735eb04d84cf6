"""One trace from the intern begeleider's consent request to the e-mail that reaches
the guardian: consent's HTTP request, its outbox relay, Kafka, the notifications
consumer and the SMTP send, all real, both services in this process.

The spans are kept by the kit's in-memory exporter (`samen_kit.testing.traces`), after
the same redaction as in production.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from opentelemetry.sdk.trace import ReadableSpan
from opentelemetry.trace import SpanContext, SpanKind
from samen_kit.roster import Roster
from samen_kit.testing.traces import collected_spans, spans_of_trace
from samen_kit.testing.waiting import wait_for
from samen_kit.trace_export import ALLOWED_ATTRIBUTES
from samen_kit.tracing import SERVICE_ATTRIBUTE

from services.consent.tests.consent_harness import ConsentService, Family, School, running_service
from services.notifications.tests.notifications_harness import Running, service_starter

pytestmark = pytest.mark.integration

GUARDIAN_EMAIL = "ouder.trace@example.nl"


async def test_a_consent_request_is_one_trace_from_the_ibs_request_to_the_smtp_send(
    postgres_server_url: str,
    kafka_bootstrap: str,
    topic_prefix: str,
    make_database: Callable[[str], str],
    tmp_path: Path,
) -> None:
    school, family = School.new(), Family.of(standings=("parental_authority",))
    start_notifications = service_starter(kafka_bootstrap, topic_prefix, make_database, tmp_path)
    with collected_spans() as spans:  # before the services are built
        async with (
            running_service(postgres_server_url, kafka_bootstrap, topic_prefix) as consent,
            start_notifications() as notifications,
        ):
            await _known_to_both(consent, notifications, school, family)
            spans.clear()

            await consent.ask(school, family, "mdo_request")
            await wait_for(lambda: notifications.mails(to=GUARDIAN_EMAIL))
            (send,) = await wait_for(lambda: _named(spans.get_finished_spans(), "smtp send"))
            trace = spans_of_trace(spans, _context(send).trace_id)

    # The SMTP send, the consumer that planned it, the relay that published the request
    # and the HTTP request itself: each the parent of the next, all in one trace.
    consumed = _parent_of(send, trace)
    published = _parent_of(consumed, trace)
    request = _parent_of(published, trace)

    # FastAPI's own server span, named by the route template.
    assert (request.kind, request.name) == (SpanKind.SERVER, "POST /v1/requests")
    assert request.parent is None  # the trace starts at the begeleider's request
    assert published.kind == SpanKind.PRODUCER
    assert _attribute(published, SERVICE_ATTRIBUTE) == "consent"
    assert str(_attribute(published, "messaging.destination.name")).endswith("consent.events")
    assert consumed.kind == SpanKind.CONSUMER
    assert _attribute(consumed, SERVICE_ATTRIBUTE) == "notifications"
    assert _attribute(consumed, "cloudevents.event_type") == "samen.consent.ConsentRequested.v1"
    assert send.kind == SpanKind.CLIENT
    assert _attribute(send, SERVICE_ATTRIBUTE) == "notifications"
    assert _attribute(request, "http.route") == "/v1/requests"

    # Ids, topics and route templates only: no address, no client, no personal data.
    for span in trace:
        assert set(span.attributes or {}) <= ALLOWED_ATTRIBUTES, span.name
        assert GUARDIAN_EMAIL not in str(dict(span.attributes or {}))


async def _known_to_both(
    consent: ConsentService, notifications: Running, school: School, family: Family
) -> None:
    """The pupil and guardian on consent's roster (its events reach notifications) and
    the guardian's e-mail address on notifications' own contact list."""
    await consent.import_families(school, [family])
    (guardian,) = family.guardian_ids
    await notifications.import_roster(
        school.tenant,
        school.school_id,
        [
            {
                "line": 2,
                "pupil_id": str(family.pupil_id),
                "pupil_first_name": "Noor",
                "guardians": [
                    {"guardian_id": str(guardian), "email": GUARDIAN_EMAIL, "language": "nl"}
                ],
            }
        ],
    )

    async def guardianship_known() -> bool:
        async with notifications.service.runtime.sessions() as session:
            guardians = await Roster(session).guardians(school.tenant, family.pupil_id)
            return bool(guardians)

    await wait_for(guardianship_known)


def _named(spans: tuple[ReadableSpan, ...], name: str) -> list[ReadableSpan]:
    return [span for span in spans if span.name == name]


def _context(span: ReadableSpan) -> SpanContext:
    assert span.context is not None
    return span.context


def _parent_of(span: ReadableSpan, trace: list[ReadableSpan]) -> ReadableSpan:
    assert span.parent is not None, f"{span.name} has no parent"
    parents = [
        s for s in trace if s.context is not None and s.context.span_id == span.parent.span_id
    ]
    assert len(parents) == 1, f"the parent of {span.name} is not in the trace"
    return parents[0]


def _attribute(span: ReadableSpan, name: str) -> object:
    return (span.attributes or {}).get(name)
