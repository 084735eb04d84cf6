"""An OPP version printed: the text read back from the PDF holds the goals, the action
part's SHA-256 and the parents' answers, in Dutch."""

from __future__ import annotations

import io
from typing import Any
from uuid import UUID

import httpx
import pytest
from pypdf import PdfReader
from samen_kit.testing.waiting import wait_for

from services.plans.tests.plans_harness import Roster, Running
from services.plans.tests.plans_requests import (
    GOALS,
    enrolled,
    ib,
    offered,
    opp_of,
    started,
    written,
)

pytestmark = pytest.mark.integration


@pytest.fixture
async def client(plans: Running) -> Any:
    async with httpx.AsyncClient(base_url=plans.base_url, timeout=60) as http:
        yield http


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


async def test_the_printed_version_holds_the_goals_the_hash_and_the_consent_receipt(
    plans: Running, consent_roster: Roster, client: httpx.AsyncClient
) -> None:
    pupil = await enrolled(plans, consent_roster, guardians=2)
    opp_id = await started(client, plans, pupil)
    sha = (await written(client, plans, pupil, opp_id))["action_part_sha256"]
    assert (await offered(client, plans, pupil, opp_id, 1)).status_code == 202
    request_id = await consent_roster.requested(pupil, UUID(opp_id), 1, sha)
    await consent_roster.all_agree(pupil, request_id)

    async def set_() -> bool:
        return (await opp_of(client, plans, pupil, opp_id))["status"] == "set"

    await wait_for(set_)
    response = await client.get(f"/opps/{opp_id}/versions/1/pdf", headers=ib(plans, pupil))

    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    text = text_of(response.content)
    flat = "".join(text.split())
    assert sha in flat
    for goal in GOALS:
        assert "".join(goal.split()) in flat
    assert "Bewijsvantoestemming" in flat and "toestemminggegeven" in flat
    assert flat.count("stemtin") == 2  # both parents' answers
    assert str(pupil.guardians[0]) in flat


async def test_an_unknown_version_has_no_pdf(
    plans: Running, consent_roster: Roster, client: httpx.AsyncClient
) -> None:
    pupil = await enrolled(plans, consent_roster)
    opp_id = await started(client, plans, pupil)
    missing = await client.get(f"/opps/{opp_id}/versions/1/pdf", headers=ib(plans, pupil))
    assert missing.status_code == 404
