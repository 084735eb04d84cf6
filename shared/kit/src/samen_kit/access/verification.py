"""Access verification built from the settings every service shares: staff tokens from
the identity provider, guardian tokens and the parents' session cookie."""

from __future__ import annotations

import structlog
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from samen_kit.access.dependencies import Access, GuardianAccess
from samen_kit.access.devkeys import GUARDIAN_KEY, STAFF_KEY
from samen_kit.access.guardian import GuardianTokenVerifier
from samen_kit.access.jwks import JwksSource
from samen_kit.access.keysource import jwks_source
from samen_kit.access.refusals import RefusalRecorder
from samen_kit.access.sessions import GuardianSessionCodec
from samen_kit.access.staff import StaffTokenVerifier
from samen_kit.access.step_up_gate import STEP_UP_PAGE, StepUpGate
from samen_kit.access.step_up_proof import StepUpProofCodec
from samen_kit.access.used_tokens_sql import sql_used_tokens
from samen_kit.clock import Clock
from samen_kit.settings import ServiceSettings

log = structlog.get_logger(__name__)


def staff_verifier(settings: ServiceSettings, keys: JwksSource, clock: Clock) -> StaffTokenVerifier:
    return StaffTokenVerifier(
        keys,
        issuer=settings.required_staff_issuer,
        clock=clock,
        max_lifetime=settings.staff_token_max_lifetime,
    )


def guardian_access(
    settings: ServiceSettings,
    keys: JwksSource,
    clock: Clock,
    sessions: async_sessionmaker[AsyncSession],
) -> GuardianAccess:
    """Guardian tokens (each used once) exchanged for the parents' session cookie."""
    return GuardianAccess(
        tokens=GuardianTokenVerifier(
            keys, clock=clock, max_lifetime=settings.guardian_token_max_lifetime
        ),
        sessions=GuardianSessionCodec(
            settings.session_secret_or_random(),
            clock=clock,
            secure=settings.secure_cookies,
            domain=settings.guardian_cookie_domain,
        ),
        used_tokens=sql_used_tokens(sessions),
    )


def guardian_access_from(
    settings: ServiceSettings, clock: Clock, sessions: async_sessionmaker[AsyncSession]
) -> GuardianAccess:
    """Guardian access with the link keys the settings name (a JWKS address, or the
    development key on disk)."""
    if not settings.session_secret or not settings.session_secret.get_secret_value():
        # Sessions and step-up proofs then end with the process and hold on no other.
        log.warning("guardian_session.ephemeral_secret", service=settings.service)
    keys = jwks_source(settings.guardian_jwks, GUARDIAN_KEY, clock=clock)
    return guardian_access(settings, keys, clock, sessions)


def service_access(
    settings: ServiceSettings,
    clock: Clock,
    sessions: async_sessionmaker[AsyncSession],
    record_refusal: RefusalRecorder,
    *,
    parent_pages: bool = True,
) -> Access:
    """What a service verifies, from its settings: staff tokens from the identity
    provider's keys and, when it has parent pages, guardian links and sessions; every
    refusal goes to `record_refusal`."""
    staff_keys = jwks_source(settings.staff_jwks, STAFF_KEY, clock=clock)
    return Access(
        staff=staff_verifier(settings, staff_keys, clock),
        guardian=guardian_access_from(settings, clock, sessions) if parent_pages else None,
        record_refusal=record_refusal,
        clock=clock,
    )


def step_up_proofs(settings: ServiceSettings) -> StepUpProofCodec:
    """The step-up proof every service reads with the secret they all share (ADR 0012)."""
    return StepUpProofCodec(
        settings.session_secret_or_random(),
        secure=settings.secure_cookies,
        domain=settings.guardian_cookie_domain,
    )


def step_up_gate(settings: ServiceSettings, clock: Clock) -> StepUpGate:
    """The gate of this service's sensitive parent actions, pointing at notifications'
    step-up page and back at this service's own public address."""
    page = f"{settings.notifications_public_url.rstrip('/')}{STEP_UP_PAGE}"
    return StepUpGate(step_up_proofs(settings), clock, page, settings.public_base_url)
