"""Which incoming event sends what to whom: one readable table.

Each event type maps to one or more rules (a confirmation to the guardians and a notice
to staff are two rules). Events not in the table send nothing. Commands of this service
itself (a staff broadcast, a parent asking for a fresh link) use the same table under
`command:<name>` keys.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from samen_notifications.domain.errors import NaiveDatetime


class Channel(StrEnum):
    EMAIL = "email"
    SMS = "sms"


class Audience(StrEnum):
    GUARDIANS_WITH_AUTHORITY = "guardians_with_authority"
    # Guardians with authority and those with only the right to information
    # (BW 1:377c) whose request for information the school recorded.
    ALL_GUARDIANS = "all_guardians"
    STAFF = "staff"


class MessageKind(StrEnum):
    """Kinds a guardian can choose channels for."""

    REQUEST = "request"
    REMINDER = "reminder"
    CONFIRMATION = "confirmation"
    UPDATE = "update"
    STAFF_NOTICE = "staff_notice"


class ParentAction(StrEnum):
    NONE = "none"
    REQUIRED = "required"  # the message asks the parent to act, by a date
    OPTIONAL = "optional"  # a link is offered (withdraw, read, follow), nothing is asked


class Urgency(StrEnum):
    NORMAL = "normal"
    URGENT = "urgent"  # bypasses quiet hours and channel choices, never do-not-contact


class CalendarMethod(StrEnum):
    REQUEST = "REQUEST"
    CANCEL = "CANCEL"
    PUBLISH = "PUBLISH"  # an announcement to many: no attendees, no replies (RFC 5546)


@dataclass(frozen=True, slots=True)
class Recipients:
    audience: Audience
    staff_roles: tuple[str, ...] = ()


def staff(*roles: str) -> Recipients:
    return Recipients(Audience.STAFF, roles)


AUTHORITY = Recipients(Audience.GUARDIANS_WITH_AUTHORITY)
ALL_GUARDIANS = Recipients(Audience.ALL_GUARDIANS)
EMAIL = (Channel.EMAIL,)
EMAIL_AND_SMS = (Channel.EMAIL, Channel.SMS)
# "A meeting moved to tomorrow": from any evening hour this reaches the next day's end.
SOON = timedelta(hours=36)
STAFF_LANGUAGE = "nl"


@dataclass(frozen=True, slots=True)
class NotificationRule:
    event_type: str
    recipients: Recipients
    template: str
    kind: MessageKind
    channels: tuple[Channel, ...]
    action: ParentAction = ParentAction.NONE
    urgent_within: timedelta | None = None  # urgent when the item starts sooner than this
    calendar: CalendarMethod | None = None  # attach an .ics with this METHOD
    # A second link, to open a dispute about the pupil, where a parent may disagree
    # with what the message is about (an evaluation, a meeting's record).
    offers_dispute: bool = False

    @property
    def for_staff(self) -> bool:
        return self.recipients.audience is Audience.STAFF

    @property
    def asks_action(self) -> bool:
        return self.action is ParentAction.REQUIRED

    @property
    def carries_link(self) -> bool:
        """A guardian access link for the item goes with the message."""
        return self.action is not ParentAction.NONE

    def language_for(self, preferred: str) -> str:
        """Staff notices are Dutch; guardians get their own language."""
        return STAFF_LANGUAGE if self.for_staff else preferred


def _event(service: str) -> Callable[[str], str]:
    return lambda name: f"samen.{service}.{name}.v1"


COMMAND_PREFIX = "command:"


def command(name: str) -> str:
    """The table's key of one of this service's own commands."""
    return f"{COMMAND_PREFIX}{name}"


def _staff_notice(event_type: str, roles: tuple[str, ...], template: str) -> NotificationRule:
    return NotificationRule(event_type, staff(*roles), template, MessageKind.STAFF_NOTICE, EMAIL)


c, m, d, p = _event("consent"), _event("meetings"), _event("disputes"), _event("plans")
adm = _event("admissions")
R, K, A = NotificationRule, MessageKind, ParentAction
AUTH, ALL, BOTH = AUTHORITY, ALL_GUARDIANS, EMAIL_AND_SMS
IB, DIRECTOR = ("ib",), ("director",)
SWV = ("trajectbegeleider",)  # the samenwerkingsverband's people who follow the school

# fmt: off
GUARDIAN_RULES: tuple[NotificationRule, ...] = (
    # event type                to    template                 kind            channel parent action
    R(c("ConsentRequested"),    AUTH, "consent_request",       K.REQUEST,      BOTH,  A.REQUIRED),
    R(c("ConsentReminderDue"),  AUTH, "consent_reminder",      K.REMINDER,     BOTH,  A.REQUIRED),
    R(c("ConsentGiven"),        AUTH, "consent_given",         K.CONFIRMATION, EMAIL, A.OPTIONAL),
    R(c("ConsentRefused"),      AUTH, "consent_refused",       K.CONFIRMATION, EMAIL, A.NONE),
    R(c("ConsentWithdrawn"),    AUTH, "consent_withdrawn",     K.CONFIRMATION, EMAIL, A.NONE),
    R(m("MeetingScheduled"),    AUTH, "meeting_invitation",    K.REQUEST,      BOTH,  A.REQUIRED,
      calendar=CalendarMethod.REQUEST),
    R(m("MeetingRescheduled"),  AUTH, "meeting_rescheduled",   K.REQUEST,      BOTH,  A.REQUIRED,
      urgent_within=SOON, calendar=CalendarMethod.REQUEST),
    R(m("MeetingCancelled"),    AUTH, "meeting_cancelled",     K.UPDATE,       BOTH,  A.NONE,
      urgent_within=SOON, calendar=CalendarMethod.CANCEL),
    R(m("MeetingReminderDue"),  AUTH, "meeting_reminder",      K.REMINDER,     BOTH,  A.OPTIONAL),
    R(m("MeetingRecorded"),     ALL,  "meeting_recorded",      K.UPDATE,       EMAIL, A.REQUIRED,
      offers_dispute=True),
    R(m("EvaluationDue"),       AUTH, "evaluation_due",        K.UPDATE,       EMAIL, A.NONE,
      offers_dispute=True),  # an agreement's evaluation; the OPP's comes from plans
    R(p("EvaluationDue"),       AUTH, "evaluation_due",        K.UPDATE,       EMAIL, A.NONE,
      offers_dispute=True),
    R(p("ActionPartNotSet"),    AUTH, "action_part_not_set",   K.UPDATE,       EMAIL, A.NONE,
      offers_dispute=True),
    R(p("ActionPartSet"),       AUTH, "action_part_set",       K.CONFIRMATION, EMAIL, A.NONE),
    R(d("DisputeOpened"),       AUTH, "dispute_opened",        K.CONFIRMATION, EMAIL, A.OPTIONAL),
    R(d("DisputeStageChanged"), AUTH, "dispute_stage_changed", K.UPDATE,       EMAIL, A.OPTIONAL),
    # The samenwerkingsverband's decisions (ADR 0009): the letter states the parents' rights.
    R(adm("AdmissionRequestDrafted"),   AUTH, "admission_request_drafted",   K.REQUEST,
      EMAIL, A.OPTIONAL),  # read the request and add the parents' view; no date is asked
    R(adm("AdmissionRequested"),        AUTH, "admission_requested",         K.CONFIRMATION,
      EMAIL, A.OPTIONAL),
    R(adm("AdmissionGranted"),          AUTH, "admission_granted",           K.UPDATE,
      EMAIL, A.OPTIONAL),
    R(adm("AdmissionRefused"),          AUTH, "admission_refused",           K.UPDATE,
      EMAIL, A.OPTIONAL),
    R(adm("AdmissionEndApproaching"),   AUTH, "admission_end_approaching",   K.UPDATE,
      EMAIL, A.NONE),
    R(adm("AdmissionExtended"),         AUTH, "admission_extended",          K.UPDATE,
      EMAIL, A.OPTIONAL),
    R(adm("AdmissionObjectionLodged"),  AUTH, "admission_objection_lodged",  K.CONFIRMATION,
      EMAIL, A.OPTIONAL),
    R(adm("AdmissionObjectionDecided"), AUTH, "admission_objection_decided", K.UPDATE,
      EMAIL, A.OPTIONAL),
    R(adm("ThuiszitterReported"),       AUTH, "thuiszitter_reported",        K.UPDATE,
      EMAIL, A.NONE),
)

STAFF_RULES: tuple[NotificationRule, ...] = (
    #             event type                    staff roles          template
    _staff_notice(c("ConsentGiven"),            IB,                  "staff_consent_given"),
    _staff_notice(c("ConsentRefused"),          IB,                  "staff_consent_refused"),
    _staff_notice(c("ConsentWithdrawn"),        IB,                  "staff_consent_withdrawn"),
    _staff_notice(m("EvaluationDue"),           IB,                  "staff_evaluation_due"),
    _staff_notice(p("EvaluationDue"),           IB,                  "staff_evaluation_due"),
    _staff_notice(p("EvaluationOverdue"),       IB + DIRECTOR + SWV, "staff_evaluation_overdue"),
    _staff_notice(p("OppOverdue"),              IB + DIRECTOR + SWV, "staff_opp_overdue"),
    _staff_notice(p("ActionPartNotSet"),        IB,                  "staff_action_part_not_set"),
    _staff_notice(d("DisputeOpened"),           IB + DIRECTOR,       "staff_dispute_opened"),
    _staff_notice(d("DisputeStageChanged"),     DIRECTOR,            "staff_dispute_stage_changed"),
    _staff_notice(adm("AdmissionGranted"),      IB,                  "staff_admission_granted"),
    _staff_notice(adm("AdmissionRefused"),      IB,                  "staff_admission_refused"),
    _staff_notice(adm("AdmissionEndApproaching"),
                  IB + DIRECTOR,       "staff_admission_end_approaching"),
    _staff_notice(adm("RegistrationOverdue"),   IB + DIRECTOR + SWV, "staff_registration_overdue"),
    _staff_notice(adm("ThuiszitterReported"),   IB + DIRECTOR + SWV, "staff_thuiszitter_reported"),
)

BROADCAST = command("broadcast")
LINK_RENEWAL = command("link_renewal")
PREFERENCES_LINK = command("preferences_link")

COMMAND_RULES: tuple[NotificationRule, ...] = (
    #  command           to   template            kind            channel parent action
    R(BROADCAST,         ALL, "broadcast",        K.UPDATE,       EMAIL, A.NONE),
    R(LINK_RENEWAL,      ALL, "link_renewal",     K.REQUEST,      BOTH,  A.OPTIONAL),
    R(PREFERENCES_LINK,  ALL, "preferences_link", K.CONFIRMATION, EMAIL, A.OPTIONAL),
)
# fmt: on

RULES: tuple[NotificationRule, ...] = GUARDIAN_RULES + STAFF_RULES + COMMAND_RULES
del c, m, d, p, adm, R, K, A, AUTH, ALL, BOTH, IB, DIRECTOR, SWV  # the table's shorthand only


def rules_for(event_type: str) -> tuple[NotificationRule, ...]:
    """The rules an event triggers; empty for events that send nothing."""
    return tuple(rule for rule in RULES if rule.event_type == event_type)


def rule_named(key: str, template: str) -> NotificationRule:
    """The rule of `key` that writes `template`; LookupError when the table has none."""
    for rule in rules_for(key):
        if rule.template == template:
            return rule
    raise LookupError(f"no rule for {key!r} with template {template!r}")


def urgency_of(rule: NotificationRule, now: datetime, item_starts_at: datetime | None) -> Urgency:
    """Urgent when the item (a meeting) starts within the rule's window from now."""
    if rule.urgent_within is None or item_starts_at is None:
        return Urgency.NORMAL
    if now.tzinfo is None or item_starts_at.tzinfo is None:
        raise NaiveDatetime("urgency needs time-zone aware datetimes")
    soon = item_starts_at - now <= rule.urgent_within
    return Urgency.URGENT if soon else Urgency.NORMAL
