"""The committed OpenAPI and AsyncAPI documents are what the app serves; regenerate them
with `uv run python -m samen_meetings.docs write` when the API changes on purpose."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import httpx
import pytest
from samen_meetings.bootstrap import build
from samen_meetings.docs import DOCS, reference_settings

pytestmark = pytest.mark.integration

OPENAPI, ASYNCAPI = DOCS.openapi, DOCS.asyncapi


@pytest.mark.parametrize(
    ("route", "committed"), [("/openapi.json", OPENAPI), ("/asyncapi.json", ASYNCAPI)]
)
async def test_the_committed_document_is_what_the_service_serves(
    route: str, committed: Path
) -> None:
    expected = json.loads(await asyncio.to_thread(committed.read_text, "utf-8"))
    app = build(reference_settings()).app
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://meetings") as http:
        served = (await http.get(route)).json()

    assert served == expected


def test_every_event_the_service_emits_is_documented_on_its_topic() -> None:
    document = json.loads(ASYNCAPI.read_text("utf-8"))
    text = json.dumps(document)
    for name in (
        "MeetingScheduled", "MeetingRescheduled", "MeetingCancelled", "MeetingOnHold",
        "InvitationAnswered", "MeetingReminderDue", "MeetingRecorded", "AgreementMade",
        "RecordAcknowledged", "ParentCommentAdded", "EvaluationDue", "EvaluationOverdue",
        "AccessRefused",
    ):  # fmt: skip
        assert name in text, name
    assert "samen.meetings.events" in text
