"""FastAPI dependencies: `StaffDep`, `GuardianTokenDep`, `GuardianSessionDep`, `GuardianDep`.

The composition root builds an `Access` and calls `install_access(app, access)`;
nothing here is built at import time. Every refusal is handed to the service's
recorder, then raised as a problem (401, or 403 for reused tokens and missing rights).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, NoReturn
from urllib.parse import parse_qs

from fastapi import Depends, FastAPI, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from samen_kit.access import tokens
from samen_kit.access.cookies import PendingCookieMiddleware, add_cookie_on_response
from samen_kit.access.guardian import GuardianClaims, GuardianGrant, GuardianTokenVerifier
from samen_kit.access.refusals import (
    AccessRefusedError,
    Refusal,
    RefusalReason,
    RefusalRecorder,
    ignore_refusal,
    refusal_problem,
)
from samen_kit.access.roles import Audience
from samen_kit.access.scope import RequestScopeMiddleware
from samen_kit.access.sessions import GuardianSession, GuardianSessionCodec, start_session
from samen_kit.access.staff import StaffPrincipal, StaffTokenVerifier
from samen_kit.access.used_tokens import UsedTokenStoreProvider
from samen_kit.app_state import AppState
from samen_kit.clock import Clock, SystemClock

TOKEN_FIELD = "token"
_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
_FORM = "application/x-www-form-urlencoded"


@dataclass(frozen=True)
class GuardianAccess:
    tokens: GuardianTokenVerifier
    sessions: GuardianSessionCodec
    used_tokens: UsedTokenStoreProvider


@dataclass(frozen=True)
class Access:
    staff: StaffTokenVerifier | None = None
    guardian: GuardianAccess | None = None
    record_refusal: RefusalRecorder = ignore_refusal
    clock: Clock = field(default_factory=SystemClock)


_ACCESS = AppState("samen_access", Access, "install_access(app, ...)")


def install_access(app: FastAPI, access: Access) -> None:
    _ACCESS.install(app, access)
    app.add_middleware(PendingCookieMiddleware)
    app.add_middleware(RequestScopeMiddleware)


def access_of(request: Request) -> Access:
    return _ACCESS.of(request)


def guardian_access_of(request: Request) -> GuardianAccess:
    guardian = access_of(request).guardian
    if guardian is None:
        raise RuntimeError("this service was not given guardian access")
    return guardian


ACCEPTED_CREDENTIAL = "samen_accepted_credential"
ACCEPTED_TENANT = "samen_accepted_tenant"
STAFF_TOKEN = "staff_token"
GUARDIAN_TOKEN = "guardian_token"
GUARDIAN_SESSION = "guardian_session"


def accept(request: Request, credential: str, tenant: str) -> None:
    """Note what the request proved, for refusals made later in the same request."""
    setattr(request.state, ACCEPTED_CREDENTIAL, credential)
    setattr(request.state, ACCEPTED_TENANT, tenant)


def accepted_tenant(request: Request) -> str | None:
    found = getattr(request.state, ACCEPTED_TENANT, None)
    return found if isinstance(found, str) else None


def accepted_credential(request: Request) -> str | None:
    found = getattr(request.state, ACCEPTED_CREDENTIAL, None)
    return found if isinstance(found, str) else None


async def refuse(request: Request, audience: Audience, error: AccessRefusedError) -> NoReturn:
    """Record the refusal with the service's recorder, then answer it (401 or 403)."""
    access = access_of(request)
    route = getattr(request.scope.get("route"), "path", None)
    refusal = Refusal(
        error.reason,
        audience,
        access.clock.now(),
        request.url.path,
        error.proven,
        method=request.method,
        route=route,
        from_session=error.from_session,
        accepted=accepted_credential(request),
    )
    await access.record_refusal(refusal)
    raise refusal_problem(error.reason, audience) from error


_bearer = HTTPBearer(auto_error=False, description="Staff token (audience `staff`)")


async def current_staff(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> StaffPrincipal:
    verifier = access_of(request).staff
    if verifier is None:
        raise RuntimeError("this service was not given staff access")
    try:
        if credentials is None:
            raise AccessRefusedError(RefusalReason.MISSING)
        principal = await verifier.verify(credentials.credentials)
    except AccessRefusedError as error:
        await refuse(request, Audience.STAFF, error)
    accept(request, STAFF_TOKEN, principal.tenant)
    return principal


StaffDep = Annotated[StaffPrincipal, Depends(current_staff)]

QueryToken = Annotated[str | None, Query(alias=TOKEN_FIELD, description="Guardian link token")]


async def guardian_token_in(request: Request, query_token: QueryToken = None) -> str | None:
    """The link's token, from the query string or a posted form's hidden field."""
    if query_token:
        return query_token
    content_type = request.headers.get("content-type", "").split(";")[0].strip()
    if request.method in _SAFE_METHODS or content_type != _FORM:
        return None
    fields = parse_qs((await request.body()).decode("utf-8", errors="replace"))
    return next(iter(fields.get(TOKEN_FIELD, [])), None)


TokenText = Annotated[str | None, Depends(guardian_token_in)]


async def current_guardian_grant(request: Request, token: TokenText) -> GuardianGrant:
    """The verified token of a link; opening a page never uses it up."""
    try:
        if not token:
            raise AccessRefusedError(RefusalReason.MISSING)
        grant = await guardian_access_of(request).tokens.verify(token)
    except AccessRefusedError as error:
        await refuse(request, Audience.GUARDIAN, error)
    accept(request, GUARDIAN_TOKEN, grant.tenant)
    return grant


GuardianTokenDep = Annotated[GuardianGrant, Depends(current_guardian_grant)]


def _session_for(request: Request, token: str | None) -> GuardianSession | None:
    """The cookie's session, if it is the one this request means (or names no token)."""
    codec = guardian_access_of(request).sessions
    cookie = request.cookies.get(codec.cookie_name)
    if not cookie:
        return None
    session = codec.decode(cookie)
    if token is None or tokens.unverified_jti(token) == session.jti:
        return session
    return None


async def _exchange(request: Request, token: str) -> GuardianSession:
    guardian = guardian_access_of(request)
    grant = await guardian.tokens.verify(token)
    async with guardian.used_tokens() as store:
        session = await start_session(grant, store, guardian.sessions)
    add_cookie_on_response(request, guardian.sessions.set_cookie_header(session))
    return session


async def _resolve_session(request: Request, token: str | None) -> GuardianSession:
    try:
        session = _session_for(request, token)
    except AccessRefusedError:
        if token is None:
            raise
        session = None  # a stale cookie, but the request brings a token to exchange
    if session is not None:
        accept(request, GUARDIAN_SESSION, session.tenant)
        return session
    if token is None or request.method in _SAFE_METHODS:
        raise AccessRefusedError(RefusalReason.MISSING)
    exchanged = await _exchange(request, token)
    accept(request, GUARDIAN_TOKEN, exchanged.tenant)
    return exchanged


async def current_guardian_session(request: Request, token: TokenText) -> GuardianSession:
    """The session from the cookie; an action carrying a fresh token starts one."""
    try:
        return await _resolve_session(request, token)
    except AccessRefusedError as error:
        await refuse(request, Audience.GUARDIAN, error)


GuardianSessionDep = Annotated[GuardianSession, Depends(current_guardian_session)]


async def current_guardian(request: Request, token: TokenText) -> GuardianClaims:
    """For pages: a session or a link token, whichever the request has; uses nothing up."""
    try:
        session = _session_for(request, token)
    except AccessRefusedError as error:
        if token is None:
            await refuse(request, Audience.GUARDIAN, error)
        session = None
    if session is not None:
        accept(request, GUARDIAN_SESSION, session.tenant)
        return session
    return await current_guardian_grant(request, token)


GuardianDep = Annotated[GuardianClaims, Depends(current_guardian)]
