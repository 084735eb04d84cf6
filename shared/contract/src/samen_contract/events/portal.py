"""The facts the portal (the staff workspace) owns.

- `PupilFileViewed`: a staff member opened the pupil's file in the portal on `day`
  (Europe/Amsterdam). One fact per staff member, pupil and day, however often they
  looked: enough to answer a parent's "who has seen my child's file?" (as healthcare
  logs under NEN 7513) without a flood. Who looked stays in the envelope's `actor`
  (a role and a pseudonymous id); no name travels. The audit service appends it to
  the tenant's log like every other fact.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated
from uuid import UUID

from pydantic import Field

from samen_contract.events.base import CODE, Event

Code = Annotated[str, Field(pattern=CODE)]


class PupilFileViewed(Event):
    """A staff member with role `viewer_role` viewed the pupil's file on `day`."""

    __service__ = "portal"
    __version__ = 1

    pupil_id: UUID
    school_id: UUID
    day: date
    viewer_role: Code
