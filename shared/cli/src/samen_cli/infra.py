"""`samen infra up|down|status`: the local Kafka broker and PostgreSQL (deploy/local)."""

from __future__ import annotations

import typer
from samen_kit import localinfra

app = typer.Typer(help="Local Kafka, PostgreSQL and Keycloak without Docker.", no_args_is_help=True)


@app.command()
def up() -> None:
    """Start Kafka, PostgreSQL and Keycloak (harmless when they already run)."""
    localinfra.main(["up"])


@app.command()
def down() -> None:
    """Stop them; no process is left behind."""
    localinfra.main(["down"])


@app.command()
def status() -> None:
    """One line per component with its state."""
    localinfra.main(["status"])
