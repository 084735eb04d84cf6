"""The inclusion proof nodes of proofs.json, read in bulk and kept under their names.

An export of every entry carries about one node per entry. Turning each name into a
leaf range and each hash into bytes, one by one, cost more than rebuilding the tree;
so names and hashes are checked in bulk, and a node is looked up by the name the
exporter gave it (``node_key``).
"""

import re

from samen_archive.merkle import HASH_SIZE

# Plain decimal names only: then "start-end" names each range once, as the exporter does.
_NAME = r"(?:0|[1-9][0-9]*)-(?:0|[1-9][0-9]*)"
_NAMES = re.compile(rf"(?:{_NAME}(?:\n{_NAME})*)?")


def nodes_in_bulk(named: dict[str, object]) -> dict[str, bytes] | None:
    """The nodes by name when every name is ``start-end`` and every hash 64 hex digits;
    ``None`` otherwise, for the careful reading to name what is wrong."""
    try:
        hashes: list[str] = list(named.values())  # type: ignore[arg-type]  # join checks
        whole = bytes.fromhex("".join(hashes))  # a TypeError for a hash that is no text
    except (TypeError, ValueError):
        return None
    names = "\n".join(named)
    if set(map(len, hashes)) - {2 * HASH_SIZE} or names.count("\n") != max(len(named) - 1, 0):
        return None  # a hash of other length, or a name holding a line break
    if not _NAMES.fullmatch(names):
        return None  # a name written otherwise than "start-end"
    pieces = [whole[i : i + HASH_SIZE] for i in range(0, len(whole), HASH_SIZE)]
    return dict(zip(named, pieces, strict=True))
