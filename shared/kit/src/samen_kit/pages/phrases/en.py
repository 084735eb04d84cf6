"""English: not yet reviewed by a native speaker."""

from __future__ import annotations

from typing import Final

REVIEWED: Final = False
PHRASES: Final[dict[str, str]] = {
    "kit_skip": "Skip to content",
    "kit_languages": "Choose your language",
    "kit_unreviewed": "This translation has not yet been checked by a native speaker. "
    "In case of doubt, the Dutch text counts.",
    "kit_back": "Back",
    "kit_not_found_title": "Not found",
    "kit_not_found": "This page does not exist. Or the link is for something else.",
}
