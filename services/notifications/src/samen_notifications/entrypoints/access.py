"""Who may call this service: staff tokens (the identity provider's JWKS), guardian links
(this service's own key) and their sessions, and where refusals are recorded."""

from __future__ import annotations

import json

from joserfc.jwk import OKPKey
from samen_kit.access import (
    Access,
    JwksSource,
    StaticJwks,
    devkeys,
)
from samen_kit.access.keysource import jwks_source
from samen_kit.access.refusal_book import RefusalBook
from samen_kit.access.verification import guardian_access, staff_verifier
from samen_kit.service import ServiceRuntime

from samen_notifications.domain.guardian_links import GuardianLinks
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
    guardian = guardian_access(settings, StaticJwks(links.jwks()), clock, runtime.sessions)
    staff_keys = staff_jwks or jwks_source(
        settings.staff_jwks, devkeys.STAFF_KEY, keys_dir=settings.keys_dir
    )
    staff = staff_verifier(settings, staff_keys, clock)
    return Access(staff=staff, guardian=guardian, record_refusal=refusal_log, clock=clock)
