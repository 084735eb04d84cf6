"""Sign-in with OpenID Connect (authorization code with PKCE, Authlib), sign-out at the
identity provider, and who is signed in on each request.

The identity provider's access token is kept server-side (`SessionStore`) and verified
by the kit on every request, like any service verifies a staff token; the portal calls
the services with it, as the user.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Annotated, Any
from urllib.parse import urlencode
from uuid import UUID

import structlog
from authlib.integrations.starlette_client import OAuth, OAuthError
from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse, Response
from samen_contract.ids import pseudonymous_id
from samen_kit.access import AccessRefusedError, StaffTokenVerifier
from samen_kit.access.dependencies import STAFF_TOKEN, accept
from samen_kit.clock import Clock

from samen_portal.adapters.sessions import SessionStore, SignedIn
from samen_portal.domain import claims
from samen_portal.domain.inspectie import may_inspect
from samen_portal.domain.scope import Viewer
from samen_portal.entrypoints.forms import form_fields

log = structlog.get_logger(__name__)
SID = "sid"
CSRF_FIELD = "csrf"
CSRF_HEADER = "X-CSRF-Token"
_REFRESH_MARGIN = timedelta(seconds=30)


class SignInNeeded(Exception):
    """No valid session: the pages send the browser to sign in."""


class CsrfRefused(Exception):
    """A form or htmx post without the session's CSRF token."""


@dataclass(frozen=True)
class User:
    """A signed-in request: who, with which token (for the services) and CSRF token."""

    viewer: Viewer
    session: SignedIn

    @property
    def token(self) -> str:
        return self.session.access_token

    @property
    def csrf(self) -> str:
        return self.session.csrf


def person_id(user: User) -> UUID:
    """The user's person id as the services derive it from the token's subject."""
    subject = user.viewer.principal.subject
    try:
        return UUID(subject)
    except ValueError:
        return pseudonymous_id("staff", user.viewer.tenant, subject)


class SignIn:
    def __init__(
        self,
        *,
        issuer: str | None,
        client_id: str,
        client_secret: str | None,
        store: SessionStore,
        verifier: StaffTokenVerifier,
        clock: Clock,
        session_length: timedelta,
    ) -> None:
        self.store = store
        self.verifier = verifier
        self.clock = clock
        self.session_length = session_length
        self.issuer = issuer
        oauth = OAuth()
        if issuer:
            oauth.register(
                "idp",
                client_id=client_id,
                client_secret=client_secret,
                server_metadata_url=f"{issuer.rstrip('/')}/.well-known/openid-configuration",
                client_kwargs={"scope": "openid", "code_challenge_method": "S256"},
            )
        self._oauth = oauth

    @property
    def client(self) -> Any:
        if not self.issuer:
            raise SignInNeeded("no identity provider configured")
        return self._oauth.create_client("idp")

    async def viewer(self, token: str) -> Viewer:
        principal = await self.verifier.verify(token)
        return Viewer(principal, principal.groups)

    async def user(self, request: Request) -> User:
        sid = request.session.get(SID)
        if not isinstance(sid, str):
            raise SignInNeeded()
        now = self.clock.now()
        found = await self.store.find(sid, now)
        if found is None:
            request.session.clear()
            raise SignInNeeded()
        found = await self._fresh(found, now)
        try:
            viewer = await self.viewer(found.access_token)
        except AccessRefusedError as error:
            await self.store.end(found.sid_hash)
            request.session.clear()
            raise SignInNeeded() from error
        accept(request, STAFF_TOKEN, viewer.tenant)
        return User(viewer, found)

    async def _fresh(self, found: SignedIn, now: datetime) -> SignedIn:
        """Refresh an access token about to expire (Keycloak's live minutes)."""
        expires = claims.payload(found.access_token).get("exp")
        soon = isinstance(expires, int) and expires <= (now + _REFRESH_MARGIN).timestamp()
        if not soon or not found.refresh_token or not self.issuer:
            return found
        try:
            token = await self.client.fetch_access_token(
                grant_type="refresh_token", refresh_token=found.refresh_token
            )
        except (OAuthError, Exception) as error:  # an ended session at the IdP
            log.info("portal.refresh_failed", error=type(error).__name__)
            await self.store.end(found.sid_hash)
            raise SignInNeeded() from error
        access, refresh = token["access_token"], token.get("refresh_token")
        await self.store.renew(found.sid_hash, access, refresh)
        return SignedIn(
            found.sid_hash,
            found.tenant,
            found.subject,
            access,
            refresh,
            found.id_token,
            found.csrf,
            found.expires_at,
        )


def sign_in_of(request: Request) -> SignIn:
    found = request.app.state.samen_portal_signin
    assert isinstance(found, SignIn)
    return found


async def current_user(request: Request) -> User:
    return await sign_in_of(request).user(request)


async def checked_user(request: Request) -> User:
    """The user of a POST: the CSRF token must come with it (form field or header)."""
    user = await current_user(request)
    sent = request.headers.get(CSRF_HEADER)
    if sent is None:
        sent = (await form_fields(request)).get(CSRF_FIELD)
    if sent is None or not hmac.compare_digest(sent, user.csrf):
        raise CsrfRefused()
    return user


UserDep = Annotated[User, Depends(current_user)]
PostingUserDep = Annotated[User, Depends(checked_user)]


def signin_router() -> APIRouter:
    router = APIRouter(tags=["sign-in"], include_in_schema=False)

    @router.get("/aanmelden")
    async def sign_in(request: Request) -> Response:
        signin = sign_in_of(request)
        redirect_uri = str(request.url_for("signed_in"))
        response: Response = await signin.client.authorize_redirect(request, redirect_uri)
        return response

    @router.get("/aanmelden/terug", name="signed_in")
    async def signed_in(request: Request) -> Response:
        signin = sign_in_of(request)
        try:
            token = await signin.client.authorize_access_token(request)
            viewer = await signin.viewer(token["access_token"])
        except (OAuthError, AccessRefusedError) as error:
            log.info("portal.signin_refused", error=type(error).__name__)
            return RedirectResponse("/afgemeld?fout=1", status_code=303)
        now = signin.clock.now()
        request.session.clear()  # a new session id at sign-in (no fixation)
        request.session[SID] = await signin.store.start(
            tenant=viewer.tenant,
            subject=viewer.principal.subject,
            access_token=token["access_token"],
            refresh_token=token.get("refresh_token"),
            id_token=token.get("id_token"),
            now=now,
            expires_at=now + signin.session_length,
        )
        # The inspectie starts on its own pages; everyone else on Te doen.
        return RedirectResponse("/inspectie" if may_inspect(viewer) else "/", status_code=303)

    @router.post("/afmelden")
    async def sign_out(request: Request, user: PostingUserDep) -> Response:
        signin = sign_in_of(request)
        await signin.store.end(user.session.sid_hash)
        request.session.clear()
        back = str(request.url_for("signed_out"))
        if not signin.issuer:
            return RedirectResponse(back, status_code=303)
        metadata = await signin.client.load_server_metadata()
        end = metadata.get("end_session_endpoint")
        if not end:
            return RedirectResponse(back, status_code=303)
        query = {"post_logout_redirect_uri": back, "client_id": signin.client.client_id}
        if user.session.id_token:
            query["id_token_hint"] = user.session.id_token
        return RedirectResponse(f"{end}?{urlencode(query)}", status_code=303)

    return router
