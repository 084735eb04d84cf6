"""Where a service's verification keys come from: the one rule every service follows."""

from __future__ import annotations

from pathlib import Path

import httpx

from samen_kit.access.devkeys import jwks_path, load_or_create_key
from samen_kit.access.jwks import FileJwks, HttpJwks, JwksSource
from samen_kit.clock import Clock


def jwks_source(
    location: str | None,
    dev_key: str,
    *,
    clock: Clock | None = None,
    client: httpx.AsyncClient | None = None,
    keys_dir: Path | None = None,
) -> JwksSource:
    """A JWKS URL, a JWKS file, or (nothing set) the JWKS of the local development key
    `dev_key` (`devkeys.STAFF_KEY` or `GUARDIAN_KEY`), made on first use."""
    if location and location.startswith(("http://", "https://")):
        return HttpJwks(location, client or httpx.AsyncClient(), clock=clock)
    if location:
        return FileJwks(Path(location), clock=clock)
    load_or_create_key(dev_key, keys_dir)
    return FileJwks(jwks_path(dev_key, keys_dir), clock=clock)
