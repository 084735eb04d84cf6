"""Helpers for tests of code that uses the access kit (keys, a refusal recorder)."""

from __future__ import annotations

from joserfc.jwk import OKPKey

from samen_kit.access.refusals import Refusal


def new_signing_key() -> OKPKey:
    """A fresh Ed25519 key pair with a thumbprint `kid`."""
    return OKPKey.generate_key("Ed25519", parameters={"use": "sig"}, auto_kid=True)


class RecordedRefusals(list[Refusal]):
    """A `RefusalRecorder` that keeps what it was handed."""

    async def __call__(self, refusal: Refusal, /) -> None:
        self.append(refusal)
