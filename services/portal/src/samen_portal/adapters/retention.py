"""The portal's access records (docs/retention.md): who viewed a pupil's file goes five
years after the day of the view, unless a legal hold on the pupil is open; with them the
kit's refusal windows and used guardian links. The portal erases nothing per pupil."""

from __future__ import annotations

from samen_kit.retention.purge import AgedRecords
from samen_kit.retention.wiring import KIT_ACCESS_RECORDS

from samen_portal.adapters.tables import file_view

FILE_VIEWS = AgedRecords(file_view, "day", pupil="pupil_id")
ACCESS_RECORDS: tuple[AgedRecords, ...] = (*KIT_ACCESS_RECORDS, FILE_VIEWS)
