"""Refused attempts: the kit classifies, counts and reports them; this service declares
what its routes are about, and tells a lookup that found nothing apart.

A lookup that found nothing for the caller (`NotVisible`) is another tenant's data,
data outside the caller's schools, or nothing at all; the caller always gets the same
answer (404), only the audit trail knows the difference. Its tenant is the one that
owns what was looked for, else the caller's own.
"""

from __future__ import annotations

from samen_kit.access.refusal_book import Hidden, HiddenReason, ResourceKinds

from samen_consent.handlers.access import locate
from samen_consent.handlers.context import Context
from samen_consent.handlers.errors import NotVisible

RESOURCE_KINDS = ResourceKinds(
    {
        "/ouders/overzicht": "pupil",
        "/ouders/toestemming": "consent_request",
        "/v1/evidence": "consent_evidence",
        "/v1/pupils": "pupil",
        "/v1/purposes": "purpose",
        "/v1/requests": "consent_request",
        "/v1/roster": "roster",
        "/v1/schools": "school",
    },
    default="consent",
)


async def hidden_of(ctx: Context, error: NotVisible) -> Hidden:
    """What the miss was, for the trail: nowhere, another tenant's, or out of reach."""
    where = await locate(ctx, error.kind, error.resource_id)
    if where is None:
        return Hidden(error.kind.value, HiddenReason.NOT_FOUND, tenant=error.caller_tenant)
    if where.tenant != error.caller_tenant:
        return Hidden(error.kind.value, HiddenReason.OTHER_TENANT, tenant=where.tenant)
    return Hidden(error.kind.value, HiddenReason.OUT_OF_SCOPE, tenant=where.tenant)
