"""Loading the demo region into a running platform, idempotently.

The region's dates are anchored on the day it was first loaded (kept in
`<state>/demo-region.json`), so loading again on a later day sends the same roster
files and changes nothing. What goes in, all through the staff APIs: each school's
roster (through the same split as `samen roster import`), the schools' details and the
staff's addresses (notifications), the staff directory (meetings), and a few OPPs
registered almost a year ago, so that their evaluation falls due within minutes.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any
from uuid import UUID

from samen_cli.demo_region import (
    TENANT,
    Region,
    School,
    StaffMember,
    StaffRole,
    region,
    roster_csv,
    staff,
    staff_member,
)
from samen_cli.journey.site import Site
from samen_cli.journey.staff import Badge, StaffDesk
from samen_cli.roster_csv import Numbering, Row, consent_payload, contacts_payload, read_roster

PLAN_FILE = "demo-region.json"
# Imports are idempotent, so a transient failure is retried: the notifications service
# can deadlock importing contacts while it applies the same pupils' roster events.
IMPORT_RETRIES = 3
MEETING_ROLES = (StaffRole.IB, StaffRole.TEACHER, StaffRole.DIRECTOR, StaffRole.TRAJECTBEGELEIDER)


@dataclass(frozen=True)
class RegionPlan:
    """Which region, of what size, dated from which day."""

    tenant: str
    anchor: date
    pupils_per_school: int

    @property
    def region(self) -> Region:
        return region(self.pupils_per_school, self.tenant)

    def rows(self, school: School) -> list[Row]:
        text = roster_csv(school, self.anchor)
        return read_roster(text, Numbering(self.tenant, school.school_id)).rows


def region_plan(
    state_dir: Path, today: date, *, tenant: str = TENANT, pupils_per_school: int = 100
) -> RegionPlan:
    """The plan kept in the state folder, or a new one anchored today (and kept)."""
    path = state_dir / PLAN_FILE
    if path.exists():
        kept = json.loads(path.read_text(encoding="utf-8"))
        return RegionPlan(kept["tenant"], date.fromisoformat(kept["anchor"]), kept["pupils"])
    plan = RegionPlan(tenant, today, pupils_per_school)
    state_dir.mkdir(parents=True, exist_ok=True)
    record = {"tenant": tenant, "anchor": today.isoformat(), "pupils": pupils_per_school}
    path.write_text(json.dumps(record), encoding="utf-8")
    return plan


@dataclass(frozen=True)
class RegionLoad:
    plan: RegionPlan
    pupils: int
    imported: int
    unchanged: int
    problems: int

    def summary(self) -> str:
        of = self.plan.region
        return (
            f"{of.tenant}: {len(of.boards)} boards, {len(of.schools)} schools, "
            f"{self.pupils} pupils ({self.imported} new or changed, {self.unchanged} unchanged"
            f"{f', {self.problems} rows refused' if self.problems else ''})"
        )


async def load_demo_region(site: Site, say: Callable[[str, str, str], None]) -> bool:
    """Load (or find loaded) the region kept for this platform; `say` one line about it."""
    started = time.monotonic()
    try:
        loaded = await load_region(site, region_plan(site.state_dir, site.today()))
    except Exception as error:  # any failure: said on the line; the platform stays up
        say("demo region", "FAILED", f"{type(error).__name__}: {error}")
        return False
    say("demo region", "loaded", f"{loaded.summary()} in {time.monotonic() - started:.1f} s")
    return True


async def load_region(site: Site, plan: RegionPlan) -> RegionLoad:
    of = plan.region
    admin = Badge.of(staff_member(of, StaffRole.SWV_ADMIN))
    async with StaffDesk(site, of) as desk:
        counts = [0, 0, 0]
        for school in of.schools:
            answer = await _roster(desk, admin, school, plan.rows(school))
            counts = [c + a for c, a in zip(counts, answer, strict=True)]
        await _staff(desk, admin, staff(of))
    pupils = sum(school.pupils for school in of.schools)
    imported, unchanged, problems = counts
    return RegionLoad(plan, pupils, imported, unchanged, problems)


async def pupils_leave(
    site: Site, plan: RegionPlan, school: School, pupils: set[UUID], on: date
) -> None:
    """The school's roster sent again with these pupils written out on `on` (the
    `uitschrijfdatum`), as the school's administration does: consent publishes `PupilLeft`."""
    rows = [
        replace(row, left_on=on) if row.pupil_id in pupils else row for row in plan.rows(school)
    ]
    admin = Badge.of(staff_member(plan.region, StaffRole.SWV_ADMIN))
    async with StaffDesk(site, plan.region) as desk:
        await _roster(desk, admin, school, rows)


async def _roster(desk: StaffDesk, admin: Badge, school: School, rows: list[Row]) -> list[int]:
    """Consent first; notifications gets the rows consent took in (as `samen roster import`)."""
    body = consent_payload(school.school_id, school.board_id, rows)
    report = (
        await desk.call("consent", admin, "POST", "/v1/roster", json=body, retries=IMPORT_RETRIES)
    ).json()
    refused = {error["line"] for error in report["errors"]}
    taken = [row for row in rows if row.line not in refused]
    await desk.call(
        "notifications", admin, "POST", "/v1/roster/contacts",
        json=contacts_payload(school.school_id, taken), retries=IMPORT_RETRIES,
    )  # fmt: skip
    details = {"board_id": str(school.board_id), "name": school.name, **_school_contact(school)}
    path = f"/v1/schools/{school.school_id}"
    await desk.call("notifications", admin, "PUT", path, json=details, retries=IMPORT_RETRIES)
    return [report["imported"], report["unchanged"], len(refused)]


def _school_contact(school: School) -> dict[str, str]:
    return {"phone": f"030-{2000000 + school.index * 1111:07d}",
            "email": f"info@{school.number}.demo-scholen.invalid"}  # fmt: skip


async def _staff(desk: StaffDesk, admin: Badge, members: tuple[StaffMember, ...]) -> None:
    """Addresses for staff notices (notifications) and the directory of who may take
    part in meetings (meetings). Both are keyed by person id: loading again changes nothing."""
    await desk.call(
        "notifications", admin, "POST", "/v1/roster/staff",
        json={"staff": [_staff_contact(line, m) for line, m in enumerate(members, start=1)]},
        retries=IMPORT_RETRIES,
    )  # fmt: skip
    for member in members:
        if member.role in MEETING_ROLES:
            schools = [] if member.school is None else [str(member.school.school_id)]
            body = {"role": member.role.value, "school_ids": schools}
            path = f"/staff/{member.person_id}"
            await desk.call("meetings", admin, "PUT", path, json=body, retries=IMPORT_RETRIES)


def _staff_contact(line: int, member: StaffMember) -> dict[str, Any]:
    schools = [] if member.school is None else [str(member.school.school_id)]
    return {
        "line": line,
        "staff_id": str(member.person_id),
        "role": member.role.value,
        "school_ids": schools,
        "email": member.email,
        "name": member.name or None,
    }
