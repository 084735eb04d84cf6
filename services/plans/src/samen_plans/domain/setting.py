"""When an action part is set: the setting rule.

The consent service asks the parties and says when consent is given; this service sets
an action part only when, on its own record too, every required party agreed. So a lost
or reordered fact can delay a setting, never make one without consent.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from uuid import UUID


class PartyKind(StrEnum):
    GUARDIAN = "guardian"
    PUPIL = "pupil"


class ConsentRule(StrEnum):
    ALL_WITH_AUTHORITY = "all_with_authority"  # every guardian asked must agree
    ONE_SUFFICES = "one_suffices"  # one guardian suffices, if none refuses


@dataclass(frozen=True)
class Party:
    party_id: UUID
    kind: PartyKind


@dataclass(frozen=True)
class Answer:
    party_id: UUID
    agrees: bool


class Decision(StrEnum):
    SET = "set"
    WAITING = "waiting"
    NOT_SET = "not_set"


def latest_answers(parties: Iterable[Party], answers: Sequence[Answer]) -> dict[UUID, bool]:
    """Each asked party's last answer (in the order given); others' answers do not count."""
    asked = {p.party_id for p in parties}
    return {a.party_id: a.agrees for a in answers if a.party_id in asked}


def every_required_party_agreed(
    parties: Sequence[Party], answers: Sequence[Answer], rule: ConsentRule
) -> bool:
    said = latest_answers(parties, answers)
    if not parties or False in said.values():
        return False
    pupils = [p for p in parties if p.kind is PartyKind.PUPIL]
    guardians = [p for p in parties if p.kind is PartyKind.GUARDIAN]
    if not all(said.get(p.party_id) is True for p in pupils):
        return False
    agreed = [said.get(g.party_id) is True for g in guardians]
    if rule is ConsentRule.ONE_SUFFICES:
        return any(agreed) or not guardians
    return all(agreed)


def decide(
    parties: Sequence[Party],
    answers: Sequence[Answer],
    rule: ConsentRule,
    *,
    given: bool,
    ended: bool = False,
) -> Decision:
    """`given`: the consent service said consent is given; `ended`: it said the request
    ended without (refused, lapsed, cancelled, withdrawn)."""
    if ended or False in latest_answers(parties, answers).values():
        return Decision.NOT_SET
    if given and every_required_party_agreed(parties, answers, rule):
        return Decision.SET
    return Decision.WAITING
