"""Development keys and `samen token`: made once, kept private, verifiable by services."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
import typer
from samen_cli.token import token
from samen_kit.access import FileJwks, Role, StaffTokenVerifier
from samen_kit.access.devkeys import (
    DEV_STAFF_ISSUER,
    KEYS_DIR_ENV,
    dev_guardian_key,
    dev_staff_key,
    jwks_path,
    keys_dir,
)
from typer.testing import CliRunner

pytestmark = pytest.mark.unit


def test_a_key_is_made_once_and_then_loaded(tmp_path: Path) -> None:
    first, again = dev_staff_key(tmp_path), dev_staff_key(tmp_path)

    assert first.kid == again.kid
    assert first.as_dict(private=True) == again.as_dict(private=True)


def test_the_staff_and_guardian_keys_are_different_pairs(tmp_path: Path) -> None:
    assert dev_staff_key(tmp_path).kid != dev_guardian_key(tmp_path).kid


def test_the_private_key_file_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    dev_guardian_key(tmp_path)

    mode = (tmp_path / "notifications-guardian.jwk.json").stat().st_mode

    assert stat.S_IMODE(mode) == 0o600


def test_the_exported_jwks_holds_the_public_half_only(tmp_path: Path) -> None:
    key = dev_staff_key(tmp_path)

    document = json.loads(jwks_path("staff-idp", tmp_path).read_text())

    assert [entry["kid"] for entry in document["keys"]] == [key.kid]
    assert "d" not in document["keys"][0]


def test_the_keys_folder_comes_from_the_environment_when_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(KEYS_DIR_ENV, str(tmp_path / "elsewhere"))

    assert keys_dir() == tmp_path / "elsewhere"


def test_the_default_keys_folder_is_in_the_ignored_local_state(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(KEYS_DIR_ENV, raising=False)

    assert keys_dir().parts[-4:] == ("deploy", "local", ".state", "keys")


def samen() -> typer.Typer:
    """A command group registering `token` the way `samen_cli.main` does."""
    app = typer.Typer()
    app.callback()(_group)
    app.command("token")(token)
    return app


def _group() -> None:
    """Makes the app a group, so `token` is a subcommand as in `samen`."""


async def test_samen_token_prints_a_token_a_service_accepts(tmp_path: Path) -> None:
    arguments = ["token", "--role", "ib", "--tenant", "swv-2801", "--school", "s-1"]
    arguments += ["--school", "s-2", "--subject", "staff-9", "--keys-dir", str(tmp_path)]

    result = CliRunner().invoke(samen(), arguments)

    assert result.exit_code == 0, result.output
    published = FileJwks(jwks_path("staff-idp", tmp_path))
    verifier = StaffTokenVerifier(published, issuer=DEV_STAFF_ISSUER)
    principal = await verifier.verify(result.output.strip())
    assert (principal.role, principal.subject) == (Role.IB, "staff-9")
    assert principal.schools == {"s-1", "s-2"}


def test_samen_token_refuses_a_role_that_does_not_exist(tmp_path: Path) -> None:
    arguments = ["token", "--role", "headmaster", "--tenant", "t", "--keys-dir", str(tmp_path)]

    result = CliRunner().invoke(samen(), arguments)

    assert result.exit_code == 2
    assert "headmaster" in result.output
