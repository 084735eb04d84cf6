"""Who may call this service: staff tokens (the identity provider's JWKS), guardian links
(this service's own key) and their sessions, and where refusals are recorded."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
from joserfc.jwk import OKPKey
from samen_kit.access import (
    Access,
    FileJwks,
    GuardianAccess,
    GuardianSessionCodec,
    GuardianTokenVerifier,
    HttpJwks,
    JwksSource,
    StaffTokenVerifier,
    StaticJwks,
    devkeys,
)
from samen_kit.access.refusal_book import RefusalBook
from samen_kit.access.used_tokens_sql import sql_used_tokens
from samen_kit.service import ServiceRuntime

from samen_notifications.guardian_links import GuardianLinks
from samen_notifications.settings import NotificationsSettings


def guardian_key(settings: NotificationsSettings) -> OKPKey:
    if settings.guardian_key_file is not None:
        return OKPKey.import_key(json.loads(settings.guardian_key_file.read_text("utf-8")))
    return devkeys.dev_guardian_key(settings.keys_dir)


def access_for(
    settings: NotificationsSettings,
    runtime: ServiceRuntime,
    links: GuardianLinks,
    refusal_log: RefusalBook,
    staff_jwks: JwksSource | None,
) -> Access:
    clock = runtime.clock
    guardian = GuardianAccess(
        tokens=GuardianTokenVerifier(
            StaticJwks(links.jwks()),
            clock=clock,
            max_lifetime=settings.guardian_token_max_lifetime,
        ),
        sessions=GuardianSessionCodec(
            settings.session_secret_or_random(),
            clock=clock,
            secure=settings.secure_cookies,
        ),
        used_tokens=sql_used_tokens(runtime.sessions),
    )
    staff = StaffTokenVerifier(
        staff_jwks or staff_jwks_of(settings),
        issuer=settings.required_staff_issuer,
        clock=clock,
        max_lifetime=settings.staff_token_max_lifetime,
    )
    return Access(staff=staff, guardian=guardian, record_refusal=refusal_log, clock=clock)


def staff_jwks_of(settings: NotificationsSettings) -> JwksSource:
    location = settings.staff_jwks
    if location and location.startswith(("http://", "https://")):
        return HttpJwks(location, httpx.AsyncClient())
    if location:
        return FileJwks(Path(location))
    devkeys.dev_staff_key(settings.keys_dir)  # makes the local JWKS file on first use
    return FileJwks(devkeys.jwks_path(devkeys.STAFF_KEY, settings.keys_dir))
