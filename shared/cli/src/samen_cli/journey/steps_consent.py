"""The IB asks consent; both parents hear of it in their language; one says yes at
once, the other later; consent is given.

"A day later" is told, not simulated: the second parent answers after the first one's
answers are on record, in real time (the platform-wide clock offset is fixed when the
services start, so it cannot move a day in the middle of a journey).
"""

from __future__ import annotations

from uuid import UUID

from samen_cli.demo_region import StaffRole
from samen_cli.journey.cast import Parent
from samen_cli.journey.context import Delivery, Journey
from samen_cli.journey.events import Seen
from samen_cli.journey.polling import JourneyError

PURPOSES = ("mdo_request", "engage_swv")
CONSENT_PAGE = "/ouders/toestemming/"


async def ask_consent(j: Journey) -> list[Seen]:
    ib = j.badge(StaffRole.IB)
    for purpose in PURPOSES:
        body = {"pupil_id": str(j.family.pupil_id), "purpose": purpose}
        made = await j.desk.json("consent", ib, "POST", "/v1/requests", json=body)
        j.trail.requests[purpose] = UUID(made["request_id"])
    asked = [(await j.wait("ConsentRequested", request_id=r))[0] for r in j.trail.requests.values()]
    j.timeline.say("IB", "asks both parents' consent for an MDO and for engaging the "
                   "samenwerkingsverband", asked)  # fmt: skip
    return asked


async def messages_arrive(j: Journey, asked: list[Seen]) -> dict[UUID, dict[str, Delivery]]:
    """Per parent, per purpose: the message they follow (the SMS when they got one)."""
    links: dict[UUID, dict[str, Delivery]] = {}
    for parent in j.family.parents:
        per_purpose: dict[str, Delivery] = {}
        mails = []
        for cause in asked:
            email = await j.delivery(cause, parent, "email")
            sms = await j.delivery(cause, parent, "sms") if j.wants_sms(parent) else None
            per_purpose[str(cause.data["purpose"])] = sms or email
            mails.append(email.mail)
        channels = "e-mail and SMS" if j.wants_sms(parent) else "e-mail"
        shown = mails[0]
        assert shown is not None
        j.timeline.say(parent.label, f"gets {len(mails)} × {channels} in {shown.language}: "
                       f"“{j.subject(shown)}”")  # fmt: skip
        links[parent.guardian_id] = per_purpose
    return links


async def says_yes(j: Journey, parent: Parent, deliveries: dict[str, Delivery]) -> list[Seen]:
    """Through the consent page: open the link (GET), press yes (POST with the token)."""
    for purpose, delivery in deliveries.items():
        page = await j.browser(parent).open(_consent_link(delivery))
        form = page.form(lambda f: any(value == "ja" for _, value in f.buttons), "say yes")
        await j.browser(parent).send(page, form, {}, button="ja")
        request_id = j.trail.requests[purpose]
        await j.wait("ConsentAnswered", request_id=request_id, party_id=parent.guardian_id)
    return j.watch.named("ConsentAnswered", lambda s: s.data["party_id"] == str(parent.guardian_id))


async def consent_given(j: Journey, links: dict[UUID, dict[str, Delivery]]) -> None:
    first, second = j.family.parents
    answered = await says_yes(j, first, links[first.guardian_id])
    j.timeline.say(first.label, "opens the consent page and says yes to both", answered)
    started = j.timeline.moments[-1].at
    answered = await says_yes(j, second, links[second.guardian_id])
    given = [(await j.wait("ConsentGiven", request_id=r))[0] for r in j.trail.requests.values()]
    via = "the SMS link" if any(d.sms for d in links[second.guardian_id].values()) else "e-mail"
    waited = (j.site.now() - started).total_seconds()
    j.timeline.say(second.label, f"says yes “a day later” (here {waited:.0f} s later, via {via})",
                   [*answered, *given])  # fmt: skip


def _consent_link(delivery: Delivery) -> str:
    """The link in the message: the consent page, or the SMS's short link to it."""
    message = delivery.sms or delivery.mail
    assert message is not None
    for link in message.links():
        if CONSENT_PAGE in link or "/l/" in link:
            return link
    raise JourneyError("the message holds no link to the consent page")
