"""Refused attempts counted per minute and group, in this service's own table."""

from __future__ import annotations

from samen_kit.refusal_counts import SqlRefusalCounts
from sqlalchemy.ext.asyncio import AsyncSession

from samen_disputes.adapters.tables import RefusalCountRow


def refusal_counts(session: AsyncSession) -> SqlRefusalCounts[RefusalCountRow]:
    """The kit's `RefusalCountStore` over this service's table."""
    return SqlRefusalCounts(session, RefusalCountRow)
