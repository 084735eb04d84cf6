"""Format 2 of the export: entries verbatim on their lines, found damaged as in format 1.

Each kind of damage is done to a format-1 and a format-2 export of the same log; the
verifier must report the same failure for both, word for word.
"""

import io
import json
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime
from hashlib import sha256

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from samen_archive import Earlier, verify_archive
from samen_archive.canonical import event_entry, read_entry_facts
from samen_archive.sample import SampleLog
from samen_archive.verbatim import exported_lines

pytestmark = pytest.mark.unit

KEY = Ed25519PrivateKey.from_private_bytes(sha256(b"format 2 test key").digest())
START = datetime(2025, 1, 6, 8, 0, tzinfo=UTC)
NOW = datetime(2025, 7, 1, 12, 0, tzinfo=UTC)
SIZE = 40
ERASED = {10, 30}

Members = dict[str, bytes]


def sample_log() -> SampleLog:
    log = SampleLog("swv-1", START, seed=2)
    log.append(SIZE)
    return log


def export(log: SampleLog, version: int) -> bytes:
    return log.export(KEY, NOW, version=version, select=lambda i: i % 2 == 0, erased=ERASED)


def members(archive: bytes) -> Members:
    with zipfile.ZipFile(io.BytesIO(archive)) as opened:
        return {name: opened.read(name) for name in opened.namelist()}


def rezip(contents: Members, stored: bool) -> bytes:
    buffer = io.BytesIO()
    compression = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(buffer, "w", compression) as target:
        for name, data in contents.items():
            target.writestr(name, data)
    return buffer.getvalue()


def test_the_exporter_writes_each_entry_verbatim_into_a_stored_member() -> None:
    log = sample_log()
    archive = export(log, 2)
    with zipfile.ZipFile(io.BytesIO(archive)) as opened:
        for name in ("entries.jsonl", "leaves.txt", "proofs.json"):  # read whole
            assert opened.getinfo(name).compress_type == zipfile.ZIP_STORED
        assert opened.getinfo("report.html").compress_type == zipfile.ZIP_DEFLATED
    contents = members(archive)
    lines = contents["entries.jsonl"].splitlines()
    assert lines[0] == b'{"index":0,"entry":' + log.entries[0] + b"}"
    erased = json.loads(lines[5])
    assert erased == {"index": 10, "event_id": None, "erased": True}
    assert json.loads(lines[1])["entry"] == json.loads(log.entries[2])  # still JSON to read
    assert json.loads(contents["export.json"])["format"] == "samen-audit-export/2"
    read = exported_lines(contents["entries.jsonl"])
    assert [line.event_id for line in read[:2]] == [
        read_entry_facts(log.entries[0]).event_id,
        read_entry_facts(log.entries[2]).event_id,
    ]
    assert (read[0].entry, read[5].entry) == (log.entries[0], None)
    report = verify_archive(archive)
    assert report.ok, report.lines()
    assert (report.entries_checked, report.entries_erased) == (SIZE // 2, len(ERASED))


def change_purpose(line: bytes) -> bytes:
    for escaped in (b'\\"purpose\\":\\"mdo', b'"purpose":"mdo'):
        if escaped in line:
            return line.replace(escaped, escaped[:-1] + b"p", 1)
    raise AssertionError("no purpose on the line")


def on_lines(name: str, change: Callable[[list[bytes]], None]) -> Callable[[Members], None]:
    def damage(contents: Members) -> None:
        lines = contents[name].splitlines(keepends=True)
        change(lines)
        contents[name] = b"".join(lines)

    return damage


def set_line(number: int, change: Callable[[bytes], bytes]) -> Callable[[list[bytes]], None]:
    def apply(lines: list[bytes]) -> None:
        lines[number] = change(lines[number])

    return apply


def swap(first: int, second: int) -> Callable[[list[bytes]], None]:
    def apply(lines: list[bytes]) -> None:
        lines[first], lines[second] = lines[second], lines[first]

    return apply


def on_json(name: str, change: Callable[[dict[str, object]], None]) -> Callable[[Members], None]:
    def damage(contents: Members) -> None:
        document = json.loads(contents[name])
        change(document)
        contents[name] = json.dumps(document).encode()

    return damage


def forge_node(document: dict[str, object]) -> None:
    inclusion = document["inclusion"]
    assert isinstance(inclusion, dict)
    inclusion["nodes"]["9-10"] = sha256(b"forged").hexdigest()


def flip_signature(document: dict[str, object]) -> None:
    signature = str(document["signature"])
    document["signature"] = ("A" if signature[0] != "A" else "B") + signature[1:]


FORGED = sha256(b"forged").hexdigest().encode() + b"\n"

DAMAGE: dict[str, Callable[[Members], None]] = {
    "a changed byte in an entry": on_lines("entries.jsonl", set_line(3, change_purpose)),
    "a line removed": on_lines("entries.jsonl", lambda lines: lines.pop(4) and None),
    "the last line removed": on_lines("entries.jsonl", lambda lines: lines.pop() and None),
    "two lines swapped": on_lines("entries.jsonl", swap(2, 7)),
    "an erased line swapped": on_lines("entries.jsonl", swap(5, 6)),
    "a changed leaf of a selected entry": on_lines("leaves.txt", set_line(6, lambda _: FORGED)),
    "a changed leaf of another entry": on_lines("leaves.txt", set_line(7, lambda _: FORGED)),
    "a changed proof node": on_json("proofs.json", forge_node),
    "a wrong tree head signature": on_json("tree_head.json", flip_signature),
    "a wrong manifest signature": on_json("export.json", flip_signature),
    "a changed report": lambda contents: contents.update({"report.html": b"<p>anders</p>"}),
}


@pytest.mark.parametrize("stored", [True, False], ids=["stored", "deflated"])
@pytest.mark.parametrize("kind", list(DAMAGE))
def test_each_kind_of_damage_is_named_as_in_format_1(kind: str, stored: bool) -> None:
    log = sample_log()
    failures = []
    for version in (1, 2):
        contents = members(export(log, version))
        DAMAGE[kind](contents)
        failures.append(verify_archive(rezip(contents, stored)).failure)
    assert failures[0] is not None
    assert failures[1] == failures[0]


def test_an_entry_of_another_tenant_is_named_as_in_format_1() -> None:
    log = SampleLog("swv-1", START, seed=2)
    log.append(4)
    log.append_entry(event_entry({"id": "e-4", "tenant": "swv-2"}, {}))
    failures = [verify_archive(log.export(KEY, NOW, version=v)).failure for v in (1, 2)]
    assert failures[0] is not None and (failures[0].index, failures[0].event_id) == (4, "e-4")
    assert failures[1] == failures[0]


def test_a_tenant_named_in_an_events_data_still_verifies() -> None:
    log = SampleLog("swv-1", START, seed=2)
    log.append(3)
    log.append_entry(event_entry({"id": "e-3", "tenant": "swv-1"}, {"tenant": "swv-2"}))
    report = verify_archive(log.export(KEY, NOW))
    assert report.ok, report.lines()


def test_a_rewritten_entry_is_named_with_its_event_from_a_format_2_export() -> None:
    honest = sample_log()
    old_leaves = list(honest.leaves[:25])
    kept = honest.tree_head(KEY, START, size=25)
    honest.entries[11] = honest.entries[11].replace(b'"mdo"', b'"opp"')
    honest.leaves[11] = sha256(b"\x00" + honest.entries[11]).digest()
    report = verify_archive(honest.export(KEY, NOW, earlier_size=25), Earlier(kept, old_leaves))
    assert report.failure is not None and report.failure.index == 11
    assert report.failure.event_id == read_entry_facts(honest.entries[11]).event_id


def test_proofs_hold_the_same_nodes_in_both_formats_listed_level_by_level() -> None:
    log = sample_log()
    v1, v2 = (json.loads(members(export(log, v))["proofs.json"]) for v in (1, 2))
    assert v2 == v1  # the same JSON object: only the order of the node names differs
    names = list(v2["inclusion"]["nodes"])
    assert names[:3] == ["1-2", "3-4", "5-6"]  # the leaves' partners first, left to right
    assert names.index("0-2") > names.index("39-40")  # level by level, not by start
