"""What an inspector kept from an earlier visit: a tree head file, or that whole export."""

import zipfile
from pathlib import Path

from samen_archive.layout import LEAVES, TREE_HEAD
from samen_archive.reading import VerificationFailed, open_archive, parse_leaves, read_member
from samen_archive.treehead import MalformedTreeHead, SignedTreeHead
from samen_archive.verify import Earlier


class UnreadableEarlier(ValueError):
    """The earlier tree head (or export) cannot be read."""


def load_earlier(path: Path) -> Earlier:
    """A tree_head.json, or an earlier export whose leaves then name a rewritten entry."""
    try:
        if zipfile.is_zipfile(path):
            return _from_archive(path)
        return Earlier(SignedTreeHead.from_json(path.read_bytes()))
    except (OSError, MalformedTreeHead) as error:
        raise UnreadableEarlier(str(error)) from error


def _from_archive(path: Path) -> Earlier:
    try:
        with open_archive(path) as archive:
            head = SignedTreeHead.from_json(read_member(archive, TREE_HEAD))
            leaves = parse_leaves(read_member(archive, LEAVES))
    except VerificationFailed as failed:
        raise UnreadableEarlier(failed.failure.message_en) from failed
    return Earlier(head, leaves)
