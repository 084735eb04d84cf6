"""Right of access (AVG art. 15) on the whole platform: after the parents' journey
(`samen_cli.journey`), a parent downloads the export from Mijn kind, and it holds every
row about the child and about them that each owning service's database holds.

The comparison reads each database on its own terms: every table that has a tenant and
a pupil (or, for the parent's own data, a guardian) column, counted for this child and
this parent, rows naming the other parent left out. A table a service adds later is
in this count the day it exists, so an export that misses it fails here.
"""

from __future__ import annotations

import contextlib
import io
import json
import zipfile
from collections.abc import AsyncIterator
from typing import Any
from uuid import UUID

import httpx
import pytest
from samen_cli.journey.context import Journey
from samen_cli.platform import Platform
from samen_kit.access import GuardianItem, mint_guardian_token
from samen_kit.access.devkeys import dev_guardian_key
from samen_kit.db import create_engine
from samen_kit.testing.waiting import wait_for
from sqlalchemy import text

from tests.e2e.conftest import walked_region

pytestmark = pytest.mark.e2e

OWNERS = ("consent", "meetings", "plans", "admissions", "disputes", "notifications")
GUARDIAN_COLUMNS = ("guardian_id", "party_id")
_TABLES = """
SELECT table_name, array_agg(column_name::text) FROM information_schema.columns
WHERE table_schema = 'public' GROUP BY table_name
"""


@pytest.fixture(scope="module")
async def walked(platform: Platform) -> AsyncIterator[Journey]:
    async with walked_region(platform, pupils_per_school=6) as j:
        yield j


def _count_query(table: str, columns: list[str]) -> str | None:
    """Rows about the pupil (or, without a pupil column, about the guardian)."""
    guardian = next((c for c in GUARDIAN_COLUMNS if c in columns), None)
    if "tenant" not in columns or ("pupil_id" not in columns and guardian is None):
        return None
    where = ["tenant = :tenant"]
    if "pupil_id" in columns:
        where.append("pupil_id = :pupil")
        if guardian:
            where.append(f"({guardian} IS NULL OR {guardian}::text = :guardian)")
    else:
        where.append(f"{guardian}::text = :guardian")
    return f"SELECT count(*) FROM {table} WHERE {' AND '.join(where)}"


async def held_by(platform: Platform, service: str, **ids: str) -> dict[str, int]:
    """What `service`'s own database holds about the pupil and the guardian, per table."""
    engine = create_engine(platform.config.database_url(service))
    try:
        async with engine.connect() as conn:
            tables = (await conn.execute(text(_TABLES))).all()
            counts = {}
            for table, columns in tables:
                query = _count_query(table, list(columns))
                if query is not None:
                    counts[table] = (await conn.execute(text(query), ids)).scalar_one()
            return counts
    finally:
        await engine.dispose()


async def download(platform: Platform, walked: Journey, guardian: UUID) -> zipfile.ZipFile:
    pupil, tenant = walked.family.pupil_id, walked.plan.region.tenant
    token = mint_guardian_token(
        dev_guardian_key(platform.config.keys_dir),
        guardian_id=guardian,
        pupil_id=pupil,
        item=GuardianItem.of("pupil", pupil),
        tenant=tenant,
        now=walked.site.now(),
    )
    # The portal asks every service in turn; on a loaded machine that can take longer
    # than a browser's usual patience, and this bound is for a hung portal, not a speed.
    async with httpx.AsyncClient(base_url=platform.config.url("portal"), timeout=120) as parent:
        response = await parent.get(f"/ouders/kind/{pupil}/gegevens.zip", params={"token": token})
    assert response.status_code == 200, response.text
    return zipfile.ZipFile(io.BytesIO(response.content))


def exported_counts(archive: zipfile.ZipFile, service: str) -> dict[str, int]:
    answer: dict[str, Any] = json.loads(archive.read(f"{service}.json"))
    return {table: len(rows) for table, rows in answer["holdings"].items()}


async def test_the_access_export_holds_every_item_about_the_child_from_every_service(
    platform: Platform, walked: Journey
) -> None:
    guardian = walked.family.parents[0].guardian_id
    ids = {
        "tenant": walked.plan.region.tenant,
        "pupil": str(walked.family.pupil_id),
        "guardian": str(guardian),
    }
    compared: dict[str, tuple[dict[str, int], dict[str, int]]] = {}

    async def the_same() -> bool:  # sweeps and reminders may still be writing
        archive = await download(platform, walked, guardian)
        assert "ontbreekt.json" not in archive.namelist()
        for service in OWNERS:
            compared[service] = (
                exported_counts(archive, service),
                await held_by(platform, service, **ids),
            )
        return all(exported == held for exported, held in compared.values())

    with contextlib.suppress(AssertionError):  # the comparison below tells what differs
        await wait_for(the_same, within=60, every=2)
    for service, (exported, held) in compared.items():
        assert exported == held, service
    # The journey left something in each service that keeps the child's file.
    for service in ("consent", "meetings", "plans", "disputes", "notifications"):
        exported, _ = compared[service]
        assert sum(exported.values()) > 0, service
    assert compared["consent"][0]["consent_evidence"] > 0
    assert compared["disputes"][0]["dispute"] > 0
