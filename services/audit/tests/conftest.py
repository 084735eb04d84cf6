"""Fixtures of the audit service's integration tests (helpers live in audit_harness)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest
from samen_kit.testing.databases import drop_database
from sqlalchemy.engine import make_url

from services.audit.tests.audit_harness import (
    Database,
    StaffKeys,
    prepare,
    roles_admin_url,
    staff_keys,
)


@pytest.fixture
async def audit_database(
    make_database: Callable[[str], str], postgres_server_url: str
) -> AsyncIterator[Database]:
    """A fresh database, migrated by its owner, with the service's login ready."""
    owner_url = make_database("audit")
    yield await prepare(owner_url, await roles_admin_url(postgres_server_url))
    # Before make_database's own drop, which cannot wait for the login's closing sessions.
    await drop_database(postgres_server_url, make_url(owner_url).database or "")


@pytest.fixture(scope="session")
def staff(tmp_path_factory: pytest.TempPathFactory) -> StaffKeys:
    folder: Path = tmp_path_factory.mktemp("audit-staff-keys")
    return staff_keys(folder)
