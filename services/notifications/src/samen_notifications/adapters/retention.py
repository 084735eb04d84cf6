"""What the notifications service erases when a retention period runs out
(docs/retention.md).

Roster and contact details: the pupil's first name, and the e-mail address, mobile
number and quiet hours of each guardian who has no other pupil still at a school (a
guardian of a younger sibling keeps being reachable). Messages and delivery reports:
the facts a notification was composed from, the provider's message ids, and the short
links (they hold a guardian's link token). Kept: ids, kinds, channels, statuses and
times — the delivery figures the inspectie reads.
"""

from __future__ import annotations

from samen_contract.events.retention import DataKind
from samen_kit.retention.store import erasing, pupils_left
from samen_kit.retention.sweep import Eraser
from sqlalchemy import text

_FIRST_NAME = text(
    "UPDATE pupil_name SET first_name = NULL"
    " WHERE tenant = :t AND pupil_id = :p AND first_name IS NOT NULL"
)
_CONTACTS = text(
    """
    UPDATE guardian_contact c SET email = NULL, mobile = NULL, quiet_start = NULL,
        quiet_end = NULL
    WHERE c.tenant = :t AND (c.email IS NOT NULL OR c.mobile IS NOT NULL)
      AND c.guardian_id IN (SELECT guardian_id FROM roster_guardianship
                            WHERE tenant = :t AND pupil_id = :p)
      AND NOT EXISTS (
        SELECT 1 FROM roster_guardianship g
        JOIN roster_pupil r ON r.tenant = g.tenant AND r.pupil_id = g.pupil_id
        WHERE g.tenant = :t AND g.guardian_id = c.guardian_id AND g.pupil_id <> :p
          AND r.left_on IS NULL)
    """
)
_OF_PUPIL = "SELECT id FROM notification WHERE tenant = :t AND pupil_id = :p"
_FACTS = text(
    "UPDATE notification SET facts = '{}'::jsonb"
    " WHERE tenant = :t AND pupil_id = :p AND facts <> '{}'::jsonb"
)
_PROVIDER_IDS = text(
    "UPDATE message SET provider_id = NULL"
    f" WHERE notification_id IN ({_OF_PUPIL}) AND provider_id IS NOT NULL"
)
_SHORT_LINKS = text(
    "DELETE FROM short_link WHERE tenant = :t AND message_id IN"
    f" (SELECT id FROM message WHERE notification_id IN ({_OF_PUPIL}))"
)


ERASERS = (
    Eraser(
        DataKind.ROSTER_CONTACT,
        pupils_left(DataKind.ROSTER_CONTACT),
        erasing(_FIRST_NAME, _CONTACTS),
    ),
    Eraser(
        DataKind.MESSAGES,
        pupils_left(DataKind.MESSAGES),
        erasing(_FACTS, _PROVIDER_IDS, _SHORT_LINKS),
    ),
)
