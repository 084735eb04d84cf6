"""A parent disagrees with the OPP: they open a dispute on the disputes page, and then
ask for mediation from the dispute's own page.

The page to open a dispute takes a `pupil:` link. The message that the OPP's evaluation
falls due carries one ("Bent u het ergens niet mee eens?"): the parent follows it from
that e-mail, as it lies in the mail folder. Everything after that goes through the
messages the parents receive as well.
"""

from __future__ import annotations

from uuid import UUID

from samen_cli.journey.context import Journey, language_shown, link_in

OPEN_PAGE = "/ouders/geschil-starten/"
DISPUTE_PAGE = "/ouders/geschillen/"
WHY = "Wij zijn het niet eens met het plan (OPP). Er staat te weinig hulp bij het lezen in."
MEDIATION = "enter:mediation"


async def dispute_opens(j: Journey) -> None:
    first = j.family.parents[0]
    due = (await j.wait("EvaluationDue", subject_id=j.trail.opp_id))[0]
    evaluation = await j.mail(due, first)
    browser = j.browser(first)
    page = await browser.open(link_in(evaluation, OPEN_PAGE))
    form = page.form(lambda f: "subject" in f.choices, "open a dispute")
    await browser.send(page, form, {"subject": "opp", "description": WHY, "stage": "conversation"})
    opened = await j.wait("DisputeOpened", subject="opp")
    j.trail.dispute_id = UUID(str(opened[0].data["dispute_id"]))
    said = "disagrees with the OPP: follows the evaluation e-mail's dispute link, opens a dispute"
    j.timeline.say(first.label, said, opened)
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
