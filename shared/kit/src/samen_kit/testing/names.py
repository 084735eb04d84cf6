"""Names a test makes up so that it keeps apart from the others: tenants, topic prefixes."""

from __future__ import annotations

import secrets
from uuid import uuid4

RUN_ID = secrets.token_hex(3)
"""Names this test run, in databases and topic prefixes."""


def new_tenant() -> str:
    """A tenant of the test's own (ids mean something only within their tenant)."""
    return f"swv-{uuid4().hex[:8]}"


def new_prefix(base: str, mark: str = "m") -> str:
    """A topic prefix below `base` for one deployment: its topics and groups are its own."""
    return f"{base}{mark}{uuid4().hex[:6]}."
