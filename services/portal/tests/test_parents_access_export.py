"""The access export on Mijn kind (AVG art. 15) over real HTTP: the overview offers it,
a guardian with parental authority downloads one zip (a readable page in their language
beside Dutch, and what could not be fetched named), and anyone else is refused."""

from __future__ import annotations

import io
import json
import zipfile
from uuid import uuid4

import httpx
import pytest
from samen_contract.events.consent import GuardianStanding
from samen_kit.testing.roster import RosterPublisher

from services.portal.tests.portal_harness import known_family
from services.portal.tests.test_parents_kind import Portal

pytestmark = pytest.mark.integration


async def test_a_guardian_downloads_the_export_from_the_overview_and_missing_parts_are_named(
    portal: Portal, facts: RosterPublisher
) -> None:
    tenant, _, pupil, guardian = await known_family(portal, facts)
    token = portal.guardian_token(tenant, guardian, pupil)
    # Laying out the PDF takes a few seconds on a busy machine.
    async with httpx.AsyncClient(base_url=portal.base_url, timeout=60.0) as browser:
        page = await browser.get(f"/ouders/kind/{pupil}", params={"token": token, "taal": "tr"})
        href = f"/ouders/kind/{pupil}/gegevens.zip?token={token}&amp;taal=tr"
        assert href in page.text
        download = await browser.get(
            f"/ouders/kind/{pupil}/gegevens.zip", params={"token": token, "taal": "tr"}
        )

    assert download.status_code == 200, download.text
    assert download.headers["content-type"] == "application/zip"
    assert download.headers["cache-control"] == "no-store"
    archive = zipfile.ZipFile(io.BytesIO(download.content))
    # No owning service runs beside this portal: each is named as missing, none invented.
    assert sorted(archive.namelist()) == [
        "gegevens.tr.html",
        "gegevens.tr.pdf",
        "ontbreekt.json",
        "portal.json",
    ]
    missing = json.loads(archive.read("ontbreekt.json"))["services"]
    assert sorted(missing) == sorted(
        ["consent", "meetings", "plans", "admissions", "disputes", "notifications"]
    )
    readable = archive.read("gegevens.tr.html").decode()
    assert "Wat wij over uw kind en over u bewaren" in readable
    assert "Çocuğunuz ve sizin hakkınızda sakladıklarımız" in readable


async def test_a_guardian_without_parental_authority_gets_no_export(
    portal: Portal, facts: RosterPublisher
) -> None:
    tenant, _, pupil, informed = await known_family(
        portal, facts, GuardianStanding.INFORMATION_RIGHT
    )
    token = portal.guardian_token(tenant, informed, pupil)
    async with httpx.AsyncClient(base_url=portal.base_url, timeout=20.0) as browser:
        refused = await browser.get(f"/ouders/kind/{pupil}/gegevens.zip", params={"token": token})
        other = await browser.get(f"/ouders/kind/{uuid4()}/gegevens.zip", params={"token": token})

    assert refused.status_code == 403
    assert other.status_code == 403
    assert refused.headers["content-type"].startswith("text/html")
