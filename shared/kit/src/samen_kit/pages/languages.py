"""The six languages of the parent pages, and how a page picks one.

Dutch first; then English, Arabic (right to left), Turkish, Polish and Ukrainian. A page
takes the language the parent asked for (`?taal=`), else the one they chose before (a
cookie), else the one on file for them (when the page knows it), else their browser's
(`Accept-Language`), else Dutch.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

DUTCH: Final = "nl"
LANGUAGES: Final = ("nl", "en", "ar", "tr", "pl", "uk")
RIGHT_TO_LEFT: Final = frozenset({"ar"})
QUERY_PARAMETER: Final = "taal"
COOKIE_NAME: Final = "samen_taal"
# Each language in its own words: what the language picker shows.
NAMES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "nl": "Nederlands",
        "en": "English",
        "ar": "العربية",
        "tr": "Türkçe",
        "pl": "Polski",
        "uk": "Українська",
    }
)


def direction(language: str) -> str:
    return "rtl" if language in RIGHT_TO_LEFT else "ltr"


def known(candidate: str | None) -> str | None:
    """`candidate` as one of the six ("en-GB" is "en"), or None."""
    base = (candidate or "").strip().lower().replace("_", "-").split("-")[0]
    return base if base in LANGUAGES else None


def choose_language(
    asked: str | None = None,
    remembered: str | None = None,
    on_file: str | None = None,
    accept_language: str | None = None,
) -> str:
    """The first of these that is one of the six; Dutch when none is."""
    for candidate in (asked, remembered, on_file, *accepted(accept_language or "")):
        found = known(candidate)
        if found is not None:
            return found
    return DUTCH


def accepted(header: str) -> list[str]:
    """An `Accept-Language` header's languages, most wanted first (q=0 left out)."""
    weighted: list[tuple[float, int, str]] = []
    for position, part in enumerate(header.split(",")):
        language, _, parameters = part.strip().partition(";")
        quality = parameters.strip().removeprefix("q=") if parameters else "1"
        try:
            weight = float(quality)
        except ValueError:
            continue
        if language and weight > 0:
            weighted.append((-weight, position, language))
    return [language for _, _, language in sorted(weighted)]
