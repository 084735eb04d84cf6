"""The `samen` command line."""

from __future__ import annotations

import typer

from samen_cli import dlq, infra, mail, platform
from samen_cli.token import token

app = typer.Typer(help="Samen: command line for operators and developers.", no_args_is_help=True)
app.add_typer(infra.app, name="infra")
app.add_typer(dlq.app, name="dlq")
app.add_typer(mail.app, name="mail")
app.command("token")(token)
app.command("up")(platform.up)
