"""`samen roster import` against the real consent service over HTTP, with a small local
receiver standing in for the notifications service's `/v1/roster/contacts` route."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any
from uuid import UUID, uuid4

import pytest
import typer
from fastapi import FastAPI, Request
from samen_cli.roster import roster_import
from samen_contract import pseudonymous_id
from samen_contract.events.consent import PupilEnrolled
from samen_kit.access import Role
from samen_kit.testing.names import new_tenant
from samen_kit.testing.server import serve
from typer.testing import CliRunner, Result

from services.consent.tests.consent_harness import ConsentService

pytestmark = pytest.mark.integration

FILE = """leerlingnummer;voornaam;geboortedatum;inschrijfdatum;uitschrijfdatum;ouder1_nummer;ouder1_gezag;ouder1_email;ouder1_mobiel;ouder1_taal;ouder1_niet_benaderen
1001;Sara;2017-03-04;2025-08-18;;m-1;ja;m1@example.org;0612345678;ar;nee
1002;Daan;2016-11-30;2025-08-18;;m-2;nee;;;;ja
1003;Fout;2031-01-01;2025-08-18;;m-3;ja;;;;
"""  # noqa: E501 - one CSV line per row


def _receiver(received: list[dict[str, Any]]) -> FastAPI:
    app = FastAPI()

    @app.post("/v1/roster/contacts")
    async def contacts(request: Request) -> dict[str, Any]:
        body = await request.json()
        received.append({"body": body, "auth": request.headers.get("authorization")})
        return {"imported": len(body["rows"]), "errors": []}

    return app


async def _run(args: list[str]) -> Result:
    app = typer.Typer()
    app.command()(roster_import)
    # The command is synchronous; the services answer from this test's event loop.
    return await asyncio.to_thread(CliRunner().invoke, app, args)


def _arguments(
    file: Path, tenant: str, school: UUID, consent: str, notifications: str, token: str
) -> list[str]:
    """The command line of an import of `file` for one school of `tenant`."""
    return [
        str(file),
        "--tenant",
        tenant,
        "--school-id",
        str(school),
        "--consent-url",
        consent,
        "--notifications-url",
        notifications,
        "--token",
        token,
    ]


async def test_the_file_is_split_between_consent_and_notifications_and_reimport_is_idle(
    consent: ConsentService, tmp_path: Path
) -> None:
    tenant, school = new_tenant(), uuid4()
    file = tmp_path / "roster.csv"
    file.write_text(FILE, encoding="utf-8")
    # The service runs on the test's clock, so the test mints the token (the CLI's own
    # development token is checked in test_cli_roster_unit.py).
    token = consent.staff_token(tenant, Role.DIRECTOR, schools=[school])["Authorization"].split()[1]
    received: list[dict[str, Any]] = []
    async with serve(_receiver(received)) as notifications:
        args = _arguments(file, tenant, school, consent.base_url, notifications, token)
        first = await _run(args)
        second = await _run(args)

    assert first.exit_code == 1, first.output  # one row reported
    assert "toestemming: 2 ingelezen, 0 ongewijzigd, 1 met een fout" in first.output
    assert "regel 4: geboortedatum ligt in de toekomst" in first.output
    assert "berichten: 2 ingelezen, 0 ongewijzigd, 0 met een fout" in first.output
    assert "toestemming: 0 ingelezen, 2 ongewijzigd" in second.output
    sara = pseudonymous_id("pupil", tenant, str(school), "1001")
    seen = await consent.events.wait(tenant, lambda s: len(s) == 4)
    assert len(await consent.events.settle(tenant)) == 4  # the second run emitted nothing
    enrolled = {s.event.pupil_id for s in seen if isinstance(s.event, PupilEnrolled)}
    assert sara in enrolled and len(enrolled) == 2
    contacts = received[0]["body"]
    assert [r["line"] for r in contacts["rows"]] == [2, 3]  # line 4 was refused by consent
    assert contacts["rows"][0]["pupil_first_name"] == "Sara"
    assert contacts["rows"][0]["guardians"][0]["mobile"] == "+31612345678"
    assert received[0]["auth"].startswith("Bearer ")
    director = consent.staff_token(tenant, Role.DIRECTOR, schools=[school])
    pupil = await consent.http.get(f"/v1/pupils/{sara}", headers=director)
    assert pupil.json()["guardians"][0]["standing"] == "parental_authority"


async def test_only_consent_sends_nothing_to_notifications(
    consent: ConsentService, tmp_path: Path
) -> None:
    tenant, school = new_tenant(), uuid4()
    file = tmp_path / "roster.csv"
    file.write_text(FILE.rsplit("1003", 1)[0], encoding="utf-8")
    token = consent.staff_token(tenant, Role.IB, schools=[school])["Authorization"].split()[1]

    nobody = "http://127.0.0.1:9"
    args = _arguments(file, tenant, school, consent.base_url, nobody, token)
    result = await _run([*args, "--only", "consent"])

    assert result.exit_code == 0, result.output
    assert "berichten" not in result.output
    await consent.events.wait(tenant, lambda s: len(s) == 4)
