"""Writing an export archive from a tenant's leaves, a signed tree head and the selection."""

import base64
import io
import json
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from hashlib import sha256
from typing import IO

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from samen_archive.layout import (
    ARCHIVE_FORMAT,
    ENTRIES,
    EXPORT_TYPE,
    FORMAT_VERSIONS,
    LEAVES,
    MANIFEST,
    PROOFS,
    PROOFS_FORMAT,
    PUBLIC_KEY,
    README,
    REPORT,
    SUMMARY,
    TREE_HEAD,
    ArchiveEntry,
    ExportScope,
    entry_line,
    node_key,
    selection_ranges,
)
from samen_archive.merkle import leaf_hash
from samen_archive.proof_text import with_nodes
from samen_archive.readme import README_TEXT
from samen_archive.signing import key_id, public_key_pem, sign_statement
from samen_archive.tree_levels import TreeLevels
from samen_archive.treehead import TIMESTAMP_FORMAT, SignedTreeHead
from samen_archive.verbatim import entry_event_id, erased_line, kept_line

FORMAT_OF_VERSION = {version: name for name, version in FORMAT_VERSIONS.items()}


class InconsistentExport(ValueError):
    """What the exporter was given does not add up; nothing was written."""


@dataclass(frozen=True)
class ExportContents:
    """Everything one export archive is made of."""

    tree_head: SignedTreeHead
    leaves: Sequence[bytes]
    entries: Sequence[ArchiveEntry]
    scope: ExportScope
    summary_csv: bytes
    report_html: bytes
    exported_at: datetime
    earlier_size: int | None = None


def build_archive(
    contents: ExportContents, signing_key: Ed25519PrivateKey, *, version: int = 2
) -> bytes:
    """The archive as bytes; see ``write_archive``."""
    buffer = io.BytesIO()
    write_archive(buffer, contents, signing_key, version=version)
    return buffer.getvalue()


def write_archive(
    target: IO[bytes],
    contents: ExportContents,
    signing_key: Ed25519PrivateKey,
    *,
    version: int = 2,
) -> None:
    """Check the contents, then write the zip; the same contents give the same bytes.

    Samen writes format 2; format 1 (entries as JSON strings, every member deflated)
    is written only to check that exports already handed out still verify.
    """
    levels = _checked_tree(contents, signing_key, version)
    writer = _MemberWriter(target, contents.exported_at)
    with writer:
        writer.write(README, README_TEXT.encode("utf-8"))
        writer.write(TREE_HEAD, contents.tree_head.to_json())
        writer.write(PUBLIC_KEY, public_key_pem(signing_key.public_key()))
        # Format 2 stores what the verifier reads whole: inflating cost it more than
        # hashing the bytes (docs/adr/0021-audit-export-v2-verbatim-entries.md).
        stored = zipfile.ZIP_DEFLATED if version == 1 else zipfile.ZIP_STORED
        writer.write_lines(LEAVES, _leaf_lines(contents.leaves), stored)
        if version == 1:
            writer.write_lines(ENTRIES, _entry_lines(contents))
        else:
            writer.write_lines(ENTRIES, _verbatim_lines(contents), stored)
        writer.write(PROOFS, _proofs_json(contents, levels, version), stored)
        writer.write(SUMMARY, contents.summary_csv)
        writer.write(REPORT, contents.report_html)
        fields = manifest_fields(contents, writer.digests, FORMAT_OF_VERSION[version])
        writer.write(MANIFEST, _manifest_json(fields, signing_key))


def _checked_tree(
    contents: ExportContents, signing_key: Ed25519PrivateKey, version: int
) -> TreeLevels:
    if version not in FORMAT_OF_VERSION:
        raise InconsistentExport(f"there is no export format {version}")
    head = contents.tree_head
    if not head.verify(signing_key.public_key()):
        raise InconsistentExport("the tree head was not signed with this key")
    if contents.scope.tenant != head.tenant:
        raise InconsistentExport("the scope's tenant is not the tree head's")
    if len(contents.leaves) != head.tree_size:
        raise InconsistentExport("the leaves are not exactly those of the signed tree")
    earlier = contents.earlier_size
    if earlier is not None and not 0 <= earlier <= head.tree_size:
        raise InconsistentExport("the earlier size lies outside the signed tree")
    levels = TreeLevels(contents.leaves)
    if levels.root() != head.root_hash:
        raise InconsistentExport("the leaves do not give the signed root hash")
    _check_entries(contents.entries, contents.leaves)
    return levels


def _check_entries(entries: Sequence[ArchiveEntry], leaves: Sequence[bytes]) -> None:
    previous = -1
    for item in entries:
        if not previous < item.index < len(leaves):
            raise InconsistentExport(f"entry {item.index} is out of order or outside the tree")
        if item.entry is not None and leaf_hash(item.entry) != leaves[item.index]:
            raise InconsistentExport(f"entry {item.index} does not hash to its leaf")
        if item.entry is not None and b"\n" in item.entry:  # never in canonical JSON
            raise InconsistentExport(f"entry {item.index} does not fit on one line")
        previous = item.index


def _leaf_lines(leaves: Sequence[bytes]) -> Iterator[bytes]:
    return (leaf.hex().encode("ascii") + b"\n" for leaf in leaves)


def _entry_lines(contents: ExportContents) -> Iterator[bytes]:
    for item in contents.entries:
        event_id = item.event_id if item.entry is None else entry_event_id(item.entry)
        yield entry_line(item.index, contents.leaves[item.index], event_id, item.entry)


def _verbatim_lines(contents: ExportContents) -> Iterator[bytes]:
    for item in contents.entries:
        if item.entry is None:
            yield erased_line(item.index, item.event_id)
        else:
            yield kept_line(item.index, item.entry)


def _proofs_json(contents: ExportContents, levels: TreeLevels, version: int) -> bytes:
    selected = [item.index for item in contents.entries]
    nodes = levels.audit_path_nodes(selected) if version == 1 else {}
    consistency: dict[str, object] | None = None
    if contents.earlier_size is not None:
        consistency = {
            "from_size": contents.earlier_size,
            "to_size": levels.size,
            "path": [node.hex() for node in levels.consistency_proof(contents.earlier_size)],
        }
    document = {
        "format": PROOFS_FORMAT,
        "tree_size": levels.size,
        "root_hash": contents.tree_head.root_hash.hex(),
        "inclusion": {"nodes": {node_key(key): nodes[key].hex() for key in sorted(nodes)}},
        "consistency": consistency,
    }
    text = json.dumps(document, indent=1)
    if version != 1:  # the nodes level by level, as the verifier writes them out too
        text = with_nodes(text, levels.path_node_lines(selected))
    return text.encode("utf-8") + b"\n"


def manifest_fields(
    contents: ExportContents, digests: dict[str, str], archive_format: str = ARCHIVE_FORMAT
) -> dict[str, object]:
    """The signed fields of export.json."""
    head = contents.tree_head
    return {
        "format": archive_format,
        "scope": contents.scope.to_json_dict(),
        "exported_at": contents.exported_at.strftime(TIMESTAMP_FORMAT),
        "tree_head": {"tree_size": head.tree_size, "root_hash": head.root_hash.hex()},
        "consistency_from": contents.earlier_size,
        "selected": selection_ranges(item.index for item in contents.entries),
        "files": dict(sorted(digests.items())),
    }


def _manifest_json(fields: dict[str, object], signing_key: Ed25519PrivateKey) -> bytes:
    signature = sign_statement(signing_key, EXPORT_TYPE, fields)
    document = {
        "type": EXPORT_TYPE,
        **fields,
        "key_id": key_id(signing_key.public_key()),
        "signature": base64.b64encode(signature).decode("ascii"),
    }
    # One field a line: readable, and a long selection stays on its own line.
    lines = (f" {json.dumps(name)}: {json.dumps(value)}" for name, value in document.items())
    return ("{\n" + ",\n".join(lines) + "\n}\n").encode("utf-8")


def _blocks(chunks: Iterator[bytes], size: int = 1 << 20) -> Iterator[bytes]:
    """Small lines joined into blocks of about ``size`` bytes: fewer compressor calls."""
    pending: list[bytes] = []
    length = 0
    for chunk in chunks:
        pending.append(chunk)
        length += len(chunk)
        if length >= size:
            yield b"".join(pending)
            pending, length = [], 0
    if pending:
        yield b"".join(pending)


class _MemberWriter:
    """Zip members with fixed times and modes, each one's SHA-256 noted on the way."""

    def __init__(self, target: IO[bytes], written_at: datetime) -> None:
        self._zip = zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED)
        moment = written_at.timetuple()
        self._date_time = (
            moment.tm_year,
            moment.tm_mon,
            moment.tm_mday,
            moment.tm_hour,
            moment.tm_min,
            moment.tm_sec,
        )
        self.digests: dict[str, str] = {}

    def __enter__(self) -> "_MemberWriter":
        return self

    def __exit__(self, *_: object) -> None:
        self._zip.close()

    def write(self, name: str, data: bytes, compression: int = zipfile.ZIP_DEFLATED) -> None:
        self.write_lines(name, iter((data,)), compression)

    def write_lines(
        self, name: str, chunks: Iterator[bytes], compression: int = zipfile.ZIP_DEFLATED
    ) -> None:
        info = zipfile.ZipInfo(name, date_time=self._date_time)
        info.compress_type = compression
        info.external_attr = 0o644 << 16
        digest = sha256()
        with self._zip.open(info, "w", force_zip64=True) as member:
            for block in _blocks(chunks):
                digest.update(block)
                member.write(block)
        if name != MANIFEST:
            self.digests[name] = digest.hexdigest()
