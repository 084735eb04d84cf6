"""Checking an export archive offline, with nothing but the archive (and what you kept).

The checks run from the outside in: the key, the signed tree head, the signed
manifest, then every entry in leaf order, then the whole leaf list, then the
earlier tree head, then every file's digest. The first thing that does not fit
is reported, naming the entry when there is one.
"""

import zipfile
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from hashlib import sha256

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from samen_archive.entry_walk import EntryWalk, WalkResult
from samen_archive.layout import COVERED_MEMBERS, ENTRIES, LEAVES, PROOFS, iterate_selection
from samen_archive.merkle import root_hash, verify_consistency
from samen_archive.one_pass import RebuiltTree, rebuild, rebuild_writing
from samen_archive.proof_text import without_nodes
from samen_archive.reading import (
    ArchiveSource,
    Manifest,
    Proofs,
    VerificationFailed,
    damaged,
    fail,
    open_archive,
    parse_leaves,
    proofs_from,
    read_manifest,
    read_member,
    read_proofs,
    read_public_key,
    read_tree_head,
)
from samen_archive.report import Check, Failure, VerificationReport, entry_label
from samen_archive.signing import key_id
from samen_archive.treehead import SignedTreeHead
from samen_archive.verbatim_pass import VerbatimPass


@dataclass(frozen=True)
class Earlier:
    """What an inspector kept from a visit: a tree head, and maybe that export's leaves."""

    tree_head: SignedTreeHead
    leaves: Sequence[bytes] | None = None


def verify_archive(
    source: ArchiveSource,
    since: SignedTreeHead | Earlier | None = None,
    *,
    trusted_key: Ed25519PublicKey | None = None,
) -> VerificationReport:
    """Verify an archive (a path or its bytes); never raises for a bad archive."""
    earlier = Earlier(since) if isinstance(since, SignedTreeHead) else since
    facts = _Facts()
    try:
        with open_archive(source) as archive:
            _verify(archive, earlier, trusted_key, facts)
    except VerificationFailed as failed:
        return facts.report(failed.failure)
    return facts.report(None)


@dataclass
class _Facts:
    """What was learnt so far, reported whether or not a later check fails."""

    head: SignedTreeHead | None = None
    key_id: str | None = None
    walk: WalkResult | None = None
    consistent_since: int | None = None

    def report(self, failure: Failure | None) -> VerificationReport:
        head, walk = self.head, self.walk
        return VerificationReport(
            failure,
            tenant=head.tenant if head else None,
            tree_size=head.tree_size if head else None,
            root_hash=head.root_hash.hex() if head else None,
            key_id=self.key_id,
            entries_checked=walk.checked if walk else 0,
            entries_erased=walk.erased if walk else 0,
            consistent_since=None if failure else self.consistent_since,
        )


def _verify(
    archive: zipfile.ZipFile,
    earlier: Earlier | None,
    trusted_key: Ed25519PublicKey | None,
    facts: _Facts,
) -> None:
    key = read_public_key(archive, trusted_key)
    facts.key_id = key_id(key)
    head = facts.head = read_tree_head(archive, key)
    manifest = read_manifest(archive, key, head)
    leaves_data = read_member(archive, LEAVES)
    leaves = parse_leaves(leaves_data)
    digests = {LEAVES: sha256(leaves_data).hexdigest()}
    verbatim = manifest.version == 2
    written = _written_proofs(archive, head, leaves, manifest) if verbatim else None
    if written is not None:
        proofs, tree = written
    else:
        proofs = read_proofs(archive, head)
        tree = rebuild(leaves, proofs.nodes, iterate_selection(manifest.selected))
    # One rebuilt tree proves every selected entry at once; only when it does not fit
    # does the walk check each entry's own proof, to name the first one broken.
    sound = tree.root == head.root_hash and len(leaves) == head.tree_size
    proven = tree.proof_nodes_match and sound
    walk = EntryWalk(
        head,
        leaves,
        proofs.nodes,
        manifest.selected,
        proven=proven,
        verbatim=verbatim,
        leaves_sound=sound,
    )
    facts.walk = walk.result
    event_id_of: Callable[[int], str | None] = walk.result.event_ids.get
    if verbatim and proven and _verbatim_pass(archive, head, leaves, manifest, facts, digests):
        event_id_of = _event_id_finder(archive, head, leaves, proofs, manifest)
    else:
        _walk_entries(archive, walk, digests)
    _check_root(head, leaves, tree.root)
    if earlier is not None:
        _check_consistency(earlier, key, head, leaves, proofs, event_id_of)
        facts.consistent_since = earlier.tree_head.tree_size
    _check_digests(archive, manifest, digests)


def _written_proofs(
    archive: zipfile.ZipFile, head: SignedTreeHead, leaves: Sequence[bytes], manifest: Manifest
) -> tuple[Proofs, RebuiltTree] | None:
    """Format 2: the tree rebuilt, its proof nodes written out and found in proofs.json
    byte for byte. ``None`` unless all of it fits the signed root: then proofs.json is
    read and checked node by node, and the first failure named as for format 1."""
    written = rebuild_writing(leaves, iterate_selection(manifest.selected))
    if written is None or written.root != head.root_hash or len(leaves) != head.tree_size:
        return None
    rest = without_nodes(read_member(archive, PROOFS), written.node_lines)
    if rest is None:
        return None
    try:
        proofs = proofs_from(rest, head)
    except VerificationFailed:
        return None
    if proofs.nodes:  # the expected nodes were not inclusion's own
        return None
    return proofs, RebuiltTree(written.root, proof_nodes_match=True)


BLOCK = 1 << 20
PASS_BLOCK = 8 << 20  # a stored member read in large blocks: fewer calls, fewer joins


def _member_blocks(archive: zipfile.ZipFile, size: int) -> Iterator[bytes]:
    try:
        with archive.open(ENTRIES) as member:
            while block := member.read(size):
                yield block
    except KeyError as error:
        raise fail(Check.ARCHIVE, f"{ENTRIES} ontbreekt.", f"{ENTRIES} is missing.") from error
    except (zipfile.BadZipFile, zlib.error, EOFError) as error:
        raise damaged(ENTRIES, error) from error


def _verbatim_pass(
    archive: zipfile.ZipFile,
    head: SignedTreeHead,
    leaves: Sequence[bytes],
    manifest: Manifest,
    facts: "_Facts",
    digests: dict[str, str],
) -> bool:
    """Format 2, every entry at once; False sends the export to the entry walk."""
    digest = sha256()
    check = VerbatimPass(leaves, iterate_selection(manifest.selected), head.tenant)
    for block in _member_blocks(archive, PASS_BLOCK):
        digest.update(block)
        check.feed(block)
        if not check.fits:
            return False
    if not check.close():
        return False
    facts.walk = WalkResult(checked=check.checked, erased=check.erased)
    digests[ENTRIES] = digest.hexdigest()
    return True


def _event_id_finder(
    archive: zipfile.ZipFile,
    head: SignedTreeHead,
    leaves: Sequence[bytes],
    proofs: Proofs,
    manifest: Manifest,
) -> Callable[[int], str | None]:
    """After the fast pass, an entry's event id is read only when a failure names it."""

    def event_id_of(index: int) -> str | None:
        walk = EntryWalk(head, leaves, proofs.nodes, manifest.selected, proven=True, verbatim=True)
        _walk_entries(archive, walk, {})
        return walk.result.event_ids.get(index)

    return event_id_of


def _walk_entries(archive: zipfile.ZipFile, walk: EntryWalk, digests: dict[str, str]) -> None:
    digest = sha256()

    def lines() -> Iterator[bytes]:
        """The member's lines, without their newline: read and hashed a block at a time
        (a zip member's own line reader costs more than parsing the line)."""
        rest = b""
        for block in _member_blocks(archive, BLOCK):
            digest.update(block)
            *complete, rest = (rest + block).split(b"\n")
            yield from complete
        if rest:
            yield rest

    walk.run(lines())
    digests[ENTRIES] = digest.hexdigest()


def _check_root(head: SignedTreeHead, leaves: Sequence[bytes], root: bytes) -> None:
    if len(leaves) != head.tree_size:
        first = min(len(leaves), head.tree_size)
        raise VerificationFailed(
            Failure(
                Check.LEAVES,
                f"leaves.txt telt {len(leaves)} hashes, de boomkop {head.tree_size}."
                f" Het verschil begint bij vermelding {first}.",
                f"leaves.txt holds {len(leaves)} leaves, the signed tree {head.tree_size};"
                f" the difference starts at leaf {first}.",
                index=first,
            )
        )
    if root != head.root_hash:
        raise fail(
            Check.ROOT,
            "De hashes in leaves.txt geven niet de ondertekende wortelhash.",
            "The leaves do not reproduce the signed root hash.",
        )


def _check_consistency(
    earlier: Earlier,
    key: Ed25519PublicKey,
    head: SignedTreeHead,
    leaves: Sequence[bytes],
    proofs: Proofs,
    event_id_of: Callable[[int], str | None],
) -> None:
    old = earlier.tree_head
    if old.tenant != head.tenant or not old.verify(key):
        raise fail(
            Check.CONSISTENCY,
            "De eerdere boomkop hoort niet bij dit logboek of niet bij deze sleutel.",
            "The earlier tree head is not this tenant's or not signed with this key.",
        )
    if old.tree_size > head.tree_size:
        raise fail(
            Check.CONSISTENCY,
            f"Het logboek is korter dan bij de eerdere boomkop ({old.tree_size}).",
            f"The log is shorter than at the earlier tree head ({old.tree_size}).",
        )
    proof_fails = proofs.consistency_from == old.tree_size and not verify_consistency(
        old.tree_size, head.tree_size, old.root_hash, head.root_hash, proofs.consistency_path
    )
    if proof_fails or root_hash(leaves[: old.tree_size]) != old.root_hash:
        raise _rewritten(old.tree_size, _first_changed(earlier, leaves), event_id_of)


def _first_changed(earlier: Earlier, leaves: Sequence[bytes]) -> int | None:
    """With the earlier export's own leaves, the first leaf that was rewritten."""
    old, head = earlier.leaves, earlier.tree_head
    if old is None or root_hash(old[: head.tree_size]) != head.root_hash:
        return None
    pairs = zip(old[: head.tree_size], leaves, strict=False)
    return next((i for i, (a, b) in enumerate(pairs) if a != b), None)


def _rewritten(
    size: int, index: int | None, event_id_of: Callable[[int], str | None]
) -> VerificationFailed:
    event_id = None if index is None else event_id_of(index)
    if index is None:
        where_nl = f"een van de vermeldingen 0 tot en met {size - 1} is veranderd of weggehaald."
        where_en = f"one of entries 0 to {size - 1} was changed or removed."
    else:
        label_nl, label_en = entry_label(index, event_id)
        where_nl, where_en = f"{label_nl} is veranderd.", f"{label_en} was changed."
    return VerificationFailed(
        Failure(
            Check.CONSISTENCY,
            f"Het logboek is herschreven sinds de boomkop van grootte {size}: {where_nl}",
            f"The log was rewritten since the tree head of size {size}, not only appended"
            f" to: {where_en}",
            index=index,
            event_id=event_id,
        )
    )


def _check_digests(archive: zipfile.ZipFile, manifest: Manifest, digests: dict[str, str]) -> None:
    for name in COVERED_MEMBERS:
        digest = digests.get(name) or sha256(read_member(archive, name)).hexdigest()
        if manifest.files.get(name) != digest:
            raise VerificationFailed(
                Failure(
                    Check.FILE,
                    f"{name} is veranderd na de export.",
                    f"{name} differs from what Samen exported and signed.",
                )
            )
