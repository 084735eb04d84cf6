"""Used guardian link tokens as access records: a use goes five years after it was
recorded, if nothing forgot it sooner (the consent service forgets a use once its token
has expired). Import only where `guardian_token_use` exists, as `used_tokens_sql`."""

from __future__ import annotations

from samen_kit.access.used_tokens_sql import GuardianTokenUse
from samen_kit.retention.purge import AgedRecords

TOKEN_USES = AgedRecords(GuardianTokenUse.__table__, "used_at")  # type: ignore[attr-defined]
