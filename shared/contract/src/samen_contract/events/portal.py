"""The facts the portal (the staff workspace) owns.

- `PupilFileViewed`: a staff member opened the pupil's file in the portal on `day`
  (Europe/Amsterdam). One fact per staff member, pupil and day, however often they
  looked: enough to answer a parent's "who has seen my child's file?" (as healthcare
  logs under NEN 7513) without a flood. Who looked stays in the envelope's `actor`
  (a role and a pseudonymous id); no name travels. The audit service appends it to
  the tenant's log like every other fact.
- `CorrectionRequested`: a guardian asked for a correction (AVG art. 16) of what the
  platform holds in one `area` about their child or themselves. The explanation they
  wrote is personal data: it stays in the portal's database; the bus carries ids, the
  area code and the date it must be answered by (`answer_by`, AVG art. 12(3)).
- `CorrectionAnswered`: the school recorded the outcome (`corrected` or `refused`);
  the reason for a refusal stays in the portal too.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated
from uuid import UUID

from pydantic import Field

from samen_contract.events.base import CODE, Event

Code = Annotated[str, Field(pattern=CODE)]


class PupilFileViewed(Event):
    """A staff member with role `viewer_role` viewed the pupil's file on `day`."""

    __service__ = "portal"

    pupil_id: UUID
    school_id: UUID
    day: date
    viewer_role: Code


class CorrectionOutcome(StrEnum):
    CORRECTED = "corrected"
    REFUSED = "refused"


class CorrectionFact(Event):
    """A fact about one guardian's correction request (abstract)."""

    request_id: UUID
    pupil_id: UUID
    school_id: UUID
    guardian_id: UUID
    area: Code


class CorrectionRequested(CorrectionFact):
    """Guardian `guardian_id` asked to correct what is held in `area` about the pupil."""

    __service__ = "portal"

    answer_by: date


class CorrectionAnswered(CorrectionFact):
    """The school answered correction request `request_id` with `outcome`."""

    __service__ = "portal"

    outcome: CorrectionOutcome
