"""Privacy rights (AVG): what a service holds about a pupil and a guardian, read for the
right of access (art. 15) through one guardian route per service."""

from samen_kit.privacy.export import (
    EXPORT_PATH,
    guardian_export_router,
    roster_authority,
    service_export_router,
)
from samen_kit.privacy.holdings import GUARDIAN_COLUMNS, Holding, holdings_in, read_holdings

__all__ = [
    "EXPORT_PATH",
    "GUARDIAN_COLUMNS",
    "Holding",
    "guardian_export_router",
    "holdings_in",
    "read_holdings",
    "roster_authority",
    "service_export_router",
]
