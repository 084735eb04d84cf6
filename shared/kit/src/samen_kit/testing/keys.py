"""Signing keys a test owns, the JWKS files a service reads them from, bearer headers."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from joserfc.jwk import OKPKey

from samen_kit.access.devkeys import public_jwks
from samen_kit.access.testing import new_signing_key


def write_jwks(path: Path, key: OKPKey) -> Path:
    """The public half of `key` as a JWKS file at `path`."""
    path.write_text(json.dumps(public_jwks(key)), "utf-8")
    return path


def bearer(token: str) -> dict[str, str]:
    """The request headers that present `token`."""
    return {"Authorization": f"Bearer {token}"}


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
