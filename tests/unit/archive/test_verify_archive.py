"""Offline verification of an export: an untouched one passes, every tampering is named."""

import io
import json
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime
from hashlib import sha256
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from samen_archive import (
    ArchiveEntry,
    Check,
    Earlier,
    ExportContents,
    ExportScope,
    InconsistentExport,
    build_archive,
    verify_archive,
)
from samen_archive.canonical import event_entry, read_entry_facts
from samen_archive.sample import SampleLog

pytestmark = pytest.mark.unit

KEY = Ed25519PrivateKey.from_private_bytes(sha256(b"audit export test key").digest())
START = datetime(2025, 1, 6, 8, 0, tzinfo=UTC)
NOW = datetime(2025, 7, 1, 12, 0, tzinfo=UTC)
SIZE = 40


def sample_log(size: int = SIZE, seed: int = 1) -> SampleLog:
    log = SampleLog("swv-1", START, seed=seed)
    log.append(size)
    return log


def every_other(index: int) -> bool:
    return index % 2 == 0


@pytest.fixture(params=[1, 2], ids=["format1", "format2"])
def version(request: pytest.FixtureRequest) -> int:
    """Every check runs on both formats: exports handed out in format 1 still verify."""
    value = request.param
    assert isinstance(value, int)
    return value


def filtered_export(version: int) -> tuple[SampleLog, bytes]:
    log = sample_log()
    return log, log.export(KEY, NOW, version=version, select=every_other)


def members(archive: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(archive)) as opened:
        return {name: opened.read(name) for name in opened.namelist()}


def rezip(contents: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in contents.items():
            target.writestr(name, data)
    return buffer.getvalue()


def edit(archive: bytes, name: str, change: Callable[[bytes], bytes]) -> bytes:
    contents = members(archive)
    contents[name] = change(contents[name])
    return rezip(contents)


def edit_lines(archive: bytes, name: str, change: Callable[[list[bytes]], list[bytes]]) -> bytes:
    return edit(archive, name, lambda data: b"".join(change(data.splitlines(keepends=True))))


def line_index(line: bytes) -> int:
    index = json.loads(line)["index"]
    assert isinstance(index, int)
    return index


def event_id_at(log: SampleLog, index: int) -> str | None:
    return read_entry_facts(log.entries[index]).event_id


def test_an_untouched_filtered_export_verifies(version: int) -> None:
    _, archive = filtered_export(version)
    report = verify_archive(archive)
    assert report.ok, report.lines()
    assert (report.entries_checked, report.tree_size, report.tenant) == (SIZE // 2, SIZE, "swv-1")
    assert report.lines()[0].startswith("IN ORDE")


def test_an_export_verifies_from_a_file_path_too(version: int, tmp_path: Path) -> None:
    _, archive = filtered_export(version)
    path = tmp_path / "export.zip"
    path.write_bytes(archive)
    assert verify_archive(path).ok


def test_the_same_contents_give_the_same_archive_bytes(version: int) -> None:
    log = sample_log()
    assert log.export(KEY, NOW, version=version, select=every_other) == log.export(
        KEY, NOW, version=version, select=every_other
    )


def test_one_byte_changed_in_an_entry_names_that_entry(version: int) -> None:
    log, archive = filtered_export(version)

    # Format 1 holds the entry as a JSON string (its quotes escaped), format 2 verbatim.
    purpose = b'\\"purpose\\":\\"md' if version == 1 else b'"purpose":"md'

    def change(lines: list[bytes]) -> list[bytes]:
        lines[3] = lines[3].replace(purpose + b"o", purpose + b"p", 1)
        assert lines[3] != members(archive)["entries.jsonl"].splitlines(keepends=True)[3]
        return lines

    report = verify_archive(edit_lines(archive, "entries.jsonl", change))
    assert report.failure is not None
    assert (report.failure.check, report.failure.index) == (Check.ENTRY, 6)
    assert report.failure.event_id == event_id_at(log, 6)
    assert "Vermelding 6" in report.failure.message_nl


def test_one_entry_removed_names_the_missing_entry(version: int) -> None:
    _, archive = filtered_export(version)
    report = verify_archive(
        edit_lines(archive, "entries.jsonl", lambda lines: lines[:4] + lines[5:])
    )
    assert report.failure is not None
    assert (report.failure.check, report.failure.index) == (Check.ENTRY, 8)
    assert "ontbreekt" in report.failure.message_nl


def test_an_entry_removed_with_its_own_proof_node_is_still_named(version: int) -> None:
    _, archive = filtered_export(version)

    def drop_sibling_of_leaf_8(data: bytes) -> bytes:
        document = json.loads(data)
        del document["inclusion"]["nodes"]["9-10"]  # on no other selected entry's path
        return json.dumps(document).encode()

    tampered = edit_lines(archive, "entries.jsonl", lambda lines: lines[:4] + lines[5:])
    report = verify_archive(edit(tampered, "proofs.json", drop_sibling_of_leaf_8))
    assert report.failure is not None
    assert (report.failure.check, report.failure.index) == (Check.ENTRY, 8)


def test_a_proof_node_altered_names_the_entry_whose_proof_it_breaks(version: int) -> None:
    log, archive = filtered_export(version)

    def alter_sibling_of_leaf_8(data: bytes) -> bytes:
        document = json.loads(data)
        document["inclusion"]["nodes"]["9-10"] = sha256(b"forged").hexdigest()
        return json.dumps(document).encode()

    report = verify_archive(edit(archive, "proofs.json", alter_sibling_of_leaf_8))
    assert report.failure is not None
    assert (report.failure.check, report.failure.index) == (Check.ENTRY, 8)
    assert report.failure.event_id == event_id_at(log, 8)


def test_two_entries_swapped_in_place_name_the_first(version: int) -> None:
    log, archive = filtered_export(version)

    def swap_bodies(lines: list[bytes]) -> list[bytes]:
        first, second = json.loads(lines[2]), json.loads(lines[7])
        first["entry"], second["entry"] = second["entry"], first["entry"]
        lines[2] = json.dumps(first, separators=(",", ":")).encode() + b"\n"
        lines[7] = json.dumps(second, separators=(",", ":")).encode() + b"\n"
        return lines

    report = verify_archive(edit_lines(archive, "entries.jsonl", swap_bodies))
    assert report.failure is not None
    assert (report.failure.check, report.failure.index) == (Check.ENTRY, 4)
    assert report.failure.event_id == event_id_at(log, 14)  # the body now at index 4


def test_two_entry_lines_swapped_in_order_name_the_first_out_of_place(version: int) -> None:
    _, archive = filtered_export(version)

    def swap_lines(lines: list[bytes]) -> list[bytes]:
        lines[2], lines[7] = lines[7], lines[2]
        return lines

    report = verify_archive(edit_lines(archive, "entries.jsonl", swap_lines))
    assert report.failure is not None
    assert (report.failure.check, report.failure.index) == (Check.ENTRY, 4)


def test_the_last_entry_removed_from_entries_and_leaves_is_named(version: int) -> None:
    log = sample_log()
    archive = log.export(KEY, NOW, version=version)
    tampered = edit_lines(archive, "entries.jsonl", lambda lines: lines[:-1])
    tampered = edit_lines(tampered, "leaves.txt", lambda lines: lines[:-1])
    report = verify_archive(tampered)
    assert report.failure is not None
    assert (report.failure.check, report.failure.index) == (Check.ENTRY, SIZE - 1)


def test_the_last_leaf_removed_alone_is_named(version: int) -> None:
    log = sample_log()
    tampered = edit_lines(
        log.export(KEY, NOW, version=version), "leaves.txt", lambda lines: lines[:-1]
    )
    report = verify_archive(tampered)
    assert report.failure is not None
    assert report.failure.index == SIZE - 1
    assert report.failure.event_id == event_id_at(log, SIZE - 1)


def test_an_altered_tree_head_signature_fails(version: int) -> None:
    _, archive = filtered_export(version)

    def alter(data: bytes) -> bytes:
        document = json.loads(data)
        signature = document["signature"]
        document["signature"] = ("A" if signature[0] != "A" else "B") + signature[1:]
        return json.dumps(document).encode()

    report = verify_archive(edit(archive, "tree_head.json", alter))
    assert report.failure is not None
    assert report.failure.check == Check.TREE_HEAD
    assert "handtekening" in report.failure.message_nl


def test_a_log_rebuilt_with_one_old_entry_changed_fails_against_the_kept_tree_head(
    version: int,
) -> None:
    honest = sample_log(size=25)
    kept = honest.tree_head(KEY, START)
    rebuilt = SampleLog("swv-1", START, seed=1)
    rebuilt.append(25)
    rebuilt.entries[11] = honest.entries[11].replace(b'"mdo"', b'"opp"')
    rebuilt.leaves[11] = sha256(b"\x00" + rebuilt.entries[11]).digest()
    rebuilt.append(15)
    archive = rebuilt.export(KEY, NOW, version=version, earlier_size=25)

    assert verify_archive(archive).ok  # on its own the rebuilt log is self-consistent
    report = verify_archive(archive, kept)
    assert report.failure is not None
    assert report.failure.check == Check.CONSISTENCY
    assert "herschreven" in report.failure.message_nl


def test_with_the_earlier_export_at_hand_the_rewritten_entry_is_named(version: int) -> None:
    honest = sample_log(size=25)
    old_leaves = list(honest.leaves)
    kept = honest.tree_head(KEY, START)
    honest.entries[11] = honest.entries[11].replace(b'"mdo"', b'"opp"')
    honest.leaves[11] = sha256(b"\x00" + honest.entries[11]).digest()
    honest.append(15)
    report = verify_archive(
        honest.export(KEY, NOW, version=version, earlier_size=25), Earlier(kept, old_leaves)
    )
    assert report.failure is not None
    assert (report.failure.check, report.failure.index) == (Check.CONSISTENCY, 11)
    assert report.failure.event_id == event_id_at(honest, 11)


def test_a_log_that_only_grew_is_consistent_with_the_kept_tree_head(version: int) -> None:
    log = sample_log(size=25)
    kept = log.tree_head(KEY, START)
    log.append(15)
    for archive in (
        log.export(KEY, NOW, version=version, earlier_size=25),
        log.export(KEY, NOW, version=version),
    ):
        report = verify_archive(archive, kept)
        assert report.ok, report.lines()
        assert report.consistent_since == 25


def test_erased_bodies_keep_their_place_and_still_verify(version: int) -> None:
    log = sample_log()
    report = verify_archive(log.export(KEY, NOW, version=version, erased={3, 4, 30}))
    assert report.ok, report.lines()
    assert (report.entries_checked, report.entries_erased) == (SIZE, 3)


def test_a_changed_hash_of_an_unselected_leaf_breaks_the_root(version: int) -> None:
    _, archive = filtered_export(version)

    def change(lines: list[bytes]) -> list[bytes]:
        lines[5] = sha256(b"forged").hexdigest().encode() + b"\n"
        return lines

    report = verify_archive(edit_lines(archive, "leaves.txt", change))
    assert report.failure is not None and report.failure.check == Check.ROOT


def test_a_changed_report_is_caught_by_the_signed_manifest(version: int) -> None:
    _, archive = filtered_export(version)
    report = verify_archive(edit(archive, "report.html", lambda data: data + b"<!-- -->"))
    assert report.failure is not None
    assert report.failure.check == Check.FILE
    assert "report.html" in report.failure.message_en


def test_a_selection_widened_in_the_manifest_breaks_its_signature(version: int) -> None:
    _, archive = filtered_export(version)
    tampered = edit(archive, "export.json", lambda data: data.replace(b"[[0, 1]", b"[[0, 2]", 1))
    report = verify_archive(tampered)
    assert report.failure is not None and report.failure.check == Check.MANIFEST


def test_an_archive_re_signed_with_another_key_fails_against_the_trusted_key(version: int) -> None:
    other = Ed25519PrivateKey.from_private_bytes(sha256(b"forger").digest())
    archive = sample_log().export(other, NOW, version=version)
    assert verify_archive(archive).ok
    report = verify_archive(archive, trusted_key=KEY.public_key())
    assert report.failure is not None and report.failure.check == Check.PUBLIC_KEY


def test_an_entry_of_another_tenant_is_named(version: int) -> None:
    log = sample_log(size=4)
    log.entries[2] = event_entry({"id": "e-2", "tenant": "swv-2"}, {})
    log.leaves[2] = sha256(b"\x00" + log.entries[2]).digest()
    report = verify_archive(log.export(KEY, NOW, version=version))
    assert report.failure is not None
    assert (report.failure.index, report.failure.event_id) == (2, "e-2")


@pytest.mark.parametrize("garbage", [b"", b"PK\x03\x04 not a zip", b"\x00" * 100])
def test_bytes_that_are_no_archive_fail_without_raising(garbage: bytes) -> None:
    report = verify_archive(garbage)
    assert report.failure is not None and report.failure.check == Check.ARCHIVE


def test_a_missing_member_is_named(version: int) -> None:
    _, archive = filtered_export(version)
    contents = members(archive)
    del contents["proofs.json"]
    report = verify_archive(rezip(contents))
    assert report.failure is not None and "proofs.json" in report.failure.message_en


def test_the_exporter_refuses_leaves_that_do_not_give_the_signed_root() -> None:
    log = sample_log(size=5)
    contents = ExportContents(
        tree_head=log.tree_head(KEY, NOW),
        leaves=[*log.leaves[:4], sha256(b"x").digest()],
        entries=[ArchiveEntry(0, log.entries[0])],
        scope=ExportScope("swv-1", NOW.date(), NOW.date()),
        summary_csv=b"",
        report_html=b"",
        exported_at=NOW,
    )
    with pytest.raises(InconsistentExport, match="signed root"):
        build_archive(contents, KEY)
