"""Polish: not yet reviewed by a native speaker."""

from __future__ import annotations

from typing import Final

REVIEWED: Final = False
PHRASES: Final[dict[str, str]] = {
    "kit_skip": "Przejdź do treści",
    "kit_languages": "Wybierz swój język",
    "kit_unreviewed": "To tłumaczenie nie zostało jeszcze sprawdzone przez osobę, dla "
    "której ten język jest ojczysty. W razie wątpliwości obowiązuje tekst niderlandzki.",
    "kit_back": "Wstecz",
    "kit_not_found_title": "Nie znaleziono",
    "kit_not_found": "Ta strona nie istnieje. Albo link dotyczy czegoś innego.",
}
