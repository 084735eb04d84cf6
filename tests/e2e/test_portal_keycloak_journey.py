"""The intern begeleider's day in the staff workspace, in Chromium, signed in through
Keycloak, on the whole platform (every service a process, real Kafka, PostgreSQL, SMTP):

sign in → find the pupil → ask the parents' consent for an MDO and for engaging the
samenwerkingsverband → both parents answer on their consent page (from the e-mail in the
mail folder) → the open pupil page shows it without reloading → plan the MDO, choosing
the teacher and the trajectbegeleider by name in the form → write its record → a parent
comments on the record on their page → *Te doen* shows the parent's comment.

Only the parents' side uses the journey's steps (their messages and pages); every staff
step is done in the portal: signing in, finding the pupil and asking consent with the
keyboard alone (Tab, typing, arrow keys, Enter), the rest with clicks. The demo region is
loaded for the realm's tenant, so the demo account `ib.brede-school-de-linde` is the IB
of the pupil's school.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from uuid import UUID
from zoneinfo import ZoneInfo

import pytest
from playwright.async_api import Page, async_playwright
from samen_cli.demo_region import StaffRole
from samen_cli.journey.browser import Browser
from samen_cli.journey.cast import Family, families
from samen_cli.journey.context import Journey, JourneyOptions, link_in
from samen_cli.journey.events import EventWatch, Seen
from samen_cli.journey.inbox import Inbox
from samen_cli.journey.loading import load_region, region_plan
from samen_cli.journey.polling import until
from samen_cli.journey.staff import StaffDesk
from samen_cli.journey.steps_consent import consent_given, messages_arrive
from samen_cli.journey.timeline import Timeline
from samen_cli.platform import Platform
from samen_kit.localinfra.demo_accounts import TENANT
from samen_kit.localinfra.realm import DEV_PASSWORD

# The walk waits for a real meeting start (two minutes) after two consents are answered.
pytestmark = [pytest.mark.e2e, pytest.mark.timeout(600)]

CHROMIUM = Path("/usr/bin/chromium")
SCHOOL = "brede-school-de-linde"
IB = f"ib.{SCHOOL}"
PUPILS_PER_SCHOOL = 4
WITHIN = 90.0
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
COMMENT = "Wij willen ook graag weten hoe het lezen thuis kan oefenen."
WAIT_MS = int(WITHIN * 1000)
# What an MDO with a trajectbegeleider needs (meetings' consent gate).
PURPOSES = ("mdo_request", "engage_swv")
MEETING = "mdo"
# The demo region's made-up names (samen_cli.demo_region), read by the portal from the
# notifications service when the form is shown.
TEACHER_NAME = "Sanne de Vries"
ADVISER_NAME = "Ahmed Yilmaz"


@dataclass
class Day:
    """What the walk left behind, for the tests to state one thing each."""

    j: Journey
    tab: Page  # the IB's tab, signed in at Keycloak
    signed_in_at: str = ""  # the page the sign-in landed on
    kept_the_page: bool = False  # the consent answers arrived without a reload
    consent_seen: str = ""  # the pupil page's text after the answers
    form_said: str = ""  # what the meeting form says each kind needs
    scheduled: Seen | None = None
    recorded: Seen | None = None
    commented: Seen | None = None
    worklist: str = ""  # *Te doen* after the comment


def of_the_school(family: Family) -> bool:
    return family.school.number == SCHOOL


async def landed(tab: Page, after: str) -> None:
    """The form's answer is the page `after` names; otherwise say what the page said."""
    await tab.wait_for_load_state()
    if after not in tab.url:
        raise AssertionError(f"{tab.url}: {await tab.inner_text('main')}")


async def tab_to(tab: Page, predicate: str, limit: int = 40) -> None:
    """Move the focus with Tab alone until the focused element fits `predicate` (a JS
    expression over `e`): what a keyboard user can reach, a test reaches the same way."""
    test = f"() => {{ const e = document.activeElement; return Boolean(e && ({predicate})); }}"
    for _ in range(limit):
        if await tab.evaluate(test):
            return
        await tab.keyboard.press("Tab")
    raise AssertionError(f"{tab.url}: never reached {predicate} with Tab")


async def choose(tab: Page, select: str, value: str) -> None:
    """Choose an option of the focused-by-Tab `select` with the arrow keys."""
    await tab_to(tab, f"e.id === '{select}'")
    await tab.keyboard.press("Home")
    for _ in range(30):
        if await tab.evaluate(f"() => document.getElementById('{select}').value") == value:
            return
        await tab.keyboard.press("ArrowDown")
    raise AssertionError(f"no option {value} in #{select} by the arrow keys")


async def sign_in(tab: Page, portal: str) -> str:
    """At Keycloak's form with the keyboard alone."""
    await tab.goto(f"{portal}/te-doen")
    await tab.wait_for_url("**/realms/samen/protocol/openid-connect/auth**")
    await tab_to(tab, "e.id === 'username'")
    await tab.keyboard.type(IB)
    await tab_to(tab, "e.id === 'password'")
    await tab.keyboard.type(DEV_PASSWORD)
    await tab.keyboard.press("Enter")
    await tab.wait_for_url(f"{portal}/te-doen")
    return tab.url


async def find_the_pupil(tab: Page, pupil: UUID) -> None:
    """From *Te doen* to the pupil's page with the keyboard alone."""
    await tab_to(tab, "e.textContent.trim() === 'Leerlingen'")
    await tab.keyboard.press("Enter")
    await tab.wait_for_url("**/leerlingen")
    await tab_to(tab, "e.id === 'zoek'")
    await tab.keyboard.type(str(pupil)[:8])
    await tab.keyboard.press("Enter")
    await tab.wait_for_url("**/leerlingen?zoek=*")
    await tab_to(tab, f"e.getAttribute('href') === '/leerlingen/{pupil}'")
    await tab.keyboard.press("Enter")
    await tab.wait_for_url(f"**/leerlingen/{pupil}")


async def ask_consent_for_an_mdo(day: Day) -> list[Seen]:
    asked: list[Seen] = []
    """With the keyboard alone, as the sign-in and the search before it."""
    for purpose in PURPOSES:
        await choose(day.tab, "doel", purpose)
        await tab_to(
            day.tab, "e.tagName === 'BUTTON' && e.textContent.trim() === 'Toestemming vragen'"
        )
        async with day.tab.expect_navigation():  # Enter, unlike a click, does not wait
            await day.tab.keyboard.press("Enter")
        await landed(day.tab, "gevraagd=1")
        seen = await day.j.wait("ConsentRequested", purpose=purpose)
        day.j.trail.requests[purpose] = UUID(str(seen[0].data["request_id"]))
        asked.append(seen[0])
    return asked


async def parents_answer_while_the_page_is_open(day: Day, asked: list[Seen]) -> None:
    marker = await day.tab.evaluate("() => (window.__samePage = 1)")  # gone on a reload
    await consent_given(day.j, await messages_arrive(day.j, asked))
    await day.tab.get_by_text("Ouder heeft geantwoord").first.wait_for(timeout=WAIT_MS)
    day.kept_the_page = await day.tab.evaluate("() => window.__samePage") == marker
    day.consent_seen = await day.tab.inner_text("main")


async def the_meetings_service_knows_the_consent(j: Journey) -> None:
    ib = j.badge(StaffRole.IB)

    async def given() -> bool:
        pupil = await j.desk.json("meetings", ib, "GET", f"/pupils/{j.family.pupil_id}")
        given = {c["purpose"] for c in pupil["consents"] if c["status"] == "given"}
        return set(PURPOSES) <= given

    await until(given, what="the meetings service sees the consent", within=WITHIN)


async def plan_the_mdo(day: Day) -> datetime:
    """Two minutes from now (the form takes whole minutes), in Dutch time, with the
    teacher and the trajectbegeleider chosen by name; the IB takes part as the planner."""
    for purpose in PURPOSES:
        await day.j.wait("ConsentGiven", request_id=day.j.trail.requests[purpose])
    await the_meetings_service_knows_the_consent(day.j)
    starts = (datetime.now(AMSTERDAM) + timedelta(minutes=2)).replace(second=0, microsecond=0)
    await day.tab.reload()
    await day.tab.select_option("#soort", MEETING)
    day.form_said = await day.tab.inner_text("#soort-uitleg")
    await day.tab.get_by_label("Leerkracht", exact=True).select_option(label=TEACHER_NAME)
    await day.tab.get_by_label("Trajectbegeleider", exact=True).select_option(label=ADVISER_NAME)
    await day.tab.fill("#dag", starts.date().isoformat())
    await day.tab.fill("#begin", starts.strftime("%H:%M"))
    await day.tab.get_by_role("button", name="Gesprek plannen").click()
    await landed(day.tab, "gedaan=gesprek")
    day.scheduled = (await day.j.wait("MeetingScheduled", kind=MEETING))[0]
    day.j.trail.meeting_id = UUID(str(day.scheduled.data["meeting_id"]))
    return starts


async def write_the_record(day: Day, starts: datetime) -> None:
    """Once the meeting began its record form is on the pupil page."""
    form = day.tab.locator(f"form[action$='/gesprek/{day.j.trail.meeting_id}/verslag']")

    async def form_shown() -> bool:
        await day.tab.reload()
        return await form.count() == 1

    while datetime.now(AMSTERDAM) < starts or not await form_shown():
        await day.tab.wait_for_timeout(2000)  # the meeting's start: a real clock, not a fake one
    await form.locator("textarea[name=strengths]").fill("Werkt graag samen.")
    await form.locator("textarea[name=concerns]").fill("Lezen gaat langzaam.")
    await form.locator("textarea[name=goals]").fill("Leest aan het eind van het jaar E5.")
    await form.locator("textarea[name=next_steps]").fill("Vier keer per week lezen.")
    await form.locator("textarea[name=guardian_view]").fill("Thuis leest het kind graag voor.")
    await form.get_by_role("button", name="Verslag opslaan").click()
    await landed(day.tab, "gedaan=verslag")
    day.recorded = (await day.j.wait("MeetingRecorded", meeting_id=day.j.trail.meeting_id))[0]


async def a_parent_comments(day: Day) -> None:
    assert day.recorded is not None
    parent = day.j.family.parents[0]
    mail = await day.j.mail(day.recorded, parent)
    browser = day.j.browser(parent)
    page = await browser.open(link_in(mail, "/ouders/verslagen/"))
    form = page.form(lambda f: "reactie" in f.action, "comment on the record")
    await browser.send(page, form, {"text": COMMENT})
    day.commented = (await day.j.wait("ParentCommentAdded"))[0]


async def the_worklist_shows_it(day: Day, portal: str) -> None:
    item = day.tab.get_by_text("Ouder gaf een reactie op het verslag")
    for _ in range(int(WITHIN / 2)):
        await day.tab.goto(f"{portal}/te-doen")
        if await item.count():
            break
        await day.tab.wait_for_timeout(2000)
    day.worklist = await day.tab.inner_text("main")


@pytest.fixture(scope="module")
async def day(keycloak_platform: Platform) -> AsyncIterator[Day]:
    platform = keycloak_platform
    site = platform.config.site()
    plan = region_plan(site.state_dir, site.today(), pupils_per_school=PUPILS_PER_SCHOOL)
    assert plan.tenant == TENANT  # the realm's accounts belong to the demo region
    await load_region(site, plan)
    family = next(f for f in families(plan) if of_the_school(f))
    portal = platform.config.url("portal")
    async with contextlib.AsyncExitStack() as stack:
        desk = await stack.enter_async_context(StaffDesk(site, plan.region))
        watch = await stack.enter_async_context(
            EventWatch(site.kafka_bootstrap, site.topic_prefix, plan.tenant)
        )
        inbox = Inbox(site.mail_dir, site.sms_log)
        browsers = {
            p.guardian_id: await stack.enter_async_context(Browser(p.label, inbox.step_up_code))
            for p in family.parents
        }
        j = Journey(site, plan, desk, watch, inbox, Timeline(site.now), family, browsers,
                    JourneyOptions(within=WITHIN))  # fmt: skip
        playwright = await stack.enter_async_context(async_playwright())
        chromium = await playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=["--no-sandbox"]
        )
        stack.push_async_callback(chromium.close)
        tab = await (await chromium.new_context()).new_page()
        day = Day(j, tab)

        day.signed_in_at = await sign_in(tab, portal)
        await find_the_pupil(tab, family.pupil_id)
        asked = await ask_consent_for_an_mdo(day)
        await parents_answer_while_the_page_is_open(day, asked)
        starts = await plan_the_mdo(day)
        await write_the_record(day, starts)
        await a_parent_comments(day)
        await the_worklist_shows_it(day, portal)
        yield day


def test_the_ib_signs_in_at_keycloak_and_lands_on_the_worklist(day: Day) -> None:
    assert day.signed_in_at.endswith("/te-doen")


def test_the_consent_request_made_in_the_portal_reaches_both_parents(day: Day) -> None:
    asked = day.j.watch.named("ConsentRequested", day.j.about_pupil)
    parties = {str(p["party_id"]) for p in asked[0].data["parties"]}
    assert {str(p.guardian_id) for p in day.j.family.parents} <= parties
    assert asked[0].envelope.actor == f"ib:{day.j.person(StaffRole.IB)}"


def test_the_open_pupil_page_shows_the_answers_without_reloading(day: Day) -> None:
    assert day.kept_the_page
    assert "Ouder heeft geantwoord" in day.consent_seen


def test_the_form_says_who_an_mdo_needs(day: Day) -> None:
    assert "de leerkracht, de intern begeleider en de trajectbegeleider" in day.form_said


def test_the_mdo_planned_in_the_portal_has_the_ib_teacher_and_trajectbegeleider(
    day: Day,
) -> None:
    assert day.scheduled is not None
    assert day.scheduled.data["kind"] == "mdo"
    people = {p["person_id"]: p["role"] for p in day.scheduled.data["participants"]}
    j = day.j
    assert people[str(j.person(StaffRole.IB))] == "ib"
    assert people[str(j.person(StaffRole.TEACHER))] == "teacher"
    assert people[str(j.person(StaffRole.TRAJECTBEGELEIDER))] == "trajectbegeleider"


def test_the_record_written_in_the_portal_is_recorded(day: Day) -> None:
    assert day.recorded is not None
    assert day.recorded.data["meeting_id"] == str(day.j.trail.meeting_id)


def test_the_parents_comment_shows_on_the_worklist(day: Day) -> None:
    assert day.commented is not None
    assert "Ouder gaf een reactie op het verslag" in day.worklist
