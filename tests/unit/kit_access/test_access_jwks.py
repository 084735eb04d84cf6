"""Key sources: cached, reloaded when a token names a new key, never hammered."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from joserfc.jwk import OKPKey
from samen_kit.access import FileJwks, HttpJwks, StaticJwks
from samen_kit.access.devkeys import public_jwks
from samen_kit.access.jwks import JwksUnavailable
from samen_kit.access.testing import new_signing_key
from samen_kit.clock import FakeClock

pytestmark = pytest.mark.unit

URL = "https://idp.invalid/jwks"


class Provider:
    """An identity provider whose published keys a test can rotate or take down."""

    def __init__(self, *keys: OKPKey) -> None:
        self.keys = list(keys)
        self.fetches = 0
        self.down = False

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.fetches += 1
        if self.down:
            return httpx.Response(503)
        return httpx.Response(200, json=public_jwks(*self.keys))


def source(provider: Provider, clock: FakeClock) -> HttpJwks:
    client = httpx.AsyncClient(transport=httpx.MockTransport(provider.handle))
    return HttpJwks(URL, client, clock=clock, min_refresh=timedelta(seconds=30))


async def fetched_once(clock: FakeClock) -> tuple[str, Provider, HttpJwks]:
    """A provider publishing one key and a source that has fetched it: (kid, both)."""
    key = new_signing_key()
    provider = Provider(key)
    jwks = source(provider, clock)
    await jwks.find(str(key.kid))
    return str(key.kid), provider, jwks


async def test_keys_are_fetched_once_and_then_served_from_the_cache(clock: FakeClock) -> None:
    key = new_signing_key()
    provider = Provider(key)
    jwks = source(provider, clock)

    for _ in range(3):
        assert await jwks.find(str(key.kid)) is not None

    assert provider.fetches == 1


async def test_a_rotated_key_is_found_by_reloading_on_the_unknown_kid(clock: FakeClock) -> None:
    _, provider, jwks = await fetched_once(clock)
    new = new_signing_key()
    provider.keys.append(new)
    clock.advance(timedelta(seconds=31))

    assert await jwks.find(str(new.kid)) is not None
    assert provider.fetches == 2


async def test_made_up_key_ids_do_not_hammer_the_provider(clock: FakeClock) -> None:
    provider = Provider(new_signing_key())
    jwks = source(provider, clock)

    for number in range(20):
        assert await jwks.find(f"made-up-{number}") is None

    assert provider.fetches == 1


async def test_the_cache_is_renewed_after_its_max_age(clock: FakeClock) -> None:
    kid, provider, jwks = await fetched_once(clock)

    clock.advance(timedelta(minutes=11))
    await jwks.find(kid)

    assert provider.fetches == 2


async def test_a_provider_outage_keeps_the_cached_keys_working(clock: FakeClock) -> None:
    kid, provider, jwks = await fetched_once(clock)
    provider.down = True
    clock.advance(timedelta(minutes=11))

    assert await jwks.find(kid) is not None


async def test_no_keys_at_all_is_a_503_problem(clock: FakeClock) -> None:
    provider = Provider()
    provider.down = True

    with pytest.raises(JwksUnavailable) as raised:
        await source(provider, clock).find("any")

    assert raised.value.status == 503


async def test_a_jwks_file_is_read_again_when_a_new_key_appears(
    tmp_path: Path, clock: FakeClock
) -> None:
    old, new = new_signing_key(), new_signing_key()
    path = tmp_path / "guardian.jwks.json"
    path.write_text(json.dumps(public_jwks(old)))
    jwks = FileJwks(path, clock=clock)
    await jwks.find(str(old.kid))

    path.write_text(json.dumps(public_jwks(old, new)))
    clock.advance(timedelta(minutes=1))

    assert await jwks.find(str(new.kid)) is not None


async def test_private_key_material_is_never_kept_for_verification() -> None:
    key = new_signing_key()
    jwks = StaticJwks({"keys": [dict(key.as_dict(private=True))]})

    found = await jwks.find(str(key.kid))

    assert found is not None
    assert "d" not in found.as_dict(private=False)
    assert not found.is_private
