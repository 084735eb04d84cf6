"""A database from before the kit's roster projection keeps its pupils, guardianships
and first names, each with its tenant (two tenants with the same ids keep a pupil each),
and loses the old tables. (That the migrated schema is the models' is
tests/integration/test_migrations_match_models.py.)"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from uuid import uuid4

import pytest
from samen_kit.testing.schema import sql, upgrade_to
from samen_notifications.migrations import MIGRATIONS

pytestmark = pytest.mark.integration

TABLES = "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"


async def test_a_database_from_before_the_roster_projection_keeps_its_rows(
    make_database: Callable[[str], str],
) -> None:
    url = make_database("notifications_roster")
    await upgrade_to(url, MIGRATIONS, "0003_bulk_opt_out")  # its own pupil and guardianship
    pupil, school, school_b, guardian, unplaced = uuid4(), uuid4(), uuid4(), uuid4(), uuid4()
    await sql(
        url,
        "INSERT INTO pupil VALUES ('tenant-a', :p, :s, 'Noor', NULL),"
        " ('tenant-a', :u, NULL, 'Sam', NULL), ('tenant-b', :p, :b, 'Ada', DATE '2026-01-09')",
        p=pupil,
        s=school,
        b=school_b,
        u=unplaced,
    )
    await sql(
        url,
        "INSERT INTO guardianship VALUES ('tenant-a', :p, :g, 'parental_authority'),"
        " ('tenant-b', :p, :g, 'information_right')",
        p=pupil,
        g=guardian,
    )

    await upgrade_to(url, MIGRATIONS)

    placed = await sql(
        url, "SELECT tenant, pupil_id, school_id, left_on FROM roster_pupil ORDER BY 1"
    )
    assert [tuple(row) for row in placed] == [
        ("tenant-a", pupil, school, None),
        ("tenant-b", pupil, school_b, date(2026, 1, 9)),
    ]
    names = await sql(url, "SELECT tenant, pupil_id, first_name FROM pupil_name ORDER BY 3")
    assert [tuple(row) for row in names] == [
        ("tenant-b", pupil, "Ada"),
        ("tenant-a", pupil, "Noor"),
        ("tenant-a", unplaced, "Sam"),
    ]
    guardians = await sql(
        url, "SELECT tenant, pupil_id, guardian_id, standing FROM roster_guardianship ORDER BY 1"
    )
    assert [tuple(row) for row in guardians] == [
        ("tenant-a", pupil, guardian, "parental_authority"),
        ("tenant-b", pupil, guardian, "information_right"),
    ]
    tables = await sql(url, TABLES)
    assert not {"pupil", "guardianship"} & {row[0] for row in tables}
