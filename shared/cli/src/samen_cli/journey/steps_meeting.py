"""With consent given, the IB plans the MDO; both parents are invited (with a calendar
file); it takes place and its record holds goals and agreements; an OPP drawn up almost
a year ago falls due for its evaluation."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from uuid import UUID

from samen_cli.demo_region import StaffRole
from samen_cli.journey.context import Journey, language_shown, link_in
from samen_cli.journey.polling import JourneyError, until
from samen_cli.journey.steps_consent import PURPOSES

MDO_LENGTH = timedelta(minutes=45)
MDO_STAFF = (StaffRole.TEACHER, StaffRole.IB, StaffRole.TRAJECTBEGELEIDER)


async def plan_mdo(j: Journey) -> None:
    await _gate_opens(j)
    starts = j.site.now().replace(microsecond=0) + j.options.meeting_lead
    language = j.family.parents[0].language
    body = {
        "pupil_id": str(j.family.pupil_id),
        "kind": "mdo",
        "starts_at": starts.isoformat(),
        "ends_at": (starts + MDO_LENGTH).isoformat(),
        "staff_ids": [str(j.person(role)) for role in MDO_STAFF],
        "interpreter_needed": language != "nl",
        "interpreter_language": language if language != "nl" else None,
    }
    made = await j.desk.json("meetings", j.badge(StaffRole.IB), "POST", "/meetings", json=body)
    j.trail.meeting_id = UUID(made["meeting_id"])
    scheduled = await j.wait("MeetingScheduled", meeting_id=j.trail.meeting_id)
    j.timeline.say("IB", "plans the MDO with teacher, IB and trajectbegeleider", scheduled)


async def _gate_opens(j: Journey) -> None:
    """The meetings service has heard of both consents (its own copy of them)."""
    ib = j.badge(StaffRole.IB)

    async def both_given() -> bool:
        pupil = await j.desk.json("meetings", ib, "GET", f"/pupils/{j.family.pupil_id}")
        given = {c["purpose"] for c in pupil["consents"] if c["status"] == "given"}
        return given >= set(PURPOSES)

    await until(both_given, what="the meetings service sees the consents", within=j.options.within)


async def invitations_arrive(j: Journey) -> None:
    scheduled = (await j.wait("MeetingScheduled", meeting_id=j.trail.meeting_id))[0]
    mails = {}
    for parent in j.family.parents:
        mail = await j.mail(scheduled, parent)
        if mail.calendar() is None:
            raise JourneyError("the invitation came without its calendar file")
        j.timeline.say(
            parent.label, f"gets the invitation in {language_shown(mail, parent)}, with an .ics"
        )
        mails[parent.guardian_id] = mail
    first = j.family.parents[0]
    browser = j.browser(first)
    page = await browser.open(link_in(mails[first.guardian_id], "/ouders/gesprekken/"))
    await browser.send(
        page, page.form(lambda f: "answer" in f.choices, "answer"), {"answer": "accept"}
    )
    answered = await j.wait("InvitationAnswered", meeting_id=j.trail.meeting_id)
    j.timeline.say(first.label, "accepts on the invitation page", answered)


async def mdo_recorded(j: Journey) -> None:
    """Once the MDO began, the IB writes its record; a parent reads and acknowledges it."""
    scheduled = (await j.wait("MeetingScheduled", meeting_id=j.trail.meeting_id))[0]
    starts = datetime.fromisoformat(str(scheduled.data["starts_at"]).replace("Z", "+00:00"))

    async def begun() -> bool:
        return j.site.now() >= starts

    within = j.options.meeting_lead.total_seconds() + j.options.within
    await until(begun, what="the MDO's starting time", within=within)
    body = _record(j)
    made = await j.desk.json("meetings", j.badge(StaffRole.IB), "POST",
                             f"/meetings/{j.trail.meeting_id}/record", json=body)  # fmt: skip
    j.trail.record_id = UUID(made["record_id"])
    recorded = await j.wait("MeetingRecorded", record_id=j.trail.record_id)
    agreed = await j.wait("AgreementMade", record_id=j.trail.record_id, count=2)
    j.timeline.say("IB", "writes the MDO's record: strengths, concerns, 2 goals, 2 agreements",
                   [*recorded, *agreed])  # fmt: skip
    second = j.family.parents[1]
    mail = await j.mail(recorded[0], second)
    page = await j.browser(second).open(link_in(mail, "/ouders/verslagen/"))
    await j.browser(second).send(
        page, page.form(lambda f: "gelezen" in f.action, "acknowledge"), {}
    )
    read = await j.wait("RecordAcknowledged", record_id=j.trail.record_id)
    j.timeline.say(second.label, "reads the record on its page and marks it read", read)


def _record(j: Journey) -> dict[str, Any]:
    today = j.site.today()
    guardians = [str(p.guardian_id) for p in j.family.parents]
    teacher, swv = j.person(StaffRole.TEACHER), j.person(StaffRole.TRAJECTBEGELEIDER)
    return {
        "attended_ids": guardians + [str(j.person(role)) for role in MDO_STAFF],
        "strengths": ["Werkt graag samen met andere kinderen.", "Vertelt levendig."],
        "concerns": ["Lezen gaat langzaam; het kind raakt snel ontmoedigd."],
        "goals": ["Aan het eind van het schooljaar leest het kind op AVI-niveau E5.",
                  "Het kind vraagt zelf om hulp als het vastloopt."],
        "next_steps": ["De leerkracht oefent vier keer per week tien minuten lezen."],
        "guardian_view": "Thuis leest het kind graag voor aan een jonger kind.",
        "guardian_support_needs": "Een tolk bij gesprekken.",
        "agreements": [
            _agreement("Dagelijks tien minuten lezen in de klas.", teacher, today, 6),
            _agreement("Advies over een leesaanpak.", swv, today, 4),
        ],
    }  # fmt: skip


def _agreement(what: str, who: UUID, today: Any, weeks: int) -> dict[str, str]:
    due = today + timedelta(weeks=weeks)
    return {"what": what, "responsible_id": str(who), "due_on": due.isoformat(),
            "evaluate_on": (due + timedelta(weeks=4)).isoformat()}  # fmt: skip
