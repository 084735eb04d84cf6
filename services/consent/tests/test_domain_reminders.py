"""Reminders for parties who have not answered, each emitted once."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from uuid import UUID, uuid4

import pytest
from samen_consent.domain.codes import DefaultPurpose
from samen_consent.domain.decisions import ReminderDue, decision_id
from samen_consent.domain.evidence import Act
from samen_consent.domain.parties import PartyRole
from samen_consent.domain.purposes import default_purpose
from samen_consent.domain.reminders import ReminderPolicy, remind
from samen_consent.domain.request import ConsentRequest
from samen_consent.domain.transitions import answer

from services.consent.tests.consent_factories import asked, on_the_page, with_authority

pytestmark = pytest.mark.unit

MONDAY = datetime(2025, 9, 1, 8, 0, tzinfo=UTC)
MUM, DAD = uuid4(), uuid4()
WEEKLY_TWICE = ReminderPolicy(after_days=7, max_reminders=2)


def ask() -> ConsentRequest:
    return asked(
        default_purpose(DefaultPurpose.PREVENTIVE_SUPPORT), with_authority(MUM, DAD), at=MONDAY
    )


def agreed_by(request: ConsentRequest, party: UUID, at: datetime) -> ConsentRequest:
    evidence = on_the_page(request, party, Act.AGREE, at)
    return answer(request, evidence).request


def reminders(request: ConsentRequest, now: datetime) -> list[tuple[UUID, int]]:
    outcome = remind(request, now, WEEKLY_TWICE)
    due = [d for d in outcome.decisions if isinstance(d, ReminderDue)]
    return [(d.party_id, d.number) for d in due]


def test_no_reminder_before_the_configured_number_of_days() -> None:
    assert reminders(ask(), MONDAY + timedelta(days=6, hours=23)) == []


def test_after_the_configured_days_each_silent_guardian_gets_a_first_reminder() -> None:
    due = reminders(ask(), MONDAY + timedelta(days=7))
    assert sorted(due) == sorted([(MUM, 1), (DAD, 1)])


def test_a_guardian_who_answered_gets_no_reminder() -> None:
    request = agreed_by(ask(), MUM, MONDAY + timedelta(days=1))
    assert reminders(request, MONDAY + timedelta(days=7)) == [(DAD, 1)]


def test_a_reminder_is_emitted_once_however_often_the_sweep_runs() -> None:
    first = remind(ask(), MONDAY + timedelta(days=7), WEEKLY_TWICE)
    assert len(first.decisions) == 2
    assert remind(first.request, MONDAY + timedelta(days=8), WEEKLY_TWICE).decisions == ()


def test_the_second_reminder_comes_a_period_later_and_then_they_stop() -> None:
    request = remind(ask(), MONDAY + timedelta(days=7), WEEKLY_TWICE).request
    second = remind(request, MONDAY + timedelta(days=14), WEEKLY_TWICE)
    assert {d.number for d in second.decisions if isinstance(d, ReminderDue)} == {2}
    assert remind(second.request, MONDAY + timedelta(days=60), WEEKLY_TWICE).decisions == ()


def test_a_sweep_that_was_down_sends_only_the_latest_reminder_not_a_burst() -> None:
    assert sorted(reminders(ask(), MONDAY + timedelta(days=20))) == sorted([(MUM, 2), (DAD, 2)])


def test_a_reminder_is_dated_when_it_fell_due_and_its_id_is_stable() -> None:
    late = remind(ask(), MONDAY + timedelta(days=9), WEEKLY_TWICE)
    request = late.request
    due = [d for d in late.decisions if isinstance(d, ReminderDue)]
    assert {d.at for d in due} == {MONDAY + timedelta(days=7)}
    assert {d.role for d in due} == {PartyRole.GUARDIAN}
    again = ReminderDue(
        request.request_id,
        request.pupil_id,
        request.purpose.code,
        due[0].at,
        party_id=due[0].party_id,
        role=PartyRole.GUARDIAN,
        number=1,
    )
    assert decision_id(again) == decision_id(due[0])


def test_a_closed_request_gets_no_reminders() -> None:
    request = agreed_by(agreed_by(ask(), MUM, MONDAY), DAD, MONDAY + timedelta(hours=1))
    assert reminders(request, MONDAY + timedelta(days=7)) == []


def test_a_policy_without_reminders_sends_none() -> None:
    outcome = remind(ask(), MONDAY + timedelta(days=30), ReminderPolicy(7, 0))
    assert outcome.decisions == ()
