"""Guardian tokens: one guardian, one pupil, one item, fourteen days, their own key."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from uuid import UUID

import pytest
from joserfc.jwk import OKPKey
from samen_kit.access import (
    AccessRefusedError,
    GuardianGrant,
    GuardianItem,
    GuardianTokenVerifier,
    RefusalReason,
    Role,
    mint_staff_token,
)
from samen_kit.access.guardian import GUARDIAN_ISSUER
from samen_kit.clock import FakeClock

from tests.unit.kit_access.conftest import refusal_of

pytestmark = pytest.mark.unit

Minter = Callable[..., str]


async def test_a_minted_token_verifies_to_its_guardian_pupil_and_item(
    guardian_verifier: GuardianTokenVerifier,
    guardian_token: Minter,
    guardian_id: UUID,
    pupil_id: UUID,
    request_id: UUID,
    clock: FakeClock,
) -> None:
    grant = await guardian_verifier.verify(guardian_token())

    assert isinstance(grant, GuardianGrant)
    assert (grant.guardian_id, grant.pupil_id, grant.tenant) == (guardian_id, pupil_id, "swv-2801")
    assert grant.item.is_("consent_request", request_id)
    assert grant.expires_at == clock.now() + timedelta(days=14)
    assert grant.actor == f"guardian:{guardian_id}"


async def test_a_link_works_until_fourteen_days_have_passed(
    guardian_verifier: GuardianTokenVerifier, guardian_token: Minter, clock: FakeClock
) -> None:
    token = guardian_token()
    clock.advance(timedelta(days=14) - timedelta(minutes=1))
    await guardian_verifier.verify(token)

    clock.advance(timedelta(minutes=2))

    assert (await refusal_of(guardian_verifier, token)).reason is RefusalReason.EXPIRED


async def test_a_pupil_scoped_token_opens_a_dispute_for_that_pupil(
    guardian_verifier: GuardianTokenVerifier, guardian_token: Minter, pupil_id: UUID
) -> None:
    grant = await guardian_verifier.verify(guardian_token(item=GuardianItem.of("pupil", pupil_id)))

    assert grant.item == GuardianItem("pupil", str(pupil_id))
    assert grant.item.claim == f"pupil:{pupil_id}"


async def test_a_staff_token_is_refused_by_the_guardian_verifier(
    guardian_verifier: GuardianTokenVerifier, staff_token: Minter
) -> None:
    refusal = await refusal_of(guardian_verifier, staff_token())

    assert refusal.reason is RefusalReason.FORGED


async def test_a_staff_audience_token_under_the_guardian_key_has_the_wrong_audience(
    guardian_verifier: GuardianTokenVerifier, guardian_key: OKPKey, clock: FakeClock
) -> None:
    token = mint_staff_token(
        guardian_key, subject="s", role=Role.IB, tenant="t", issuer=GUARDIAN_ISSUER, now=clock.now()
    )

    refusal = await refusal_of(guardian_verifier, token)

    assert refusal.reason is RefusalReason.WRONG_AUDIENCE


async def test_a_guardian_token_is_refused_by_the_staff_verifier_even_under_a_shared_key(
    staff_key: OKPKey, guardian_token: Minter, clock: FakeClock
) -> None:
    from samen_kit.access import StaffTokenVerifier, StaticJwks
    from samen_kit.access.devkeys import public_jwks

    verifier = StaffTokenVerifier(StaticJwks(public_jwks(staff_key)), issuer="i", clock=clock)

    with pytest.raises(AccessRefusedError) as refused:
        await verifier.verify(guardian_token(key=staff_key))

    assert refused.value.reason is RefusalReason.WRONG_AUDIENCE


@pytest.mark.parametrize("claim", ["consent_request", "", ":id", "pupil:"])
def test_an_item_needs_a_kind_and_an_id(claim: str) -> None:
    with pytest.raises(ValueError):
        GuardianItem.parse(claim)


def test_an_item_kind_cannot_contain_the_separator() -> None:
    with pytest.raises(ValueError):
        GuardianItem("consent:request", "1")


async def test_a_link_living_longer_than_the_longest_guardian_lifetime_is_refused(
    guardian_verifier: GuardianTokenVerifier, guardian_token: Minter
) -> None:
    refusal = await refusal_of(guardian_verifier, guardian_token(ttl=timedelta(days=3653)))

    assert refusal.reason is RefusalReason.TOO_LONG_LIVED


async def test_a_link_of_ninety_days_is_accepted(
    guardian_verifier: GuardianTokenVerifier, guardian_token: Minter
) -> None:
    grant = await guardian_verifier.verify(guardian_token(ttl=timedelta(days=90)))

    assert grant.tenant == "swv-2801"
