"""The `samen` command line."""

import typer

app = typer.Typer(help="Samen: command line for operators and developers.", no_args_is_help=True)
