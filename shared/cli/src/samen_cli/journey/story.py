"""The journey from the first question to the inspectie's check, step by step.

    async with journey(site, plan) as j:   # the family, their browsers, the event watch
        await walk(j)                      # every step, told on j.timeline

`samen demo` prints the timeline; the end-to-end test checks j.watch and j.inbox after.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Final

from samen_cli.journey.browser import Browser
from samen_cli.journey.cast import Family, Parent, choose_family
from samen_cli.journey.context import Journey, JourneyOptions
from samen_cli.journey.events import EventWatch
from samen_cli.journey.inbox import Inbox
from samen_cli.journey.loading import RegionPlan
from samen_cli.journey.site import Site
from samen_cli.journey.staff import StaffDesk
from samen_cli.journey.steps_audit import inspectie_verifies
from samen_cli.journey.steps_consent import ask_consent, consent_given, messages_arrive
from samen_cli.journey.steps_dispute import dispute_opens, mediation_begins
from samen_cli.journey.steps_meeting import invitations_arrive, mdo_recorded, plan_mdo
from samen_cli.journey.steps_plans import opp_agreed, opp_offered
from samen_cli.journey.timeline import Timeline

Step = Callable[[Journey], Awaitable[None]]


async def _consent(j: Journey) -> None:
    asked = await ask_consent(j)
    links = await messages_arrive(j, asked)
    await consent_given(j, links)


STEPS: Final[tuple[Step, ...]] = (
    _consent,
    plan_mdo,
    invitations_arrive,
    mdo_recorded,
    opp_offered,
    dispute_opens,
    mediation_begins,
    opp_agreed,
    inspectie_verifies,
)


@contextlib.asynccontextmanager
async def journey(
    site: Site,
    plan: RegionPlan,
    options: JourneyOptions | None = None,
    out: Callable[[str], None] | None = None,
) -> AsyncIterator[Journey]:
    async with contextlib.AsyncExitStack() as stack:
        desk = await stack.enter_async_context(StaffDesk(site, plan.region))
        watch = EventWatch(site.kafka_bootstrap, site.topic_prefix, plan.tenant)
        await stack.enter_async_context(watch)
        family = await choose_family(desk, plan)
        inbox = Inbox(site.mail_dir, site.sms_log)
        browsers = {
            p.guardian_id: await stack.enter_async_context(Browser(p.label, inbox.step_up_code))
            for p in family.parents
        }
        timeline = Timeline(site.now, out)
        j = Journey(site, plan, desk, watch, inbox, timeline, family, browsers)
        if options is not None:
            j.options = options
        timeline.say("school", introduce(family))
        yield j


async def walk(j: Journey) -> None:
    for step in STEPS:
        await step(j)


def introduce(family: Family) -> str:
    first, second = family.parents
    return (f"{family.school.name}: a pupil with two parents who both hold parental "
            f"authority ({_reach(first)}; {_reach(second)})")  # fmt: skip


def _reach(parent: Parent) -> str:
    channels = "e-mail and mobile" if parent.mobile else "e-mail"
    return f"{parent.label} reads {parent.language}, {channels}"
