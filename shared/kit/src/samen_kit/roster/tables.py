"""The roster projection's tables: pupils and guardianships as the consent service's
facts describe them, keyed by tenant (two tenants may use the same ids).

They have a registry and metadata of their own, so that no service gets them by
importing the kit; a service that keeps the projection attaches them to its own
metadata (`attach_roster_tables`); the kit's migration branch creates them (kit_0004).
"""

from __future__ import annotations

from datetime import date
from uuid import UUID

from sqlalchemy import Index, MetaData, Table
from sqlalchemy.orm import registry
from sqlmodel import Field, SQLModel

TENANT_LENGTH = 128


class RosterTable(SQLModel, registry=registry()):
    """The base of the roster projection's tables."""


class RosterPupilRow(RosterTable, table=True):
    """Where the pupil is enrolled (`PupilEnrolled`), and since when they left (`PupilLeft`)."""

    __tablename__ = "roster_pupil"
    __table_args__ = (
        Index("roster_pupil_school", "tenant", "school_id"),
        Index("roster_pupil_group", "tenant", "school_id", "group_code"),
    )

    tenant: str = Field(primary_key=True, max_length=TENANT_LENGTH)
    pupil_id: UUID = Field(primary_key=True)
    school_id: UUID
    board_id: str | None = Field(default=None, max_length=TENANT_LENGTH)
    enrolled_on: date | None = None
    left_on: date | None = None
    # The class group's code (`PupilEnrolled`, `PupilGroupChanged`; kit_0005).
    group_code: str | None = Field(default=None, max_length=32)


class RosterGuardianshipRow(RosterTable, table=True):
    """A guardian's standing to a pupil (`GuardianshipRecorded`; gone at `GuardianshipEnded`)."""

    __tablename__ = "roster_guardianship"
    __table_args__ = (Index("roster_guardianship_guardian", "tenant", "guardian_id"),)

    tenant: str = Field(primary_key=True, max_length=TENANT_LENGTH)
    pupil_id: UUID = Field(primary_key=True)
    guardian_id: UUID = Field(primary_key=True)
    standing: str = Field(max_length=32)


PUPIL: Table = RosterPupilRow.__table__  # type: ignore[attr-defined]
GUARDIANSHIP: Table = RosterGuardianshipRow.__table__  # type: ignore[attr-defined]
ROSTER_TABLES: tuple[Table, ...] = (PUPIL, GUARDIANSHIP)


def attach_roster_tables(metadata: MetaData) -> tuple[Table, ...]:
    """Copies of the roster tables in `metadata` (a service's own), e.g. for its
    migrations to compare against; the statements of this package work on either."""
    return tuple(table.to_metadata(metadata) for table in ROSTER_TABLES)
