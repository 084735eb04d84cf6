"""The worklist rules: which facts open an item, which close it, and how items are
keyed so a repeat opens nothing twice and the right fact closes the right item."""

from __future__ import annotations

from datetime import UTC, date, datetime
from uuid import uuid4

import pytest
from samen_contract import Envelope, Event
from samen_contract.events.admissions import AbsenceEnded, ThuiszitterReported
from samen_contract.events.consent import (
    ConsentConflictDetected,
    ConsentGiven,
    ConsentRefused,
    ConsentRequested,
)
from samen_contract.events.meetings import ParentCommentAdded
from samen_contract.events.notifications import GuardianUnreachable
from samen_contract.events.plans import EvaluationHeld, EvaluationOverdue
from samen_portal.domain.facts import PupilFact, pupil_fact
from samen_portal.domain.worklist import Close, ItemKind, Open, changes

pytestmark = pytest.mark.unit

TENANT = "swv-test"
PUPIL, SCHOOL = uuid4(), uuid4()
AT = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def fact_of(event: Event) -> PupilFact:
    envelope = Envelope.for_event(
        event, tenant=TENANT, subject=str(PUPIL), actor="system:test", sequence=1, time=AT
    )
    found = pupil_fact(envelope, event)
    assert found is not None
    return found


def test_a_parents_comment_opens_an_item_keyed_by_the_comment() -> None:
    comment = uuid4()
    event = ParentCommentAdded(
        comment_id=comment,
        record_id=uuid4(),
        meeting_id=uuid4(),
        pupil_id=PUPIL,
        school_id=SCHOOL,
        guardian_id=uuid4(),
    )
    assert changes(fact_of(event)) == [Open(ItemKind.PARENT_COMMENT, f"comment:{comment}", None)]


def test_a_conflict_is_closed_when_consent_is_given_for_the_same_request() -> None:
    request = uuid4()
    conflict = ConsentConflictDetected(
        request_id=request, pupil_id=PUPIL, purpose="mdo", agreed=(uuid4(),), disagreed=(uuid4(),)
    )
    given = ConsentGiven(request_id=request, pupil_id=PUPIL, purpose="mdo", purpose_version=1)
    opened = changes(fact_of(conflict))
    closed = changes(fact_of(given))
    assert opened == [Open(ItemKind.CONSENT_CONFLICT, str(request), None)]
    assert closed == [Close((ItemKind.CONSENT_CONFLICT,), str(request))]


def consent_asked(purpose: str, version: int = 1) -> ConsentRequested:
    """Consent for `purpose` asked about the pupil, of no party yet."""
    return ConsentRequested(
        request_id=uuid4(), pupil_id=PUPIL, school_id=SCHOOL, purpose=purpose,
        purpose_version=version, parties=(),
    )  # fmt: skip


def test_a_refusal_stays_until_consent_for_that_purpose_is_asked_again() -> None:
    refused = ConsentRefused(request_id=uuid4(), pupil_id=PUPIL, purpose="mdo", party_id=uuid4())
    asked_other = consent_asked("photo")
    asked_again = asked_other.model_copy(update={"purpose": "mdo"})
    assert changes(fact_of(refused)) == [Open(ItemKind.CONSENT_REFUSED, "purpose:mdo", None)]
    assert changes(fact_of(asked_other)) == [Close((ItemKind.CONSENT_REFUSED,), "purpose:photo")]
    assert changes(fact_of(asked_again)) == [Close((ItemKind.CONSENT_REFUSED,), "purpose:mdo")]


def test_an_overdue_evaluation_carries_its_date_and_is_closed_by_the_evaluation() -> None:
    opp = uuid4()
    overdue = EvaluationOverdue(
        opp_id=opp, pupil_id=PUPIL, school_id=SCHOOL, due_on=date(2026, 2, 1)
    )
    held = EvaluationHeld.model_validate(
        {
            "opp_id": opp,
            "pupil_id": PUPIL,
            "school_id": SCHOOL,
            **_evaluation_held_extra(),
        }
    )
    assert changes(fact_of(overdue)) == [
        Open(ItemKind.EVALUATION_OVERDUE, str(opp), date(2026, 2, 1))
    ]
    assert changes(fact_of(held)) == [
        Close((ItemKind.EVALUATION_DUE, ItemKind.EVALUATION_OVERDUE), str(opp))
    ]


def _evaluation_held_extra() -> dict[str, object]:
    """EvaluationHeld's other required fields, with plain values."""
    extra: dict[str, object] = {}
    for name, info in EvaluationHeld.model_fields.items():
        if name in {"opp_id", "pupil_id", "school_id"} or not info.is_required():
            continue
        extra[name] = {"held_on": date(2026, 3, 1), "with_parents": True}.get(
            name, date(2027, 3, 1)
        )
    return extra


def test_an_unreachable_parent_is_keyed_by_the_guardian() -> None:
    guardian = uuid4()
    event = GuardianUnreachable(
        notification_id=uuid4(),
        guardian_id=guardian,
        pupil_id=PUPIL,
        school_id=SCHOOL,
        template="consent_request",
        reason="all_channels_failed",
        waiting_since=AT,
    )
    assert changes(fact_of(event)) == [
        Open(ItemKind.PARENT_UNREACHABLE, f"guardian:{guardian}", None)
    ]


def test_a_thuiszitter_is_on_the_list_until_back_at_school() -> None:
    absence = uuid4()
    reported = ThuiszitterReported(
        absence_id=absence,
        pupil_id=PUPIL,
        school_id=SCHOOL,
        home_since=date(2026, 1, 5),
        reported_on=date(2026, 2, 1),
    )
    ended = AbsenceEnded(
        absence_id=absence, pupil_id=PUPIL, school_id=SCHOOL, ended_on=date(2026, 3, 1)
    )
    assert changes(fact_of(reported)) == [Open(ItemKind.THUISZITTER, str(absence), None)]
    assert changes(fact_of(ended)) == [Close((ItemKind.THUISZITTER,), str(absence))]


def test_a_fact_keeps_ids_and_codes_never_free_text() -> None:
    found = fact_of(consent_asked("mdo", version=2))
    assert found.kind == "ConsentRequested" and found.source == "consent"
    assert found.details == {"purpose": "mdo", "purpose_version": 2}
    assert all(isinstance(v, str | int | bool) for v in found.details.values())
