"""The revision that moves a service's own table of refused attempts into the kit's
`access_refusal_count` keeps every row with its count and whether it was reported
(a service that marked that with a boolean gets a time); going back gives the rows
back under the old name and leaves the kit's table (its branch keeps it) empty."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from samen_kit.testing.schema import downgrade_to, sql, upgrade_to

from tests.integration.migration_folders import migrated_to

pytestmark = pytest.mark.integration


@dataclass(frozen=True)
class Move:
    """`before`: the revision before the move; `table`: the service's own;
    `flag`: it marked a reported row with a boolean `emitted` (else `emitted_at`)."""

    before: str
    table: str
    flag: bool


MOVES = {
    "meetings": Move("0002", "access_refusal", flag=True),
    "disputes": Move("0002", "access_refusal", flag=False),
    "notifications": Move("0001", "refusal_window", flag=True),
    "audit": Move("0001", "refusal_count", flag=False),
}

GROUP = "tenant, reason, credential, method, route, resource_kind"
GROUP_VALUES = "'no_grant', 'staff', 'GET', '/v1/x', 'meeting'"  # after the tenant


@pytest.mark.parametrize("service", sorted(MOVES))
async def test_the_refusal_rows_move_with_their_reported_mark(
    service: str, make_database: Callable[[str], str]
) -> None:
    move = MOVES[service]
    url, folder = await migrated_to(make_database, service, "refusal_move", move.before)
    mark = "emitted" if move.flag else "emitted_at"
    reported = "true" if move.flag else "TIMESTAMPTZ '2026-03-02 09:01Z'"
    unreported = "false" if move.flag else "NULL"
    await sql(
        url,
        f"INSERT INTO {move.table} ({GROUP}, window_start, count, {mark}) VALUES"
        f" ('swv-a', {GROUP_VALUES}, '2026-03-02 09:00Z', 3, {reported}),"
        f" ('swv-b', {GROUP_VALUES}, '2026-03-02 09:00Z', 1, {unreported})",
    )

    await upgrade_to(url, folder)

    moved = await sql(
        url,
        "SELECT tenant, count, emitted_at IS NOT NULL FROM access_refusal_count ORDER BY 1",
    )
    assert [tuple(row) for row in moved] == [("swv-a", 3, True), ("swv-b", 1, False)]
    tables = await sql(url, "SELECT to_regclass(:name) IS NULL", name=move.table)
    assert [tuple(row) for row in tables] == [(True,)]

    await downgrade_to(url, folder, move.before)
    was_reported = "emitted" if move.flag else "emitted_at IS NOT NULL"
    back = await sql(url, f"SELECT tenant, count, {was_reported} FROM {move.table} ORDER BY 1")
    assert [tuple(row) for row in back] == [("swv-a", 3, True), ("swv-b", 1, False)]
    left = await sql(url, "SELECT count(*) FROM access_refusal_count")
    assert [tuple(row) for row in left] == [(0,)]
