"""The migrations build exactly the tables the code uses, and running them again is safe."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from samen_consent.adapters.tables import CONSENT_TABLES
from samen_consent.migrate import migrate_async
from samen_kit.access.used_tokens_sql import GuardianTokenUse
from samen_kit.refusal_table import AccessRefusalCount
from samen_kit.tables import KIT_TABLES
from sqlalchemy import MetaData
from sqlalchemy.ext.asyncio import create_async_engine

pytestmark = pytest.mark.integration


def _expected() -> MetaData:
    """The consent database's tables only (other services' share `SQLModel.metadata`)."""
    metadata = MetaData()
    token_use = GuardianTokenUse.__table__  # type: ignore[attr-defined]
    refusals = AccessRefusalCount.__table__  # type: ignore[attr-defined]
    for table in (*KIT_TABLES, token_use, refusals, *CONSENT_TABLES):
        table.to_metadata(metadata)
    return metadata


async def test_the_migrated_schema_is_the_models_schema_and_migrating_twice_is_harmless(
    make_database: Callable[[str], str],
) -> None:
    url = make_database("consent_migrations")
    await migrate_async(url)
    await migrate_async(url)

    engine = create_async_engine(url)
    try:
        async with engine.connect() as connection:

            def differences(sync_connection: Any) -> list[Any]:
                context = MigrationContext.configure(sync_connection)
                return list(compare_metadata(context, _expected()))

            found = await connection.run_sync(differences)
    finally:
        await engine.dispose()
    assert found == []
