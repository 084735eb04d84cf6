"""Where PostgreSQL keeps its state when the clone sits in a private folder."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from samen_kit.localinfra import postgres

pytestmark = pytest.mark.unit


@pytest.fixture
def as_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(postgres, "_as_root", lambda: True)


def test_a_folder_others_can_pass_through_is_kept(as_root: None) -> None:
    open_clone = Path(tempfile.mkdtemp(prefix="samen-open-"))
    try:
        open_clone.chmod(0o755)
        wanted = open_clone / "deploy" / "local" / ".state" / "postgres"
        assert postgres.reachable_state_dir(wanted) == wanted
    finally:
        open_clone.rmdir()


def test_a_clone_in_a_private_folder_keeps_postgres_state_where_postgres_can_reach(
    as_root: None, tmp_path: Path
) -> None:
    home = tmp_path / "root-home"
    home.mkdir(mode=0o700)

    wanted = home / "samen" / "deploy" / "local" / ".state" / "postgres"
    chosen = postgres.reachable_state_dir(wanted)

    assert chosen.parent == postgres.RELOCATED_ROOT
    assert chosen == postgres.reachable_state_dir(wanted)  # found again, every time
    assert chosen != postgres.reachable_state_dir(home / "other" / "postgres")


def test_without_root_the_wanted_folder_is_always_used(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(postgres, "_as_root", lambda: False)
    home = tmp_path / "home"
    home.mkdir(mode=0o700)

    assert postgres.reachable_state_dir(home / "postgres") == home / "postgres"
