"""`samen audit verify`: a readable verdict, and an exit code a script can trust."""

from datetime import UTC, datetime
from hashlib import sha256
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from samen_archive.sample import SampleLog
from samen_archive.signing import public_key_pem
from samen_cli.audit import app
from typer.testing import CliRunner

pytestmark = pytest.mark.unit

KEY = Ed25519PrivateKey.from_private_bytes(sha256(b"cli test key").digest())
NOW = datetime(2025, 7, 1, tzinfo=UTC)
runner = CliRunner()


def grown_log(tmp_path: Path, *, rewrite: int | None = None) -> tuple[Path, Path, Path]:
    """An export of 30 entries, with the tree head and export kept at 20."""
    log = SampleLog("swv-1", NOW, seed=3)
    log.append(20)
    kept_head = tmp_path / "tree_head_20.json"
    kept_head.write_bytes(log.tree_head(KEY, NOW).to_json())
    kept_export = tmp_path / "export_20.zip"
    kept_export.write_bytes(log.export(KEY, NOW))
    if rewrite is not None:
        log.entries[rewrite] = log.entries[rewrite].replace(b'"mdo"', b'"opp"')
        log.leaves[rewrite] = sha256(b"\x00" + log.entries[rewrite]).digest()
    log.append(10)
    archive = tmp_path / "export_30.zip"
    archive.write_bytes(log.export(KEY, NOW, earlier_size=20))
    return archive, kept_head, kept_export


def test_an_untouched_export_prints_in_orde_and_exits_zero(tmp_path: Path) -> None:
    archive, kept_head, _ = grown_log(tmp_path)
    result = runner.invoke(app, ["verify", str(archive), "--since", str(kept_head)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("IN ORDE")
    assert "sinds grootte 20 alleen aangevuld" in result.output


def test_a_rewritten_log_exits_one_and_names_the_entry_given_the_earlier_export(
    tmp_path: Path,
) -> None:
    archive, kept_head, kept_export = grown_log(tmp_path, rewrite=7)
    with_head = runner.invoke(app, ["verify", str(archive), "--since", str(kept_head)])
    assert with_head.exit_code == 1
    assert "herschreven" in with_head.output
    with_export = runner.invoke(app, ["verify", str(archive), "--since", str(kept_export)])
    assert with_export.exit_code == 1
    assert "Vermelding 7" in with_export.output


def test_a_key_other_than_the_trusted_one_exits_one(tmp_path: Path) -> None:
    archive, _, _ = grown_log(tmp_path)
    other = Ed25519PrivateKey.from_private_bytes(sha256(b"someone else").digest())
    trusted = tmp_path / "trusted.pem"
    trusted.write_bytes(public_key_pem(other.public_key()))
    result = runner.invoke(app, ["verify", str(archive), "--key", str(trusted)])
    assert result.exit_code == 1
    assert "niet de sleutel die u vertrouwt" in result.output


def test_an_unreadable_earlier_tree_head_exits_two(tmp_path: Path) -> None:
    archive, _, _ = grown_log(tmp_path)
    broken = tmp_path / "broken.json"
    broken.write_text("{}")
    result = runner.invoke(app, ["verify", str(archive), "--since", str(broken)])
    assert result.exit_code == 2


def test_a_missing_archive_exits_one_with_a_reason(tmp_path: Path) -> None:
    result = runner.invoke(app, ["verify", str(tmp_path / "nothing.zip")])
    assert result.exit_code == 1
    assert "geen leesbare export" in result.output
