"""Reading an archive's members into checked values; any surprise becomes a ``Failure``."""

import base64
import binascii
import io
import zipfile
import zlib
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import orjson
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from samen_archive.layout import (
    EXPORT_TYPE,
    FORMAT_VERSIONS,
    MANIFEST,
    PROOFS,
    PROOFS_FORMAT,
    PUBLIC_KEY,
    TREE_HEAD,
    node_key,
)
from samen_archive.merkle import HASH_SIZE, LeafRange
from samen_archive.proof_nodes import nodes_in_bulk
from samen_archive.report import Check, Failure
from samen_archive.signing import key_id, load_public_key_pem, verify_statement
from samen_archive.treehead import MalformedTreeHead, SignedTreeHead

ArchiveSource = Path | bytes

UNSIGNED_MANIFEST_FIELDS = ("type", "key_id", "signature")


class VerificationFailed(Exception):
    """Carries the first failure out of the checks."""

    def __init__(self, failure: Failure) -> None:
        super().__init__(failure.message_en)
        self.failure = failure


def fail(check: Check, message_nl: str, message_en: str) -> VerificationFailed:
    return VerificationFailed(Failure(check, message_nl, message_en))


@dataclass(frozen=True)
class Manifest:
    version: int  # of the archive format: 1 or 2
    tenant: str
    tree_size: int
    root_hash: bytes
    selected: list[list[int]]
    files: dict[str, str]


@dataclass(frozen=True)
class Proofs:
    nodes: dict[str, bytes]  # by node_key: "start-end"
    consistency_from: int | None
    consistency_path: list[bytes]


@contextmanager
def open_archive(source: ArchiveSource) -> Iterator[zipfile.ZipFile]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(source) if isinstance(source, bytes) else source)
    except (OSError, zipfile.BadZipFile) as error:
        raise fail(
            Check.ARCHIVE,
            f"Het bestand is geen leesbare export ({error}).",
            f"The file is not a readable export ({error}).",
        ) from error
    with archive:
        names = archive.namelist()
        if len(names) != len(set(names)):
            raise fail(
                Check.ARCHIVE,
                "De export bevat een bestand twee keer.",
                "The archive holds a member twice.",
            )
        yield archive


def read_member(archive: zipfile.ZipFile, name: str) -> bytes:
    try:
        return archive.read(name)
    except KeyError as error:
        raise fail(
            Check.ARCHIVE, f"{name} ontbreekt in de export.", f"{name} is missing."
        ) from error
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError) as error:
        raise damaged(name, error) from error


def damaged(name: str, error: Exception) -> VerificationFailed:
    return fail(
        Check.ARCHIVE,
        f"{name} is beschadigd ({error}).",
        f"{name} is damaged ({error}).",
    )


def read_public_key(archive: zipfile.ZipFile, trusted: Ed25519PublicKey | None) -> Ed25519PublicKey:
    try:
        key = load_public_key_pem(read_member(archive, PUBLIC_KEY))
    except ValueError as error:
        raise fail(
            Check.PUBLIC_KEY,
            "De publieke sleutel is onleesbaar.",
            "The public key cannot be read.",
        ) from error
    if trusted is not None and key_id(trusted) != key_id(key):
        raise fail(
            Check.PUBLIC_KEY,
            "De sleutel in de export is niet de sleutel die u vertrouwt.",
            "The key in the archive is not the key you trust.",
        )
    return key


def read_tree_head(archive: zipfile.ZipFile, key: Ed25519PublicKey) -> SignedTreeHead:
    try:
        head = SignedTreeHead.from_json(read_member(archive, TREE_HEAD))
    except MalformedTreeHead as error:
        raise fail(
            Check.TREE_HEAD,
            "De boomkop (tree_head.json) is onleesbaar.",
            f"tree_head.json cannot be read: {error}",
        ) from error
    if not head.verify(key):
        raise fail(
            Check.TREE_HEAD,
            "De handtekening op de boomkop (tree_head.json) is ongeldig.",
            "The tree head's signature is invalid.",
        )
    return head


def read_manifest(
    archive: zipfile.ZipFile, key: Ed25519PublicKey, head: SignedTreeHead
) -> Manifest:
    document = _json_object(read_member(archive, MANIFEST), Check.MANIFEST, MANIFEST)
    fields = {k: v for k, v in document.items() if k not in UNSIGNED_MANIFEST_FIELDS}
    signature = _base64(document.get("signature"))
    if document.get("type") != EXPORT_TYPE or not verify_statement(
        key, EXPORT_TYPE, fields, signature
    ):
        raise fail(
            Check.MANIFEST,
            "De handtekening op het exportoverzicht (export.json) is ongeldig.",
            "The export manifest's signature is invalid.",
        )
    try:
        manifest = _manifest(fields)
    except (KeyError, TypeError, ValueError) as error:
        raise fail(
            Check.MANIFEST,
            "Het exportoverzicht (export.json) is onleesbaar.",
            f"export.json cannot be read: {error}",
        ) from error
    _check_manifest_matches(manifest, head)
    return manifest


def _manifest(fields: Mapping[str, object]) -> Manifest:
    version = FORMAT_VERSIONS.get(str(fields["format"]))
    if version is None:
        raise ValueError(f"unknown format {fields['format']!r}")
    scope, tree, files = fields["scope"], fields["tree_head"], fields["files"]
    selected = fields["selected"]
    if not (isinstance(scope, dict) and isinstance(tree, dict) and isinstance(files, dict)):
        raise TypeError("scope, tree_head and files are objects")
    if not isinstance(selected, list):
        raise TypeError("selected is a list of runs")
    return Manifest(
        version=version,
        tenant=str(scope["tenant"]),
        tree_size=int(tree["tree_size"]),
        root_hash=bytes.fromhex(str(tree["root_hash"])),
        selected=[[int(start), int(end)] for start, end in selected],
        files={str(name): str(digest) for name, digest in files.items()},
    )


def _check_manifest_matches(manifest: Manifest, head: SignedTreeHead) -> None:
    same_tree = (manifest.tree_size, manifest.root_hash) == (head.tree_size, head.root_hash)
    if not same_tree or manifest.tenant != head.tenant:
        raise fail(
            Check.MANIFEST,
            "Het exportoverzicht hoort niet bij deze boomkop.",
            "The export manifest names another tree head or tenant.",
        )
    previous_end = 0
    for start, end in manifest.selected:
        if not previous_end <= start < end <= head.tree_size:
            raise fail(
                Check.MANIFEST,
                "De keuze van vermeldingen in export.json is ongeldig.",
                "The manifest's selection is not ascending runs inside the tree.",
            )
        previous_end = end


def read_proofs(archive: zipfile.ZipFile, head: SignedTreeHead) -> Proofs:
    return proofs_from(read_member(archive, PROOFS), head)


def proofs_from(data: bytes, head: SignedTreeHead) -> Proofs:
    document = _json_object(data, Check.PROOFS, PROOFS)
    try:
        proofs = _proofs(document, head)
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise fail(
            Check.PROOFS,
            "De bewijzen (proofs.json) zijn onleesbaar of horen bij een andere boom.",
            f"proofs.json cannot be read or names another tree: {error}",
        ) from error
    return proofs


def _proofs(document: Mapping[str, object], head: SignedTreeHead) -> Proofs:
    if document["format"] != PROOFS_FORMAT:
        raise ValueError(f"unknown format {document['format']!r}")
    if document["tree_size"] != head.tree_size or document["root_hash"] != head.root_hash.hex():
        raise ValueError("proofs are for another tree head")
    inclusion = document["inclusion"]
    consistency = document["consistency"]
    if not isinstance(inclusion, dict) or not isinstance(inclusion["nodes"], dict):
        raise TypeError("inclusion nodes are an object")
    named = inclusion["nodes"]
    nodes = nodes_in_bulk(named)
    if nodes is None:  # read one by one, to fail as before
        nodes = {node_key(_leaf_range(k)): _hash(v) for k, v in named.items()}
    if consistency is None:
        return Proofs(nodes, None, [])
    if not isinstance(consistency, dict) or consistency["to_size"] != head.tree_size:
        raise ValueError("the consistency proof ends at another size")
    path = [_hash(node) for node in consistency["path"]]
    return Proofs(nodes, int(consistency["from_size"]), path)


def parse_leaves(data: bytes) -> list[bytes]:
    """leaves.txt: one lowercase hex SHA-256 per line."""
    leaves = _leaves_in_bulk(data)
    if leaves is not None:
        return leaves
    lines = data.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    try:
        leaves = [bytes.fromhex(line.decode("ascii")) for line in lines]
    except (UnicodeDecodeError, ValueError):
        leaves = []
    if len(leaves) == len(lines) and all(len(leaf) == HASH_SIZE for leaf in leaves):
        return leaves
    bad = next(i for i, line in enumerate(lines) if not _is_hash_line(line))
    raise VerificationFailed(
        Failure(
            Check.LEAVES,
            f"Regel {bad} van leaves.txt is geen hash.",
            f"Line {bad} of leaves.txt is not a hash.",
            index=bad,
        )
    )


def _leaves_in_bulk(data: bytes) -> list[bytes] | None:
    """Lines of exactly 64 hex digits, read with one ``fromhex``; ``None`` otherwise."""
    width = 2 * HASH_SIZE + 1
    count, odd = divmod(len(data), width)
    if odd or data[width - 1 :: width] != b"\n" * count:
        return None
    try:  # fromhex skips the line breaks, and any other white space: hence the length
        whole = bytes.fromhex(data.decode("ascii"))
    except (UnicodeDecodeError, ValueError):
        return None
    if len(whole) != HASH_SIZE * count:
        return None
    return [whole[i : i + HASH_SIZE] for i in range(0, len(whole), HASH_SIZE)]


def _is_hash_line(line: bytes) -> bool:
    try:
        return len(bytes.fromhex(line.decode("ascii"))) == HASH_SIZE
    except (UnicodeDecodeError, ValueError):
        return False


def _json_object(data: bytes, check: Check, name: str) -> dict[str, object]:
    try:
        document = orjson.loads(data)  # proofs.json holds a node per pair of entries
    except ValueError:
        document = None
    if not isinstance(document, dict):
        raise fail(check, f"{name} is onleesbaar.", f"{name} is not a JSON object.")
    return document


def _leaf_range(key: str) -> LeafRange:
    """``"start-end"`` back to its leaf range."""
    start, end = key.split("-")
    return int(start), int(end)


def _hash(value: object) -> bytes:
    digest = bytes.fromhex(value) if isinstance(value, str) else b""
    if len(digest) != HASH_SIZE:
        raise ValueError("a hash is 64 hex digits")
    return digest


def _base64(value: object) -> bytes:
    try:
        return base64.b64decode(value, validate=True) if isinstance(value, str) else b""
    except (binascii.Error, ValueError):
        return b""
