"""Short texts for guardians: Dutch first (B1), English beside, with a key for translations."""

from dataclasses import dataclass
from datetime import date

_MONTHS_NL = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]
_MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def date_nl(day: date) -> str:
    return f"{day.day} {_MONTHS_NL[day.month - 1]} {day.year}"


def date_en(day: date) -> str:
    return f"{day.day} {_MONTHS_EN[day.month - 1]} {day.year}"


@dataclass(frozen=True)
class Text:
    """`key` and `params` let a template render the text in another language."""

    key: str
    nl: str
    en: str
    params: tuple[tuple[str, str], ...] = ()

    def followed_by(self, other: "Text") -> "Text":
        return Text(
            f"{self.key}+{other.key}",
            f"{self.nl} {other.nl}",
            f"{self.en} {other.en}",
            self.params + other.params,
        )


def text(key: str, nl: str, en: str, *, day: date | None = None, contact: str = "") -> Text:
    """Fill `{date}` and `{contact}` in both languages and keep them as params."""
    params: list[tuple[str, str]] = []
    if day is not None:
        nl, en = nl.replace("{date}", date_nl(day)), en.replace("{date}", date_en(day))
        params.append(("date", day.isoformat()))
    if contact:
        nl, en = nl.replace("{contact}", contact), en.replace("{contact}", contact)
        params.append(("contact", contact))
    return Text(key, nl, en, tuple(params))
