"""Reading claims of a token whose signature the kit has already verified."""

from __future__ import annotations

import base64
import json
from typing import Any


def payload(token: str) -> dict[str, Any]:
    """The claims of a compact JWS (no check: call only after verifying it)."""
    try:
        body = token.split(".")[1]
        found = json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    except (IndexError, ValueError):
        return {}
    return found if isinstance(found, dict) else {}


def groups(claims: dict[str, Any]) -> frozenset[str]:
    """A teacher's class groups (`groups`); Keycloak may write them as paths (`/7b`)."""
    found = claims.get("groups", [])
    if not isinstance(found, list):
        return frozenset()
    return frozenset(g.rsplit("/", 1)[-1] for g in found if isinstance(g, str) and g)
