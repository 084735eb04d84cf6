"""A request to the samenwerkingsverband: what must be in place before each step."""

from datetime import UTC, date, datetime, timedelta

import pytest
from samen_admissions.domain import request as r
from samen_admissions.domain.codes import (
    Advice,
    Discipline,
    ObjectionAdvice,
    ObjectionOutcome,
    ObjectionStage,
    RequestKind,
    Status,
)
from samen_admissions.domain.consent import ConsentFact, ConsentStatus
from samen_admissions.domain.errors import (
    AdviceIncomplete,
    AdvisoryStepMissing,
    ConsentMissing,
    InvalidDates,
    NotNow,
    ParentsViewMissing,
    ReasonsRequired,
    SameExpertTwice,
    UnknownCategory,
)

NOW = datetime(2026, 3, 2, 9, tzinfo=UTC)
ORTHO = r.ExpertAdvice("expert-1", Discipline.ORTHOPEDAGOOG, Advice.POSITIVE)
OTHER = r.ExpertAdvice("expert-2", Discipline.OTHER, Advice.POSITIVE)


def given(purpose: str, until: datetime | None = None) -> ConsentFact:
    return ConsentFact(purpose, ConsentStatus.GIVEN, NOW - timedelta(days=1), until)


CONSENT = {"engage_swv": given("engage_swv"), "share_file": given("share_file")}


def submitted() -> r.RequestState:
    state = r.add_parents_view(r.draft(RequestKind.TLV, "so_middle"))
    return r.submit(state, CONSENT, NOW)


def advised() -> r.RequestState:
    return r.give_advice(r.give_advice(submitted(), ORTHO), OTHER)


def test_a_category_belongs_to_its_kind() -> None:
    with pytest.raises(UnknownCategory):
        r.draft(RequestKind.TLV, "intensive")


def test_a_request_is_submitted_with_the_parents_view_and_both_consents() -> None:
    state = submitted()
    assert state.status is Status.SUBMITTED
    assert state.submitted_on == date(2026, 3, 2)


@pytest.mark.parametrize(
    ("consent", "missing"),
    [
        ({}, ("engage_swv", "share_file")),
        ({"engage_swv": given("engage_swv")}, ("share_file",)),
        (
            {
                "engage_swv": given("engage_swv", until=NOW),
                "share_file": given("share_file"),
            },
            ("engage_swv",),
        ),
        (
            {
                "engage_swv": ConsentFact("engage_swv", ConsentStatus.WITHDRAWN, NOW),
                "share_file": given("share_file"),
            },
            ("engage_swv",),
        ),
    ],
    ids=["none", "one-purpose", "expired-at-now", "withdrawn"],
)
def test_without_consent_that_holds_now_a_request_cannot_be_submitted(
    consent: dict[str, ConsentFact], missing: tuple[str, ...]
) -> None:
    state = r.add_parents_view(r.draft(RequestKind.TLV, "sbo"))
    with pytest.raises(ConsentMissing) as refused:
        r.submit(state, consent, NOW)
    assert refused.value.purposes == missing


def test_without_the_parents_view_a_request_cannot_be_submitted() -> None:
    with pytest.raises(ParentsViewMissing):
        r.submit(r.draft(RequestKind.ARRANGEMENT, "light"), CONSENT, NOW)


def test_a_decision_needs_two_experts_one_behavioural() -> None:
    one = r.give_advice(submitted(), ORTHO)
    with pytest.raises(AdviceIncomplete):
        r.grant(one, date(2026, 4, 1), date(2026, 8, 1), date(2027, 7, 31))
    two_others = r.give_advice(
        r.give_advice(submitted(), OTHER),
        r.ExpertAdvice("expert-3", Discipline.OTHER, Advice.NEGATIVE),
    )
    with pytest.raises(AdviceIncomplete):
        r.refuse(two_others, date(2026, 4, 1), "reasons")


def test_one_expert_cannot_give_both_advices() -> None:
    with pytest.raises(SameExpertTwice):
        r.give_advice(r.give_advice(submitted(), ORTHO), ORTHO)


def test_a_grant_runs_from_start_to_a_later_end_and_opens_six_weeks_for_objection() -> None:
    state = r.grant(advised(), date(2026, 4, 1), date(2026, 8, 1), date(2027, 7, 31))
    assert state.status is Status.GRANTED
    # Awb art. 6:7 and 6:8: six weeks from 1 April 2026 is Wednesday 13 May 2026.
    assert state.objection_by == date(2026, 5, 13)
    with pytest.raises(InvalidDates):
        r.grant(advised(), date(2026, 4, 1), date(2026, 8, 1), date(2026, 8, 1))


def test_a_refusal_states_its_reasons() -> None:
    with pytest.raises(ReasonsRequired):
        r.refuse(advised(), date(2026, 4, 1), "  ")


def test_an_extension_ends_later_and_is_a_new_decision() -> None:
    granted = r.grant(advised(), date(2026, 4, 1), date(2026, 8, 1), date(2027, 7, 31))
    extended = r.extend(granted, date(2027, 5, 3), date(2028, 7, 31))
    assert (extended.end_date, extended.decided_on) == (date(2028, 7, 31), date(2027, 5, 3))
    with pytest.raises(InvalidDates):
        r.extend(granted, date(2027, 5, 3), date(2027, 7, 31))
    with pytest.raises(NotNow):
        r.extend(submitted(), date(2027, 5, 3), date(2028, 7, 31))


def test_a_tlv_objection_is_decided_only_after_the_national_committee_advised() -> None:
    refused = r.refuse(advised(), date(2026, 4, 1), "reasons")
    objected = r.lodge_objection(refused, date(2026, 5, 13))
    assert objected.objection is not None
    assert objected.objection.in_time and objected.objection.advisory_step
    with pytest.raises(AdvisoryStepMissing):
        r.decide_objection(objected, ObjectionOutcome.UPHELD)
    advised_on = r.record_objection_advice(objected, ObjectionAdvice.WELL_FOUNDED)
    revised = r.decide_objection(advised_on, ObjectionOutcome.REVISED)
    assert revised.objection is not None and revised.objection.stage is ObjectionStage.DECIDED
    # The refusal revoked, the request is before the committee again.
    assert revised.status is Status.SUBMITTED


def test_an_objection_after_the_term_is_recorded_as_late() -> None:
    refused = r.refuse(advised(), date(2026, 4, 1), "reasons")
    late = r.lodge_objection(refused, date(2026, 5, 14))
    assert late.objection is not None and not late.objection.in_time


def test_an_arrangement_objection_has_no_advisory_step() -> None:
    state = r.add_parents_view(r.draft(RequestKind.ARRANGEMENT, "medium"))
    state = r.give_advice(r.give_advice(r.submit(state, CONSENT, NOW), ORTHO), OTHER)
    objected = r.lodge_objection(r.refuse(state, date(2026, 4, 1), "x"), date(2026, 4, 2))
    with pytest.raises(NotNow):
        r.record_objection_advice(objected, ObjectionAdvice.UNFOUNDED)
    decided = r.decide_objection(objected, ObjectionOutcome.UPHELD)
    assert decided.status is Status.REFUSED
