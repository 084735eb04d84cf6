"""Refused attempts, counted per minute for `AccessRefused` (reported by the sweep).

Two sources: the access kit's refusals (tokens, sessions, roles), and lookups that
found nothing for the caller (`NotVisible`), told apart here as another tenant's data,
data outside the caller's schools, or nothing at all. The caller always gets the same
answer; only the audit trail knows the difference.

Tenant of a record: for a token refusal, the tenant the token proves (a forged token
proves none: `platform`); for a lookup, the tenant that owns what was looked for, else
the caller's own.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime

from samen_contract.envelope import PLATFORM_TENANT
from samen_contract.events.access import AccessRefusedReason as Reason
from samen_contract.events.access import Credential
from samen_kit.access import Audience, Refusal, RefusalReason

from samen_consent.adapters.refusals import RefusalGroup
from samen_consent.entrypoints.scope import Attempted, attempted
from samen_consent.handlers.access import count_refusal, locate
from samen_consent.handlers.context import Context
from samen_consent.handlers.errors import NotVisible

_PLAIN = {
    RefusalReason.MISSING: Reason.MISSING_TOKEN,
    RefusalReason.MALFORMED: Reason.FORGED_TOKEN,
    RefusalReason.FORGED: Reason.FORGED_TOKEN,
    RefusalReason.EXPIRED: Reason.EXPIRED_TOKEN,
    RefusalReason.TOO_LONG_LIVED: Reason.EXPIRED_TOKEN,
    RefusalReason.WRONG_AUDIENCE: Reason.WRONG_AUDIENCE,
    RefusalReason.WRONG_ISSUER: Reason.FORGED_TOKEN,
    RefusalReason.REUSED: Reason.REUSED_TOKEN,
    RefusalReason.NOT_PERMITTED: Reason.FORBIDDEN_ROLE,
}
_KIND_OF_PARAM = {
    "request_id": "consent_request",
    "evidence_id": "consent_evidence",
    "pupil_id": "pupil",
    "school_id": "school",
    "code": "purpose",
}


class RefusalBook:
    """The service's `RefusalRecorder`, and the recorder of lookups that found nothing."""

    def __init__(self, ctx: Context, session_cookie: str) -> None:
        self._ctx = ctx
        self._session_cookie = session_cookie

    async def __call__(self, refusal: Refusal, /) -> None:
        seen = attempted()
        route = refusal.route or seen.route  # the kit names method and template itself
        seen = replace(seen, method=refusal.method, route=route)
        reason, credential = self._classify(refusal, seen)
        tenant = refusal.proven.tenant or PLATFORM_TENANT
        await self._count(tenant, reason, credential, seen, resource_kind(seen), refusal.at)

    async def not_visible(self, error: NotVisible, guardian: bool) -> None:
        seen = attempted()
        where = await locate(self._ctx, error.kind, error.resource_id)
        if where is None:
            reason, tenant = Reason.NOT_FOUND, error.caller_tenant
        elif where.tenant != error.caller_tenant:
            reason, tenant = Reason.OTHER_TENANT, where.tenant
        else:
            reason, tenant = Reason.OUT_OF_SCOPE, where.tenant
        credential = self._guardian_credential(seen) if guardian else Credential.STAFF_TOKEN
        await self._count(tenant, reason, credential, seen, error.kind.value, self._ctx.now())

    def _classify(self, refusal: Refusal, seen: Attempted) -> tuple[Reason, Credential]:
        reason = _PLAIN[refusal.reason]
        if refusal.reason is RefusalReason.MISSING:
            return reason, Credential.NONE
        if refusal.reason is RefusalReason.MALFORMED:
            return reason, Credential.UNREADABLE
        wrong_audience = refusal.reason is RefusalReason.WRONG_AUDIENCE
        if refusal.audience is Audience.STAFF:
            return reason, Credential.GUARDIAN_TOKEN if wrong_audience else Credential.STAFF_TOKEN
        if wrong_audience:
            return reason, Credential.STAFF_TOKEN
        if refusal.reason is RefusalReason.REUSED:
            return reason, Credential.GUARDIAN_TOKEN
        credential = self._guardian_credential(seen)
        if credential is Credential.GUARDIAN_SESSION:
            return Reason.INVALID_SESSION, credential
        return reason, credential

    def _guardian_credential(self, seen: Attempted) -> Credential:
        """The session cookie when the request brings one and no link token in its URL.

        A token posted in a form beside a session cookie counts as the session: the
        recorder cannot read the body (the kit reads it), so it guesses the cookie.
        """
        if seen.has_query_token or self._session_cookie not in seen.cookies:
            return Credential.GUARDIAN_TOKEN
        return Credential.GUARDIAN_SESSION

    async def _count(
        self,
        tenant: str,
        reason: Reason,
        credential: Credential,
        seen: Attempted,
        kind: str,
        at: datetime,
    ) -> None:
        group = RefusalGroup(
            window_start=at.replace(second=0, microsecond=0),
            tenant=tenant,
            reason=reason.value,
            credential=credential.value,
            method=seen.method,
            route=seen.route,
            resource_kind=kind,
        )
        await count_refusal(self._ctx, group)


def resource_kind(seen: Attempted) -> str:
    """What the route is about: its last id parameter, else its first word after /v1."""
    for param in reversed(_PARAM.findall(seen.route)):
        if param in _KIND_OF_PARAM:
            return _KIND_OF_PARAM[param]
    words = [_WORD.sub("_", w.lower()) for w in seen.route.split("/")]
    named = [w for w in words if w[:1].isalpha() and w not in {"v1", "ouders"}]
    return named[0] if named else "consent"


_WORD = re.compile(r"[^a-z0-9_]")
_PARAM = re.compile(r"{([a-z_]+)}")
