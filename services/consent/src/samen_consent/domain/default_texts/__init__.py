"""Default purpose texts: Dutch (binding, B1) and translations beside it.

Each language module maps a purpose code to (title, body). Every Dutch text says what
happens, with whom, why, that the parent may say no, and that a yes can be withdrawn.
Translations are unreviewed until a person checks them (see `purposes.default_catalogue`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from samen_consent.domain.default_texts import ar, en, nl, pl, tr, uk

Texts = Mapping[str, tuple[str, str]]

DUTCH_TEXTS: Final[Texts] = nl.TEXTS
TRANSLATIONS: Final[Mapping[str, Texts]] = {
    "en": en.TEXTS,
    "ar": ar.TEXTS,
    "tr": tr.TEXTS,
    "pl": pl.TEXTS,
    "uk": uk.TEXTS,
}
