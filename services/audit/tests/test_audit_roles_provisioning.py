"""Provisioning the audit roles when several instances start at once: each instance
creates the writer role and its login if missing, and none fails because another one
created them a moment earlier (PostgreSQL's CREATE ROLE races on pg_authid's index)."""

from __future__ import annotations

import asyncio
import uuid

import asyncpg
import pytest
from samen_audit.adapters.roles import WRITER_ROLE, provision
from samen_kit.db import asyncpg_dsn
from samen_kit.testing.databases import execute

from services.audit.tests.audit_harness import roles_admin_url

pytestmark = pytest.mark.integration


async def test_instances_starting_together_all_provision_the_same_new_login(
    postgres_server_url: str,
) -> None:
    admin = await roles_admin_url(postgres_server_url)
    login = f"samen_audit_{uuid.uuid4().hex[:12]}"
    try:
        await asyncio.gather(*(provision(admin, login, "secret") for _ in range(6)))

        connection = await asyncpg.connect(asyncpg_dsn(admin))
        try:
            member = await connection.fetchval(
                "SELECT pg_has_role($1, $2, 'MEMBER')", login, WRITER_ROLE
            )
        finally:
            await connection.close()
        assert member is True
    finally:
        await execute(admin, f"DROP ROLE IF EXISTS {login}")
