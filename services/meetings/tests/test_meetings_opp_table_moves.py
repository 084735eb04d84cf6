"""The revision that turns the `opp` table into a projection of the plans service's facts
keeps the OPPs registered here before the move: their version stays current, set when
the parents had approved it, an open one with the due date of the cycle it was in (the
tenant's own interval, else 12 months); two tenants may then hold the same OPP id."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from uuid import uuid4

import pytest
from samen_kit.testing.schema import downgrade_to, sql, upgrade_to
from samen_meetings.bootstrap import MIGRATIONS

pytestmark = pytest.mark.integration

BEFORE = "0004_roster_projection"
INSERT = (
    "INSERT INTO opp (opp_id, tenant, school_id, pupil_id, started_on, action_part_version,"
    " parents_approved, last_evaluated_on, cycle_start, closed_on, registered_by) VALUES"
    " (:o, :t, :s, :p, :start, :v, :approved, :evaluated, :cycle, :closed, 'ib:1')"
)


async def test_opps_registered_before_the_move_keep_their_version_and_due_date(
    make_database: Callable[[str], str],
) -> None:
    url = make_database("meetings_opp_move")
    await upgrade_to(url, MIGRATIONS, BEFORE)
    school, pupil, open_opp, closed_opp = uuid4(), uuid4(), uuid4(), uuid4()
    await sql(
        url,
        "INSERT INTO tenant_settings VALUES ('tenant-a', 6, 4, 7, TIME '09:00')",
    )
    common = {"t": "tenant-a", "s": school, "p": pupil}
    await sql(
        url, INSERT, o=closed_opp, start=date(2024, 9, 2), v=1, approved=False,
        evaluated=None, cycle=date(2024, 9, 2), closed=date(2025, 8, 31), **common,
    )  # fmt: skip
    await sql(
        url, INSERT, o=open_opp, start=date(2025, 8, 31), v=2, approved=True,
        evaluated=date(2026, 1, 31), cycle=date(2026, 1, 31), closed=None, **common,
    )  # fmt: skip

    await upgrade_to(url, MIGRATIONS)

    rows = await sql(
        url,
        "SELECT opp_id, version, set_version, evaluation_due_on, closed_on FROM opp"
        " ORDER BY started_on",
    )
    assert [tuple(r) for r in rows] == [
        (closed_opp, 1, None, None, date(2025, 8, 31)),
        (open_opp, 2, 2, date(2026, 7, 31), None),
    ]
    other_tenant = (
        "INSERT INTO opp (tenant, opp_id, school_id, pupil_id, started_on)"
        " VALUES ('tenant-b', :o, :s, :p, DATE '2026-02-02')"
    )
    await sql(url, other_tenant, o=open_opp, s=uuid4(), p=pupil)
    settings = await sql(url, "SELECT * FROM tenant_settings")
    assert [tuple(r) for r in settings] == [("tenant-a", 7, settings[0][2])]

    await sql(url, "DELETE FROM opp WHERE tenant = 'tenant-b'")
    await downgrade_to(url, MIGRATIONS, BEFORE)

    back = await sql(
        url, "SELECT opp_id, action_part_version, parents_approved FROM opp ORDER BY started_on"
    )
    assert [tuple(r) for r in back] == [(closed_opp, 1, False), (open_opp, 2, True)]
