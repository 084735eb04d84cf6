"""A parent disagrees with the OPP: they open a dispute on the disputes page, and then
ask for mediation from the dispute's own page.

The page to open a dispute takes a `pupil:` link. No message of the notifications
service carries one yet, so the journey mints that link itself, exactly as that service
would (its guardian-link key, the same claims, fourteen days) — as if the school had
sent it. Everything after that goes through the messages the parents receive.
"""

from __future__ import annotations

from urllib.parse import urlencode
from uuid import UUID

from samen_kit.access import GuardianItem, mint_guardian_token
from samen_kit.access.devkeys import dev_guardian_key

from samen_cli.journey.cast import Parent
from samen_cli.journey.context import Journey, language_shown, link_in

OPEN_PAGE = "/ouders/geschil-starten/"
DISPUTE_PAGE = "/ouders/geschillen/"
WHY = "Wij zijn het niet eens met het plan (OPP). Er staat te weinig hulp bij het lezen in."
MEDIATION = "enter:mediation"


def pupil_link(j: Journey, parent: Parent) -> str:
    token = mint_guardian_token(
        dev_guardian_key(j.site.keys_dir),
        guardian_id=parent.guardian_id,
        pupil_id=j.family.pupil_id,
        item=GuardianItem.of("pupil", j.family.pupil_id),
        tenant=j.plan.tenant,
        now=j.site.now(),
    )
    return f"{j.site.url('disputes')}{OPEN_PAGE}{j.family.pupil_id}?{urlencode({'token': token})}"


async def dispute_opens(j: Journey) -> None:
    first = j.family.parents[0]
    browser = j.browser(first)
    page = await browser.open(pupil_link(j, first))
    form = page.form(lambda f: "subject" in f.choices, "open a dispute")
    await browser.send(page, form, {"subject": "opp", "description": WHY, "stage": "conversation"})
    opened = await j.wait("DisputeOpened", subject="opp")
    j.trail.dispute_id = UUID(str(opened[0].data["dispute_id"]))
    j.timeline.say(first.label, "disagrees with the OPP and opens a dispute on the disputes page "
                   "(with a pupil link minted as the school would send it)", opened)  # fmt: skip
    for parent in j.family.parents:
        mail = await j.mail(opened[0], parent)
        j.timeline.say(parent.label, f"gets a confirmation in {language_shown(mail, parent)}")


async def mediation_begins(j: Journey) -> None:
    first = j.family.parents[0]
    opened = (await j.wait("DisputeOpened", dispute_id=j.trail.dispute_id))[0]
    mail = await j.mail(opened, first)
    browser = j.browser(first)
    page = await browser.open(link_in(mail, DISPUTE_PAGE))
    form = page.form(lambda f: f.values.get("move") == MEDIATION, "ask for mediation")
    await browser.send(page, form, {"reason": "Wij willen praten met hulp van een bemiddelaar."})
    moved = await j.wait(
        "DisputeStageChanged", dispute_id=j.trail.dispute_id, entered_stage="mediation"
    )
    j.timeline.say(first.label, "follows the link in that e-mail and asks for mediation", moved)
    for parent in j.family.parents:
        mail = await j.mail(moved[0], parent)
        shown = language_shown(mail, parent)
        j.timeline.say(parent.label, f"is told in {shown} that it went to mediation")
