"""A message handed back unsent is due again at once and its lease cost no attempt;
one whose lease another sender has taken since stays theirs."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from uuid import UUID, uuid4

import pytest
from samen_kit.db import create_engine, unit_of_work
from samen_kit.testing.schema import sql, upgrade_to
from samen_notifications.adapters import messages
from samen_notifications.migrations import MIGRATIONS
from sqlalchemy.ext.asyncio import async_sessionmaker

pytestmark = pytest.mark.integration

NOW = datetime(2026, 12, 7, 6, 0, tzinfo=UTC)
LEASE = timedelta(seconds=30)


async def _planned(url: str, tenant: str) -> UUID:
    """One e-mail due a minute ago, of a notification of its own."""
    notification, message = uuid4(), uuid4()
    await sql(
        url,
        "INSERT INTO notification (id, tenant, pupil_id, recipient_kind, recipient_id,"
        " rule_key, template, cause_id, correlation_id, urgent, facts, status, waiting_since)"
        " VALUES (:n, :t, :p, 'guardian', :g, 'consent.requested', 'consent_request', :c,"
        " 'corr', false, CAST('{}' AS jsonb), 'planned', :at)",
        n=notification, t=tenant, p=uuid4(), g=uuid4(), c=uuid4(), at=NOW,
    )  # fmt: skip
    await sql(
        url,
        "INSERT INTO message (id, notification_id, tenant, channel, status, not_before,"
        " attempts, fallback) VALUES (:m, :n, :t, 'email', 'planned', :at, 0, false)",
        m=message, n=notification, t=tenant, at=NOW - timedelta(minutes=1),
    )  # fmt: skip
    return message


async def test_a_late_message_is_handed_back_but_not_one_another_sender_took(
    make_database: Callable[[str], str],
) -> None:
    url = make_database("notifications_leases")
    await upgrade_to(url, MIGRATIONS)
    mine, taken = await _planned(url, "swv-leases"), await _planned(url, "swv-leases")
    engine = create_engine(url)
    sessions = async_sessionmaker(engine, expire_on_commit=False)
    try:
        async with unit_of_work(sessions) as session:
            claimed = await messages.claim_due(session, NOW, NOW + LEASE, 10)
        assert {m.id for m in claimed} == {mine, taken}
        later = NOW + 2 * LEASE  # the lease ran out; another sender leased `taken` anew
        await sql(url, "UPDATE message SET lease_until = :u WHERE id = :m", u=later, m=taken)

        async with unit_of_work(sessions) as session:
            await messages.hand_back(session, [(m.id, NOW + LEASE) for m in claimed])

        rows = await sql(url, "SELECT id, status, attempts, lease_until FROM message")
        state = {row[0]: (row[1], row[2], row[3]) for row in rows}
        assert state[mine] == ("planned", 0, None)
        assert state[taken] == ("sending", 1, later)
        async with unit_of_work(sessions) as session:
            again = await messages.claim_due(session, NOW, NOW + LEASE, 10)
        assert [m.id for m in again] == [mine]
    finally:
        await engine.dispose()
