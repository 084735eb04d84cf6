"""Retention in the notifications service on a real PostgreSQL: two years after the
pupil left, their first name, their guardians' contact points (unless a sibling is still
at school) and their messages' facts, provider ids and short links are gone; statuses
and times stay; two sweeps at once erase once, and a legal hold keeps everything."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from uuid import UUID, uuid4

import pytest
from samen_kit.clock import FakeClock
from samen_kit.testing.retention import RetentionWorld, migrated, pupil_left, run
from samen_notifications.adapters.retention import ERASERS
from samen_notifications.migrations import MIGRATIONS

pytestmark = pytest.mark.integration

LEFT = date(2026, 7, 17)
NOW = datetime(2026, 9, 1, 9, tzinfo=UTC)


@dataclass
class World(RetentionWorld):
    service = "notifications"
    erasers = ERASERS

    only_child_guardian: UUID
    sibling_guardian: UUID


async def _guardian(world: World, guardian: UUID, pupils: list[UUID]) -> None:
    await run(
        world.sessions,
        "INSERT INTO guardian_contact (tenant, guardian_id, email, mobile, language,"
        " quiet_start, quiet_end, do_not_contact)"
        " VALUES (:t, :g, :e, '+31612345678', 'nl', '21:00', '07:00', false)",
        t=world.tenant, g=guardian, e=f"{guardian.hex[:6]}@example.org",
    )  # fmt: skip
    for pupil in pupils:
        await run(
            world.sessions,
            "INSERT INTO roster_guardianship VALUES (:t, :p, :g, 'parental_authority')",
            t=world.tenant, p=pupil, g=guardian,
        )  # fmt: skip


async def _message(world: World, guardian: UUID) -> None:
    notification, message = uuid4(), uuid4()
    await run(
        world.sessions,
        "INSERT INTO notification (id, tenant, pupil_id, recipient_kind, recipient_id,"
        " rule_key, template, cause_id, correlation_id, urgent, facts, status, waiting_since)"
        " VALUES (:n, :t, :p, 'guardian', :g, 'consent.requested', 'consent_request', :c,"
        " 'corr', false, CAST(:f AS jsonb), 'sent', :at)",
        n=notification, t=world.tenant, p=world.pupil, g=guardian, c=uuid4(),
        f='{"purpose": "mdo"}', at=NOW,
    )  # fmt: skip
    await run(
        world.sessions,
        "INSERT INTO message (id, notification_id, tenant, channel, status, not_before,"
        " attempts, fallback, provider_id, sent_at) VALUES (:m, :n, :t, 'sms', 'delivered',"
        " :at, 1, false, 'prov-123', :at)",
        m=message, n=notification, t=world.tenant, at=NOW,
    )  # fmt: skip
    await run(
        world.sessions,
        "INSERT INTO short_link (code, message_id, tenant, target_url, expires_at)"
        " VALUES (:c, :m, :t, 'https://ouders.example/t?token=secret', :at)",
        c=uuid4().hex[:8], m=message, t=world.tenant, at=NOW,
    )  # fmt: skip


@pytest.fixture
async def world(postgres_server_url: str) -> AsyncIterator[World]:
    async with migrated(postgres_server_url, "notif_retention", MIGRATIONS) as sessions:
        world = World(sessions, FakeClock(NOW), "swv-r", uuid4(), uuid4(), uuid4())
        school, sibling = uuid4(), uuid4()
        await pupil_left(sessions, world.tenant, world.pupil, school, LEFT)
        await run(
            sessions,
            "INSERT INTO roster_pupil (tenant, pupil_id, school_id) VALUES (:t, :p, :s)",
            t=world.tenant, p=sibling, s=school,
        )  # fmt: skip
        await run(
            sessions,
            "INSERT INTO pupil_name VALUES (:t, :p, 'Sanne')",
            t=world.tenant, p=world.pupil,
        )  # fmt: skip
        await _guardian(world, world.only_child_guardian, [world.pupil])
        await _guardian(world, world.sibling_guardian, [world.pupil, sibling])
        await _message(world, world.only_child_guardian)
        yield world


async def _contacts(world: World) -> dict[UUID, tuple[str | None, str | None]]:
    rows = await run(world.sessions, "SELECT guardian_id, email, mobile FROM guardian_contact")
    return {row[0]: (row[1], row[2]) for row in rows}


async def _messages(world: World) -> list[tuple[object, ...]]:
    return await run(
        world.sessions,
        "SELECT n.facts, n.status, m.status, m.provider_id, m.sent_at IS NOT NULL,"
        " (SELECT count(*) FROM short_link s WHERE s.message_id = m.id)"
        " FROM notification n JOIN message m ON m.notification_id = n.id",
    )


async def test_two_years_after_leaving_contacts_and_messages_go_once(world: World) -> None:
    today, contacts = await world.swept_today_and_two_years_on(lambda: _contacts(world))

    assert today[world.only_child_guardian][0] is not None
    assert contacts[world.only_child_guardian] == (None, None)
    assert contacts[world.sibling_guardian][0] is not None  # a sibling is still at school
    names = await run(world.sessions, "SELECT first_name FROM pupil_name")
    assert names == [(None,)]
    assert await _messages(world) == [({}, "sent", "delivered", None, True, 0)]
    assert sorted(await world.erased("kind", "count")) == [
        ("messages", 3),  # the facts, the provider id, the short link
        ("roster_contact", 2),  # the first name, one guardian's contact points
    ]
    assert set(await world.erased("pupil_id")) == {(str(world.pupil),)}


async def test_a_legal_hold_keeps_contacts_and_messages(world: World) -> None:
    await world.swept_two_years_on_under_a_hold("dispute:x", LEFT)
    assert (await _contacts(world))[world.only_child_guardian][0] is not None
    assert await world.erased() == []
