"""Every revision's `upgrade` and `downgrade` is a function with a name: alembic logs
each step it runs by `__name__` ("Running upgrade ... -> ..."), so a step without one
(a `functools.partial`) fails the migration as soon as alembic's log is at INFO — which
depends on what ran before, so only a check of every revision catches it."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from alembic.script import ScriptDirectory
from samen_kit.migrations import alembic_config
from samen_kit.migrations.added import added_columns
from samen_kit.refusal_migration import refusal_revision

from tests.integration.migration_folders import SERVICES, migrations_of


@pytest.mark.parametrize("service", SERVICES)
def test_each_revision_step_of_a_service_has_a_name_to_log(service: str) -> None:
    config = alembic_config("postgresql://unused/unused", migrations_of(service))
    revisions = list(ScriptDirectory.from_config(config).walk_revisions())

    assert revisions, "the service has revisions"
    for revision in revisions:
        for step in (revision.module.upgrade, revision.module.downgrade):
            assert isinstance(step.__name__, str), f"{revision.revision}: {step!r}"


def test_the_refusal_revision_gives_an_upgrade_and_a_downgrade_by_name() -> None:
    upgrade, downgrade = refusal_revision("old_refusals", emitted_flag=True)

    assert (upgrade.__name__, downgrade.__name__) == ("upgrade", "downgrade")


def test_a_revision_of_added_columns_gives_an_upgrade_and_a_downgrade_by_name() -> None:
    upgrade, downgrade = added_columns("message", sa.Column("traceparent", sa.String(64)))

    assert (upgrade.__name__, downgrade.__name__) == ("upgrade", "downgrade")
