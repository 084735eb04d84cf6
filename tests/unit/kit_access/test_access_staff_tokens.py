"""Staff tokens: what a valid one yields, and every way a bad one is refused."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable, Mapping
from datetime import timedelta

import pytest
from joserfc import jwt
from joserfc.jwk import OKPKey
from samen_kit.access import (
    RefusalReason,
    Role,
    StaffPrincipal,
    StaffTokenVerifier,
    StaticJwks,
)
from samen_kit.access.devkeys import public_jwks
from samen_kit.access.testing import new_signing_key
from samen_kit.clock import FakeClock

from tests.unit.kit_access.conftest import refusal_of

pytestmark = pytest.mark.unit

Minter = Callable[..., str]


def sign(claims: Mapping[str, object], key: OKPKey, alg: str = "Ed25519") -> str:
    """Hand-made claims, for shapes the minting functions refuse to make."""
    return jwt.encode({"alg": alg, "kid": key.kid}, dict(claims), key, algorithms=[alg])


def hand_made(clock: FakeClock, **claims: object) -> dict[str, object]:
    now = int(clock.now().timestamp())
    return {"iat": now, "exp": now + 600, **claims}


async def test_a_valid_token_yields_the_principal_it_names(
    staff_verifier: StaffTokenVerifier, staff_token: Minter
) -> None:
    token = staff_token(role=Role.BOARD_ADMIN, boards=["board-1"], schools=["s-1", "s-2"])

    principal = await staff_verifier.verify(token)

    assert principal == StaffPrincipal(
        subject="staff-1",
        role=Role.BOARD_ADMIN,
        tenant="swv-2801",
        boards=frozenset({"board-1"}),
        schools=frozenset({"s-1", "s-2"}),
    )
    assert principal.actor == "board_admin:staff-1"


async def test_a_token_signed_with_another_key_under_the_same_kid_is_forged(
    staff_verifier: StaffTokenVerifier, staff_token: Minter, staff_key: OKPKey
) -> None:
    impostor = OKPKey.generate_key("Ed25519", parameters={"kid": str(staff_key.kid)})

    refusal = await refusal_of(staff_verifier, staff_token(key=impostor))

    assert refusal.reason is RefusalReason.FORGED
    assert refusal.proven.tenant is None  # a forgery proves nothing about itself


async def test_a_token_from_an_unknown_key_is_forged(
    staff_verifier: StaffTokenVerifier, staff_token: Minter
) -> None:
    refusal = await refusal_of(staff_verifier, staff_token(key=new_signing_key()))

    assert refusal.reason is RefusalReason.FORGED


async def test_a_token_with_a_tampered_payload_is_forged(
    staff_verifier: StaffTokenVerifier, staff_token: Minter
) -> None:
    header, payload, signature = staff_token(role=Role.TEACHER).split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=="))
    claims["role"] = Role.OPERATOR.value
    raised = base64.urlsafe_b64encode(json.dumps(claims).encode()).rstrip(b"=").decode()

    refusal = await refusal_of(staff_verifier, f"{header}.{raised}.{signature}")

    assert refusal.reason is RefusalReason.FORGED


async def test_an_unsigned_token_is_forged(
    staff_verifier: StaffTokenVerifier, staff_key: OKPKey
) -> None:
    def part(document: dict[str, object]) -> str:
        return base64.urlsafe_b64encode(json.dumps(document).encode()).rstrip(b"=").decode()

    header = part({"alg": "none", "kid": staff_key.kid})
    token = f"{header}.{part({'sub': 'x', 'aud': 'staff', 'role': 'operator'})}."

    refusal = await refusal_of(staff_verifier, token)

    assert refusal.reason is RefusalReason.FORGED


async def test_an_expired_token_is_refused_but_proves_who_it_was(
    staff_verifier: StaffTokenVerifier, staff_token: Minter, clock: FakeClock
) -> None:
    token = staff_token(ttl=timedelta(minutes=10))
    clock.advance(timedelta(minutes=11))

    refusal = await refusal_of(staff_verifier, token)

    assert refusal.reason is RefusalReason.EXPIRED
    assert (refusal.proven.tenant, refusal.proven.subject) == ("swv-2801", "staff-1")


async def test_a_token_for_the_guardian_audience_is_refused_even_with_the_staff_key(
    staff_verifier: StaffTokenVerifier, staff_key: OKPKey, clock: FakeClock
) -> None:
    claims = hand_made(
        clock, aud="guardian", sub="g", tenant="swv-2801", iss="urn:samen:test-idp", jti="j-1"
    )
    token = sign(claims, staff_key)

    refusal = await refusal_of(staff_verifier, token)

    assert refusal.reason is RefusalReason.WRONG_AUDIENCE


async def test_a_token_naming_both_audiences_is_refused(
    staff_verifier: StaffTokenVerifier, staff_key: OKPKey, clock: FakeClock
) -> None:
    claims = hand_made(
        clock, aud=["staff", "guardian"], sub="s", tenant="t", iss="urn:samen:test-idp"
    )
    claims |= {"jti": "j-5", "role": "ib"}

    refusal = await refusal_of(staff_verifier, sign(claims, staff_key))

    assert refusal.reason is RefusalReason.WRONG_AUDIENCE


async def test_a_token_from_another_issuer_is_refused(
    staff_verifier: StaffTokenVerifier, staff_token: Minter
) -> None:
    refusal = await refusal_of(staff_verifier, staff_token(issuer="urn:someone-else"))

    assert refusal.reason is RefusalReason.WRONG_ISSUER


@pytest.mark.parametrize("garbage", ["", "not-a-jwt", "a.b.c", "ey.ey.ey"])
async def test_text_that_is_no_token_is_malformed(
    staff_verifier: StaffTokenVerifier, garbage: str
) -> None:
    refusal = await refusal_of(staff_verifier, garbage)

    assert refusal.reason is RefusalReason.MALFORMED


async def test_a_token_naming_an_unknown_role_is_malformed(
    staff_key: OKPKey, clock: FakeClock
) -> None:
    verifier = StaffTokenVerifier(StaticJwks(public_jwks(staff_key)), issuer="i", clock=clock)
    claims = hand_made(
        clock, aud="staff", sub="s", tenant="t", iss="i", role="headmaster", jti="j-2"
    )
    token = sign(claims, staff_key)

    refusal = await refusal_of(verifier, token)

    assert refusal.reason is RefusalReason.MALFORMED
    assert refusal.proven.jti == "j-2"


async def test_a_token_without_a_tenant_is_malformed(staff_key: OKPKey, clock: FakeClock) -> None:
    verifier = StaffTokenVerifier(StaticJwks(public_jwks(staff_key)), issuer="i", clock=clock)
    claims = hand_made(clock, aud="staff", sub="s", iss="i", role="ib", jti="j-3")
    token = sign(claims, staff_key)

    assert (await refusal_of(verifier, token)).reason is RefusalReason.MALFORMED


async def test_providers_writing_alg_eddsa_are_accepted(
    staff_key: OKPKey, clock: FakeClock
) -> None:
    verifier = StaffTokenVerifier(StaticJwks(public_jwks(staff_key)), issuer="i", clock=clock)
    claims = hand_made(clock, aud=["staff"], sub="s", tenant="t", iss="i", role="ib", jti="j-4")

    with pytest.warns(UserWarning, match="EdDSA"):  # joserfc prefers RFC 9864's "Ed25519"
        principal = await verifier.verify(sign(claims, staff_key, "EdDSA"))

    assert principal.role is Role.IB


async def test_a_token_living_longer_than_the_longest_staff_lifetime_is_refused(
    staff_verifier: StaffTokenVerifier, staff_token: Minter
) -> None:
    ten_years = timedelta(days=3653)

    refusal = await refusal_of(staff_verifier, staff_token(ttl=ten_years))

    assert refusal.reason is RefusalReason.TOO_LONG_LIVED
    assert refusal.proven.tenant == "swv-2801"  # signed, so the trail may name the tenant


async def test_a_token_of_exactly_the_longest_lifetime_is_accepted(
    staff_verifier: StaffTokenVerifier, staff_token: Minter
) -> None:
    principal = await staff_verifier.verify(staff_token(ttl=timedelta(hours=12)))

    assert principal.subject == "staff-1"


async def test_a_verifier_may_be_given_a_shorter_longest_lifetime(
    staff_key: OKPKey, clock: FakeClock, staff_token: Minter
) -> None:
    verifier = StaffTokenVerifier(
        StaticJwks(public_jwks(staff_key)),
        issuer="urn:samen:test-idp",
        clock=clock,
        max_lifetime=timedelta(hours=1),
    )

    refusal = await refusal_of(verifier, staff_token(ttl=timedelta(hours=2)))

    assert refusal.reason is RefusalReason.TOO_LONG_LIVED


async def test_a_keycloak_shaped_token_yields_its_groups(
    staff_verifier: StaffTokenVerifier, staff_key: OKPKey, clock: FakeClock
) -> None:
    """Keycloak writes `alg` EdDSA, `aud` as a list, and `typ`, `azp`, `scope`, `sid`."""
    claims = hand_made(
        clock,
        iss="urn:samen:test-idp",
        aud=["staff", "samen-portal"],
        sub="staff-1",
        jti="onrtro:1",
        typ="Bearer",
        azp="samen-portal",
        scope="openid",
        sid="session-1",
        role="teacher",
        tenant="swv-2801",
        schools=["s-1"],
        groups=["5a", "5b"],
    )
    principal = await staff_verifier.verify(sign(claims, staff_key, alg="EdDSA"))

    assert principal.role is Role.TEACHER
    assert principal.groups == {"5a", "5b"}
    assert principal.boards == frozenset()


async def test_groups_that_are_not_a_list_of_strings_are_malformed(
    staff_verifier: StaffTokenVerifier, staff_key: OKPKey, clock: FakeClock
) -> None:
    claims = hand_made(
        clock, iss="urn:samen:test-idp", aud="staff", sub="s", jti="j", role="teacher",
        tenant="swv-2801", groups="5a",
    )  # fmt: skip
    refused = await refusal_of(staff_verifier, sign(claims, staff_key))
    assert refused.reason is RefusalReason.MALFORMED
