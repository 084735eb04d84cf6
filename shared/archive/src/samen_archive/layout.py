"""What an export archive holds, member by member, and how each line is written.

The archive is a zip: an inspector on any office computer can open it without
tools, and a verifier can read one member without unpacking the rest.
"""

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from samen_archive.merkle import LeafRange

ARCHIVE_FORMAT = "samen-audit-export/2"  # what the exporter writes
FORMAT_VERSIONS = {"samen-audit-export/1": 1, ARCHIVE_FORMAT: 2}  # what the verifier reads
PROOFS_FORMAT = "samen-audit-proofs/1"
EXPORT_TYPE = "samen.audit.export.v1"

README = "LEESMIJ.txt"
TREE_HEAD = "tree_head.json"
PUBLIC_KEY = "public_key.pem"
LEAVES = "leaves.txt"
ENTRIES = "entries.jsonl"
PROOFS = "proofs.json"
SUMMARY = "summary.csv"
REPORT = "report.html"
MANIFEST = "export.json"

# Every member but the manifest, whose signature covers their SHA-256 digests.
COVERED_MEMBERS = (README, TREE_HEAD, PUBLIC_KEY, LEAVES, ENTRIES, PROOFS, SUMMARY, REPORT)


@dataclass(frozen=True)
class ArchiveEntry:
    """One selected leaf: its canonical entry, or ``None`` once the body was erased."""

    index: int
    entry: bytes | None
    event_id: str | None = None


@dataclass(frozen=True)
class ExportScope:
    """Whose entries were selected, and from which period (both days included)."""

    tenant: str
    period_from: date
    period_to: date
    board: str | None = None
    school: str | None = None

    def to_json_dict(self) -> dict[str, object]:
        return {
            "tenant": self.tenant,
            "board": self.board,
            "school": self.school,
            "period_from": self.period_from.isoformat(),
            "period_to": self.period_to.isoformat(),
        }


def entry_line(index: int, leaf: bytes, event_id: str | None, entry: bytes | None) -> bytes:
    """One line of a format-1 entries.jsonl. The entry travels as its canonical text,
    in a JSON string (format 2 carries the bytes themselves, see ``verbatim``)."""
    line: dict[str, object] = {"index": index, "leaf_hash": leaf.hex(), "event_id": event_id}
    if entry is None:
        line["erased"] = True
    else:
        line["entry"] = entry.decode("utf-8")
    return json.dumps(line, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"


def node_key(node: LeafRange) -> str:
    """The name of MTH(D[start:end]) in proofs.json: ``"start-end"``."""
    start, end = node
    return f"{start}-{end}"


def selection_ranges(indices: Iterable[int]) -> list[list[int]]:
    """Ascending leaf indices as half-open runs ``[start, end)``."""
    runs: list[list[int]] = []
    for index in indices:
        if runs and runs[-1][1] == index:
            runs[-1][1] = index + 1
        else:
            runs.append([index, index + 1])
    return runs


def iterate_selection(runs: Sequence[Sequence[int]]) -> Iterator[int]:
    for start, end in runs:
        yield from range(start, end)
