"""What may go into the groeidocument, and by whom."""

from __future__ import annotations

from datetime import date

import pytest
from samen_contract.events.plans import ContributionKind, ContributorRole
from samen_plans.domain.errors import EntryInvalid
from samen_plans.domain.groeidocument import check_entry

pytestmark = pytest.mark.unit

TODAY = date(2026, 3, 2)


def test_a_test_taken_names_the_test_and_the_day_it_was_taken() -> None:
    check_entry(ContributionKind.TEST_TAKEN, ContributorRole.STAFF, "AVI", date(2026, 3, 1), TODAY)
    with pytest.raises(EntryInvalid):
        check_entry(ContributionKind.TEST_TAKEN, ContributorRole.STAFF, None, TODAY, TODAY)
    with pytest.raises(EntryInvalid):
        check_entry(ContributionKind.TEST_TAKEN, ContributorRole.STAFF, "AVI", None, TODAY)
    with pytest.raises(EntryInvalid):
        check_entry(
            ContributionKind.TEST_TAKEN, ContributorRole.STAFF, "AVI", date(2026, 3, 3), TODAY
        )


def test_only_a_test_taken_has_a_test_name_or_day() -> None:
    with pytest.raises(EntryInvalid):
        check_entry(ContributionKind.OBSERVATION, ContributorRole.STAFF, "AVI", None, TODAY)


@pytest.mark.parametrize("kind", sorted(set(ContributionKind) - {ContributionKind.PARENTS_VIEW}))
def test_parents_add_only_their_own_view(kind: ContributionKind) -> None:
    check_entry(ContributionKind.PARENTS_VIEW, ContributorRole.GUARDIAN, None, None, TODAY)
    with pytest.raises(EntryInvalid):
        check_entry(kind, ContributorRole.GUARDIAN, None, None, TODAY)
