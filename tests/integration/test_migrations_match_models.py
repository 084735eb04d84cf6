"""Each service's migrations, written out by hand, with the kit's branch build exactly
the schema its models and the kit's describe (tables, columns, types, primary keys,
indexes), and running them twice is harmless. A model changed without a migration — or
a migration without the model — fails here."""

from __future__ import annotations

from collections.abc import Callable, Iterable

import pytest
from samen_kit.testing.schema import kit_branch_tables, metadata_of, schema_differences, upgrade_to
from sqlalchemy import Table

from tests.integration.migration_folders import migrations_of

pytestmark = pytest.mark.integration


def _meetings() -> Iterable[Table]:
    from samen_meetings.adapters.base import MeetingsTable

    return MeetingsTable.metadata.tables.values()


def _disputes() -> Iterable[Table]:
    from samen_disputes.adapters.base import DisputesTable

    return DisputesTable.metadata.tables.values()


def _plans() -> Iterable[Table]:
    from samen_plans.adapters.base import PlansTable

    return PlansTable.metadata.tables.values()


def _admissions() -> Iterable[Table]:
    from samen_admissions.adapters.base import AdmissionsTable

    return AdmissionsTable.metadata.tables.values()


def _notifications() -> Iterable[Table]:
    from samen_notifications.adapters.tables import SERVICE_TABLES

    return SERVICE_TABLES


def _consent() -> Iterable[Table]:
    from samen_consent.adapters.tables import CONSENT_TABLES

    return CONSENT_TABLES


def _portal() -> Iterable[Table]:
    from samen_portal.adapters.tables import metadata

    return metadata.tables.values()


# The audit service writes its log in SQL of its own (no models): its schema is held to
# the one a database made before the kit's branch has in test_kit_migration_branch.py.
SERVICES: dict[str, Callable[[], Iterable[Table]]] = {
    "meetings": _meetings,
    "disputes": _disputes,
    "notifications": _notifications,
    "consent": _consent,
    "plans": _plans,
    "admissions": _admissions,
    "portal": _portal,
}


@pytest.mark.parametrize("service", sorted(SERVICES))
async def test_the_migrated_schema_is_the_models_schema(
    service: str, make_database: Callable[[str], str]
) -> None:
    folder, tables = migrations_of(service), SERVICES[service]()
    url = make_database(f"{service}_models")
    await upgrade_to(url, folder)
    await upgrade_to(url, folder)  # a second run finds nothing to do

    expected = metadata_of((*kit_branch_tables(), *tables))
    assert await schema_differences(url, expected) == []
