"""What the admissions service erases when a retention period runs out
(docs/retention.md).

The clock starts when the pupil's last request was decided and, for a granted
admission (TLV), when it ended: the Archiefwet's selectielijst keeps the file seven years
after that (an assumption to check per samenwerkingsverband). Then the motivation, the
parents' view, the reasons for a refusal, the grounds of an objection and the experts'
advice texts and names go. Kept: ids, kinds, categories, statuses, dates and the advice
given (positive or not) — the figures of the inspectie and the SWV's own reports.
"""

from __future__ import annotations

from samen_contract.events.retention import DataKind
from samen_kit.retention.store import endings_from, erasing
from samen_kit.retention.sweep import Eraser
from sqlalchemy import text

_ENDED = text(
    """
    SELECT r.tenant, r.pupil_id, max(coalesce(r.end_date, r.decided_on))
    FROM admission_request r
    WHERE NOT EXISTS (SELECT 1 FROM retention_erasure e WHERE e.tenant = r.tenant
                      AND e.pupil_id = r.pupil_id AND e.kind = :kind)
    GROUP BY r.tenant, r.pupil_id
    HAVING bool_and(r.decided_on IS NOT NULL)
    """
)
_REQUESTS = "SELECT id FROM admission_request WHERE tenant = :t AND pupil_id = :p"
STATEMENTS = (
    text(
        "UPDATE admission_request SET motivation = '', parents_view = NULL,"
        " refusal_reasons = NULL, objection_grounds = NULL"
        " WHERE tenant = :t AND pupil_id = :p AND (motivation <> '' OR parents_view IS NOT NULL"
        " OR refusal_reasons IS NOT NULL OR objection_grounds IS NOT NULL)"
    ),
    text(
        "UPDATE expert_advice SET text = '', expert = ''"
        f" WHERE tenant = :t AND request_id IN ({_REQUESTS}) AND (text <> '' OR expert <> '')"
    ),
)


_KIND = DataKind.ADMISSION_FILES
ERASERS = (Eraser(_KIND, endings_from(_ENDED, _KIND.value), erasing(*STATEMENTS)),)
