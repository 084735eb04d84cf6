"""Run the consent service's migrations to head."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Final

from samen_kit.migrations import upgrade

MIGRATIONS: Final = Path(__file__).resolve().parent / "migrations"


def migrate(database_url: str) -> None:
    upgrade(database_url, MIGRATIONS)


async def migrate_async(database_url: str) -> None:
    await asyncio.to_thread(migrate, database_url)
