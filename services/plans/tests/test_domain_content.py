"""The action part's hash: one canonical spelling, pinned, and sensitive to every word."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import date

import pytest
from samen_plans.domain.content import (
    ActionPart,
    EvaluationPlan,
    action_part_content,
    action_part_sha256,
    canonical_json,
)
from samen_plans.domain.errors import ActionPartPeriodInvalid

pytestmark = pytest.mark.unit

PART = ActionPart(
    goals=("Leest zelfstandig een tekst van AVI-niveau E5", "Vraagt hulp als hij vastloopt"),
    support="Twee keer per week leesbegeleiding",
    arrangement="Arrangement lezen",
    who_does_what="De leerkracht oefent dagelijks; de ib'er begeleidt",
    location="In de klas en in de remedial-ruimte",
    starts_on=date(2026, 9, 1),
    ends_on=date(2027, 1, 31),
    evaluation=EvaluationPlan(how="Gesprek met ouders en leerling", when="januari 2027"),
)


def test_the_canonical_json_sorts_keys_drops_spaces_and_keeps_non_ascii_as_utf8() -> None:
    assert canonical_json({"b": 1, "a": "ë"}) == '{"a":"ë","b":1}'.encode()


def test_the_hash_is_the_sha256_of_the_canonical_json_of_the_stored_content() -> None:
    content = action_part_content(PART)
    expected = hashlib.sha256(canonical_json(content)).hexdigest()
    assert action_part_sha256(content) == expected


def test_the_hash_of_a_known_action_part_is_pinned() -> None:
    content = {
        "support": "Één keer per week",
        "goals": ["Leest zelfstandig"],
        "starts_on": "2026-09-01",
    }
    assert action_part_sha256(content) == (
        "8f120a8f653283d965d3785f24ef99b73f8cdc711bc1e6215cc3972a33160b2c"
    )


def test_key_order_does_not_change_the_hash_but_any_word_does() -> None:
    content = action_part_content(PART)
    reordered = dict(reversed(list(content.items())))
    assert action_part_sha256(reordered) == action_part_sha256(content)
    changed = action_part_content(replace(PART, goals=(*PART.goals[:1], "Vraagt hulp")))
    assert action_part_sha256(changed) != action_part_sha256(content)


def test_an_action_part_ending_before_it_starts_or_without_goals_is_refused() -> None:
    with pytest.raises(ActionPartPeriodInvalid):
        replace(PART, ends_on=date(2026, 8, 1))
    with pytest.raises(ActionPartPeriodInvalid):
        replace(PART, goals=())
