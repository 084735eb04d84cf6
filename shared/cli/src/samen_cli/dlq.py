"""`samen dlq list|replay`: what a service parked, and sending it back."""

from __future__ import annotations

import asyncio
from typing import Annotated

import typer
from samen_contract.topics import SERVICES, dlq_topic
from samen_kit.dlq_ops import list_dead_letters, replay_dead_letters
from samen_kit.settings import ServiceSettings

app = typer.Typer(help="Dead letters: list and replay.", no_args_is_help=True)

ServiceOpt = Annotated[str, typer.Option(help=f"One of: {', '.join(SERVICES)}")]


def _topic(service: str, settings: ServiceSettings) -> str:
    if service not in SERVICES:
        raise typer.BadParameter(f"unknown service {service!r}")
    return settings.topic_prefix + dlq_topic(service)


@app.command("list")
def list_(service: ServiceOpt) -> None:
    """List the dead letters of SERVICE, oldest first."""
    settings = ServiceSettings()
    letters = asyncio.run(list_dead_letters(settings.kafka_bootstrap, _topic(service, settings)))
    for letter in letters:
        info = letter.info
        typer.echo(
            f"{letter.offset:>6}  {letter.event_type or '?'}  {letter.event_id or '?'}  "
            f"{info.get('consumer', '?')}  {info.get('reason', '?')}: {info.get('error', '')}"
        )
    typer.echo(f"{len(letters)} dead letter(s) in {_topic(service, settings)}")


@app.command()
def replay(service: ServiceOpt) -> None:
    """Send every dead letter of SERVICE not replayed before back to its topic."""
    settings = ServiceSettings()
    topic = _topic(service, settings)
    count = asyncio.run(
        replay_dead_letters(settings.kafka_bootstrap, topic, group_id=f"{topic}.replay")
    )
    typer.echo(f"{count} dead letter(s) replayed from {topic}")
