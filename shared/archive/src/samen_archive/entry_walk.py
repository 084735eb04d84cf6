"""Walking entries.jsonl in leaf order: each entry must sit where the signed tree says."""

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import orjson

from samen_archive.canonical import EntryFacts, UnreadableEntry, read_entry_facts
from samen_archive.layout import iterate_selection, node_key
from samen_archive.merkle import (
    inclusion_path_ranges,
    leaf_hash,
    verify_inclusion,
)
from samen_archive.reading import VerificationFailed
from samen_archive.report import entry_failure
from samen_archive.treehead import SignedTreeHead
from samen_archive.verbatim import read_line


@dataclass
class WalkResult:
    checked: int = 0
    erased: int = 0
    event_ids: dict[int, str] = field(default_factory=dict)


@dataclass(frozen=True)
class _Line:
    index: int
    leaf: bytes
    event_id: str | None
    entry: bytes | None


class EntryWalk:
    """Checks every entry line against the leaves, the proofs and the signed selection."""

    def __init__(
        self,
        head: SignedTreeHead,
        leaves: Sequence[bytes],
        nodes: Mapping[str, bytes],
        selected: Sequence[Sequence[int]],
        *,
        proven: bool = False,
        verbatim: bool = False,
        leaves_sound: bool = True,
    ) -> None:
        self._head = head
        self._leaves = leaves
        self._nodes = nodes
        self._selected = selected
        self._proven = proven  # the rebuilt tree already proved every selected entry
        self._leaves_sound = leaves_sound  # leaves.txt gives the signed root
        self._read: Callable[[bytes], _Line] = self._verbatim if verbatim else _line_of
        self.result = WalkResult()

    def run(self, lines: Iterable[bytes]) -> WalkResult:
        expected = iterate_selection(self._selected)
        for number, raw in enumerate(lines):
            wanted = next(expected, None)
            line = self._parse(raw, number, wanted)
            self._check_place(line, wanted)
            self._check(line)
        missing = next(expected, None)
        if missing is not None:
            raise self._missing(missing)
        return self.result

    def _check_place(self, line: _Line, wanted: int | None) -> None:
        if wanted is not None and line.index > wanted:
            raise self._missing(wanted)
        if wanted is None or line.index < wanted:
            raise VerificationFailed(
                entry_failure(
                    line.index,
                    line.event_id,
                    "zij staat niet op haar plaats of hoort niet bij deze export.",
                    "it is out of order or not in the signed selection.",
                )
            )

    def _missing(self, index: int) -> VerificationFailed:
        return VerificationFailed(
            entry_failure(
                index,
                None,
                "zij ontbreekt of staat niet op haar plaats."
                " Het ondertekende overzicht noemt haar wel.",
                "it is missing or out of place, though the signed manifest selects it.",
            )
        )

    def _check(self, line: _Line) -> None:
        if line.index >= len(self._leaves) or self._leaves[line.index] != line.leaf:
            raise VerificationFailed(
                entry_failure(
                    line.index,
                    line.event_id,
                    "haar hash staat niet zo in leaves.txt.",
                    "its leaf hash is not the one in leaves.txt at its index.",
                )
            )
        if line.entry is None:
            self.result.erased += 1
        else:
            self._check_body(line, line.entry)
        if not self._proven:
            self._check_inclusion(line)
        self.result.checked += 1
        if line.event_id is not None:
            self.result.event_ids[line.index] = line.event_id

    def _check_body(self, line: _Line, entry: bytes) -> None:
        facts = _facts(entry)
        event_id = facts.event_id if facts else line.event_id
        if leaf_hash(entry) != line.leaf:
            raise VerificationFailed(
                entry_failure(
                    line.index,
                    event_id,
                    "de inhoud is veranderd; zij past niet meer bij haar hash in het logboek.",
                    "its content changed; it no longer hashes to its leaf.",
                )
            )
        if facts is not None and facts.event_id != line.event_id:
            raise VerificationFailed(
                entry_failure(
                    line.index,
                    event_id,
                    "het gebeurtenisnummer naast de vermelding is veranderd.",
                    "the event id beside the entry is not the entry's own.",
                )
            )
        if facts is not None and facts.tenant not in (None, self._head.tenant):
            raise VerificationFailed(
                entry_failure(
                    line.index,
                    event_id,
                    "zij hoort bij een ander samenwerkingsverband.",
                    "it belongs to another tenant.",
                )
            )

    def _check_inclusion(self, line: _Line) -> None:
        size = self._head.tree_size
        try:
            path = [self._nodes[node_key(r)] for r in inclusion_path_ranges(line.index, size)]
        except (KeyError, ValueError):  # a node left out, or an index outside the tree
            path = []
        if not verify_inclusion(line.leaf, line.index, size, path, self._head.root_hash):
            raise VerificationFailed(
                entry_failure(
                    line.index,
                    line.event_id,
                    "het bewijs dat zij in het ondertekende logboek staat, klopt niet.",
                    "its inclusion proof does not verify against the signed tree head.",
                )
            )

    def _parse(self, raw: bytes, number: int, wanted: int | None) -> _Line:
        try:
            return self._read(raw)
        except (ValueError, KeyError, TypeError) as error:
            index = wanted if wanted is not None else number
            raise VerificationFailed(
                entry_failure(
                    index,
                    None,
                    f"regel {number + 1} van entries.jsonl is onleesbaar.",
                    f"line {number + 1} of entries.jsonl cannot be read ({error}).",
                )
            ) from error

    def _verbatim(self, raw: bytes) -> _Line:
        """A format-2 line, whose event id is the entry's own. It carries no leaf hash:
        it stands for leaves.txt's, unless leaves.txt misses the signed root; then for
        its entry's, so a changed leaf is named as in format 1, not as a changed entry."""
        line = read_line(raw)
        leaves, index = self._leaves, line.index
        leaf = leaves[index] if 0 <= index < len(leaves) else b""
        if line.entry is None:
            return _Line(index, leaf, line.event_id, None)
        facts = _facts(line.entry)
        leaf = leaf if self._leaves_sound else leaf_hash(line.entry)
        return _Line(index, leaf, facts.event_id if facts else None, line.entry)


def _line_of(raw: bytes) -> _Line:
    """A format-1 line: index, leaf hash and event id beside the entry as JSON text."""
    return _line(orjson.loads(raw))  # a few times json's speed: one per entry


def _line(document: object) -> _Line:
    if not isinstance(document, dict):
        raise TypeError("a line is a JSON object")
    index, event_id = document["index"], document["event_id"]
    if not isinstance(index, int) or isinstance(index, bool):
        raise TypeError("index is an integer")
    if event_id is not None and not isinstance(event_id, str):
        raise TypeError("event_id is text or null")
    return _Line(index, bytes.fromhex(_text(document["leaf_hash"])), event_id, _body(document))


def _body(document: dict[str, object]) -> bytes | None:
    if document.get("erased") is True and "entry" not in document:
        return None
    return _text(document["entry"]).encode("utf-8")


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError("expected text")
    return value


def _facts(entry: bytes) -> EntryFacts | None:
    try:
        return read_entry_facts(entry)
    except UnreadableEntry:
        return None
