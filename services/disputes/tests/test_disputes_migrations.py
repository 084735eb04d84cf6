"""The migrations create exactly the tables, columns and keys the models describe."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import pytest
from samen_disputes.adapters import tables
from samen_disputes.bootstrap import MIGRATIONS
from samen_kit.migrations import upgrade
from sqlalchemy import Connection, inspect
from sqlalchemy.ext.asyncio import create_async_engine

pytestmark = pytest.mark.integration

MODELS = [
    tables.PupilRow,
    tables.GuardianRow,
    tables.OppRow,
    tables.DisputeRow,
    tables.MoveRow,
    tables.NoteRow,
    tables.TenantConfigRow,
    tables.DueEmittedRow,
]


def _described(model: Any) -> dict[str, bool]:
    return {column.name: bool(column.nullable) for column in model.__table__.columns}


def _key(model: Any) -> list[str]:
    return [column.name for column in model.__table__.primary_key.columns]


def _migrated(conn: Connection) -> dict[str, dict[str, bool]]:
    inspector = inspect(conn)
    return {
        name: {c["name"]: bool(c["nullable"]) for c in inspector.get_columns(name)}
        for name in inspector.get_table_names()
    }


def _migrated_keys(conn: Connection) -> dict[str, list[str]]:
    inspector = inspect(conn)
    return {
        name: list(inspector.get_pk_constraint(name)["constrained_columns"])
        for name in inspector.get_table_names()
    }


async def test_the_migration_creates_what_the_models_describe(
    make_database: Callable[[str], str],
) -> None:
    url = make_database("disputes_migration")
    await asyncio.to_thread(upgrade, url, MIGRATIONS)
    engine = create_async_engine(url)
    try:
        async with engine.connect() as conn:
            migrated = await conn.run_sync(_migrated)
            keys = await conn.run_sync(_migrated_keys)
    finally:
        await engine.dispose()

    for model in MODELS:
        name = model.__table__.name  # type: ignore[attr-defined]
        assert migrated[name] == _described(model), name
        assert keys[name] == _key(model), name
    kit_and_access = {"outbox", "inbox", "pupil_sequence", "applied_sequence", "guardian_token_use"}
    assert kit_and_access <= set(migrated)
