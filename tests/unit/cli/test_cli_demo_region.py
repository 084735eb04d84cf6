"""The demo region: the same every time, varied enough to show the platform's reach."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest
from samen_cli.demo_region import StaffRole, region, roster_csv, staff, staff_member
from samen_cli.roster_csv import Numbering, Row, read_roster
from samen_kit.localinfra.demo_accounts import TEACHER_GROUPS

pytestmark = pytest.mark.unit

TODAY = date(2026, 11, 23)


def rows_of_region(pupils: int = 100, tenant: str = "swv-test") -> list[Row]:
    of = region(pupils, tenant)
    found = []
    for school in of.schools:
        roster = read_roster(roster_csv(school, TODAY), Numbering(of.tenant, school.school_id))
        assert roster.bad == []
        found += roster.rows
    return found


def test_the_region_has_two_boards_and_three_schools_with_stable_ids() -> None:
    first, again = region(tenant="swv-a"), region(tenant="swv-a")
    assert (len(first.boards), len(first.schools)) == (2, 3)
    assert first == again
    assert {s.school_id for s in region(tenant="swv-b").schools}.isdisjoint(
        {s.school_id for s in first.schools}
    )


def test_every_roster_file_reads_without_a_refused_row() -> None:
    assert len(rows_of_region()) == 300


def test_guardians_read_the_six_languages_and_some_families_mix_dutch_in() -> None:
    rows = rows_of_region()
    languages = Counter(g.language for row in rows for g in row.guardians)
    assert set(languages) == {"nl", "ar", "tr", "pl", "uk", "en"}
    mixed = [r for r in rows if len({g.language for g in r.guardians}) == 2]
    assert mixed


def test_about_forty_five_percent_of_pupils_have_two_guardians_with_authority() -> None:
    rows = rows_of_region()
    two = sum(1 for r in rows if sum(g.authority for g in r.guardians) == 2)
    assert 0.35 < two / len(rows) < 0.55


def test_no_two_guardians_share_a_mobile_number() -> None:
    numbers = [g.mobile for row in rows_of_region(499) for g in row.guardians if g.mobile]
    assert len(numbers) == len(set(numbers)) > 0


def test_a_school_holds_at_most_499_pupils_so_numbers_stay_unique() -> None:
    with pytest.raises(ValueError):
        region(500)


def test_each_school_has_an_ib_a_teacher_and_a_director_and_the_swv_its_own_staff() -> None:
    of = region(tenant="swv-a")
    members = staff(of)
    per_school = Counter((m.school.number if m.school else None, m.role) for m in members)
    assert all(count == 1 for count in per_school.values())
    assert len(members) == 3 * 3 + 2
    assert staff_member(of, StaffRole.TRAJECTBEGELEIDER).school is None
    assert all(m.email.endswith(".invalid") for m in members)


def test_every_demo_colleague_has_a_name_of_their_own() -> None:
    names = [member.name for member in staff(region(pupils_per_school=5))]
    assert all(names) and len(set(names)) == len(names)


def test_every_demo_pupil_is_in_a_class_group_and_each_demo_teacher_has_pupils() -> None:
    of = region(100, "swv-test")
    for school in of.schools:
        rows = read_roster(roster_csv(school, TODAY), Numbering(of.tenant, school.school_id)).rows
        groups = {row.group for row in rows}
        assert None not in groups
        assert TEACHER_GROUPS[school.number] in groups
