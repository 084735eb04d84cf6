"""What every fault test prints and asserts after its count: one JSON line, then nothing
lost, nothing doubled, repeats only of what was in flight."""

from __future__ import annotations

import json

import pytest
from samen_notifications.settings import NotificationsSettings

from tests.e2e.faults.faults_phase import PhaseCount

_DISPATCH = NotificationsSettings.model_fields
# What a dispatcher can hold at once: each worker leases one batch.
IN_FLIGHT = int(_DISPATCH["dispatch_batch_size"].default) * int(
    _DISPATCH["dispatch_workers"].default
)
# What the dispatcher may have sent and not yet settled when the database goes away: one
# message per SMTP connection (it sends nothing more until settling works again).
SMTP_CONNECTIONS = int(_DISPATCH["smtp_connections"].default)


def show(
    count: PhaseCount,
    capsys: pytest.CaptureFixture[str],
    *,
    beside_repeated: dict[str, int] | None = None,
    first: dict[str, object] | None = None,
) -> None:
    """One JSON line; `first` (say, the load's size) before the counts."""
    shown: dict[str, object] = dict(first or {})
    for key, value in count.as_dict().items():
        shown[key] = value
        if key == "repeated":
            shown |= beside_repeated or {}
    with capsys.disabled():
        print(json.dumps(shown, sort_keys=False), flush=True)


def assert_nothing_lost_or_doubled(
    count: PhaseCount, *, repeats_allowed: int, answered: int
) -> None:
    mail, answers, audit = count.mail, count.answers, count.audit
    assert (mail.received, mail.recipients, mail.lost) == (mail.sent, mail.sent, 0), count.as_dict()
    assert (mail.doubled, mail.misaddressed) == (0, 0), count.as_dict()
    assert mail.repeated <= repeats_allowed, count.as_dict()
    assert (answers.lost, answers.doubled) == (0, 0), count.as_dict()
    assert answers.sent == answers.recorded == answers.on_bus == answered, count.as_dict()
    assert count.sent_events == {1: mail.sent}, count.as_dict()
    assert (audit.missing, audit.repeated, audit.without_id) == (0, 0, 0), count.as_dict()
    assert audit.other_tenants == 0, count.as_dict()
    assert audit.verified, count.as_dict()
    owners = count.owners
    assert owners.opps_set == owners.opps, count.as_dict()
    assert (owners.opps_lost, owners.opps_doubled) == (0, 0), count.as_dict()
    assert owners.tlvs_granted == owners.tlvs, count.as_dict()
    assert (owners.tlvs_lost, owners.tlvs_doubled) == (0, 0), count.as_dict()
    assert (owners.portal_lost, owners.portal_unknown) == (0, 0), count.as_dict()
    assert count.dead_letters == 0, count.as_dict()
