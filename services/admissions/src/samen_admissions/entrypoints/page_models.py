"""What the parent page shows, built from the request's file (no I/O).

Codes become phrase keys (`adm_kind_tlv`, `adm_status_granted`, `adm_category_sbo`);
a category the page has no phrase for shows as `adm_category_other`.
"""

from typing import Any

from samen_admissions.domain import terms
from samen_admissions.domain.codes import CATEGORIES, ObjectionStage, RequestKind, Status
from samen_admissions.handlers.views import RequestFile

KNOWN_CATEGORIES = frozenset(c for cs in CATEGORIES.values() for c in cs)


def request_context(file: RequestFile, *, base: str) -> dict[str, Any]:
    row = file.row
    status = Status(row.status)
    decided = status in (Status.GRANTED, Status.REFUSED) and row.decided_on is not None
    objection_open = row.objection_stage not in (None, ObjectionStage.DECIDED)
    return {
        "kind": f"adm_kind_{row.kind}",
        "category": f"adm_category_{row.category}"
        if row.category in KNOWN_CATEGORIES
        else "adm_category_other",
        "status": f"adm_status_{status}",
        "motivation": row.motivation,
        "parents_view": row.parents_view,
        "may_add_view": status in (Status.DRAFT, Status.SUBMITTED),
        "granted": status is Status.GRANTED,
        "refused": status is Status.REFUSED,
        "start_date": row.start_date,
        "end_date": row.end_date,
        "refusal_reasons": row.refusal_reasons,
        "objection_by": terms.objection_by(row.decided_on) if decided and row.decided_on else None,
        "advisory_step": row.kind == RequestKind.TLV,
        "may_object": decided and not objection_open,
        "objection_open": objection_open,
        "objection_advised": row.objection_stage == ObjectionStage.ADVISED,
        "advice_count": len(file.advices),
        "view_action": f"{base}/mening",
        "objection_action": f"{base}/bezwaar",
    }
