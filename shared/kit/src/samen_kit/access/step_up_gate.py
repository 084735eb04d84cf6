"""The gate before a sensitive parent action (ADR 0012): with a step-up proof for this
guardian and item the action goes ahead; without one the browser is sent to the
notifications service's step-up page, which sends it back here once confirmed."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse
from starlette.responses import Response

from samen_kit.access.guardian import GuardianClaims
from samen_kit.access.step_up_proof import StepUpProofCodec
from samen_kit.app_state import AppState
from samen_kit.clock import Clock


@dataclass(frozen=True)
class StepUpGate:
    proofs: StepUpProofCodec
    clock: Clock
    page_url: str  # notifications' `/ouders/bevestigen`, absolute
    public_base_url: str  # this service's, to be sent back to


class StepUpRequired(Exception):
    def __init__(self, location: str) -> None:
        super().__init__("a step-up is needed first")
        self.location = location


_GATE = AppState("samen_step_up_gate", StepUpGate, "install_step_up_gate(app, ...)")


def install_step_up_gate(app: FastAPI, gate: StepUpGate) -> None:
    _GATE.install(app, gate)
    app.add_exception_handler(StepUpRequired, _to_step_up_page)


def require_step_up(request: Request, claims: GuardianClaims, back_path: str) -> None:
    """Raise `StepUpRequired` (answered with a 303) unless this guardian just confirmed
    this very item; `back_path` is the page to return to (a GET, never the action)."""
    gate = _GATE.of(request)
    if gate.proofs.is_confirmed(request, claims, gate.clock.now()):
        return
    back = f"{gate.public_base_url.rstrip('/')}{back_path}"
    raise StepUpRequired(f"{gate.page_url}?{urlencode({'terug': back})}")


async def _to_step_up_page(request: Request, error: Exception) -> Response:
    if not isinstance(error, StepUpRequired):
        raise error
    return RedirectResponse(error.location, status_code=303, headers={"Cache-Control": "no-store"})
