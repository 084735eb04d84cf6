"""An index over the rows still open (a partial index), for revisions written by hand:
the sweeps and worklists read only those, so the index stays as small as they are."""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


def partial_index(name: str, table: str, columns: Sequence[str], where: str) -> None:
    """`CREATE INDEX name ON table (columns) WHERE where`."""
    op.create_index(name, table, list(columns), postgresql_where=sa.text(where))
