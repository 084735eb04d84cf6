"""What consent's API documents say beyond what every service's do (tests/unit/
test_api_documents.py): the topics it reads and its routes; and a running service serves
the committed documents.
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from samen_consent.docs import DOCS
from samen_contract.topics import events_topic

from services.consent.tests.consent_harness import ConsentService

OPENAPI, ASYNCAPI, REGENERATE = DOCS.openapi, DOCS.asyncapi, DOCS.regenerate


def _committed(path: Any) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return document


@pytest.mark.unit
def test_the_asyncapi_document_describes_every_consent_event_on_its_topic() -> None:
    asyncapi = _committed(ASYNCAPI)
    addresses = {channel["address"] for channel in asyncapi["channels"].values()}
    schemas = set(asyncapi["components"]["schemas"])

    # Its own topic, the plans topic it reads offered action parts from, and the legal
    # holds' topics (disputes, audit: samen_kit.retention.holds).
    assert addresses == {events_topic(s) for s in ("consent", "plans", "disputes", "audit")}
    assert {"ConsentRequested", "ConsentGiven", "PupilEnrolled", "AccessRefused"} <= schemas


@pytest.mark.unit
def test_the_openapi_document_has_the_staff_routes_and_the_parent_pages() -> None:
    paths = _committed(OPENAPI)["paths"]
    assert "/v1/roster" in paths and "/v1/requests/{request_id}" in paths
    assert "/ouders/toestemming/{request_id}" in paths


@pytest.mark.integration
async def test_the_running_service_serves_the_same_documents(consent: ConsentService) -> None:
    openapi = (await consent.http.get("/openapi.json")).json()
    asyncapi = (await consent.http.get("/asyncapi.json")).json()

    assert openapi == _committed(OPENAPI)
    addresses = {channel["address"] for channel in asyncapi["channels"].values()}
    prefix = consent.settings.topic_prefix
    read = ("consent", "plans", "disputes", "audit")
    assert addresses == {prefix + events_topic(s) for s in read}
