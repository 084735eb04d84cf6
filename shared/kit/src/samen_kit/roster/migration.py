"""Steps for a service's revision that moves its own pupils and guardianships into the
kit's roster projection (the kit's revision `kit_0004` creates it), and back."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

from samen_kit.migrations.columns import day, text, uuid

GUARDIANSHIP_COLUMNS = ("tenant", "pupil_id", "guardian_id", "standing")

# The columns a service's own pupil table had before kit_0004 (disputes, meetings), by name.
_PUPIL_COLUMN: dict[str, Callable[[], sa.Column[Any]]] = {
    "tenant": lambda: text("tenant", 128),
    "pupil_id": lambda: uuid("pupil_id"),
    "school_id": lambda: uuid("school_id"),
    "board_id": lambda: text("board_id", 128, nullable=True),
    "enrolled_on": lambda: day("enrolled_on", nullable=True),
    "left_on": lambda: day("left_on", nullable=True),
}


def copy_rows(source: str, target: str, columns: Sequence[str], where: str = "") -> None:
    names = ", ".join(columns)
    op.execute(f"INSERT INTO {target} ({names}) SELECT {names} FROM {source} {where}".rstrip())


def move_into_roster(pupils: str, guardians: str, pupil_columns: Sequence[str]) -> None:
    """Every row of the service's `pupils` and `guardians` into the roster, with its
    tenant; the service's tables go."""
    copy_rows(pupils, "roster_pupil", pupil_columns)
    copy_rows(guardians, "roster_guardianship", GUARDIANSHIP_COLUMNS)
    op.drop_table(guardians)
    op.drop_table(pupils)


def move_out_of_roster(pupils: str, guardians: str, pupil_columns: Sequence[str]) -> None:
    """The way back, into `pupils` and `guardians` as the caller created them again; the
    roster tables (the kit's) stay, empty."""
    copy_rows("roster_pupil", pupils, pupil_columns)
    copy_rows("roster_guardianship", guardians, GUARDIANSHIP_COLUMNS)
    empty_roster()


def empty_roster() -> None:
    op.execute("DELETE FROM roster_guardianship")
    op.execute("DELETE FROM roster_pupil")


def back_out_of_roster(
    pupils: str, guardians: str, pupil_columns: Sequence[str], *, standing_length: int
) -> None:
    """The whole way back for a service whose tables held just the roster's columns (a
    tenant of 128 characters): `pupils` with `pupil_columns`, `guardians` with a standing
    of `standing_length`, created again and filled from the roster."""
    op.create_table(
        pupils,
        *(_PUPIL_COLUMN[name]() for name in pupil_columns),
        sa.PrimaryKeyConstraint("tenant", "pupil_id"),
    )
    op.create_table(
        guardians,
        text("tenant", 128),
        uuid("pupil_id"),
        uuid("guardian_id"),
        text("standing", standing_length),
        sa.PrimaryKeyConstraint("tenant", "pupil_id", "guardian_id"),
    )
    move_out_of_roster(pupils, guardians, pupil_columns)
