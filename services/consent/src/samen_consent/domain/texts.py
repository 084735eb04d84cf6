"""A purpose's text in one language, and the hash that evidence points at.

The hash covers exactly what a reader sees (title and body, Unicode NFC), so a receipt
can prove which words were on the page.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from typing import Final

from samen_consent.domain.errors import InvalidPurpose

DUTCH: Final = "nl"
RIGHT_TO_LEFT: Final = frozenset({"ar", "fa", "he", "ur"})
_LANGUAGE: Final = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


def text_hash(title: str, body: str) -> str:
    """SHA-256 (hex) of the NFC-normalised title, a blank line, and the body."""
    shown = unicodedata.normalize("NFC", f"{title}\n\n{body}")
    return hashlib.sha256(shown.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class PurposeText:
    """`reviewed` is False for a translation until a person has checked it.

    The Dutch text is the binding one; it is written by a person, so it is reviewed.
    """

    language: str
    title: str
    body: str
    reviewed: bool

    def __post_init__(self) -> None:
        if not _LANGUAGE.match(self.language):
            raise InvalidPurpose(f"language {self.language!r} is not a language tag")
        if not self.title.strip() or not self.body.strip():
            raise InvalidPurpose(f"the {self.language} text needs a title and a body")

    @property
    def sha256(self) -> str:
        return text_hash(self.title, self.body)

    @property
    def right_to_left(self) -> bool:
        return self.language.split("-")[0] in RIGHT_TO_LEFT


def translation(language: str, title: str, body: str) -> PurposeText:
    """A machine or unchecked translation: not reviewed until a person says so."""
    return PurposeText(language=language, title=title, body=body, reviewed=False)
