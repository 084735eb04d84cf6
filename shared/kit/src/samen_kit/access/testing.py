"""Helpers for tests of code that uses the access kit (keys, a refusal recorder, a
guardian who has just confirmed a step-up code)."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from joserfc.jwk import OKPKey
from starlette.responses import Response

from samen_kit.access.guardian import GuardianItem
from samen_kit.access.refusals import Refusal
from samen_kit.access.step_up_proof import PROOF_COOKIE, StepUpProof, StepUpProofCodec


def new_signing_key() -> OKPKey:
    """A fresh Ed25519 key pair with a thumbprint `kid`."""
    return OKPKey.generate_key("Ed25519", parameters={"use": "sig"}, auto_kid=True)


class RecordedRefusals(list[Refusal]):
    """A `RefusalRecorder` that keeps what it was handed."""

    async def __call__(self, refusal: Refusal, /) -> None:
        self.append(refusal)


def step_up_cookie(
    secret: str | bytes,
    *,
    guardian_id: UUID,
    tenant: str,
    now: datetime,
    item: GuardianItem | None = None,
) -> dict[str, str]:
    """The proof cookie the step-up page sets after the right code, for tests that act
    as a guardian who confirmed (the code flow itself has its own tests). `secret` is the
    guardian session secret the services under test share; `now` is their clock's."""
    codec = StepUpProofCodec(secret, secure=False)
    asked_for = item or GuardianItem.of("guardian", guardian_id)
    proof = StepUpProof(guardian_id, asked_for, tenant, now + codec.ttl)
    carrier = Response()
    codec.set_on(carrier, proof)
    value = carrier.headers["set-cookie"].split(";", 1)[0].split("=", 1)[1]
    return {PROOF_COOKIE: value}
