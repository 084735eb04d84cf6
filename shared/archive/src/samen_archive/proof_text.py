"""Format 2's proofs.json, whose inclusion nodes the verifier can write out itself.

The nodes are listed level by level, left to right, one ``"start-end": "hash"`` a line,
as ``json.dumps(..., indent=1)`` lays out an object. The verifier, rebuilding the tree,
writes the lines it expects and finds them in the file byte for byte: an export of
every entry carries about two nodes per entry, and parsing them cost more than all the
rest of the check. When the lines are not found exactly, proofs.json is read as JSON
and each node checked as in format 1, so a failure is named as before.
"""

from collections.abc import Sequence

EMPTY_NODES = '"nodes": {}'


def path_node_lines(
    level: Sequence[bytes], height: int, size: int, ancestors: set[int]
) -> list[str]:
    """The nodes at this level on the paths of ``ancestors`` (this level's positions)."""
    last = len(level) - 1
    partners = sorted(p for p in {ancestor ^ 1 for ancestor in ancestors} if p <= last)
    if partners and partners[-1] == last:  # the last node may cover fewer leaves
        partners.pop()
        tail = [f'   "{last << height}-{size}": "{level[last].hex()}"']
    else:
        tail = []
    span = 1 << height
    return [
        f'   "{p << height}-{(p << height) + span}": "{level[p].hex()}"' for p in partners
    ] + tail


def _nodes_block(lines: list[str]) -> str:
    return '"nodes": {\n' + ",\n".join(lines) + "\n  }" if lines else EMPTY_NODES


def with_nodes(document: str, lines: list[str]) -> str:
    """The exporter's proofs.json: ``document`` written with empty nodes, then filled."""
    return document.replace(EMPTY_NODES, _nodes_block(lines), 1)


def without_nodes(data: bytes, lines: list[str]) -> bytes | None:
    """proofs.json with exactly the expected nodes taken out, or ``None``: the nodes are
    not exactly those, or "nodes" is named elsewhere too (then the JSON decides)."""
    if data.count(b'"nodes"') != 1:
        return None
    block = _nodes_block(lines).encode("ascii")
    start = data.find(b'"nodes": ')
    if start < 0 or not data.startswith(block, start):
        return None
    return data[:start] + EMPTY_NODES.encode("ascii") + data[start + len(block) :]
