"""What an export's report counts, from the entries alone.

Facts are recognised by their CloudEvents type string, so a type another service
has not defined yet simply counts zero. Pure: the caller gives the day the report
looks from (``as_of``) and the time zone in which an instant becomes a day.
"""

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, tzinfo

from samen_audit.domain.disputes_timeline import DisputeSpan, dispute_spans
from samen_audit.domain.entry_view import EntryView
from samen_audit.domain.evaluations import SchoolEvaluations, evaluations_per_school
from samen_audit.domain.opps_set import SchoolOpps, opps_set_per_school

CONSENT_TYPES = {
    "asked": "samen.consent.ConsentRequested.v1",
    "given": "samen.consent.ConsentGiven.v1",
    "refused": "samen.consent.ConsentRefused.v1",
    "withdrawn": "samen.consent.ConsentWithdrawn.v1",
    "expired": "samen.consent.ConsentExpired.v1",
}
MEETING_TYPES = {
    "scheduled": "samen.meetings.MeetingScheduled.v1",
    "held": "samen.meetings.MeetingRecorded.v1",
    "cancelled": "samen.meetings.MeetingCancelled.v1",
}
MESSAGE_TYPES = {
    "sent": "samen.notifications.NotificationSent.v1",
    "delivered": "samen.notifications.NotificationDelivered.v1",
    "failed": "samen.notifications.NotificationFailed.v1",
    "unreachable": "samen.notifications.GuardianUnreachable.v1",
}


@dataclass(frozen=True)
class MeetingCounts:
    scheduled: int = 0
    held: int = 0
    cancelled: int = 0


@dataclass(frozen=True)
class Figures:
    entries: int
    unreadable: int
    erased: int
    consents: Mapping[str, int]
    meetings: Mapping[str, MeetingCounts]
    evaluations: list[SchoolEvaluations]
    disputes: list[DisputeSpan]
    messages: Mapping[str, int]
    flagged: Mapping[str, int] = field(default_factory=dict)
    opps: list[SchoolOpps] = field(default_factory=list)
    erased_by_basis: Mapping[str, int] = field(default_factory=dict)  # basis code -> entries


def figures(
    views: Iterable[EntryView],
    *,
    unreadable: int,
    erased: int,
    as_of: date,
    zone: tzinfo,
    flagged: Mapping[str, int] | None = None,
) -> Figures:
    seen = list(views)
    types = Counter(view.event_type for view in seen)
    return Figures(
        entries=len(seen) + unreadable + erased,
        unreadable=unreadable,
        erased=erased,
        consents={name: types[kind] for name, kind in CONSENT_TYPES.items()},
        meetings=_meetings(seen),
        evaluations=evaluations_per_school(seen, as_of),
        disputes=dispute_spans(seen, as_of, zone),
        messages={name: types[kind] for name, kind in MESSAGE_TYPES.items()},
        flagged=dict(flagged or {}),
        opps=opps_set_per_school(seen, as_of),
    )


def _meetings(views: Iterable[EntryView]) -> dict[str, MeetingCounts]:
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    wanted = {kind: name for name, kind in MEETING_TYPES.items()}
    for view in views:
        name = wanted.get(view.event_type)
        kind = view.data.get("kind")
        if name is not None and isinstance(kind, str):
            counts[kind][name] += 1
    return {
        kind: MeetingCounts(tally["scheduled"], tally["held"], tally["cancelled"])
        for kind, tally in sorted(counts.items())
    }
