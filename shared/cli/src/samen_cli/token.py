"""`samen token`: a staff token for local development, signed with the dev IdP key."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Annotated
from uuid import uuid4

import typer
from samen_kit.access import Role, mint_staff_token
from samen_kit.access.devkeys import DEV_STAFF_ISSUER, KEYS_DIR_ENV, dev_staff_key
from samen_kit.clock import SystemClock


def token(
    role: Annotated[Role, typer.Option(help="The staff role the token names.")],
    tenant: Annotated[str, typer.Option(help="The tenant (samenwerkingsverband) id.")],
    schools: Annotated[
        list[str] | None, typer.Option("--school", help="A school it covers (repeat).")
    ] = None,
    boards: Annotated[
        list[str] | None, typer.Option("--board", help="A board it covers (repeat).")
    ] = None,
    subject: Annotated[
        str | None, typer.Option(help="Pseudonymous staff id; a fresh one if left out.")
    ] = None,
    ttl: Annotated[int, typer.Option(help="Lifetime in minutes.", min=1)] = 480,
    keys_dir: Annotated[
        Path | None, typer.Option(envvar=KEYS_DIR_ENV, help="Folder of the development keys.")
    ] = None,
) -> None:
    """Print a staff token (audience `staff`) signed with the local development key."""
    minted = mint_staff_token(
        dev_staff_key(keys_dir),
        subject=subject or str(uuid4()),
        role=role,
        tenant=tenant,
        issuer=DEV_STAFF_ISSUER,
        now=SystemClock().now(),
        schools=schools or [],
        boards=boards or [],
        ttl=timedelta(minutes=ttl),
    )
    typer.echo(minted)
