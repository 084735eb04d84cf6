"""The yearly evaluation of the OPP with the parents (GLOSSARY.md).

It counts as held with the parents only when a guardian took part, or was invited and
declined (recorded). One without any guardian is an evaluation, but not with the
parents: the cycle does not restart and the overdue timer keeps running.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace
from datetime import date
from uuid import UUID

from samen_plans.domain.calendar import evaluation_due_after
from samen_plans.domain.errors import EvaluationInFuture, GuardianNotOfPupil, NoActionPartSet
from samen_plans.domain.opp import Opp


def held_with_parents(
    present: Collection[UUID], declined: Collection[UUID], guardians: Collection[UUID]
) -> bool:
    """Every id named must be one of the pupil's guardians."""
    if not set(present) <= set(guardians) or not set(declined) <= set(guardians):
        raise GuardianNotOfPupil()
    return bool(present) or bool(declined)


def evaluated(opp: Opp, held_on: date, with_parents: bool, today: date) -> Opp:
    """The OPP after an evaluation: with the parents, the next cycle runs from `held_on`."""
    if opp.first_set_on is None:
        raise NoActionPartSet()
    if held_on > today:
        raise EvaluationInFuture()
    if not with_parents:
        return opp
    return replace(opp, evaluation_due_on=evaluation_due_after(held_on))
