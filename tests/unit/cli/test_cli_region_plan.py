"""The demo region's plan: anchored on the day it was first loaded, kept for later loads."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from samen_cli.journey.cast import families
from samen_cli.journey.loading import PLAN_FILE, RegionPlan, region_plan

pytestmark = pytest.mark.unit

FIRST_DAY, LATER = date(2026, 11, 23), date(2027, 1, 4)


def test_the_first_load_anchors_the_region_on_that_day_and_keeps_it(tmp_path: Path) -> None:
    plan = region_plan(tmp_path, FIRST_DAY, tenant="swv-x", pupils_per_school=10)
    assert plan == RegionPlan("swv-x", FIRST_DAY, 10)
    assert (tmp_path / PLAN_FILE).exists()


def test_a_later_load_sends_the_same_roster_files(tmp_path: Path) -> None:
    first = region_plan(tmp_path, FIRST_DAY, pupils_per_school=10)
    later = region_plan(tmp_path, LATER, pupils_per_school=50)
    assert later == first
    school = first.region.schools[0]
    assert later.rows(school) == first.rows(school)


def test_journey_families_have_two_guardians_with_authority_reachable_by_email() -> None:
    for family in families(RegionPlan("swv-x", FIRST_DAY, 40)):
        assert len({p.guardian_id for p in family.parents}) == 2
        assert all(p.email for p in family.parents)


def test_the_most_telling_family_comes_first_another_language_and_an_sms() -> None:
    first = next(families(RegionPlan("swv-x", FIRST_DAY, 100)))
    one, two = first.parents
    assert one.language != "nl" and one.language != two.language
    assert two.mobile is not None and two.msisdn == two.mobile.removeprefix("+")
