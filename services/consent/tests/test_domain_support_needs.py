"""What a guardian says they need themselves."""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import uuid4

import pytest
from samen_consent.domain.errors import InvalidSupportNeeds
from samen_consent.domain.support_needs import (
    LABELS_NL,
    NOTE_MAX_LENGTH,
    SupportNeedKind,
    SupportNeeds,
    state_support_needs,
)

pytestmark = pytest.mark.unit

NOW = datetime(2025, 10, 1, 12, tzinfo=UTC)


def needs(kinds: list[SupportNeedKind], note: str | None = None) -> SupportNeeds:
    return state_support_needs(
        guardian_id=uuid4(), pupil_id=uuid4(), kinds=kinds, note=note, at=NOW
    )


def test_a_guardian_may_ask_for_an_interpreter_and_a_conversation() -> None:
    stated = needs([SupportNeedKind.INTERPRETER, SupportNeedKind.CONVERSATION])
    assert stated.kinds == {SupportNeedKind.INTERPRETER, SupportNeedKind.CONVERSATION}
    assert stated.note is None


def test_a_blank_note_is_no_note() -> None:
    assert needs([SupportNeedKind.EXPLANATION], note="   ").note is None


def test_the_note_is_kept_without_surrounding_spaces() -> None:
    assert (
        needs([SupportNeedKind.OTHER], note="  hulp met de computer ").note
        == "hulp met de computer"
    )


def test_other_needs_a_few_words() -> None:
    with pytest.raises(InvalidSupportNeeds):
        needs([SupportNeedKind.OTHER])


def test_nothing_now_cannot_be_combined_with_a_need() -> None:
    with pytest.raises(InvalidSupportNeeds):
        needs([SupportNeedKind.NOTHING_NOW, SupportNeedKind.INTERPRETER])


def test_an_empty_choice_is_refused() -> None:
    with pytest.raises(InvalidSupportNeeds):
        needs([])


def test_a_very_long_note_is_refused() -> None:
    with pytest.raises(InvalidSupportNeeds):
        needs([SupportNeedKind.OTHER], note="x" * (NOTE_MAX_LENGTH + 1))


def test_every_choice_has_a_dutch_label() -> None:
    assert set(LABELS_NL) == set(SupportNeedKind)
