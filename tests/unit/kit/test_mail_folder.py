"""The local mail folder's index is read from where the last read stopped: a reader that
polls (the notifications service's bounce reader) reads what is new, not everything again."""

from __future__ import annotations

from datetime import UTC, datetime
from email.message import EmailMessage
from pathlib import Path

from samen_kit.localinfra.mailserver import INDEX, MailFolder

NOW = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


def _mail(number: int) -> bytes:
    mail = EmailMessage()
    mail["Message-ID"] = f"<m{number}@samen.invalid>"
    mail["Subject"] = f"bericht {number}"
    mail.set_content("Hallo.\n")
    return mail.as_bytes()


def _store(folder: MailFolder, number: int, to: str = "ouder@example.nl") -> None:
    folder.store(_mail(number), "noreply@samen.invalid", [to], NOW)


def test_each_read_returns_what_was_stored_since_the_last_one(tmp_path: Path) -> None:
    folder = MailFolder(tmp_path)
    _store(folder, 1)
    _store(folder, 2)

    first, offset = folder.entries_after(0)
    _store(folder, 3)
    second, end = folder.entries_after(offset)
    nothing, same = folder.entries_after(end)

    assert [e.message_id for e in first] == ["<m1@samen.invalid>", "<m2@samen.invalid>"]
    assert [e.message_id for e in second] == ["<m3@samen.invalid>"]
    assert (nothing, same) == ([], end)
    assert [e.message_id for e in folder.entries()] == [f"<m{n}@samen.invalid>" for n in (1, 2, 3)]


def test_a_line_still_being_written_is_left_for_the_next_read(tmp_path: Path) -> None:
    folder = MailFolder(tmp_path)
    _store(folder, 1)
    stored, offset = folder.entries_after(0)
    with (tmp_path / INDEX).open("a", encoding="utf-8") as index:
        index.write('{"file": "half')

    assert folder.entries_after(offset) == ([], offset)
    assert len(stored) == 1


def test_an_empty_folder_has_nothing_yet(tmp_path: Path) -> None:
    assert MailFolder(tmp_path / "not-yet").entries_after(0) == ([], 0)
