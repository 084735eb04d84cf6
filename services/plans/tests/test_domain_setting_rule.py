"""The setting rule, as properties over guardian sets and answer orders: an action part
is never set unless every required party's last answer is agreement and the consent
service said consent is given; a refusal or an ended request never sets it."""

from __future__ import annotations

from uuid import UUID, uuid4

import pytest
from hypothesis import given
from hypothesis import strategies as st
from samen_plans.domain.setting import (
    Answer,
    ConsentRule,
    Decision,
    Party,
    PartyKind,
    decide,
    every_required_party_agreed,
)

pytestmark = pytest.mark.unit

parties_st = st.lists(
    st.builds(Party, st.uuids(), st.sampled_from(PartyKind)),
    max_size=4,
    unique_by=lambda p: p.party_id,
)


@st.composite
def asked_and_answers(draw: st.DrawFn) -> tuple[list[Party], list[Answer]]:
    parties = draw(parties_st)
    ids = [p.party_id for p in parties] + draw(st.lists(st.uuids(), max_size=2))
    answers = draw(
        st.lists(st.builds(Answer, st.sampled_from(ids), st.booleans()), max_size=8)
        if ids
        else st.just([])
    )
    return parties, answers


def last_of(answers: list[Answer], party: UUID) -> bool | None:
    said = [a.agrees for a in answers if a.party_id == party]
    return said[-1] if said else None


@given(asked_and_answers(), st.booleans(), st.booleans())
def test_all_rule_never_sets_unless_every_party_last_agreed_and_consent_was_given(
    case: tuple[list[Party], list[Answer]], given_: bool, ended: bool
) -> None:
    parties, answers = case
    decision = decide(parties, answers, ConsentRule.ALL_WITH_AUTHORITY, given=given_, ended=ended)
    if decision is Decision.SET:
        assert given_ and not ended and parties
        assert all(last_of(answers, p.party_id) is True for p in parties)


@given(asked_and_answers(), st.booleans())
def test_one_suffices_still_needs_the_pupil_and_one_guardian_and_no_refusal(
    case: tuple[list[Party], list[Answer]], given_: bool
) -> None:
    parties, answers = case
    decision = decide(parties, answers, ConsentRule.ONE_SUFFICES, given=given_)
    if decision is Decision.SET:
        lasts = [last_of(answers, p.party_id) for p in parties]
        assert given_ and parties and False not in lasts
        assert all(
            last_of(answers, p.party_id) is True for p in parties if p.kind is PartyKind.PUPIL
        )
        guardians = [p for p in parties if p.kind is PartyKind.GUARDIAN]
        assert not guardians or any(last_of(answers, g.party_id) is True for g in guardians)


@given(asked_and_answers(), st.sampled_from(ConsentRule))
def test_a_last_answer_of_refusal_is_never_set(
    case: tuple[list[Party], list[Answer]], rule: ConsentRule
) -> None:
    parties, answers = case
    if any(last_of(answers, p.party_id) is False for p in parties):
        assert decide(parties, answers, rule, given=True) is Decision.NOT_SET


@given(st.permutations(range(3)))
def test_in_any_answer_order_all_agreeing_and_given_sets(order: list[int]) -> None:
    parties = [Party(uuid4(), PartyKind.GUARDIAN) for _ in range(3)]
    answers = [Answer(parties[i].party_id, True) for i in order]
    assert decide(parties, answers, ConsentRule.ALL_WITH_AUTHORITY, given=True) is Decision.SET
    assert decide(parties, answers[:-1], ConsentRule.ALL_WITH_AUTHORITY, given=True) is (
        Decision.WAITING
    )


def test_without_the_consent_services_word_nothing_is_set() -> None:
    parent = Party(uuid4(), PartyKind.GUARDIAN)
    answers = [Answer(parent.party_id, True)]
    assert every_required_party_agreed([parent], answers, ConsentRule.ALL_WITH_AUTHORITY)
    assert decide([parent], answers, ConsentRule.ALL_WITH_AUTHORITY, given=False) is (
        Decision.WAITING
    )


def test_an_answer_of_someone_not_asked_does_not_count() -> None:
    parent = Party(uuid4(), PartyKind.GUARDIAN)
    stranger = Answer(uuid4(), True)
    assert decide([parent], [stranger], ConsentRule.ONE_SUFFICES, given=True) is Decision.WAITING
