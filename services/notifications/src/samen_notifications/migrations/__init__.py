"""Alembic migrations of the notifications service (`samen_kit.migrations.upgrade`)."""

from pathlib import Path

MIGRATIONS = Path(__file__).resolve().parent
