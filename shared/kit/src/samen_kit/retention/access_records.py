"""The kit's refused attempts as access records: a window goes five years after its
minute, once it has been reported. Importing this adds `access_refusal_count` to the
metadata, as `samen_kit.refusal_table` does (every service counts refusals)."""

from __future__ import annotations

from samen_kit.refusal_table import AccessRefusalCount
from samen_kit.retention.purge import AgedRecords

REFUSAL_WINDOWS = AgedRecords(
    AccessRefusalCount.__table__,  # type: ignore[attr-defined]
    "window_start",
    only=lambda table: table.c.emitted_at.is_not(None),
)
