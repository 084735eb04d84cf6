"""The inspectie's view: only the inspectie opens it, it looks at the school year so far,
and it names the command that checks the export offline."""

from __future__ import annotations

from datetime import date

import pytest
from samen_kit.access import Role
from samen_kit.access.staff import StaffPrincipal
from samen_portal.domain.inspectie import (
    Period,
    export_file,
    may_inspect,
    school_year,
    verify_command,
)
from samen_portal.domain.scope import Viewer

pytestmark = pytest.mark.unit


def viewer(role: Role) -> Viewer:
    return Viewer(StaffPrincipal(subject="staff-1", role=role, tenant="swv-a"))


@pytest.mark.parametrize("role", [r for r in Role if r is not Role.INSPECTIE])
def test_no_other_role_opens_the_inspecties_pages(role: Role) -> None:
    assert not may_inspect(viewer(role))


def test_the_inspectie_opens_them() -> None:
    assert may_inspect(viewer(Role.INSPECTIE))


@pytest.mark.parametrize(
    ("today", "start"),
    [
        (date(2026, 12, 6), date(2026, 8, 1)),
        (date(2027, 3, 15), date(2026, 8, 1)),
        (date(2026, 8, 1), date(2026, 8, 1)),
        (date(2026, 7, 31), date(2025, 8, 1)),
    ],
)
def test_the_period_is_the_school_year_up_to_today(today: date, start: date) -> None:
    assert school_year(today) == Period(start, today)


def test_the_command_names_the_archive_as_audit_names_it_and_the_key_file() -> None:
    period = Period(date(2026, 8, 1), date(2026, 12, 6))
    assert export_file("swv-a", period) == "samen-audit-swv-a-2026-08-01-2026-12-06.zip"
    assert verify_command("swv-a", period) == (
        "samen audit verify samen-audit-swv-a-2026-08-01-2026-12-06.zip --key audit-public-key.pem"
    )
