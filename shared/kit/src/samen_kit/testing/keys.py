"""Signing keys a test owns, the JWKS files a service reads them from, bearer headers."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from uuid import UUID, uuid4

from joserfc.jwk import OKPKey

from samen_kit.access import GuardianItem, Role, mint_guardian_token, mint_staff_token
from samen_kit.access.devkeys import public_jwks
from samen_kit.access.guardian import DEFAULT_GUARDIAN_TTL
from samen_kit.access.staff import DEFAULT_STAFF_TTL
from samen_kit.access.testing import new_signing_key


def write_jwks(path: Path, key: OKPKey) -> Path:
    """The public half of `key` as a JWKS file at `path`."""
    path.write_text(json.dumps(public_jwks(key)), "utf-8")
    return path


def bearer(token: str) -> dict[str, str]:
    """The request headers that present `token`."""
    return {"Authorization": f"Bearer {token}"}


def staff_token(
    key: OKPKey,
    *,
    tenant: str,
    role: Role,
    issuer: str,
    now: datetime,
    schools: Iterable[object] = (),
    boards: Iterable[object] = (),
    subject: object | None = None,
    ttl: timedelta = DEFAULT_STAFF_TTL,
) -> str:
    """A staff token for tests: ids as they come (UUIDs or strings), a new subject
    unless one is given."""
    return mint_staff_token(
        key,
        subject=str(subject or uuid4()),
        role=role,
        tenant=tenant,
        issuer=issuer,
        now=now,
        schools=[str(s) for s in schools],
        boards=[str(b) for b in boards],
        ttl=ttl,
    )


def guardian_token(
    key: OKPKey,
    tenant: str,
    guardian_id: UUID,
    pupil_id: UUID,
    item: GuardianItem | None = None,
    *,
    now: datetime,
    ttl: timedelta = DEFAULT_GUARDIAN_TTL,
) -> str:
    """A guardian's link token for tests: for `item`, by default the pupil."""
    return mint_guardian_token(
        key,
        guardian_id=guardian_id,
        pupil_id=pupil_id,
        item=item or GuardianItem.of("pupil", pupil_id),
        tenant=tenant,
        now=now,
        ttl=ttl,
    )


@dataclass
class Keys:
    """A staff and a guardian signing key, new for each instance."""

    staff: OKPKey = field(default_factory=new_signing_key)
    guardian: OKPKey = field(default_factory=new_signing_key)

    def write(self, folder: Path) -> tuple[Path, Path]:
        """Both public JWKS files in `folder`: (staff, guardian)."""
        return (
            write_jwks(folder / "staff.jwks.json", self.staff),
            write_jwks(folder / "guardian.jwks.json", self.guardian),
        )
