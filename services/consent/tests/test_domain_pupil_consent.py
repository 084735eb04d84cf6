"""The assessment: a pupil of 12 to 16 consents beside the guardians, from 16 alone."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from uuid import UUID, uuid4

import pytest
from samen_consent.domain.codes import DefaultPurpose
from samen_consent.domain.decisions import Answered, Given
from samen_consent.domain.errors import InvalidEvidence, NoAuthority
from samen_consent.domain.evidence import Act, Channel, Evidence
from samen_consent.domain.parties import PartyRole, Pupil
from samen_consent.domain.purposes import default_purpose
from samen_consent.domain.request import ConsentRequest, RequestState, evidence_for
from samen_consent.domain.transitions import answer, withdraw

from services.consent.tests.consent_factories import asked, on_the_page, with_authority

pytestmark = pytest.mark.unit

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
IB = uuid4()
MUM, DAD = uuid4(), uuid4()
FAMILY = with_authority(MUM, DAD)
ASSESSMENT = default_purpose(DefaultPurpose.ASSESSMENT)


def ask_assessment(pupil: Pupil) -> ConsentRequest:
    return asked(ASSESSMENT, FAMILY, at=NOW, pupil=pupil, by=IB)


def pupil_says(request: ConsentRequest, act: Act, hours: int = 1) -> Evidence:
    """The IB records the pupil's answer in a conversation, as witness."""
    return evidence_for(
        request,
        party_id=request.pupil_id,
        act=act,
        at=NOW + timedelta(hours=hours),
        channel=Channel.RECORDED_BY_STAFF,
        language="nl",
        witness_id=IB,
    )


def guardian_says(request: ConsentRequest, guardian: UUID, hours: int) -> Evidence:
    at = NOW + timedelta(hours=hours)
    return on_the_page(request, guardian, Act.AGREE, at, token_id=f"token-{guardian}")


def test_a_pupil_of_thirteen_must_agree_beside_both_guardians() -> None:
    request = ask_assessment(Pupil(uuid4(), date(2013, 1, 10)))
    request = answer(request, guardian_says(request, MUM, 1)).request
    request = answer(request, guardian_says(request, DAD, 2)).request
    assert request.state is RequestState.OPEN
    outcome = answer(request, pupil_says(request, Act.AGREE, hours=3))
    assert [type(d) for d in outcome.decisions] == [Answered, Given]


def test_a_pupil_of_thirteen_who_refuses_stops_the_assessment_despite_the_guardians() -> None:
    request = ask_assessment(Pupil(uuid4(), date(2013, 1, 10)))
    request = answer(request, guardian_says(request, MUM, 1)).request
    outcome = answer(request, pupil_says(request, Act.REFUSE, hours=2))
    assert outcome.request.state is RequestState.REFUSED


def test_a_pupil_of_sixteen_decides_alone() -> None:
    request = ask_assessment(Pupil(uuid4(), date(2009, 12, 1)))
    assert request.parties.guardians == frozenset()
    outcome = answer(request, pupil_says(request, Act.AGREE))
    assert outcome.request.state is RequestState.GIVEN


def test_the_guardians_of_a_pupil_of_sixteen_are_not_asked() -> None:
    request = ask_assessment(Pupil(uuid4(), date(2009, 12, 1)))
    with pytest.raises(NoAuthority):
        guardian_says(request, MUM, 1)


def test_the_pupil_may_withdraw_through_the_ib_as_well() -> None:
    request = ask_assessment(Pupil(uuid4(), date(2009, 12, 1)))
    request = answer(request, pupil_says(request, Act.AGREE)).request
    outcome = withdraw(request, pupil_says(request, Act.WITHDRAW, hours=5))
    assert outcome.request.state is RequestState.WITHDRAWN


def test_a_pupil_answer_is_always_recorded_by_staff_with_a_witness() -> None:
    request = ask_assessment(Pupil(uuid4(), date(2009, 12, 1)))
    with pytest.raises(InvalidEvidence):
        on_the_page(request, request.pupil_id, Act.AGREE, NOW)
    with pytest.raises(InvalidEvidence):
        evidence_for(
            request,
            party_id=request.pupil_id,
            act=Act.AGREE,
            at=NOW,
            channel=Channel.RECORDED_BY_STAFF,
            language="nl",
        )


def test_the_pupils_evidence_names_the_pupil_and_the_witness() -> None:
    request = ask_assessment(Pupil(uuid4(), date(2009, 12, 1)))
    evidence = pupil_says(request, Act.AGREE)
    assert (evidence.role, evidence.witness_id, evidence.token_id) == (PartyRole.PUPIL, IB, None)
