"""Every service's committed OpenAPI and AsyncAPI documents are what it serves, and the
AsyncAPI document names every event the service emits, on its own topic.

One test for all services (each names one `ApiDocuments` in `samen_<svc>.docs`);
regenerate a stale one with `uv run python -m samen_<svc>.docs write`.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
from pathlib import Path
from typing import Any

import httpx
import pytest
from samen_contract.registry import events_of
from samen_contract.topics import SERVICES, events_topic
from samen_kit.apidocs import ApiDocuments, render

pytestmark = pytest.mark.unit

REPO = Path(__file__).resolve().parents[2]
DOCUMENTED = [s for s in SERVICES if importlib.util.find_spec(f"samen_{s}.docs") is not None]


def docs_of(service: str) -> ApiDocuments:
    docs: ApiDocuments = importlib.import_module(f"samen_{service}.docs").DOCS
    return docs


def committed(path: Path) -> Any:
    return json.loads(path.read_text("utf-8"))


def test_every_service_on_the_bus_documents_its_api() -> None:
    assert set(DOCUMENTED) == set(SERVICES)


@pytest.mark.parametrize("service", DOCUMENTED)
async def test_the_committed_documents_are_the_served_ones(service: str) -> None:
    """Built with canonical settings (no topic prefix) and never started."""
    docs = docs_of(service)
    app, _ = docs.build()
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url=f"http://{service}") as http:
        for path in (docs.openapi, docs.asyncapi):
            served = (await http.get(f"/{path.name}")).json()
            assert path.read_text("utf-8") == render(served), f"stale: run `{docs.regenerate}`"


@pytest.mark.parametrize("service", DOCUMENTED)
def test_the_documents_lie_beside_the_service(service: str) -> None:
    assert docs_of(service).service_dir == REPO / "services" / service


@pytest.mark.parametrize("service", DOCUMENTED)
def test_the_asyncapi_document_names_every_event_the_service_emits_on_its_topic(
    service: str,
) -> None:
    document = committed(docs_of(service).asyncapi)
    addresses = {channel["address"] for channel in document["channels"].values()}
    assert events_topic(service) in addresses
    schemas = set(document["components"]["schemas"])
    missing = {cls.__name__ for cls in events_of(service)} - schemas
    assert not missing, f"{service} emits but does not document {sorted(missing)}"
