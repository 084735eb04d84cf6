"""A parent disagrees with the OPP's action part: they open a dispute on the disputes
page, and then ask for mediation from the dispute's own page.

The page to open a dispute takes a `pupil:` link. The message that the action part was
not set carries one (the dispute route beside a new conversation): the parent follows it
from that e-mail, as it lies in the mail folder. Everything after that goes through the
messages the parents receive as well.
"""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID

from samen_cli.journey.cast import Parent
from samen_cli.journey.context import Journey, language_shown, link_in
from samen_cli.journey.forms import Form

OPEN_PAGE = "/ouders/geschil-starten/"
DISPUTE_PAGE = "/ouders/geschillen/"
WHY = "Wij zijn het niet eens met het plan (OPP). Er staat te weinig hulp bij het lezen in."
MEDIATION = "enter:mediation"
SUBJECT = "opp_action_part"


async def dispute_opens(j: Journey) -> None:
    second = j.family.parents[1]
    not_set = (await j.wait("ActionPartNotSet", opp_id=j.trail.opp_id))[0]
    told = await j.mail(not_set, second)
    answers = {"subject": SUBJECT, "description": WHY, "stage": "conversation"}
    url = link_in(told, OPEN_PAGE)
    await _send_form(j, second, url, lambda f: "subject" in f.choices, "open a dispute", answers)
    opened = await j.wait("DisputeOpened", subject=SUBJECT)
    j.trail.dispute_id = UUID(str(opened[0].data["dispute_id"]))
    said = "follows the dispute link in that e-mail and opens a dispute about the action part"
    j.timeline.say(second.label, said, opened)
    for parent in j.family.parents:
        mail = await j.mail(opened[0], parent)
        j.timeline.say(parent.label, f"gets a confirmation in {language_shown(mail, parent)}")


async def mediation_begins(j: Journey) -> None:
    first = j.family.parents[1]
    opened = (await j.wait("DisputeOpened", dispute_id=j.trail.dispute_id))[0]
    mail = await j.mail(opened, first)
    asked = {"reason": "Wij willen praten met hulp van een bemiddelaar."}
    url = link_in(mail, DISPUTE_PAGE)
    mediation = "ask for mediation"
    await _send_form(j, first, url, lambda f: f.values.get("move") == MEDIATION, mediation, asked)
    moved = await j.wait(
        "DisputeStageChanged", dispute_id=j.trail.dispute_id, entered_stage="mediation"
    )
    j.timeline.say(first.label, "follows the link in that e-mail and asks for mediation", moved)
    for parent in j.family.parents:
        mail = await j.mail(moved[0], parent)
        shown = language_shown(mail, parent)
        j.timeline.say(parent.label, f"is told in {shown} that it went to mediation")


async def _send_form(
    j: Journey,
    parent: Parent,
    url: str,
    which: Callable[[Form], bool],
    what: str,
    answers: dict[str, str],
) -> None:
    """Open `url` in the parent's browser and send the form `which` picks (`what` it is
    for, in the error when there is none) with `answers`."""
    browser = j.browser(parent)
    page = await browser.open(url)
    await browser.send(page, page.form(which, what), answers)
