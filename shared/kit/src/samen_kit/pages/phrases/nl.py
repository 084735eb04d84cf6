"""Dutch (B1): the base layout's words."""

from __future__ import annotations

from typing import Final

REVIEWED: Final = True
PHRASES: Final[dict[str, str]] = {
    "kit_skip": "Naar de inhoud",
    "kit_languages": "Kies uw taal",
    "kit_unreviewed": "Deze vertaling is nog niet gecontroleerd door iemand die deze taal "
    "als moedertaal spreekt. Twijfelt u? Dan geldt de Nederlandse tekst.",
    "kit_back": "Terug",
    "kit_not_found_title": "Niet gevonden",
    "kit_not_found": "Deze pagina bestaat niet. Of de link hoort bij iets anders.",
}
