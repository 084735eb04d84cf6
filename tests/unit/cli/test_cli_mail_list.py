"""`samen mail list` names the zone of the times it shows."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from samen_cli.mail import app
from typer.testing import CliRunner

pytestmark = pytest.mark.unit


def test_each_message_is_listed_with_dutch_time_and_its_zone(tmp_path: Path) -> None:
    entries = [
        {"received": "2026-11-23T19:05:31+00:00", "language": "tr", "to": "a@example.nl",
         "subject": "Toestemming"},
        {"received": "2026-07-01T12:00:00+00:00", "language": "nl", "to": "b@example.nl",
         "subject": "Uitnodiging"},
    ]  # fmt: skip
    (tmp_path / "index.jsonl").write_text("".join(json.dumps(e) + "\n" for e in entries))

    shown = CliRunner().invoke(app, ["list", "--folder", str(tmp_path)])

    assert shown.exit_code == 0, shown.output
    assert "2026-11-23 20:05:31 CET" in shown.output
    assert "2026-07-01 14:00:00 CEST" in shown.output
