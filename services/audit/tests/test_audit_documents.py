"""The committed OpenAPI and AsyncAPI documents are what a running service serves."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from samen_audit.docs import DOCS
from samen_kit.apidocs import render
from samen_kit.settings import ServiceSettings

from services.audit.tests.audit_harness import (
    Database,
    StaffKeys,
    audit_settings,
    build_service,
    running,
)

pytestmark = pytest.mark.integration

OPENAPI, ASYNCAPI, REGENERATE = DOCS.openapi, DOCS.asyncapi, DOCS.regenerate


def _as_committed(document: Any, prefix: str, bootstrap: str) -> Any:
    """Tests run on prefixed topics and on whichever broker they were given; the committed
    documents name the plain topics and the default broker."""
    default = ServiceSettings.model_fields["kafka_bootstrap"].default
    return json.loads(json.dumps(document).replace(prefix, "").replace(bootstrap, default))


async def test_the_committed_documents_match_the_served_ones(
    audit_database: Database, kafka_bootstrap: str, topic_prefix: str, staff: StaffKeys
) -> None:
    service = build_service(audit_settings(audit_database, kafka_bootstrap, topic_prefix, staff))
    async with running(service) as base_url, httpx.AsyncClient(base_url=base_url) as client:
        served = {
            OPENAPI: (await client.get("/openapi.json")).json(),
            ASYNCAPI: _as_committed(
                (await client.get("/asyncapi.json")).json(), topic_prefix, kafka_bootstrap
            ),
        }
    for path, document in served.items():
        assert path.read_text(encoding="utf-8") == render(document), f"stale: run {REGENERATE}"
