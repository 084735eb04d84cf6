"""Two families of one school walked side by side: the start the year-long e2e tests
(the OPP's year, retention) share before each takes its own road."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

from samen_cli.journey.browser import Browser
from samen_cli.journey.cast import families_of_one_school
from samen_cli.journey.context import Journey, JourneyOptions
from samen_cli.journey.events import EventWatch
from samen_cli.journey.inbox import Inbox
from samen_cli.journey.loading import RegionPlan
from samen_cli.journey.site import Site
from samen_cli.journey.staff import StaffDesk
from samen_cli.journey.timeline import Timeline
from samen_cli.platform import Platform

from tests.e2e.conftest import region_of_its_own


@dataclass
class TwoFamilies:
    site: Site
    plan: RegionPlan
    desk: StaffDesk
    watch: EventWatch
    a: Journey
    b: Journey


async def two_families(
    platform: Platform, stack: contextlib.AsyncExitStack, pupils_per_school: int, within: float
) -> TwoFamilies:
    """The demo region loaded into a tenant of its own, and two families of one school
    each on a journey of their own (every parent in a browser of their own), over one
    staff desk and one watch on the tenant's events, all closed with `stack`."""
    site, plan = await region_of_its_own(platform, pupils_per_school)
    desk = await stack.enter_async_context(StaffDesk(site, plan.region))
    watch = await stack.enter_async_context(
        EventWatch(site.kafka_bootstrap, site.topic_prefix, plan.tenant)
    )
    inbox = Inbox(site.mail_dir, site.sms_log)
    pupils = []
    for family in families_of_one_school(plan):
        browsers = {
            p.guardian_id: await stack.enter_async_context(Browser(p.label, inbox.step_up_code))
            for p in family.parents
        }
        journey = Journey(site, plan, desk, watch, inbox, Timeline(site.now), family, browsers,
                          JourneyOptions(within=within))  # fmt: skip
        pupils.append(journey)
    a, b = pupils
    return TwoFamilies(site, plan, desk, watch, a, b)
