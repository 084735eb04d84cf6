"""What every step of the journey shares: the platform, the staff, the family and
their browsers, the events seen, the parents' messages, the timeline, and the trail of
ids the steps made (which the end-to-end test checks afterwards)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from uuid import UUID

from samen_cli.demo_region import StaffRole, staff_member
from samen_cli.journey.browser import Browser
from samen_cli.journey.cast import Family, Parent
from samen_cli.journey.events import EventWatch, Seen
from samen_cli.journey.inbox import Inbox, Mail, Sms
from samen_cli.journey.loading import RegionPlan
from samen_cli.journey.polling import JourneyError
from samen_cli.journey.site import Site
from samen_cli.journey.staff import Badge, StaffDesk
from samen_cli.journey.timeline import Timeline


@dataclass(frozen=True)
class JourneyOptions:
    # SMS waits out the quiet hours (21:00-07:30): only wait for it when none apply.
    expect_sms: bool = False
    # The MDO starts this long after it is planned; its record is written once it began.
    meeting_lead: timedelta = timedelta(seconds=20)
    within: float = 90.0  # seconds any one thing may take


@dataclass
class Trail:
    requests: dict[str, UUID] = field(default_factory=dict)  # purpose -> request id
    meeting_id: UUID | None = None
    record_id: UUID | None = None
    opp_id: UUID | None = None
    dispute_id: UUID | None = None
    audited: set[str] = field(default_factory=set)  # event ids seen in the audit log
    export: Path | None = None
    verified: list[str] = field(default_factory=list)  # `samen audit verify`'s lines


@dataclass(frozen=True)
class Delivery:
    """One message to one parent, with the event that sent it."""

    sent: Seen  # NotificationSent
    mail: Mail | None = None
    sms: Sms | None = None


@dataclass
class Journey:
    site: Site
    plan: RegionPlan
    desk: StaffDesk
    watch: EventWatch
    inbox: Inbox
    timeline: Timeline
    family: Family
    browsers: dict[UUID, Browser]
    options: JourneyOptions = field(default_factory=JourneyOptions)
    trail: Trail = field(default_factory=Trail)

    def badge(self, role: StaffRole) -> Badge:
        """A colleague of the family's school (or of the samenwerkingsverband)."""
        school = None if role in (StaffRole.TRAJECTBEGELEIDER,) else self.family.school
        return Badge.of(staff_member(self.plan.region, role, school))

    def person(self, role: StaffRole) -> UUID:
        return self.badge(role).person_id

    def about_pupil(self, seen: Seen) -> bool:
        return seen.envelope.subject == str(self.family.pupil_id)

    def browser(self, parent: Parent) -> Browser:
        return self.browsers[parent.guardian_id]

    async def wait(self, name: str, *, count: int = 1, **fields: object) -> list[Seen]:
        """Events of this pupil called `name` whose data has these field values."""

        def matches(seen: Seen) -> bool:
            data = seen.data
            return self.about_pupil(seen) and all(
                str(data.get(k)) == str(v) for k, v in fields.items()
            )

        return await self.watch.wait(name, matches, count=count, within=self.options.within)

    async def delivery(self, cause: Seen, parent: Parent, channel: str) -> Delivery:
        """The message `cause` sent `parent` on `channel`, as it arrived."""
        sent = (await self.watch.wait(
            "NotificationSent",
            lambda s: s.data.get("caused_by_event_id") == cause.id
            and s.data.get("recipient_id") == str(parent.guardian_id)
            and s.data.get("channel") == channel,
            within=self.options.within,
        ))[0]  # fmt: skip
        message_id = UUID(str(sent.data["message_id"]))
        if channel == "email":
            return Delivery(sent, mail=await self.inbox.mail(message_id))
        return Delivery(sent, sms=await self.inbox.text(message_id))

    def wants_sms(self, parent: Parent) -> bool:
        return self.options.expect_sms and parent.mobile is not None

    def subject(self, mail: Mail) -> str:
        """The subject as the parent read it, with the pupil's name left out."""
        return mail.subject.replace(self.family.first_name, "…")

    async def mail(self, cause: Seen, parent: Parent) -> Mail:
        """The e-mail `cause` sent `parent`, as it lies in the mail folder."""
        mail = (await self.delivery(cause, parent, "email")).mail
        assert mail is not None
        return mail


def link_in(mail: Mail, path: str) -> str:
    """The link in a message that leads to `path` (with the token it carries)."""
    found = [link for link in mail.links() if path in link]
    if not found:
        raise JourneyError(f"the message holds no link to {path}")
    return found[0]


def language_shown(mail: Mail, parent: Parent) -> str:
    """The message's language; Dutch, said so, where no text exists yet in the parent's."""
    if mail.language == parent.language:
        return mail.language
    return f"{mail.language} (no {parent.language} text for it yet)"
