"""The worklist (*Te doen*): which facts open an item for staff and which close it.

Pure: `changes(fact)` says what one fact does to the list. An item is keyed by its
kind and a reference (a request, an OPP, a dispute, ...), so a fact seen twice opens
nothing twice and a closing fact finds what it closes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from samen_portal.domain.facts import PupilFact


class ItemKind(StrEnum):
    CONSENT_CONFLICT = "consent_conflict"
    CONSENT_REFUSED = "consent_refused"
    PARENT_UNREACHABLE = "parent_unreachable"
    PARENT_COMMENT = "parent_comment"
    EVALUATION_DUE = "evaluation_due"
    EVALUATION_OVERDUE = "evaluation_overdue"
    OPP_DUE = "opp_due"
    OPP_OVERDUE = "opp_overdue"
    DISPUTE_DEADLINE = "dispute_deadline"
    ADMISSION_EXPIRING = "admission_expiring"
    REGISTRATION_OVERDUE = "registration_overdue"
    THUISZITTER = "thuiszitter"
    CORRECTION_REQUEST = "correction_request"


@dataclass(frozen=True)
class Open:
    kind: ItemKind
    ref: str
    due_on: date | None


@dataclass(frozen=True)
class Close:
    kinds: tuple[ItemKind, ...]
    ref: str


Change = Open | Close

_K = ItemKind
_EVALUATION = (_K.EVALUATION_DUE, _K.EVALUATION_OVERDUE)
_OPP = (_K.OPP_DUE, _K.OPP_OVERDUE)
# Facts that open an item, with the detail that keys it when it is not the fact's own
# reference (a refusal is about the purpose: a new request for it closes the item).
_OPENS: dict[str, ItemKind] = {
    "ConsentConflictDetected": _K.CONSENT_CONFLICT,
    "ConsentRefused": _K.CONSENT_REFUSED,
    "GuardianUnreachable": _K.PARENT_UNREACHABLE,
    "ParentCommentAdded": _K.PARENT_COMMENT,
    "EvaluationDue": _K.EVALUATION_DUE,
    "EvaluationOverdue": _K.EVALUATION_OVERDUE,
    "SupportStarted": _K.OPP_DUE,
    "OppDue": _K.OPP_DUE,
    "OppOverdue": _K.OPP_OVERDUE,
    "DisputeDeadlineApproaching": _K.DISPUTE_DEADLINE,
    "DisputeDeadlineMissed": _K.DISPUTE_DEADLINE,
    "AdmissionEndApproaching": _K.ADMISSION_EXPIRING,
    "RegistrationOverdue": _K.REGISTRATION_OVERDUE,
    "ThuiszitterReported": _K.THUISZITTER,
    "CorrectionRequested": _K.CORRECTION_REQUEST,
}
_CLOSES: dict[str, tuple[ItemKind, ...]] = {
    "ConsentGiven": (_K.CONSENT_CONFLICT,),
    "ConsentRequestCancelled": (_K.CONSENT_CONFLICT,),
    "EvaluationHeld": _EVALUATION,
    "ActionPartSet": _OPP,
    "DisputeResolved": (_K.DISPUTE_DEADLINE,),
    "DisputeDecided": (_K.DISPUTE_DEADLINE,),
    "DisputeWithdrawn": (_K.DISPUTE_DEADLINE,),
    "AdmissionExtended": (_K.ADMISSION_EXPIRING,),
    "RegistrationDecided": (_K.REGISTRATION_OVERDUE,),
    "AbsenceEnded": (_K.THUISZITTER,),
    "CorrectionAnswered": (_K.CORRECTION_REQUEST,),
}


def _key(kind: ItemKind | None, fact: PupilFact) -> str:
    """What keys an item: a refusal by purpose, an unreachable parent by guardian, a
    comment by comment, everything else by the fact's own reference."""
    details = fact.details
    if kind is _K.CONSENT_REFUSED or (kind is None and fact.kind == "ConsentRequested"):
        return f"purpose:{details.get('purpose', '')}"
    if kind is _K.PARENT_UNREACHABLE:
        return f"guardian:{details.get('guardian_id', '')}"
    if kind is _K.PARENT_COMMENT:
        return f"comment:{details.get('comment_id', '')}"
    return str(fact.ref_id)


def changes(fact: PupilFact) -> list[Change]:
    """What `fact` does to the pupil's items on the worklist (nothing for most facts)."""
    if (kind := _OPENS.get(fact.kind)) is not None:
        return [Open(kind, _key(kind, fact), fact.due_on)]
    if (kinds := _CLOSES.get(fact.kind)) is not None:
        return [Close(kinds, _key(None, fact))]
    if fact.kind == "ConsentRequested":  # asked again: the refusal is being dealt with
        return [Close((_K.CONSENT_REFUSED,), _key(None, fact))]
    if fact.kind == "NotificationDelivered" and "recipient_id" in fact.details:
        return [Close((_K.PARENT_UNREACHABLE,), f"guardian:{fact.details['recipient_id']}")]
    return []


# What the worklist says, Dutch (B1).
ITEM_TEXT: dict[ItemKind, str] = {
    _K.CONSENT_CONFLICT: "Ouders zijn het niet eens over toestemming",
    _K.CONSENT_REFUSED: "Ouder gaf geen toestemming",
    _K.PARENT_UNREACHABLE: "Ouder is niet bereikt",
    _K.PARENT_COMMENT: "Ouder gaf een reactie op het verslag",
    _K.EVALUATION_DUE: "Evaluatie van het OPP komt eraan",
    _K.EVALUATION_OVERDUE: "Evaluatie van het OPP is te laat",
    _K.OPP_DUE: "OPP moet binnen 6 weken klaar zijn",
    _K.OPP_OVERDUE: "OPP is te laat",
    _K.DISPUTE_DEADLINE: "Termijn in een geschil loopt af",
    _K.ADMISSION_EXPIRING: "Toelaating of arrangement loopt af",
    _K.REGISTRATION_OVERDUE: "Besluit over aanmelding is te laat",
    _K.THUISZITTER: "Leerling zit thuis",
    _K.CORRECTION_REQUEST: "Ouder vraagt om een correctie",
}
