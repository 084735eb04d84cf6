"""Versions, offers and setting: only the latest version is offered, and consent sets
only the version that is still offered; the first set starts the yearly cycle."""

from __future__ import annotations

from datetime import date

import pytest
from samen_plans.domain.calendar import add_months, opp_due_on
from samen_plans.domain.errors import AlreadyOffered, NotLatestVersion
from samen_plans.domain.opp import Opp, OppStatus, not_set, offered, set_by_consent, version_written

pytestmark = pytest.mark.unit


def written(times: int) -> Opp:
    opp = Opp()
    for _ in range(times):
        opp = version_written(opp)
    return opp


def test_each_version_written_is_numbered_on_and_drafting() -> None:
    opp = written(3)
    assert (opp.latest_version, opp.status) == (3, OppStatus.DRAFTING)


def test_only_the_latest_version_can_be_offered_and_only_once() -> None:
    opp = written(2)
    with pytest.raises(NotLatestVersion):
        offered(opp, 1)
    with pytest.raises(NotLatestVersion):
        offered(Opp(), 1)
    opp = offered(opp, 2)
    assert opp.status is OppStatus.OFFERED
    with pytest.raises(AlreadyOffered):
        offered(opp, 2)


def test_consent_sets_the_offered_version_and_starts_the_yearly_cycle() -> None:
    opp = set_by_consent(offered(written(1), 1), 1, date(2026, 10, 5))
    assert opp is not None
    assert (opp.status, opp.set_version, opp.first_set_on) == (OppStatus.SET, 1, date(2026, 10, 5))
    assert opp.evaluation_due_on == date(2027, 10, 5)
    with pytest.raises(AlreadyOffered):
        offered(opp, 1)


def test_a_later_version_set_keeps_the_running_cycle() -> None:
    first = set_by_consent(offered(written(1), 1), 1, date(2026, 10, 5))
    assert first is not None
    second = set_by_consent(offered(version_written(first), 2), 2, date(2027, 3, 1))
    assert second is not None
    assert second.set_version == 2
    assert second.evaluation_due_on == date(2027, 10, 5)
    assert second.first_set_on == date(2026, 10, 5)


def test_consent_for_a_version_no_longer_offered_sets_nothing() -> None:
    stale = version_written(offered(written(1), 1))
    assert set_by_consent(stale, 1, date(2026, 10, 5)) is None


def test_the_version_in_force_stays_while_a_new_one_is_drafted() -> None:
    first = set_by_consent(offered(written(1), 1), 1, date(2026, 10, 5))
    assert first is not None
    drafting = version_written(first)
    assert (drafting.status, drafting.set_version) == (OppStatus.DRAFTING, 1)


def test_a_refusal_leaves_the_version_not_set_and_it_may_be_offered_again() -> None:
    opp = not_set(offered(written(1), 1), 1)
    assert (opp.status, opp.set_version) == (OppStatus.NOT_SET, None)
    assert offered(opp, 1).status is OppStatus.OFFERED


def test_a_withdrawal_takes_the_version_out_of_force() -> None:
    opp = set_by_consent(offered(written(1), 1), 1, date(2026, 10, 5))
    assert opp is not None
    withdrawn = not_set(opp, 1)
    assert (withdrawn.status, withdrawn.set_version) == (OppStatus.NOT_SET, None)


def test_the_opp_is_due_six_weeks_after_support_starts() -> None:
    assert opp_due_on(date(2026, 9, 1)) == date(2026, 10, 13)


def test_months_clamp_to_the_end_of_a_shorter_month() -> None:
    assert add_months(date(2028, 2, 29), 12) == date(2029, 2, 28)
