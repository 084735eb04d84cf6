"""What the parent pages say, in the six languages, and nothing that falls back.

Each service keeps its phrases in a package with one catalogue file per language
(`nl.toml`, `en.toml`, `ar.toml`, `tr.toml`, `pl.toml`, `uk.toml`), like the messages'
templates: data a translator edits without touching code. Each holds `reviewed` (whether
a native speaker checked it) and a `[phrases]` table (key to text, with `{name}`
placeholders). Phrases whose text the domain holds (so a page and a receipt say the
same) come from the package's `FROM_DOMAIN` (language to key to text). Dutch is written
first, for B1 readers; every other language must have exactly Dutch's keys and
placeholders, or the catalogue refuses to load. So no page ever shows a phrase in Dutch
only because its translation is missing: a key that no language has raises
`MissingPhrase`, and tests walk every page to prove none does.

`say(key)` gives Dutch and, beside it, the parent's language, each marked with its
`lang` (and `dir`); on a Dutch page it gives Dutch alone.
"""

from __future__ import annotations

import importlib
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib.resources import files
from string import Formatter
from types import MappingProxyType

from markupsafe import Markup, escape

from samen_kit.pages.dates import value_in
from samen_kit.pages.languages import DUTCH, LANGUAGES, direction

KIT_PHRASES = "samen_kit.pages.phrases"


class MissingPhrase(KeyError):
    """A page asked for a phrase that the catalogue does not have."""


class IncompleteCatalogue(ValueError):
    """A language lacks phrases Dutch has (or has others, or other placeholders)."""


def _placeholders(text: str) -> frozenset[str]:
    return frozenset(name for _, name, _, _ in Formatter().parse(text) if name)


@dataclass(frozen=True)
class Catalogue:
    """Per language, key to text; complete in all six (checked when built)."""

    texts: Mapping[str, Mapping[str, str]]
    reviewed: Mapping[str, bool]

    def __post_init__(self) -> None:
        problems = list(_gaps(self.texts))
        if problems:
            raise IncompleteCatalogue("; ".join(problems))

    @classmethod
    def of(cls, *packages: str) -> Catalogue:
        """The phrases of these packages (the kit's own always included), merged."""
        texts: dict[str, dict[str, str]] = {language: {} for language in LANGUAGES}
        reviewed = dict.fromkeys(LANGUAGES, True)
        for package in (KIT_PHRASES, *packages):
            from_domain = getattr(importlib.import_module(package), "FROM_DOMAIN", {})
            for language in LANGUAGES:
                data = tomllib.loads((files(package) / f"{language}.toml").read_text("utf-8"))
                for phrases in (data["phrases"], from_domain.get(language, {})):
                    if clash := texts[language].keys() & phrases.keys():
                        raise IncompleteCatalogue(
                            f"{package}: phrases named twice: {sorted(clash)}"
                        )
                    texts[language].update(phrases)
                reviewed[language] = reviewed[language] and bool(data["reviewed"])
        return cls(
            MappingProxyType({k: MappingProxyType(v) for k, v in texts.items()}),
            MappingProxyType(reviewed),
        )

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(self.texts[DUTCH])

    def text(self, language: str, key: str, values: Mapping[str, object]) -> str:
        try:
            template = self.texts[language][key]
        except KeyError:
            raise MissingPhrase(f"{language}:{key}") from None
        return template.format(**{name: value_in(language, v) for name, v in values.items()})

    def phrases(self, language: str) -> Phrases:
        if language not in LANGUAGES:
            raise MissingPhrase(f"no phrases in {language!r}")
        return Phrases(self, language)


def _gaps(texts: Mapping[str, Mapping[str, str]]) -> Iterable[str]:
    dutch = texts.get(DUTCH, {})
    for language in LANGUAGES:
        own = texts.get(language)
        if own is None:
            yield f"{language}: no phrases"
            continue
        if missing := sorted(dutch.keys() - own.keys()):
            yield f"{language}: missing {missing}"
        if extra := sorted(own.keys() - dutch.keys()):
            yield f"{language}: not in Dutch {extra}"
        for key in sorted(dutch.keys() & own.keys()):
            if _placeholders(dutch[key]) != _placeholders(own[key]):
                yield f"{language}:{key}: other placeholders than Dutch"


@dataclass(frozen=True)
class Phrases:
    """The phrases of one page in one language (and Dutch)."""

    catalogue: Catalogue
    language: str

    @property
    def direction(self) -> str:
        return direction(self.language)

    @property
    def reviewed(self) -> bool:
        return self.catalogue.reviewed[self.language]

    def dutch(self, key: str, **values: object) -> str:
        return self.catalogue.text(DUTCH, key, values)

    def own(self, key: str, **values: object) -> str:
        """The phrase in the page's language only."""
        return self.catalogue.text(self.language, key, values)

    def say(self, key: str, **values: object) -> Markup:
        """Dutch, and the parent's language beside it, as marked-up HTML."""
        dutch = self.dutch(key, **values)
        if self.language == DUTCH:
            return escape(dutch)
        return Markup(
            '<span class="nl" lang="nl" dir="ltr">{}</span> '
            '<span class="beside" lang="{}" dir="{}">{}</span>'
        ).format(dutch, self.language, self.direction, self.own(key, **values))

    def plain(self, key: str, **values: object) -> str:
        """Dutch and the parent's language as one line of text (titles, options)."""
        dutch = self.dutch(key, **values)
        return dutch if self.language == DUTCH else f"{dutch} / {self.own(key, **values)}"
