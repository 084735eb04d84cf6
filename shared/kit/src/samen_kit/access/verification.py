"""Access verification built from the settings every service shares: staff tokens from
the identity provider, guardian tokens and the parents' session cookie."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from samen_kit.access.dependencies import GuardianAccess
from samen_kit.access.guardian import GuardianTokenVerifier
from samen_kit.access.jwks import JwksSource
from samen_kit.access.sessions import GuardianSessionCodec
from samen_kit.access.staff import StaffTokenVerifier
from samen_kit.access.step_up_gate import STEP_UP_PAGE, StepUpGate
from samen_kit.access.step_up_proof import StepUpProofCodec
from samen_kit.access.used_tokens_sql import sql_used_tokens
from samen_kit.clock import Clock
from samen_kit.settings import ServiceSettings


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
