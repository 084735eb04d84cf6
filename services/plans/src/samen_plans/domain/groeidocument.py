"""The groeidocument: what school and parents know about the pupil, each entry in its
writer's own words. A test taken names the test and the day (no scores); the parents
add only their own view."""

from __future__ import annotations

from datetime import date

from samen_contract.events.plans import ContributionKind, ContributorRole

from samen_plans.domain.errors import EntryInvalid

GUARDIAN_KINDS = frozenset({ContributionKind.PARENTS_VIEW})


def check_entry(
    kind: ContributionKind,
    by: ContributorRole,
    test_name: str | None,
    taken_on: date | None,
    today: date,
) -> None:
    if by is ContributorRole.GUARDIAN and kind not in GUARDIAN_KINDS:
        raise EntryInvalid("parents add their own view")
    if kind is ContributionKind.TEST_TAKEN:
        if not test_name or taken_on is None:
            raise EntryInvalid("a test taken names the test and the day it was taken")
        if taken_on > today:
            raise EntryInvalid("a test is recorded after it was taken")
    elif test_name is not None or taken_on is not None:
        raise EntryInvalid("only a test taken has a test name and a day")
