"""The consent rule: when the parties' answers amount to consent.

A pupil who is a party must always agree; the guardians follow the purpose's rule.
"""

from __future__ import annotations

from enum import StrEnum
from uuid import UUID

from samen_consent.domain.parties import Parties


class ConsentRule(StrEnum):
    ALL_WITH_AUTHORITY = "all_with_authority"
    ONE_SUFFICES = "one_suffices"


def rule_met(rule: ConsentRule, parties: Parties, agreed: frozenset[UUID]) -> bool:
    if parties.pupil is not None and parties.pupil not in agreed:
        return False
    if not parties.guardians:
        return True  # the pupil decides alone, and agreed
    agreeing = parties.guardians & agreed
    if rule is ConsentRule.ALL_WITH_AUTHORITY:
        return agreeing == parties.guardians
    return bool(agreeing)


def answers_needed(rule: ConsentRule, parties: Parties, agreed: frozenset[UUID]) -> int:
    """How many more agreements would meet the rule (0 when it is met)."""
    pupil_missing = int(parties.pupil is not None and parties.pupil not in agreed)
    guardians_missing = len(parties.guardians - agreed)
    if rule is ConsentRule.ONE_SUFFICES and parties.guardians:
        guardians_missing = 0 if parties.guardians & agreed else 1
    return pupil_missing + guardians_missing
