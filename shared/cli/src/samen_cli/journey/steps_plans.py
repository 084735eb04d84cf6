"""The OPP with the parents' right of consent on its action part.

The IB writes the OPP in the plans service and puts its action part to the parents.
Each parent reads that very version on the consent page, in their own language beside
the binding Dutch. One says yes; the other says no and writes why: the action part is
not set, and both parents hear that they can talk again or take the dispute route. After
the conversation (and the dispute's mediation) the IB writes a second version; both say
yes, and it is set. (`opp_set_at_once`: a family whose parents both agree to the first
version, as the OPP's year starts.)
"""

from __future__ import annotations

from typing import Any
from uuid import UUID, uuid4

from samen_cli.demo_region import StaffRole
from samen_cli.journey.cast import Parent
from samen_cli.journey.context import Journey, language_shown
from samen_cli.journey.events import Seen
from samen_cli.journey.polling import JourneyError, until

CONSENT_PAGE = "/ouders/toestemming/"
WHY_NOT = "Er staat te weinig hulp bij het lezen in. Wij willen daar eerst over praten."


def opp_content(version: int) -> dict[str, Any]:
    """The OPP as the IB writes it; version 2 answers the parents' point about reading."""
    sessions = "twee" if version == 1 else "vier"
    return {
        "basis": {
            "strengths": "Werkt graag samen. Vertelt levendig over wat het kind meemaakt.",
            "hindrances": "Lezen gaat langzaam; het kind raakt dan snel ontmoedigd.",
            "support_needs": "Korte, vaste oefenmomenten en een rustige plek om te lezen.",
            "expected_destination": {
                "level": "vmbo-kader",
                "school_type": "regulier voortgezet onderwijs",
                "reasons": "Rekenen en begrip gaan goed; met steun bij lezen is dit haalbaar.",
            },
        },
        "action_part": {
            "goals": [
                "Aan het eind van het schooljaar leest het kind op AVI-niveau E5.",
                "Het kind vraagt zelf om hulp als het vastloopt.",
            ],
            "support": f"Extra leesbegeleiding, {sessions} keer per week twintig minuten.",
            "arrangement": "Leesarrangement van het samenwerkingsverband.",
            "who_does_what": "De remedial teacher begeleidt; de leerkracht oefent in de klas.",
            "location": "Op school, in de stilteruimte.",
            "starts_on": None,
            "ends_on": None,
            "evaluation": {
                "how": "Samen met de ouders en het kind, met de AVI-toets.",
                "when": "Na twaalf weken, en elk jaar met de ouders.",
            },
        },
    }


async def _write_and_offer(j: Journey, version: int) -> Seen:
    """Write version `version` and put its action part to the parents."""
    ib = j.badge(StaffRole.IB)
    content = opp_content(version)
    today = j.site.today()
    content["action_part"]["starts_on"] = today.isoformat()
    content["action_part"]["ends_on"] = today.replace(year=today.year + 1).isoformat()
    opp = j.trail.opp_id
    written = await j.desk.json("plans", ib, "POST", f"/opps/{opp}/versions", json=content)
    if int(written["version"]) != version:
        raise JourneyError(f"the plans service wrote version {written['version']}, not {version}")
    await j.desk.call("plans", ib, "POST", f"/opps/{opp}/versions/{version}/offer", json={})
    asked = (await _asked(j, version))[0]
    await _linked(j, version, str(asked.data["request_id"]))
    return asked


async def _linked(j: Journey, version: int, request_id: str) -> None:
    """Plans has linked the consent request to the version: only then does it serve the
    words to the consent page (which a parent may open as soon as the message arrives)."""
    path = f"/opps/{j.trail.opp_id}/versions/{version}"
    ib = j.badge(StaffRole.IB)

    async def linked() -> bool:
        shown = await j.desk.json("plans", ib, "GET", path)
        return any(c["request_id"] == request_id for c in shown["consent"])

    what = f"the plans service linking consent request {request_id} to version {version}"
    await until(linked, what=what, within=j.options.within)


async def _asked(j: Journey, version: int) -> list[Seen]:
    def about_version(seen: Seen) -> bool:
        subject = seen.data.get("subject") or {}
        return j.about_pupil(seen) and subject.get("version") == version

    return await j.watch.wait("ConsentRequested", about_version, within=j.options.within)


async def _answer(
    j: Journey, parent: Parent, asked: Seen, button: str, reason: str | None = None
) -> Seen:
    """Open the consent link from the message, read the action part, press the button."""
    mail = await j.mail(asked, parent)
    link = next((u for u in mail.links() if CONSENT_PAGE in u), None)
    if link is None:
        raise JourneyError("the consent message holds no link to the consent page")
    browser = j.browser(parent)
    page = await browser.open(link)
    if "De remedial teacher" not in page.html:
        raise JourneyError("the consent page does not show the action part's words")
    form = page.form(lambda f: any(value == button for _, value in f.buttons), "answer")
    await browser.send(page, form, {"reden": reason} if reason else {}, button=button)
    request_id = asked.data["request_id"]
    return (await j.wait("ConsentAnswered", request_id=request_id, party_id=parent.guardian_id))[0]


async def _support_started(j: Journey) -> None:
    """The IB starts extra support: the plans service opens the pupil's OPP."""
    ib = j.badge(StaffRole.IB)
    body = {
        "opp_id": str(uuid4()),
        "pupil_id": str(j.family.pupil_id),
        "support_started_on": j.site.today().isoformat(),
    }
    made = await j.desk.json("plans", ib, "POST", "/opps", json=body)
    j.trail.opp_id = UUID(str(made["opp_id"]))
    started = await j.wait("SupportStarted", opp_id=j.trail.opp_id)
    j.timeline.say("IB", "starts extra support: the OPP is due within 6 weeks", started)


async def opp_offered(j: Journey) -> None:
    """Version 1: one parent agrees, the other does not: the action part is not set."""
    await _support_started(j)
    asked = await _write_and_offer(j, 1)
    j.timeline.say("IB", "writes the OPP and puts its action part to both parents", [asked])
    first, second = j.family.parents
    said = await _answer(j, first, asked, "ja")
    mail = await j.mail(asked, first)
    j.timeline.say(
        first.label,
        f"reads the action part in {language_shown(mail, first)} beside the Dutch; says yes",
        [said],
    )
    said = await _answer(j, second, asked, "nee", WHY_NOT)
    not_set = await j.wait("ActionPartNotSet", opp_id=j.trail.opp_id, version=1)
    j.timeline.say(second.label, "says no, and writes why: the action part is not set",
                   [said, *not_set])  # fmt: skip
    for parent in j.family.parents:
        told = await j.mail(not_set[0], parent)
        j.timeline.say(
            parent.label,
            f"is told in {language_shown(told, parent)}: a new conversation, or a dispute",
        )


async def action_part_offered(j: Journey) -> Seen:
    """Support starts and version 1's action part is put to the parents: its
    `ConsentRequested`, for a test that answers as a parent itself (in a browser)."""
    await _support_started(j)
    return await _write_and_offer(j, 1)


async def opp_agreed(j: Journey) -> None:
    """Version 2, after the conversation: both parents agree; the action part is set."""
    asked = await _write_and_offer(j, 2)
    j.timeline.say("IB", "writes version 2 after the conversation and puts it to both", [asked])
    answers = [await _answer(j, parent, asked, "ja") for parent in j.family.parents]
    set_ = await j.wait("ActionPartSet", opp_id=j.trail.opp_id, version=2)
    by = str(set_[0].data["evaluation_due_on"])
    j.timeline.say(
        "plans", f"both said yes: version 2 is set; evaluated with the parents by {by}",
        [*answers, *set_],
    )  # fmt: skip


async def opp_set_at_once(j: Journey) -> Seen:
    """Another family's OPP: both parents agree to version 1, and it is set; the
    `ActionPartSet` names the day of its first yearly evaluation."""
    await _support_started(j)
    asked = await _write_and_offer(j, 1)
    answers = [await _answer(j, parent, asked, "ja") for parent in j.family.parents]
    set_ = await j.wait("ActionPartSet", opp_id=j.trail.opp_id, version=1)
    by = str(set_[0].data["evaluation_due_on"])
    j.timeline.say("plans", f"both said yes: version 1 is set; evaluated with the parents by {by}",
                   [*answers, *set_])  # fmt: skip
    return set_[0]
