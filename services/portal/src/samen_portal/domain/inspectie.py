"""The inspectie's view: who may open it, the period it looks at and the command that
checks an export offline. Pure."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from samen_kit.access import Role

from samen_portal.domain.scope import Viewer

# The file name `GET /audit/public-key` is saved under; the command names it.
KEY_FILE = "audit-public-key.pem"


@dataclass(frozen=True)
class Period:
    start: date
    end: date


def may_inspect(viewer: Viewer) -> bool:
    """The inspectie's pages are for the inspectie (its token's tenant only)."""
    return viewer.role is Role.INSPECTIE


def school_year(today: date) -> Period:
    """From 1 August of the running school year up to today: today in the Netherlands,
    as the audit service reads the period (in UTC, the last hour of a Dutch day would
    fall outside the export)."""
    year = today.year if today.month >= 8 else today.year - 1
    return Period(date(year, 8, 1), today)


def export_file(tenant: str, period: Period) -> str:
    """The archive's name, as the audit service names it."""
    return f"samen-audit-{tenant}-{period.start.isoformat()}-{period.end.isoformat()}.zip"


def verify_command(tenant: str, period: Period) -> str:
    return f"samen audit verify {export_file(tenant, period)} --key {KEY_FILE}"
