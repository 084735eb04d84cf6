"""Which formal routes each dispute subject has."""

import pytest
from samen_disputes.domain import (
    DisputeSubject,
    Opener,
    Role,
    committee_hears,
    objection_possible,
    opener_of,
)

pytestmark = pytest.mark.unit

S = DisputeSubject


@pytest.mark.parametrize("subject", [S.ADMISSION, S.REMOVAL, S.OPP, S.OPP_ACTION_PART])
def test_the_disputes_committee_hears_admission_removal_and_the_opp(subject: S) -> None:
    assert committee_hears(subject)


@pytest.mark.parametrize("subject", [S.SUPPORT_OR_ARRANGEMENT, S.OTHER])
def test_the_disputes_committee_does_not_hear_other_subjects(subject: S) -> None:
    assert not committee_hears(subject)


def test_an_objection_lies_only_against_a_refusal_to_admit_or_a_removal() -> None:
    assert {s for s in S if objection_possible(s)} == {S.ADMISSION, S.REMOVAL}


def test_a_guardian_opens_as_guardian_and_every_other_role_as_staff() -> None:
    assert opener_of(Role.GUARDIAN) is Opener.GUARDIAN
    assert {opener_of(r) for r in Role if r is not Role.GUARDIAN} == {Opener.STAFF}
