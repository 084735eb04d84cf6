"""Who the journey is about: a pupil with two guardians who both hold parental
authority, chosen from the demo region, and not yet part of an earlier journey (so
`samen demo` can be run again on the same platform)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import groupby
from uuid import UUID

from samen_cli.demo_region import School, StaffRole, staff_member
from samen_cli.journey.loading import RegionPlan
from samen_cli.journey.polling import JourneyError
from samen_cli.journey.staff import Badge, StaffDesk
from samen_cli.roster_csv import Row


@dataclass(frozen=True)
class Parent:
    guardian_id: UUID
    label: str  # "parent 1": the journey never shows a name or an address
    email: str
    mobile: str | None
    language: str

    @property
    def msisdn(self) -> str | None:
        """The number as the SMS gateway writes it: digits only."""
        return None if self.mobile is None else self.mobile.lstrip("+")


@dataclass(frozen=True)
class Family:
    school: School
    pupil_id: UUID
    first_name: str
    parents: tuple[Parent, Parent]


def families(plan: RegionPlan) -> Iterator[Family]:
    """Two guardians with authority, both with e-mail; the most telling first: parents
    reading another language than Dutch, the second also reachable by SMS."""
    found = [
        _family(school, row)
        for school in plan.region.schools
        for row in plan.rows(school)
        if _fits(row)
    ]
    yield from sorted(found, key=_telling)


def families_of_one_school(plan: RegionPlan, count: int = 2) -> tuple[Family, ...]:
    """The first school with `count` fitting families (two guardians with authority each)."""
    by_school = groupby(
        sorted(families(plan), key=lambda f: f.school.index), key=lambda f: f.school.index
    )
    for _, found in by_school:
        chosen = tuple(found)[:count]
        if len(chosen) == count:
            return chosen
    raise JourneyError(f"no school of the region has {count} families with two guardians")


def _fits(row: Row) -> bool:
    guardians = row.guardians
    usable = all(g.authority and g.email and not g.do_not_contact for g in guardians)
    return len(guardians) == 2 and usable


def _family(school: School, row: Row) -> Family:
    first, second = (
        Parent(g.guardian_id, f"parent {n}", g.email or "", g.mobile, g.language)
        for n, g in enumerate(row.guardians, start=1)
    )
    return Family(school, row.pupil_id, row.first_name, (first, second))


def _telling(family: Family) -> tuple[bool, bool, bool]:
    first, second = family.parents
    return (first.language == "nl", first.language == second.language, second.mobile is None)


async def choose_family(desk: StaffDesk, plan: RegionPlan) -> Family:
    """The first fitting family nobody has asked consent of yet."""
    for family in families(plan):
        ib = Badge.of(staff_member(plan.region, StaffRole.IB, family.school))
        asked = await desk.json("consent", ib, "GET", f"/v1/pupils/{family.pupil_id}/requests")
        if not asked:
            return family
    raise JourneyError("every family of the demo region has had its journey: load a new region")
