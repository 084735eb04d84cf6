"""`samen mail list|show`: the mail the local SMTP server kept, read from its folder.

The folder is `--folder`, else `$SAMEN_MAIL_DIR`, else `<repo>/deploy/local/.state/mail`.
Its format (written by `samen_kit.localinfra.mailserver`): one `.eml` file per
message as received, and `index.jsonl` with a JSON line per message (file, received,
message_id, to, subject, date, language).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from email import message_from_bytes
from email.message import EmailMessage
from email.policy import default as default_policy
from pathlib import Path
from typing import Annotated, Any

import typer
from samen_kit.localinfra.mailserver import INDEX, MAIL_DIR_ENV, mail_folder

from samen_cli.terminal import date_time

SHOWN_HEADERS = ("From", "To", "Subject", "Date", "Message-ID", "Content-Language")

app = typer.Typer(help="Mail kept by the local SMTP server.", no_args_is_help=True)

FolderOpt = Annotated[
    Path | None,
    typer.Option(help=f"Mail folder [default: ${MAIL_DIR_ENV} or deploy/local/.state/mail]"),
]


def read_index(folder: Path) -> list[dict[str, Any]]:
    index = folder / INDEX
    if not index.exists():
        return []
    lines = index.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@app.command("list")
def list_(
    folder: FolderOpt = None,
    last: Annotated[int, typer.Option(help="Show only the last N messages (0: all).")] = 0,
) -> None:
    """List the kept messages, oldest first: number, time, language, to, subject."""
    where = mail_folder(folder)
    entries = read_index(where)
    first = max(len(entries) - last, 0) if last else 0
    for number, entry in enumerate(entries[first:], start=first + 1):
        received = _received(entry)
        typer.echo(
            f"{number:>5}  {received}  {entry.get('language') or '-':<5}  "
            f"{entry.get('to', '')}  {entry.get('subject', '')}"
        )
    typer.echo(f"{len(entries)} message(s) in {where}")


def _received(entry: dict[str, Any]) -> str:
    """When the server took the message, in Dutch time with its zone."""
    try:
        at = datetime.fromisoformat(str(entry.get("received", "")))
    except ValueError:
        return "-"
    return date_time(at if at.tzinfo else at.replace(tzinfo=UTC))


@app.command()
def show(
    message: Annotated[str, typer.Argument(help="Number from `list`, file name or Message-ID.")],
    folder: FolderOpt = None,
    html: Annotated[bool, typer.Option("--html", help="Show the HTML part.")] = False,
) -> None:
    """Show one message: its headers, attachments and the text (or HTML) part."""
    where = mail_folder(folder)
    entry = find_entry(read_index(where), message)
    if entry is None:
        typer.echo(f"no message {message!r} in {where}", err=True)
        raise typer.Exit(1)
    parsed = message_from_bytes((where / entry["file"]).read_bytes(), policy=default_policy)
    assert isinstance(parsed, EmailMessage)  # the default policy always builds one
    for name in SHOWN_HEADERS:
        if parsed[name] is not None:
            typer.echo(f"{name}: {parsed[name]}")
    for part in parsed.iter_attachments():
        size = len(part.get_payload(decode=True) or b"")
        typer.echo(f"Attachment: {part.get_filename()} ({part.get_content_type()}, {size} bytes)")
    typer.echo("")
    typer.echo(body_of(parsed, "html" if html else "plain"))


def find_entry(entries: list[dict[str, Any]], wanted: str) -> dict[str, Any] | None:
    if wanted.isdigit() and 1 <= int(wanted) <= len(entries):
        return entries[int(wanted) - 1]
    message_id = wanted if wanted.startswith("<") else f"<{wanted}>"
    for entry in entries[::-1]:  # the newest copy of a resent message
        if wanted in (entry.get("file"), Path(str(entry.get("file"))).stem):
            return entry
        if entry.get("message_id") == message_id:
            return entry
    return None


def body_of(message: EmailMessage, subtype: str) -> str:
    part = message.get_body(preferencelist=(subtype,))
    if part is None or part.get_content_subtype() != subtype:
        return f"(no text/{subtype} part)"
    content = part.get_content()
    return content if isinstance(content, str) else content.decode("utf-8", "replace")
