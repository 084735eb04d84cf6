"""Step-up rules: a one-time code confirms the guardian before a sensitive action."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from uuid import uuid4

import pytest
from samen_kit.access.guardian import GuardianItem
from samen_kit.access.step_up import (
    Answer,
    Challenge,
    SendDecision,
    StepUpPolicy,
    answer,
    attempts_left,
    hash_code,
    issue,
    lock_on,
    may_send,
    new_code,
    wrong_lately,
)

pytestmark = pytest.mark.unit

SECRET = b"a step-up secret of at least thirty-two bytes"
NOW = datetime(2026, 3, 3, 9, 0, tzinfo=UTC)
POLICY = StepUpPolicy()


def a_challenge(code: str = "123456", *, at: datetime = NOW) -> Challenge:
    return issue(
        challenge_id=uuid4(),
        guardian_id=uuid4(),
        pupil_id=uuid4(),
        item=GuardianItem.of("consent_request", uuid4()),
        tenant="swv-2801",
        code=code,
        secret=SECRET,
        now=at,
    )


def test_a_new_code_is_six_digits() -> None:
    codes = {new_code() for _ in range(50)}
    assert all(len(code) == 6 and code.isdigit() for code in codes)
    assert len(codes) > 1


def test_the_challenge_keeps_a_keyed_hash_and_never_the_code() -> None:
    challenge = a_challenge("424242")
    assert "424242" not in challenge.code_hash
    assert challenge.code_hash == hash_code(SECRET, challenge.id, "424242")
    assert challenge.code_hash != hash_code(
        b"another secret entirely, 32 bytes+", challenge.id, "424242"
    )


def test_the_same_code_hashes_differently_for_another_challenge() -> None:
    assert hash_code(SECRET, uuid4(), "000000") != hash_code(SECRET, uuid4(), "000000")


def test_a_guardian_who_types_the_right_code_is_confirmed_once() -> None:
    outcome, confirmed = answer(a_challenge("123456"), " 123456 ", secret=SECRET, now=NOW)
    assert outcome is Answer.CONFIRMED
    assert confirmed.confirmed_at == NOW

    again, _ = answer(confirmed, "123456", secret=SECRET, now=NOW)
    assert again is Answer.USED


def test_a_guardian_who_types_a_wrong_code_is_told_how_many_attempts_are_left() -> None:
    outcome, after = answer(a_challenge("123456"), "654321", secret=SECRET, now=NOW)
    assert outcome is Answer.WRONG
    assert attempts_left(after) == 2


def test_a_wrong_code_three_times_locks_the_action() -> None:
    challenge = a_challenge("123456")
    outcomes = []
    for wrong in ("000001", "000002", "000003"):
        outcome, challenge = answer(challenge, wrong, secret=SECRET, now=NOW)
        outcomes.append(outcome)
    assert outcomes == [Answer.WRONG, Answer.WRONG, Answer.LOCKED]
    assert challenge.locked_until == NOW + POLICY.lock_for


def test_a_locked_challenge_refuses_even_the_right_code_until_the_lock_ends() -> None:
    challenge = a_challenge("123456")
    for _ in range(3):
        _, challenge = answer(challenge, "999999", secret=SECRET, now=NOW)

    outcome, unchanged = answer(challenge, "123456", secret=SECRET, now=NOW + timedelta(minutes=5))
    assert outcome is Answer.LOCKED
    assert unchanged == challenge


def test_a_code_typed_after_it_expired_is_refused_without_counting_an_attempt() -> None:
    challenge = a_challenge("123456")
    later = NOW + POLICY.code_ttl
    outcome, after = answer(challenge, "123456", secret=SECRET, now=later)
    assert outcome is Answer.EXPIRED
    assert after.attempts == 0


def test_a_first_code_may_be_sent() -> None:
    assert may_send([], NOW) is SendDecision.SEND


def test_a_fourth_code_within_the_window_is_not_sent() -> None:
    recent = [a_challenge(at=NOW - timedelta(minutes=minutes)) for minutes in (1, 5, 10)]
    assert may_send(recent, NOW) is SendDecision.TOO_MANY
    assert may_send(recent, NOW + POLICY.send_window) is SendDecision.SEND


def test_asking_a_new_code_does_not_lift_a_lock() -> None:
    locked = a_challenge()
    for _ in range(3):
        _, locked = answer(locked, "999999", secret=SECRET, now=NOW)
    an_hour_later = NOW + POLICY.lock_for

    assert may_send([locked], NOW + timedelta(minutes=30)) is SendDecision.LOCKED
    assert may_send([locked], an_hour_later) is SendDecision.SEND


def test_wrong_codes_for_different_items_count_together_towards_one_lock() -> None:
    first, second = a_challenge("123456"), a_challenge("654321")
    for _ in range(2):
        _, first = answer(first, "999999", secret=SECRET, now=NOW)

    outcome, second = answer(
        second, "999999", secret=SECRET, now=NOW, wrong_before=wrong_lately([first], NOW)
    )

    assert outcome is Answer.LOCKED
    assert second.locked_until == NOW + POLICY.lock_for


def test_a_right_code_starts_the_count_of_wrong_codes_anew() -> None:
    wrong_twice = a_challenge("123456", at=NOW - timedelta(minutes=3))
    for _ in range(2):
        _, wrong_twice = answer(wrong_twice, "999999", secret=SECRET, now=NOW)
    _, confirmed = answer(a_challenge("111111"), "111111", secret=SECRET, now=NOW)

    assert wrong_lately([wrong_twice], NOW) == 2
    assert wrong_lately([wrong_twice, confirmed], NOW) == 0
    assert wrong_lately([wrong_twice], NOW + POLICY.send_window) == 0


def test_a_lock_from_one_item_holds_for_the_guardians_other_items() -> None:
    locked, other = a_challenge(), a_challenge()
    for _ in range(3):
        _, locked = answer(locked, "999999", secret=SECRET, now=NOW)

    assert lock_on([other, locked], NOW) == locked
    assert may_send([other, locked], NOW) is SendDecision.LOCKED
    assert lock_on([other, locked], NOW + POLICY.lock_for) is None
