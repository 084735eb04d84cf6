"""`samen infra up|down|status [--cluster]`: the local Kafka broker (or a cluster of
three) and PostgreSQL (deploy/local)."""

from __future__ import annotations

from typing import Annotated

import typer
from samen_kit import localinfra

app = typer.Typer(help="Local Kafka, PostgreSQL and Keycloak without Docker.", no_args_is_help=True)

Cluster = Annotated[
    bool,
    typer.Option(
        "--cluster",
        help="Three Kafka nodes (ports 19192-19194, controllers 19195-19197) instead of one.",
    ),
]


def _flags(cluster: bool) -> list[str]:
    return ["--cluster"] if cluster else []


@app.command()
def up(cluster: Cluster = False) -> None:
    """Start Kafka, PostgreSQL and Keycloak (harmless when they already run)."""
    localinfra.main(["up", *_flags(cluster)])


@app.command()
def down(cluster: Cluster = False) -> None:
    """Stop them; no process is left behind."""
    localinfra.main(["down", *_flags(cluster)])


@app.command()
def status(cluster: Cluster = False) -> None:
    """One line per component with its state."""
    localinfra.main(["status", *_flags(cluster)])
