"""The roster facts the consent service owns; other services build projections from them.

Only what readers need travels: ids, the school, dates and a guardian's standing. The
pupil's birth date stays in the consent service, which alone applies the age rules;
names and contact points never travel (notifications holds contact points itself).
All ids are pseudonymous UUIDv5s (`ids.pseudonymous_id`), so no school number travels.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from uuid import UUID

from samen_contract.events.base import Event


class GuardianStanding(StrEnum):
    """What a guardian may do for a pupil (GLOSSARY.md)."""

    PARENTAL_AUTHORITY = "parental_authority"  # gezag: is asked for consent
    INFORMATION_RIGHT = "information_right"  # informatierecht: informed, never asked


class PupilEnrolled(Event):
    """The pupil is on the school's roster from `enrolled_on`."""

    __service__ = "consent"
    __version__ = 1

    pupil_id: UUID
    school_id: UUID
    enrolled_on: date


class PupilLeft(Event):
    """The pupil left the school on `left_on`; retention periods count from this date."""

    __service__ = "consent"
    __version__ = 1

    pupil_id: UUID
    school_id: UUID
    left_on: date


class GuardianshipRecorded(Event):
    """The guardian stands in `standing` to the pupil.

    Recorded again when the standing changes: the latest one (by the pupil's sequence
    number) is the current standing.
    """

    __service__ = "consent"
    __version__ = 1

    pupil_id: UUID
    guardian_id: UUID
    standing: GuardianStanding


class GuardianshipEnded(Event):
    """The guardian no longer stands in any relation to the pupil."""

    __service__ = "consent"
    __version__ = 1

    pupil_id: UUID
    guardian_id: UUID
