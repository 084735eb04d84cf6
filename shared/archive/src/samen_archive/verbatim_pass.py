"""One pass over a format-2 entries.jsonl: each line's leaf hash over a slice of it.

The pass only answers "everything fits" or "something does not". When something does
not, the entry walk reads the member again line by line and names the first entry that
does not fit, in the same words as for format 1; a damaged export is rare, a large
sound one is not.

What the walk checks per entry follows here from the hashes, or is checked in bulk:

- the entry is the logged one: its slice hashes to the leaf of the index the signed
  selection puts on that line (the tree rebuilt from the leaves gave the signed root);
- its place: the line begins with exactly that index;
- its event id: a kept line holds no id of its own beside the entry;
- its tenant: in each block of lines, every ``"tenant":`` key names the head's tenant.
  A key named otherwise (say in an event's data) only sends the export to the walk,
  which reads each entry's attributes.
"""

from collections.abc import Iterable, Sequence
from hashlib import sha256

import orjson

from samen_archive.merkle import LEAF_PREFIX
from samen_archive.verbatim import KEPT_END, KEPT_PREFIX, read_line

TENANT_KEY = b'"tenant":'


class VerbatimPass:
    """Fed the member's bytes in blocks of any size, in order."""

    def __init__(self, leaves: Sequence[bytes], selected: Iterable[int], tenant: str) -> None:
        self._leaves = leaves
        self._expected = iter(selected)
        self._tenant = TENANT_KEY + orjson.dumps(tenant)
        self._rest = b""
        self.fits = True
        self.checked = 0
        self.erased = 0

    def feed(self, block: bytes) -> None:
        if not self.fits:
            return
        data = self._rest + block if self._rest else block
        end = data.rfind(b"\n") + 1
        self._rest = data[end:]
        if end:
            self.fits = self._tenant_fits(data, end) and self._lines_fit(data, end)

    def close(self) -> bool:
        """Whether every selected entry was there, in order, and each hashed to its leaf."""
        if self._rest or next(self._expected, None) is not None:
            self.fits = False
        return self.fits

    def _tenant_fits(self, data: bytes, end: int) -> bool:
        return data.count(TENANT_KEY, 0, end) == data.count(self._tenant, 0, end)

    def _lines_fit(self, data: bytes, end: int) -> bool:
        # The loop runs once per entry: names bound locally, the entry hashed from a
        # copy of the prefix's hash over a memoryview slice (no copy of the entry).
        leaves, expected, view = self._leaves, self._expected, memoryview(data)
        find, starts_with, prefixed = data.find, data.startswith, sha256(LEAF_PREFIX)
        position = count = 0
        try:
            while position < end:
                newline = find(b"\n", position, end)
                index = next(expected)
                prefix = KEPT_PREFIX % index
                if starts_with(prefix, position) and data[newline - 1] == KEPT_END:
                    leaf = prefixed.copy()
                    leaf.update(view[position + len(prefix) : newline - 1])
                    if leaf.digest() != leaves[index]:
                        return False
                elif self._erased_at(data[position:newline], index):
                    self.erased += 1
                else:
                    return False
                count += 1
                position = newline + 1
        except (StopIteration, IndexError):  # more lines than selected, an index past the leaves
            return False
        finally:
            view.release()
        self.checked += count
        return True

    def _erased_at(self, raw: bytes, index: int) -> bool:
        try:
            line = read_line(raw)
        except (ValueError, KeyError, TypeError):
            return False
        return line.entry is None and line.index == index
