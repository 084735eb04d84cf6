"""Alembic migrations of the audit service; run as the owner role only."""
