"""Polish translation (unreviewed)."""

from __future__ import annotations

from typing import Final

_CLOSE: Final = (
    "Mogą Państwo odmówić. Jeśli Państwo się zgodzą, zawsze mogą Państwo później wycofać zgodę."
)

TEXTS: Final = {
    "engage_swv": (
        "Prośba o pomoc do regionalnego związku szkół",
        "Państwa dziecko potrzebuje więcej pomocy, niż szkoła może dać sama. "
        "Dlatego chcemy poprosić o pomoc regionalny związek szkół (samenwerkingsverband). "
        "To grupa szkół w regionie. "
        "Razem organizują dodatkową pomoc. "
        "Powiemy im, czego potrzebuje Państwa dziecko. "
        "Razem z Państwem poszukamy najlepszej pomocy. " + _CLOSE,
    ),
    "mdo_request": (
        "Spotkanie w sprawie dziecka ze specjalistą (MDO)",
        "Chcemy zaplanować spotkanie w sprawie Państwa dziecka. Nazywa się ono MDO. "
        "Biorą w nim Państwo udział. "
        "Biorą w nim też udział nauczyciel, koordynator wsparcia w szkole "
        "(intern begeleider) i doradca ze związku szkół. "
        "Rozmawiamy o tym, czego potrzebuje dziecko. "
        "I o tym, czego Państwo sami potrzebują. "
        "W tym celu przekazujemy doradcy ze związku szkół informacje o dziecku. " + _CLOSE,
    ),
    "preventive_support": (
        "Dodatkowa pomoc na czas",
        "Chcemy już teraz dać Państwa dziecku dodatkową pomoc. "
        "Dzięki temu małe problemy nie urosną. "
        "Pomaga nam w tym doradca ze związku szkół. "
        "W tym celu doradca otrzymuje informacje o dziecku. "
        "Razem z Państwem ustalamy, jaką pomoc dostanie dziecko. " + _CLOSE,
    ),
    "share_file": (
        "Udostępnienie dokumentu rozwoju innym osobom",
        "Dokument rozwoju (groeidocument) to teczka z informacjami o Państwa dziecku. "
        "Wypełniają go Państwo razem ze szkołą. "
        "Chcemy go udostępnić osobom spoza szkoły, które pomagają dziecku. "
        "Na przykład doradcy ze związku szkół albo pracownikowi pomocy dla młodzieży. "
        "Czytają go tylko po to, aby lepiej pomóc dziecku. "
        "Zawsze mogą Państwo zapytać, komu go udostępniamy. " + _CLOSE,
    ),
    "arrangement": (
        "Arrangement: pakiet dodatkowej pomocy",
        "Chcemy złożyć wniosek o arrangement dla Państwa dziecka. "
        "To pakiet dodatkowej pomocy. Na przykład dodatkowe wsparcie w klasie. "
        "O tej pomocy decyduje związek szkół. "
        "W tym celu przekazujemy związkowi szkół informacje o dziecku. "
        "Pomoc wybieramy razem z Państwem. " + _CLOSE,
    ),
    "opp_action_part": (
        "Zgoda na plan dla dziecka (OPP)",
        "Razem z Państwem przygotowaliśmy plan dla dziecka. Ten plan nazywa się OPP. "
        "W części działań (handelingsdeel) jest napisane, jaką pomoc dostanie dziecko. "
        "Jest tam też napisane, kto i kiedy jej udzieli. "
        "Pytamy, czy zgadzają się Państwo z tą częścią. "
        "Bez Państwa zgody nie realizujemy tej części. "
        "Mogą Państwo odmówić. Wtedy będziemy dalej rozmawiać. "
        "Jeśli Państwo się zgodzą, zawsze mogą Państwo później wycofać zgodę.",
    ),
    "assessment": (
        "Badanie tego, jak dziecko się uczy",
        "Chcemy, aby psycholog lub pedagog specjalny (orthopedagoog) zbadał Państwa dziecko. "
        "Sprawdzi, jak dziecko się uczy, myśli i jak się czuje. "
        "Dzięki temu lepiej będziemy wiedzieć, jaka pomoc pasuje. "
        "Poznają Państwo wyniki i omówimy je razem. "
        "Czy dziecko ma 12 lat lub więcej? Wtedy pytamy też samo dziecko. "
        "Od 16 lat dziecko decyduje samo. " + _CLOSE,
    ),
}
