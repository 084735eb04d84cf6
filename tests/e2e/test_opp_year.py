"""The OPP's year end to end (issue 12): a year later the evaluation falls due; held with
a guardian it counts; one without any guardian does not.

Two pupils of one school each get an OPP whose action part both parents agreed to
(through the consent page, from the e-mails in the mail folder). Then "a year later":
the plans service, and the services that must see the same day (notifications for the
messages, audit for the export), are restarted with their clock moved on to two weeks
before the first evaluation date (`SAMEN_CLOCK_OFFSET_SECONDS`, read at start). Nothing
sleeps and nothing is faked: the plans service's own timer scan finds the date in reach.

For pupil A the IB records the evaluation with one guardian present; for pupil B one
with no guardian present and none declined. The module walks this once; each test
states one thing that must hold of what it left behind.
"""

from __future__ import annotations

import contextlib
import csv
import io
import zipfile
from collections.abc import AsyncIterator
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any
from uuid import UUID

import pytest
from samen_cli.demo_region import StaffRole
from samen_cli.journey.context import Journey
from samen_cli.journey.events import Seen
from samen_cli.journey.inbox import Mail
from samen_cli.journey.polling import JourneyError, until
from samen_cli.journey.site import Site
from samen_cli.journey.staff import Badge, StaffDesk
from samen_cli.journey.steps_plans import opp_set_at_once
from samen_cli.platform import Platform

from tests.e2e.two_families import two_families

pytestmark = pytest.mark.e2e

PUPILS_PER_SCHOOL = 12
# What must see the day a year on: the timers, the messages they cause, the audit export.
A_YEAR_ON = ("plans", "notifications", "audit")
# Inside the 4 weeks before the evaluation date, when `EvaluationDue` fires.
BEFORE_THE_DATE = timedelta(weeks=2)
WITHIN = 90.0
DAY = 86400
TROUBLE = {"NotificationFailed", "GuardianUnreachable", "AccessRefused", "EvaluationOverdue"}


@dataclass
class Year:
    """What the year left behind: the two pupils' journeys and what the platform said."""

    a: Journey  # evaluated with a guardian present
    b: Journey  # evaluated with no guardian present and none declined
    started_on: date
    first_due_on: date
    later: Site  # the platform's clock a year on
    due: dict[UUID, Seen] = field(default_factory=dict)  # EvaluationDue per OPP
    mails: dict[tuple[UUID, UUID], Mail] = field(default_factory=dict)  # (OPP, recipient)
    recorded: dict[UUID, dict[str, Any]] = field(default_factory=dict)  # the API's answers
    held: dict[UUID, Seen] = field(default_factory=dict)  # EvaluationHeld per OPP
    opps: dict[UUID, dict[str, Any]] = field(default_factory=dict)  # the OPPs afterwards
    report: dict[str, Any] = field(default_factory=dict)  # GET /reports/inspectie
    summary: list[dict[str, str]] = field(default_factory=list)  # the export's summary.csv

    @property
    def pupils(self) -> tuple[Journey, Journey]:
        return self.a, self.b

    @property
    def held_on(self) -> date:
        return self.later.today()


def opp_of(j: Journey) -> UUID:
    assert j.trail.opp_id is not None, "the OPP was not started"
    return j.trail.opp_id


# ---- the steps ------------------------------------------------------------------------


async def restart_a_year_on(platform: Platform, offset_seconds: int) -> Site:
    """The services that must see the later day, restarted with their clock moved on."""
    for name in A_YEAR_ON:
        component = platform.component(name)
        await platform.stop(component)
        component.env["SAMEN_CLOCK_OFFSET_SECONDS"] = str(offset_seconds)
        await platform.start(component)
    for name in A_YEAR_ON:
        if not await platform.wait_ready(platform.component(name), within=WITHIN):
            raise JourneyError(f"{name} did not come back ready with its clock a year on")
    return replace(platform.config.site(), clock_offset_seconds=offset_seconds)


async def evaluation_falls_due(year: Year) -> None:
    for j in year.pupils:
        due = await j.wait("EvaluationDue", opp_id=opp_of(j), due_on=year.first_due_on)
        year.due[opp_of(j)] = due[0]
        j.timeline.say("plans", f"the yearly evaluation falls due by {year.first_due_on}", due)


async def messages_arrive(year: Year) -> None:
    """The e-mail each parent and the IB got of each evaluation falling due, as it lies in
    the mail folder."""
    for j in year.pupils:
        due = year.due[opp_of(j)]
        recipients = [p.guardian_id for p in j.family.parents] + [j.person(StaffRole.IB)]
        for recipient in recipients:
            sent = await j.watch.wait(
                "NotificationSent",
                lambda s, r=recipient, d=due: (
                    s.data.get("caused_by_event_id") == d.id
                    and s.data.get("recipient_id") == str(r)
                    and s.data.get("channel") == "email"
                ),
                within=WITHIN,
            )
            mail = await j.inbox.mail(UUID(str(sent[0].data["message_id"])), within=WITHIN)
            year.mails[(opp_of(j), recipient)] = mail
        j.timeline.say("notifications", "the parents and the IB are told the evaluation is due")


async def evaluation_recorded(year: Year, desk: StaffDesk, j: Journey, present: list[UUID]) -> None:
    """The IB records the evaluation held today, with these guardians present."""
    body = {
        "held_on": year.held_on.isoformat(),
        "guardians_present": [str(g) for g in present],
        "guardians_declined": [],
    }
    path = f"/opps/{opp_of(j)}/evaluations"
    year.recorded[opp_of(j)] = await desk.json("plans", j.badge(StaffRole.IB), "POST", path,
                                               json=body)  # fmt: skip
    held = await j.wait("EvaluationHeld", opp_id=opp_of(j))
    year.held[opp_of(j)] = held[0]
    j.timeline.say("IB", f"records the evaluation with {len(present)} guardian(s) present", held)


async def opps_read_back(year: Year, desk: StaffDesk) -> None:
    for j in year.pupils:
        path = f"/opps/{opp_of(j)}"
        year.opps[opp_of(j)] = await desk.json("plans", j.badge(StaffRole.IB), "GET", path)


async def inspectie_reads_the_report(year: Year, desk: StaffDesk) -> None:
    """The plans report over the first year: from the start to the first evaluation date."""
    params = {"from": year.started_on.isoformat(), "to": year.first_due_on.isoformat()}
    inspectie = Badge.inspectie(year.a.plan.tenant)
    year.report = await desk.json("plans", inspectie, "GET", "/reports/inspectie", params=params)


async def audit_holds(year: Year, desk: StaffDesk, event_ids: set[str]) -> None:
    """Every one of these events is in the audit log (an inclusion proof is not 404)."""
    client = desk.at("audit", Badge.inspectie(year.a.plan.tenant))
    missing = set(event_ids)

    async def appended() -> bool:
        for event_id in sorted(missing):
            answer = await client.get("/audit/proofs/inclusion", params={"event_id": event_id})
            if answer.status_code == 404:
                return False
            missing.discard(event_id)
        return True

    await until(appended, what="the audit log holds the evaluations' events", within=WITHIN)


async def inspectie_exports_the_year(year: Year, desk: StaffDesk) -> None:
    await audit_holds(year, desk, {s.id for s in [*year.due.values(), *year.held.values()]})
    period = {
        "period_from": (year.started_on - timedelta(days=1)).isoformat(),
        "period_to": year.held_on.isoformat(),
    }
    inspectie = Badge.inspectie(year.a.plan.tenant)
    answer = await desk.call("audit", inspectie, "POST", "/audit/exports", json=period)
    with zipfile.ZipFile(io.BytesIO(answer.content)) as archive:
        text = archive.read("summary.csv").decode("utf-8")
    year.summary = list(csv.DictReader(io.StringIO(text)))


# ---- the walk -------------------------------------------------------------------------


@pytest.fixture(scope="module")
async def year(platform: Platform) -> AsyncIterator[Year]:
    async with contextlib.AsyncExitStack() as stack:
        two = await two_families(platform, stack, PUPILS_PER_SCHOOL, WITHIN)
        site, plan, watch, a, b = two.site, two.plan, two.watch, two.a, two.b
        set_ = [await opp_set_at_once(j) for j in (a, b)]
        due_on = {date.fromisoformat(str(s.data["evaluation_due_on"])) for s in set_}
        assert len(due_on) == 1, f"the two action parts were set on different days: {due_on}"
        first_due_on = due_on.pop()

        # A year on: two weeks before the date, inside the 4 weeks' lead of EvaluationDue.
        days = (first_due_on - BEFORE_THE_DATE - site.today()).days
        later = await restart_a_year_on(platform, days * DAY)
        year = Year(a, b, site.today(), first_due_on, later)
        later_desk = await stack.enter_async_context(StaffDesk(later, plan.region))

        await evaluation_falls_due(year)
        await messages_arrive(year)
        await evaluation_recorded(year, later_desk, a, [a.family.parents[0].guardian_id])
        await evaluation_recorded(year, later_desk, b, [])
        await opps_read_back(year, later_desk)
        await inspectie_reads_the_report(year, later_desk)
        await inspectie_exports_the_year(year, later_desk)
        await watch.caught_up()
        yield year


# ---- what must hold -------------------------------------------------------------------


def sent_for(year: Year, cause: Seen) -> list[Seen]:
    return year.a.watch.named(
        "NotificationSent", lambda s: s.data.get("caused_by_event_id") == cause.id
    )


async def test_the_evaluation_falls_due_for_both_a_year_after_the_action_part_was_set(
    year: Year,
) -> None:
    assert year.first_due_on == a_year_after(year.started_on)
    assert set(year.due) == {opp_of(year.a), opp_of(year.b)}
    for seen in year.due.values():
        assert seen.data["due_on"] == year.first_due_on.isoformat()


async def test_each_parent_gets_the_evaluation_message_in_their_own_language(
    year: Year,
) -> None:
    for j in year.pupils:
        due = year.due[opp_of(j)]
        for parent in j.family.parents:
            mail = year.mails[(opp_of(j), parent.guardian_id)]
            sent = j.watch.named(
                "NotificationSent",
                lambda s, p=parent, d=due: (
                    s.data.get("caused_by_event_id") == d.id
                    and s.data.get("recipient_id") == str(p.guardian_id)
                ),
            )
            assert [s.data["template"] for s in sent] == ["evaluation_due"]
            assert sent[0].data["language"] == mail.language == parent.language
            assert not sent[0].data["fell_back"]
            assert parent.email in mail.to


async def test_the_ib_gets_a_staff_notice_of_each_evaluation_falling_due(year: Year) -> None:
    for j in year.pupils:
        due = year.due[opp_of(j)]
        ib = j.person(StaffRole.IB)
        notices = [
            s.data["template"] for s in sent_for(year, due) if s.data.get("recipient_id") == str(ib)
        ]
        assert notices == ["staff_evaluation_due"]
        assert year.mails[(opp_of(j), ib)].language == "nl"


async def test_held_with_a_guardian_present_counts_as_with_the_parents(year: Year) -> None:
    opp = opp_of(year.a)
    assert year.recorded[opp]["with_parents"] is True
    assert year.held[opp].data["with_parents"] is True
    assert year.held[opp].data["held_on"] == year.held_on.isoformat()


async def test_held_without_any_guardian_does_not_count_as_with_the_parents(
    year: Year,
) -> None:
    opp = opp_of(year.b)
    assert year.recorded[opp]["with_parents"] is False
    assert year.held[opp].data["with_parents"] is False
    assert year.held[opp].data["next_due_on"] is None


async def test_only_the_evaluation_with_the_parents_moves_the_next_date_a_year_on(
    year: Year,
) -> None:
    moved = a_year_after(year.held_on)
    a, b = opp_of(year.a), opp_of(year.b)
    assert moved > year.first_due_on
    assert year.recorded[a]["evaluation_due_on"] == moved.isoformat()
    assert year.held[a].data["next_due_on"] == moved.isoformat()
    assert year.opps[a]["evaluation_due_on"] == moved.isoformat()
    assert year.recorded[b]["evaluation_due_on"] == year.first_due_on.isoformat()
    assert year.opps[b]["evaluation_due_on"] == year.first_due_on.isoformat()


async def test_the_inspectie_report_counts_a_as_held_with_the_parents_and_b_not(
    year: Year,
) -> None:
    school = str(year.a.family.school.school_id)
    assert [s["school_id"] for s in year.report["schools"]] == [school]
    counts = year.report["schools"][0]
    assert counts == {
        "school_id": school,
        "evaluations_due": 2,
        "evaluations_held_with_parents": 1,  # A's; B's without any guardian is not
        "evaluations_held_on_time": 1,
        "opps_due": 2,
        "opps_set_within_six_weeks": 2,
        "action_parts_in_force_without_consent": 0,
    }


async def test_the_audit_exports_figures_count_a_on_time_and_b_not_yet(year: Year) -> None:
    """B's date has not passed yet: its cycle is still running, counted nowhere (not as
    held); A's evaluation with the parents counts on time."""
    school = str(year.a.family.school.school_id)
    evaluations = {
        row["soort"]: int(row["aantal"])
        for row in year.summary
        if row["onderdeel"] == "opp-evaluaties" and row["school"] == school
    }
    assert evaluations == {"op tijd": 1, "te laat": 0, "ontbreekt": 0}


async def test_nothing_failed_was_refused_or_overdue_in_the_tenant(year: Year) -> None:
    assert not [s.name for s in year.a.watch.seen if s.name in TROUBLE]
    assert year.a.watch.malformed == 0


def a_year_after(day: date) -> date:
    """The same day a year later; 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)
