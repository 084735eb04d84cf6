"""Every service finds its verification keys by one rule: URL, file, or the dev key."""

from __future__ import annotations

from pathlib import Path

import pytest
from samen_kit.access import FileJwks, HttpJwks
from samen_kit.access.devkeys import STAFF_KEY, jwks_path
from samen_kit.access.keysource import jwks_source

pytestmark = pytest.mark.unit


def test_a_url_is_fetched_and_a_path_is_read() -> None:
    assert isinstance(jwks_source("https://idp.example/jwks", STAFF_KEY), HttpJwks)
    assert isinstance(jwks_source("/etc/samen/staff.jwks.json", STAFF_KEY), FileJwks)


@pytest.mark.parametrize("nothing", [None, ""])
def test_nothing_set_makes_the_development_key_once(tmp_path: Path, nothing: str | None) -> None:
    source = jwks_source(nothing, STAFF_KEY, keys_dir=tmp_path)
    assert isinstance(source, FileJwks)
    assert jwks_path(STAFF_KEY, tmp_path).exists()
