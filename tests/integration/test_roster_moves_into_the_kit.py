"""The revision that moves a service onto the kit's roster projection keeps every row
of its own `pupil` and guardianship tables, each with its tenant (two tenants with the
same pupil and guardian ids keep a pupil each), and drops the old tables; going back
gives the rows back and leaves the roster tables (the kit's branch keeps them) empty, so
going forward again moves them once more."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from uuid import uuid4

import pytest
from samen_kit.testing.schema import downgrade_to, sql, upgrade_to

from tests.integration.migration_folders import migrated_to

pytestmark = pytest.mark.integration


@dataclass(frozen=True)
class Move:
    """`before`: the revision before the move; `guardians`: the service's own table."""

    before: str
    guardians: str


MOVES = {
    "meetings": Move("0003_refusal_counts", "guardianship"),
    "disputes": Move("0003_refusal_counts", "guardian"),
}

TABLES = "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"


@pytest.mark.parametrize("service", sorted(MOVES))
async def test_the_rows_move_with_their_tenant(
    service: str, make_database: Callable[[str], str]
) -> None:
    move = MOVES[service]
    url, folder = await migrated_to(make_database, service, "roster_move", move.before)
    pupil, guardian, school_a, school_b = uuid4(), uuid4(), uuid4(), uuid4()
    await sql(
        url,
        "INSERT INTO pupil (tenant, pupil_id, school_id, enrolled_on, left_on) VALUES"
        " ('tenant-a', :p, :a, DATE '2025-08-25', NULL),"
        " ('tenant-b', :p, :b, DATE '2025-08-26', DATE '2026-01-09')",
        p=pupil,
        a=school_a,
        b=school_b,
    )
    await sql(
        url,
        f"INSERT INTO {move.guardians} (tenant, pupil_id, guardian_id, standing) VALUES"
        " ('tenant-a', :p, :g, 'parental_authority'), ('tenant-b', :p, :g, 'information_right')",
        p=pupil,
        g=guardian,
    )

    await upgrade_to(url, folder)

    pupils = await sql(
        url, "SELECT tenant, pupil_id, school_id, enrolled_on, left_on FROM roster_pupil ORDER BY 1"
    )
    assert [tuple(row) for row in pupils] == [
        ("tenant-a", pupil, school_a, date(2025, 8, 25), None),
        ("tenant-b", pupil, school_b, date(2025, 8, 26), date(2026, 1, 9)),
    ]
    guardians = await sql(
        url, "SELECT tenant, pupil_id, guardian_id, standing FROM roster_guardianship ORDER BY 1"
    )
    assert [tuple(row) for row in guardians] == [
        ("tenant-a", pupil, guardian, "parental_authority"),
        ("tenant-b", pupil, guardian, "information_right"),
    ]
    tables = {row[0] for row in await sql(url, TABLES)}
    assert not {"pupil", move.guardians} & tables

    await downgrade_to(url, folder, move.before)
    back = await sql(url, "SELECT tenant, school_id FROM pupil ORDER BY 1")
    assert [tuple(row) for row in back] == [("tenant-a", school_a), ("tenant-b", school_b)]
    standings = await sql(url, f"SELECT tenant, standing FROM {move.guardians} ORDER BY 1")
    assert [tuple(row) for row in standings] == [
        ("tenant-a", "parental_authority"),
        ("tenant-b", "information_right"),
    ]
    for roster in ("roster_pupil", "roster_guardianship"):
        assert [tuple(row) for row in await sql(url, f"SELECT count(*) FROM {roster}")] == [(0,)]

    await upgrade_to(url, folder)
    again = await sql(url, "SELECT tenant, school_id FROM roster_pupil ORDER BY 1")
    assert [tuple(row) for row in again] == [("tenant-a", school_a), ("tenant-b", school_b)]
