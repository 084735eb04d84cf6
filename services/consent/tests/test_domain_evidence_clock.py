"""When consent evidence starts its two years: leaving, or the last consent withdrawn
or expired — never while a consent is still given or asked."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st
from samen_consent.domain.evidence_clock import RequestHistory, evidence_clock_starts
from samen_consent.domain.request import RequestState

GIVEN_AT = datetime(2026, 9, 1, 10, tzinfo=UTC)
LEFT = date(2029, 7, 17)


def _withdrawn(on: datetime) -> RequestHistory:
    return RequestHistory(RequestState.WITHDRAWN, GIVEN_AT, on, None)


def _expired(end: datetime) -> RequestHistory:
    return RequestHistory(RequestState.EXPIRED, GIVEN_AT, end, end)


GIVEN = RequestHistory(RequestState.GIVEN, GIVEN_AT, None, None)
OPEN = RequestHistory(RequestState.OPEN, None, None, None)
REFUSED = RequestHistory(RequestState.REFUSED, None, GIVEN_AT, None)


def test_a_pupil_still_at_school_whose_consent_was_withdrawn_starts_the_clock_that_day() -> None:
    withdrawn = datetime(2027, 3, 2, 23, 30, tzinfo=UTC)  # already 3 March in Amsterdam
    assert evidence_clock_starts(None, [_withdrawn(withdrawn)]) == date(2027, 3, 3)


def test_the_clock_starts_at_the_last_consent_that_ended() -> None:
    first, last = datetime(2027, 1, 10, tzinfo=UTC), datetime(2028, 6, 1, tzinfo=UTC)
    history = [_withdrawn(first), _expired(last), REFUSED]
    assert evidence_clock_starts(None, history) == date(2028, 6, 1)


def test_a_consent_still_given_or_asked_keeps_the_clock_at_leaving_only() -> None:
    ended = _withdrawn(datetime(2027, 1, 10, tzinfo=UTC))
    assert evidence_clock_starts(None, [ended, GIVEN]) is None
    assert evidence_clock_starts(None, [ended, OPEN]) is None
    assert evidence_clock_starts(LEFT, [ended, GIVEN]) == LEFT


def test_refusals_alone_start_no_clock_before_leaving() -> None:
    assert evidence_clock_starts(None, [REFUSED]) is None
    assert evidence_clock_starts(LEFT, [REFUSED]) == LEFT


moments = st.datetimes(
    min_value=datetime(2020, 1, 1), max_value=datetime(2040, 1, 1), timezones=st.just(UTC)
)
states = st.sampled_from(list(RequestState))
maybe = st.none() | moments
histories = st.lists(st.builds(RequestHistory, states, maybe, maybe, maybe), max_size=5)


@given(left=st.none() | st.dates(), history=histories)
def test_the_clock_never_starts_later_than_leaving_nor_while_a_consent_is_relied_on(
    left: date | None, history: list[RequestHistory]
) -> None:
    start = evidence_clock_starts(left, history)
    if left is not None:
        assert start is not None and start <= left
    relied_on = any(r.state in (RequestState.GIVEN, RequestState.OPEN) for r in history)
    if relied_on:
        assert start == left
    if start is not None and start != left:
        stops = [r.stopped_being_relied_on() for r in history]
        assert any(s is not None and abs(s.date() - start) <= timedelta(days=1) for s in stops)
