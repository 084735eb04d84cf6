"""`samen audit verify ARCHIVE [--since OLD_TREE_HEAD]`: check an export offline."""

from pathlib import Path
from typing import Annotated

import typer
from samen_archive import verify_archive
from samen_archive.earlier import UnreadableEarlier, load_earlier
from samen_archive.signing import load_public_key_pem

EXIT_NOT_OK = 1
EXIT_UNUSABLE_INPUT = 2

app = typer.Typer(no_args_is_help=True)


@app.callback()
def audit() -> None:
    """Auditlogboek: exports controleren. / Audit log: check exports."""


@app.command("verify")
def verify(
    archive: Annotated[
        Path,
        typer.Argument(help="De export (.zip). / The export archive (.zip)."),
    ],
    since: Annotated[
        Path | None,
        typer.Option(
            "--since",
            help="Een eerder bewaarde boomkop (tree_head.json) of eerdere export."
            " / A tree head (or export) kept from an earlier visit.",
        ),
    ] = None,
    key: Annotated[
        Path | None,
        typer.Option(
            "--key",
            help="De publieke sleutel die u vertrouwt (PEM). / The public key you trust (PEM).",
        ),
    ] = None,
) -> None:
    """Controleer een export zonder Samen. / Check an export offline, without Samen."""
    try:
        earlier = load_earlier(since) if since else None
        trusted = load_public_key_pem(key.read_bytes()) if key else None
    except (UnreadableEarlier, OSError, ValueError) as error:
        typer.echo(f"Kan niet lezen / cannot read: {error}", err=True)
        raise typer.Exit(EXIT_UNUSABLE_INPUT) from error
    report = verify_archive(archive, earlier, trusted_key=trusted)
    for line in report.lines():
        typer.echo(line)
    if not report.ok:
        raise typer.Exit(EXIT_NOT_OK)


if __name__ == "__main__":
    app()
