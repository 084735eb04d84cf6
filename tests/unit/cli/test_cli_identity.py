"""`samen up` lists the demo accounts one can sign in with: name, role, where."""

from __future__ import annotations

import pytest
from samen_cli.demo_region import region
from samen_cli.identity import password_line, sign_in_lines
from samen_kit.localinfra.demo_accounts import demo_accounts
from samen_kit.localinfra.realm import DEV_PASSWORD

pytestmark = pytest.mark.unit


def test_every_demo_account_is_listed_with_its_role_and_school() -> None:
    lines = sign_in_lines(region())
    assert len(lines) == len(demo_accounts())
    by_user = {line.split()[0]: line for line in lines}
    assert by_user["ib.brede-school-de-linde"].split()[1] == "ib"
    assert by_user["ib.brede-school-de-linde"].endswith("Brede School De Linde")
    assert by_user["teacher.obs-het-kompas"].endswith("OBS Het Kompas, groep 6b")
    assert by_user["board_admin.de-brug"].endswith("Stichting De Brug")
    assert by_user["trajectbegeleider"].endswith("alle scholen")
    assert by_user["swv_admin"].endswith("hele samenwerkingsverband")


def test_only_the_documented_development_password_is_shown() -> None:
    assert not any(DEV_PASSWORD in line for line in sign_in_lines(region()))
    assert password_line().endswith(DEV_PASSWORD)


def test_another_tenant_has_no_demo_accounts() -> None:
    assert sign_in_lines(region(tenant="swv-elders")) == []
