"""Each service's migrations, written out by hand, build exactly the schema its models
describe (tables, columns, types, primary keys, indexes), and running them twice is harmless.
A model changed without a migration — or a migration without the model — fails here."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from samen_kit.access.used_tokens_sql import GuardianTokenUse
from samen_kit.migrations import upgrade
from samen_kit.refusal_table import AccessRefusalCount
from samen_kit.tables import KIT_TABLES
from sqlalchemy import MetaData, Table, inspect
from sqlalchemy.ext.asyncio import create_async_engine

pytestmark = pytest.mark.integration


def _meetings() -> tuple[Path, Iterable[Table]]:
    from samen_meetings.adapters.base import MeetingsTable
    from samen_meetings.bootstrap import MIGRATIONS

    return MIGRATIONS, MeetingsTable.metadata.tables.values()


def _disputes() -> tuple[Path, Iterable[Table]]:
    from samen_disputes.adapters.base import DisputesTable
    from samen_disputes.bootstrap import MIGRATIONS

    return MIGRATIONS, DisputesTable.metadata.tables.values()


def _admissions() -> tuple[Path, Iterable[Table]]:
    from samen_admissions.adapters.base import AdmissionsTable
    from samen_admissions.bootstrap import MIGRATIONS

    return MIGRATIONS, AdmissionsTable.metadata.tables.values()


def _notifications() -> tuple[Path, Iterable[Table]]:
    from samen_kit.roster import ROSTER_TABLES
    from samen_notifications.adapters.tables import SERVICE_TABLES
    from samen_notifications.migrations import MIGRATIONS

    return MIGRATIONS, (*SERVICE_TABLES, *ROSTER_TABLES)


SERVICES: dict[str, Callable[[], tuple[Path, Iterable[Table]]]] = {
    "meetings": _meetings,
    "disputes": _disputes,
    "notifications": _notifications,
    "admissions": _admissions,
}


def _expected(service_tables: Iterable[Table]) -> MetaData:
    """The kit's tables (in every service's database) and the service's own (the kit's
    roster projection among them: meetings and disputes attach it to their metadata)."""
    metadata = MetaData()
    token_use = GuardianTokenUse.__table__  # type: ignore[attr-defined]
    refusals = AccessRefusalCount.__table__  # type: ignore[attr-defined]
    for table in {*KIT_TABLES, token_use, refusals, *service_tables}:
        table.to_metadata(metadata)
    return metadata


@pytest.mark.parametrize("service", sorted(SERVICES))
async def test_the_migrated_schema_is_the_models_schema(
    service: str, make_database: Callable[[str], str]
) -> None:
    folder, tables = SERVICES[service]()
    url = make_database(f"{service}_models")
    await asyncio.to_thread(upgrade, url, folder)
    await asyncio.to_thread(upgrade, url, folder)  # a second run finds nothing to do

    engine = create_async_engine(url)
    try:
        async with engine.connect() as connection:

            def differences(sync_connection: Any) -> list[Any]:
                context = MigrationContext.configure(sync_connection, opts={"compare_type": True})
                expected = _expected(tables)
                found = list(compare_metadata(context, expected))
                # Autogenerate does not compare primary keys; they matter most here.
                inspector = inspect(sync_connection)
                for table in expected.tables.values():
                    migrated = inspector.get_pk_constraint(table.name)["constrained_columns"]
                    described = [column.name for column in table.primary_key.columns]
                    if migrated != described:
                        found.append(("primary key", table.name, migrated, described))
                return found

            found = await connection.run_sync(differences)
    finally:
        await engine.dispose()
    assert found == []
