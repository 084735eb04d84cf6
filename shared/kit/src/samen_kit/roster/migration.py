"""Steps for a service's revision that moves its own pupils and guardianships into the
kit's roster projection (the kit's revision `kit_0004` creates it), and back."""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

GUARDIANSHIP_COLUMNS = ("tenant", "pupil_id", "guardian_id", "standing")


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
