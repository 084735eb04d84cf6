"""The running notifications service, scraped over real HTTP: messages sent, delivered
and failed per channel, its outbox drained, its consumers caught up and timed."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from prometheus_client.parser import text_string_to_metric_families
from samen_kit.testing.names import new_tenant
from samen_kit.testing.waiting import wait_for

from services.notifications.tests.notifications_harness import Running, StartService
from services.notifications.tests.test_flow_failures import _consent_given

pytestmark = pytest.mark.integration

Samples = dict[tuple[str, tuple[tuple[str, str], ...]], float]
SERVICE = (("service", "notifications"),)


def message(channel: str, outcome: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    return ("samen_notifications_messages_total", (("channel", channel), ("outcome", outcome)))


async def scrape(running: Running) -> Samples:
    response = await running.http.get("/metrics")
    assert response.status_code == 200
    return {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(response.text)
        for s in family.samples
    }


def moved(before: Samples, after: Samples, key: Any) -> float:
    return after.get(key, 0) - before.get(key, 0)


def handled_batches(samples: Samples) -> float:
    return sum(v for (name, _), v in samples.items() if name == "samen_handler_seconds_count")


async def test_a_refused_email_and_the_delivered_sms_after_it_are_counted_per_channel(
    running_service: StartService,
) -> None:
    tenant, school, guardian = new_tenant(), uuid.uuid4(), uuid.uuid4()
    async with running_service() as running:
        before = await scrape(running)
        await _consent_given(
            running,
            tenant,
            school,
            # The local mail server refuses this domain; the SMS simulator delivers.
            {"guardian_id": str(guardian), "email": "ouder@bounce.invalid", "mobile": "0612345678"},
        )
        await wait_for(lambda: running.bus(tenant, "NotificationDelivered"))

        async def settled() -> Samples | None:
            found = await scrape(running)
            drained = found.get(("samen_outbox_backlog", SERVICE)) == 0
            return found if drained and moved(before, found, message("sms", "delivered")) else None

        after = await wait_for(settled)

    assert moved(before, after, message("email", "failed")) == 1
    assert moved(before, after, message("sms", "sent")) == 1
    assert moved(before, after, message("sms", "delivered")) == 1
    assert moved(before, after, message("email", "sent")) == 0
    # Failed, sent and delivered went out through the outbox, and nothing waits there.
    assert moved(before, after, ("samen_outbox_published_total", SERVICE)) >= 3
    assert after[("samen_outbox_oldest_age_seconds", SERVICE)] == 0
    assert handled_batches(after) > handled_batches(before)
    lags = {k: v for k, v in after.items() if k[0] == "samen_consumer_lag"}
    assert lags, "each consumer group reports its lag"
    assert tenant not in str(after) and str(guardian) not in str(after)
