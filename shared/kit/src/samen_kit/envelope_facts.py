"""The envelope facts of an event about one pupil, from the row that places the pupil
(its tenant, board and school): keyed by the pupil, as every pupil's events are."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol
from uuid import UUID

from samen_kit.outbox import Facts


class PupilPlace(Protocol):
    """A row that names a pupil and where they are (a request, a dispute, an OPP...)."""

    @property
    def tenant(self) -> str: ...
    @property
    def pupil_id(self) -> UUID: ...
    @property
    def board_id(self) -> str | None: ...
    @property
    def school_id(self) -> UUID: ...


def about_pupil(
    place: PupilPlace,
    *,
    actor: str,
    at: datetime,
    correlation: object | None = None,
    event_id: UUID | None = None,
) -> Facts:
    """For `samen_kit.outbox.emit(session, event, **about_pupil(...))`. `correlation`:
    what every event of one case shares (a request's, a dispute's, an OPP's id)."""
    return Facts(
        tenant=place.tenant,
        subject=str(place.pupil_id),
        actor=actor,
        board=place.board_id,
        school=str(place.school_id),
        correlationid=None if correlation is None else str(correlation),
        event_id=event_id,
        time=at,
    )
