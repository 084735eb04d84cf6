"""Hypothesis strategies the due-scan property tests share: instants in UTC and days
around them."""

from __future__ import annotations

from datetime import UTC, date, datetime

from hypothesis import strategies as st

instants = st.datetimes(
    min_value=datetime(2022, 1, 1), max_value=datetime(2030, 12, 31), timezones=st.just(UTC)
)
days = st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31))
