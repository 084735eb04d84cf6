"""The lines of entries.jsonl in format 2: each selected entry's canonical bytes verbatim.

A kept entry's line is ``{"index":I,"entry":ENTRY}``, ENTRY being the exact bytes the
log hashed (canonical JSON, so the line is still JSON for anyone reading it). The leaf
hash is then taken over a slice of the line, without parsing either. An erased body's
line is ``{"index":I,"event_id":ID,"erased":true}``: its hash stays in leaves.txt.
"""

import json
import re
from dataclasses import dataclass

import orjson

from samen_archive.canonical import UnreadableEntry, read_entry_facts

KEPT_PREFIX = b'{"index":%d,"entry":'
KEPT_END = ord("}")

# A kept line, read as the fast pass reads it: the prefix, then the entry up to the
# line's last "}" (not parsed: the hash decides whether it is the logged entry).
_KEPT = re.compile(rb'\{"index":(0|[1-9][0-9]*),"entry":(.*)\}\Z', re.DOTALL)


def kept_line(index: int, entry: bytes) -> bytes:
    return KEPT_PREFIX % index + entry + b"}\n"


def erased_line(index: int, event_id: str | None) -> bytes:
    line = {"index": index, "event_id": event_id, "erased": True}
    return json.dumps(line, ensure_ascii=False, separators=(",", ":")).encode("utf-8") + b"\n"


@dataclass(frozen=True)
class VerbatimLine:
    index: int
    event_id: str | None  # only an erased body's line names it; a kept entry holds its own
    entry: bytes | None


def read_line(raw: bytes) -> VerbatimLine:
    """One line, without its newline; raises ``ValueError``/``TypeError`` when unreadable."""
    kept = _KEPT.match(raw)
    if kept is not None:
        return VerbatimLine(int(kept[1]), None, kept[2])
    document = orjson.loads(raw)
    if not isinstance(document, dict) or document.get("erased") is not True:
        raise TypeError("a line holds an entry or says that its body was erased")
    index, event_id = document["index"], document["event_id"]
    if not isinstance(index, int) or isinstance(index, bool) or "entry" in document:
        raise TypeError("index is an integer, and an erased line holds no entry")
    if event_id is not None and not isinstance(event_id, str):
        raise TypeError("event_id is text or null")
    return VerbatimLine(index, event_id, None)


def exported_lines(member: bytes) -> list[VerbatimLine]:
    """Every line of a format-2 entries.jsonl with the event it is about (``None`` when
    the entry names none), for a reader who trusts the export: the verifier reads an
    entry's id only when it must name the entry."""
    lines = [read_line(raw) for raw in member.splitlines()]
    return [
        line
        if line.entry is None
        else VerbatimLine(line.index, entry_event_id(line.entry), line.entry)
        for line in lines
    ]


def entry_event_id(entry: bytes) -> str | None:
    """The entry's event id; ``None`` when it names none or cannot be read."""
    try:
        return read_entry_facts(entry).event_id
    except UnreadableEntry:
        return None
