"""What the parent pages say: Dutch first, and the parent's language beside it.

Dutch is written for B1 readers; the other languages are translations that a person
has yet to review (like the purposes' translations). A language without phrases shows
Dutch only. `say` gives both as HTML, each marked with its language and direction.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType
from typing import Final

from markupsafe import Markup

from samen_consent.domain.texts import DUTCH, RIGHT_TO_LEFT
from samen_consent.entrypoints.phrases import ar, en, nl, pl, tr, uk

PHRASES: Final[Mapping[str, Mapping[str, str]]] = MappingProxyType(
    {
        "nl": nl.PHRASES,
        "en": en.PHRASES,
        "ar": ar.PHRASES,
        "tr": tr.PHRASES,
        "pl": pl.PHRASES,
        "uk": uk.PHRASES,
    }
)
LANGUAGE_NAMES: Final = {
    "nl": "Nederlands",
    "en": "English",
    "ar": "العربية",
    "tr": "Türkçe",
    "pl": "Polski",
    "uk": "Українська",
}


def text_direction(language: str) -> str:
    return "rtl" if language.split("-")[0] in RIGHT_TO_LEFT else "ltr"


def day_text(day: date) -> str:
    """Day-month-year with dashes, as Dutch letters write it; readable in every language."""
    return day.strftime("%d-%m-%Y")


def pick_language(wanted: str | None, accept_language: str | None = None) -> str:
    """The parent's language: asked for in the link, else their browser's, else Dutch."""
    for candidate in [wanted or "", *_accepted(accept_language or "")]:
        base = candidate.strip().lower().split("-")[0]
        if base in PHRASES:
            return base
    return DUTCH


def _accepted(header: str) -> list[str]:
    weighted = []
    for part in header.split(","):
        language, _, quality = part.strip().partition(";q=")
        try:
            weighted.append((float(quality or 1), language))
        except ValueError:
            continue
    return [language for _, language in sorted(weighted, reverse=True)]


@dataclass(frozen=True)
class Phrases:
    """`say(key)`: the Dutch phrase, and beside it the same in the parent's language."""

    language: str

    @property
    def direction(self) -> str:
        return text_direction(self.language)

    def dutch(self, key: str, **values: str) -> str:
        return PHRASES[DUTCH][key].format(**values)

    def say(self, key: str, **values: str) -> Markup:
        dutch = Markup('<span lang="nl">{}</span>').format(self.dutch(key, **values))
        other = PHRASES[self.language].get(key) if self.language != DUTCH else None
        if other is None:
            return dutch
        beside = Markup('<span class="beside" lang="{}" dir="{}">{}</span>').format(
            self.language, self.direction, other.format(**values)
        )
        return dutch + Markup(" ") + beside

    def plain(self, key: str, **values: str) -> str:
        """Dutch and the other language as one line of text (for buttons' labels)."""
        dutch = self.dutch(key, **values)
        other = PHRASES[self.language].get(key) if self.language != DUTCH else None
        return dutch if other is None else f"{dutch} / {other.format(**values)}"


__all__ = ["LANGUAGE_NAMES", "PHRASES", "Phrases", "day_text", "pick_language"]
