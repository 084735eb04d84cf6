"""The committed OpenAPI and AsyncAPI documents are the ones the service serves."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
import pytest
from samen_admissions.bootstrap import build_service
from samen_admissions.docs import DOCS
from samen_admissions.settings import AdmissionsSettings

pytestmark = pytest.mark.unit

SERVICE_ROOT, REGENERATE = DOCS.service_dir, DOCS.regenerate


def committed(name: str) -> Any:
    return json.loads((SERVICE_ROOT / name).read_text("utf-8"))


async def served(path: str) -> Any:
    """Served by the app as built for production (no topic prefix); nothing started."""
    app = build_service(AdmissionsSettings(topic_prefix="")).app
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://admissions") as http:
        response = await http.get(path)
    assert response.status_code == 200
    return response.json()


@pytest.mark.parametrize("name", ["openapi.json", "asyncapi.json"])
async def test_the_committed_document_is_the_served_one(name: str) -> None:
    assert committed(name) == await served(f"/{name}"), f"stale {name}: run `{REGENERATE}`"


def test_the_documents_are_committed_beside_the_service() -> None:
    assert Path(__file__).resolve().parents[1] == SERVICE_ROOT
    assert {path.name for path in DOCS.documents()} == {"openapi.json", "asyncapi.json"}


def test_the_asyncapi_document_names_every_admissions_event() -> None:
    schemas = committed("asyncapi.json")["components"]["schemas"]
    for event in (
        "AdmissionRequestDrafted",
        "ParentsViewAdded",
        "AdmissionRequested",
        "ExpertAdviceGiven",
        "AdmissionGranted",
        "AdmissionRefused",
        "AdmissionEndApproaching",
        "AdmissionExtended",
        "AdmissionObjectionLodged",
        "AdmissionObjectionAdvised",
        "AdmissionObjectionDecided",
        "RegistrationRecorded",
        "RegistrationOverdue",
        "ThuiszitterReported",
    ):
        assert event in schemas
