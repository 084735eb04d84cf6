"""Refused attempts counted per minute and group, in this service's own table."""

from __future__ import annotations

from samen_kit.refusal_counts import RefusalGroup
from samen_kit.refusal_counts import SqlRefusalCounts as _KitRefusalCounts
from sqlalchemy.ext.asyncio import AsyncSession

from samen_consent.adapters.tables import RefusalCountRow

__all__ = ["RefusalGroup", "SqlRefusalCounts"]


class SqlRefusalCounts(_KitRefusalCounts[RefusalCountRow]):
    def __init__(self, session: AsyncSession) -> None:
        super().__init__(session, RefusalCountRow)
