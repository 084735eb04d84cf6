"""Each dispute from its opening to its end, with how many days that took.

Opened by `DisputeOpened`; ended by `DisputeResolved`, `DisputeDecided` or
`DisputeWithdrawn`. A dispute still open counts its days up to ``as_of``.
Days are calendar days in the report's time zone.
"""

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, tzinfo

from samen_audit.domain.entry_view import EntryView

DISPUTE_OPENED = "samen.disputes.DisputeOpened.v1"
ENDINGS = {
    "samen.disputes.DisputeResolved.v1": "resolved",
    "samen.disputes.DisputeDecided.v1": "decided",
    "samen.disputes.DisputeWithdrawn.v1": "withdrawn",
}


@dataclass(frozen=True)
class DisputeSpan:
    dispute_id: str
    school: str | None
    subject: str | None
    opened_on: date | None
    ended_on: date | None = None
    ending: str | None = None  # resolved, decided, withdrawn; None while open
    days: int | None = None


def dispute_spans(views: Iterable[EntryView], as_of: date, zone: tzinfo) -> list[DisputeSpan]:
    spans: dict[str, DisputeSpan] = {}
    for view in views:
        dispute_id = view.text("dispute_id")
        day = view.time.astimezone(zone).date() if view.time else None
        if dispute_id is None:
            continue
        if view.event_type == DISPUTE_OPENED:
            known = spans.get(dispute_id)
            opened = DisputeSpan(dispute_id, view.school, view.text("subject"), day)
            spans[dispute_id] = replace(known, opened_on=day) if known else opened
        elif view.event_type in ENDINGS:
            known = spans.get(dispute_id) or DisputeSpan(
                dispute_id, view.school, view.text("subject"), None
            )
            spans[dispute_id] = replace(known, ended_on=day, ending=ENDINGS[view.event_type])
    return [_with_days(span, as_of) for span in sorted(spans.values(), key=_order)]


def _with_days(span: DisputeSpan, as_of: date) -> DisputeSpan:
    if span.opened_on is None:
        return span
    until = span.ended_on or as_of
    return replace(span, days=(until - span.opened_on).days)


def _order(span: DisputeSpan) -> tuple[date, str]:
    return (span.opened_on or span.ended_on or date.min, span.dispute_id)


@dataclass(frozen=True)
class DisputeTotals:
    count: int
    still_open: int
    endings: dict[str, int]
    median_days: float | None  # over ended disputes whose opening is in the export
    mean_days: float | None


def dispute_totals(spans: Iterable[DisputeSpan]) -> DisputeTotals:
    listed = list(spans)
    endings = {ending: 0 for ending in ENDINGS.values()}
    for span in listed:
        if span.ending is not None:
            endings[span.ending] += 1
    durations = sorted(s.days for s in listed if s.ending is not None and s.days is not None)
    return DisputeTotals(
        count=len(listed),
        still_open=sum(1 for span in listed if span.ending is None),
        endings=endings,
        median_days=_median(durations),
        mean_days=round(sum(durations) / len(durations), 1) if durations else None,
    )


def _median(values: list[int]) -> float | None:
    if not values:
        return None
    middle = len(values) // 2
    if len(values) % 2:
        return float(values[middle])
    return (values[middle - 1] + values[middle]) / 2
