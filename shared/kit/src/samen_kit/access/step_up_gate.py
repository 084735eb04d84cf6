"""The gate before a sensitive parent action (ADR 0012, 0014): with a step-up proof for
this guardian the action goes ahead; without one a browser is sent to the notifications
service's step-up page, which sends it back here once confirmed, and a JSON client gets
an RFC 9457 problem naming that page."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse
from starlette.responses import Response

from samen_kit.access.dependencies import TOKEN_FIELD
from samen_kit.access.guardian import GuardianClaims
from samen_kit.access.step_up_proof import StepUpProofCodec
from samen_kit.app_state import AppState
from samen_kit.clock import Clock
from samen_kit.pages.form_action import FormActionOrigins
from samen_kit.problems import Problem, problem_response

STEP_UP_PAGE = "/ouders/bevestigen"
_NO_STORE = {"Cache-Control": "no-store"}


@dataclass(frozen=True)
class StepUpGate:
    proofs: StepUpProofCodec
    clock: Clock
    page_url: str  # notifications' `/ouders/bevestigen`, absolute
    public_base_url: str  # this service's, to be sent back to


class StepUpRequired(Problem):
    """Raised before a sensitive action without a proof; pages answer it with a 303."""

    status = 401
    slug = "step-up-required"
    title = "Bevestig eerst met de code die wij u sturen"

    def __init__(self, location: str) -> None:
        super().__init__(extra={"step_up_url": location}, headers=_NO_STORE)
        self.location = location


_GATE = AppState("samen_step_up_gate", StepUpGate, "install_step_up_gate(app, ...)")


def install_step_up_gate(app: FastAPI, gate: StepUpGate) -> None:
    _GATE.install(app, gate)
    app.add_exception_handler(StepUpRequired, _answer_step_up_required)
    # A browser holds the redirect after an answer to the page's form-action.
    app.add_middleware(FormActionOrigins, origins=[gate.page_url])


def require_step_up(request: Request, claims: GuardianClaims, back_path: str | None = None) -> None:
    """Raise `StepUpRequired` unless this guardian confirmed a code a moment ago;
    `back_path` is the page to return to (a GET, never the action itself); None: this
    very page, for a page that is sensitive to read."""
    gate = _GATE.of(request)
    if gate.proofs.is_confirmed(request, claims, gate.clock.now()):
        return
    here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    raise StepUpRequired(step_up_location(request, gate, back_path or here))


def step_up_location(request: Request, gate: StepUpGate, back_path: str) -> str:
    """The code page, with the way back, and the link's token and language when the
    request came with them (a guardian fresh from an e-mail has no session yet)."""
    query = {"terug": f"{gate.public_base_url.rstrip('/')}{back_path}"}
    for name in (TOKEN_FIELD, "taal"):
        if value := request.query_params.get(name):
            query[name] = value
    return f"{gate.page_url}?{urlencode(query)}"


def wants_json(request: Request) -> bool:
    """An API client asks for JSON; a browser (and a bare `*/*`) gets the page flow."""
    accept = request.headers.get("accept", "")
    return "json" in accept and "text/html" not in accept


async def _answer_step_up_required(request: Request, error: Exception) -> Response:
    if not isinstance(error, StepUpRequired):
        raise error
    if wants_json(request):
        return problem_response(error, request.url.path)
    return RedirectResponse(error.location, status_code=303, headers=_NO_STORE)
