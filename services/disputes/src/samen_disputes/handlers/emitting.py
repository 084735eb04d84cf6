"""The envelope facts of a dispute's events (written with `samen_kit.outbox.emit`)."""

from datetime import datetime
from uuid import UUID

from samen_kit.envelope_facts import about_pupil
from samen_kit.outbox import Facts

from samen_disputes.adapters.tables import DisputeRow


def about_dispute(row: DisputeRow, actor: str, at: datetime, event_id: UUID | None = None) -> Facts:
    """Keyed by the pupil; every event of one dispute shares its correlation id."""
    return about_pupil(row, actor=actor, at=at, correlation=row.id, event_id=event_id)
