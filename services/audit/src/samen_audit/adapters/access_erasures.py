"""Erasing the bodies of the log's own access entries (`AccessRefused` from every
service, the portal's `PupilFileViewed`) once their five years have run out, through
`erase_body()`: the leaves stay, so every proof still verifies. Nothing here commits.

A pupil under a legal hold keeps them: the hold is open while the log holds more
`LegalHoldPlaced` than `LegalHoldLifted` leaves about the pupil (the audit service
places them itself, so its own log is where they are)."""

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

REFUSED_LIKE = "samen.%.AccessRefused.v1"
VIEWED = "samen.portal.PupilFileViewed.v1"
CAUSE = "retention:access_records"  # no one fact caused it: the records' own age did

_TENANTS = text("SELECT DISTINCT tenant FROM audit_leaf")
_HOLDS = (
    "(SELECT count(*) FROM audit_leaf h WHERE h.tenant = l.tenant AND h.subject = l.subject"
    " AND h.event_type = 'samen.audit.LegalHold{}.v1')"
)
_ERASE = text(
    "SELECT count(*) FILTER (WHERE erase_body(l.tenant, l.leaf_index, :reason, :cause))"
    " FROM audit_leaf l WHERE l.tenant = :tenant AND l.occurred_at < :before"
    " AND (l.event_type LIKE :refused OR l.event_type = :viewed)"
    " AND EXISTS (SELECT 1 FROM audit_body b"
    "  WHERE b.tenant = l.tenant AND b.leaf_index = l.leaf_index)"
    f" AND (l.subject IS NULL OR {_HOLDS.format('Placed')} <= {_HOLDS.format('Lifted')})"
)


class SqlAccessErasures:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def tenants(self) -> Sequence[str]:
        return list((await self._session.execute(_TENANTS)).scalars())

    async def erase_before(self, tenant: str, before: datetime, basis: str) -> int:
        """Erase the bodies of the tenant's access entries that happened before `before`."""
        params = {
            "tenant": tenant,
            "before": before,
            "refused": REFUSED_LIKE,
            "viewed": VIEWED,
            "reason": basis,
            "cause": CAUSE,
        }
        return int((await self._session.execute(_ERASE, params)).scalar_one())
