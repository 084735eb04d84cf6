"""Whether a guardian's request to erase (AVG art. 17) must be refused. Pure."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from samen_kit.retention.decision import Hold, erase_on
from samen_kit.retention.policy import RetentionRule

LEGAL_HOLD = "legal_hold"


def refusal_of_request(
    rule: RetentionRule, ended_on: date | None, holds: Iterable[Hold], today: date
) -> str | None:
    """The code of the duty that keeps the data (None: erase it).

    An open hold keeps everything; a rule with a duty to keep keeps its data until its
    period has run out (art. 17 lid 3 onder b: a legal obligation)."""
    if any(hold.open_on(today) for hold in holds):
        return LEGAL_HOLD
    if rule.duty_to_keep is None:
        return None
    if ended_on is not None and today >= erase_on(rule, ended_on):
        return None
    return rule.duty_to_keep
