"""The `samen` command line."""

from __future__ import annotations

import typer

from samen_cli import audit, demo, dlq, infra, mail, platform, pss
from samen_cli.roster import roster_import
from samen_cli.token import token

app = typer.Typer(help="Samen: command line for operators and developers.", no_args_is_help=True)
app.add_typer(infra.app, name="infra")
app.add_typer(dlq.app, name="dlq")
app.add_typer(mail.app, name="mail")
app.command("token")(token)
app.command("up")(platform.up)
app.add_typer(demo.app, name="demo")
app.add_typer(audit.app, name="audit")
app.command("pss")(pss.pss)

roster_app = typer.Typer(help="The school's roster: import it into Samen.", no_args_is_help=True)
roster_app.command("import")(roster_import)
app.add_typer(roster_app, name="roster")
