"""`samen roster import FILE`: read the school's roster file and split it between the
consent service (pupils, dates, guardians' standing) and the notifications service
(first names, contact points, languages). The format is in docs/roster.md.

Each service imports idempotently, so running the same file twice changes nothing.
Rows with a problem are reported by their line; the other rows go in. Exit code 0: all
rows in; 1: some rows reported; 2: the file or a service could not be used.
"""

from __future__ import annotations

from datetime import timedelta
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any
from uuid import UUID, uuid4

import httpx
import typer
from samen_kit.access import Role, mint_staff_token
from samen_kit.access.devkeys import DEV_STAFF_ISSUER, KEYS_DIR_ENV, dev_staff_key
from samen_kit.clock import SystemClock

from samen_cli.roster_csv import (
    BadRow,
    Numbering,
    RosterFileError,
    Row,
    consent_payload,
    contacts_payload,
    read_roster,
)

CHUNK_ROWS = 1000  # rows per call: one transaction each on the service's side


class Only(StrEnum):
    ALL = "all"
    CONSENT = "consent"
    NOTIFICATIONS = "notifications"


def roster_import(
    file: Annotated[Path, typer.Argument(exists=True, dir_okay=False, readable=True)],
    tenant: Annotated[str, typer.Option(help="The tenant (samenwerkingsverband) id.")],
    school_id: Annotated[UUID, typer.Option(help="The school's id in Samen.")],
    board_id: Annotated[UUID | None, typer.Option(help="The school's board.")] = None,
    consent_url: Annotated[str, typer.Option(envvar="SAMEN_CONSENT_URL")] = (
        "http://127.0.0.1:8101"
    ),
    notifications_url: Annotated[str, typer.Option(envvar="SAMEN_NOTIFICATIONS_URL")] = (
        "http://127.0.0.1:8102"
    ),
    only: Annotated[Only, typer.Option(help="Send to one service only.")] = Only.ALL,
    token: Annotated[
        str | None, typer.Option(envvar="SAMEN_TOKEN", help="Staff token; else a dev token.")
    ] = None,
    keys_dir: Annotated[
        Path | None, typer.Option(envvar=KEYS_DIR_ENV, help="Folder of the development keys.")
    ] = None,
) -> None:
    """Import a school's roster file (CSV, see docs/roster.md) into Samen."""
    numbering = Numbering(tenant, school_id)
    try:
        roster = read_roster(file.read_text(encoding="utf-8-sig"), numbering)
    except (RosterFileError, UnicodeDecodeError) as error:
        typer.echo(f"{file}: {error}", err=True)
        raise typer.Exit(2) from error
    bearer = token or dev_token(tenant, school_id, board_id, keys_dir)
    try:
        reported = send(
            roster.rows, school_id, board_id, bearer, only, consent_url, notifications_url
        )
    except httpx.HTTPError as error:
        typer.echo(f"mislukt: {error}", err=True)
        raise typer.Exit(2) from error
    problems = sorted([*roster.bad, *reported], key=lambda bad: bad.line)
    for bad in problems:
        typer.echo(f"regel {bad.line}: {bad.detail}", err=True)
    raise typer.Exit(1 if problems else 0)


def send(
    rows: list[Row],
    school_id: UUID,
    board_id: UUID | None,
    bearer: str,
    only: Only,
    consent_url: str,
    notifications_url: str,
) -> list[BadRow]:
    """Consent first; the notifications service gets the rows consent took in."""
    headers = {"Authorization": f"Bearer {bearer}"}
    reported: list[BadRow] = []
    with httpx.Client(headers=headers, timeout=60.0) as client:
        if only is not Only.NOTIFICATIONS:
            reported = _to_consent(client, consent_url, school_id, board_id, rows)
            refused = {bad.line for bad in reported}
            rows = [row for row in rows if row.line not in refused]
        if only is not Only.CONSENT:
            reported += _to_notifications(client, notifications_url, school_id, rows)
    return reported


def _to_consent(
    client: httpx.Client, base: str, school_id: UUID, board_id: UUID | None, rows: list[Row]
) -> list[BadRow]:
    imported = unchanged = 0
    reported: list[BadRow] = []
    for chunk in _chunks(rows):
        answer = _post(client, f"{base}/v1/roster", consent_payload(school_id, board_id, chunk))
        imported, unchanged = imported + answer["imported"], unchanged + answer["unchanged"]
        reported += [BadRow(e["line"], e["detail"]) for e in answer.get("errors", [])]
    typer.echo(
        f"toestemming: {imported} ingelezen, {unchanged} ongewijzigd, {len(reported)} met een fout"
    )
    return reported


def _to_notifications(
    client: httpx.Client, base: str, school_id: UUID, rows: list[Row]
) -> list[BadRow]:
    imported = unchanged = 0
    reported: list[BadRow] = []
    for chunk in _chunks(rows):
        answer = _post(client, f"{base}/v1/roster/contacts", contacts_payload(school_id, chunk))
        imported += int(answer.get("imported", 0))
        unchanged += int(answer.get("unchanged", 0))
        reported += [BadRow(e["line"], e["detail"]) for e in answer.get("errors", [])]
    typer.echo(
        f"berichten: {imported} ingelezen, {unchanged} ongewijzigd, {len(reported)} met een fout"
    )
    return reported


def _post(client: httpx.Client, url: str, payload: dict[str, Any]) -> Any:
    response = client.post(url, json=payload)
    if response.is_error:
        detail = response.text[:500]
        raise httpx.HTTPStatusError(
            f"{url} answered {response.status_code}: {detail}",
            request=response.request,
            response=response,
        )
    return response.json()


def _chunks(rows: list[Row]) -> list[list[Row]]:
    return [rows[start : start + CHUNK_ROWS] for start in range(0, len(rows), CHUNK_ROWS)]


def dev_token(tenant: str, school_id: UUID, board_id: UUID | None, keys_dir: Path | None) -> str:
    """A director's token for this school, signed with the local development key."""
    return mint_staff_token(
        dev_staff_key(keys_dir),
        subject=str(uuid4()),
        role=Role.DIRECTOR,
        tenant=tenant,
        issuer=DEV_STAFF_ISSUER,
        now=SystemClock().now(),
        schools=[str(school_id)],
        boards=[] if board_id is None else [str(board_id)],
        ttl=timedelta(minutes=15),
    )
