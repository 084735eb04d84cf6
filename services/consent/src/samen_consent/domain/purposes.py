"""Purposes: what a consent is for, in words a parent reads, with its rule and validity.

A purpose is versioned by its texts: `revise` makes version + 1 whenever a text changes,
and a request pins the version it asks about, so every answer points at the words it
agreed to. The Dutch text binds; translations stand beside it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from types import MappingProxyType
from typing import Final

from samen_consent.domain.codes import DefaultPurpose
from samen_consent.domain.default_texts import DUTCH_TEXTS, TRANSLATIONS
from samen_consent.domain.errors import InvalidPurpose, UnknownPurpose
from samen_consent.domain.parties import ASSESSMENT_AGES, GUARDIANS_ONLY, OPP_AGES, AgeRule
from samen_consent.domain.rules import ConsentRule
from samen_consent.domain.texts import DUTCH, PurposeText, translation
from samen_consent.domain.validity import ForMonths, UntilSchoolYearEnd, UntilWithdrawn, Validity

_CODE: Final = re.compile(r"^[a-z][a-z0-9_]{1,62}$")


def is_purpose_code(text: str) -> bool:
    """A code a purpose may have: snake_case, 2 to 63 characters."""
    return bool(_CODE.match(text))


@dataclass(frozen=True, slots=True)
class Purpose:
    code: str
    version: int
    dutch: PurposeText
    translations: tuple[PurposeText, ...]
    rule: ConsentRule
    validity: Validity
    age_rule: AgeRule = GUARDIANS_ONLY

    def __post_init__(self) -> None:
        if not _CODE.match(self.code):
            raise InvalidPurpose(f"purpose code {self.code!r} is not snake_case")
        if self.version < 1:
            raise InvalidPurpose("a purpose's text version starts at 1")
        if self.dutch.language != DUTCH:
            raise InvalidPurpose("the binding text must be Dutch")
        languages = [text.language for text in self.translations]
        if DUTCH in languages or len(set(languages)) != len(languages):
            raise InvalidPurpose("one translation per language, Dutch not among them")

    @property
    def texts(self) -> tuple[PurposeText, ...]:
        return (self.dutch, *self.translations)

    def text_in(self, language: str) -> PurposeText | None:
        return next((text for text in self.texts if text.language == language), None)


def text_to_show(purpose: Purpose, language: str) -> PurposeText:
    """The text in the reader's language, or the Dutch one when there is none."""
    return purpose.text_in(language) or purpose.dutch


def revise(purpose: Purpose, new_texts: Iterable[PurposeText]) -> Purpose:
    """Replace texts by language; new words make version + 1, the same words change nothing
    (a review alone goes through `mark_reviewed` and keeps the version).

    A new Dutch text drops the translations not supplied with it: they translate words
    that no longer bind, and a parent then reads the Dutch text until a new one comes.
    """
    current = {text.language: text.sha256 for text in purpose.texts}
    supplied = {text.language: text for text in new_texts}
    if all(current.get(lang) == text.sha256 for lang, text in supplied.items()):
        return purpose
    dutch = supplied.get(DUTCH, purpose.dutch)
    kept = {t.language: t for t in purpose.translations}
    merged = {**(kept if dutch.sha256 == purpose.dutch.sha256 else {}), **supplied}
    merged.pop(DUTCH, None)
    return replace(
        purpose,
        version=purpose.version + 1,
        dutch=dutch,
        translations=tuple(merged[lang] for lang in sorted(merged)),
    )


def mark_reviewed(purpose: Purpose, language: str) -> Purpose:
    """A person checked this translation. The words do not change, so neither does the
    version; answers given before still record that the text was unreviewed then."""
    text = purpose.text_in(language)
    if text is None or language == DUTCH:
        raise InvalidPurpose(f"purpose {purpose.code} has no {language} translation")
    reviewed = replace(text, reviewed=True)
    return replace(
        purpose,
        translations=tuple(reviewed if t.language == language else t for t in purpose.translations),
    )


@dataclass(frozen=True, slots=True)
class Catalogue:
    """One tenant's purposes, each at its current version."""

    purposes: Mapping[str, Purpose]

    def __post_init__(self) -> None:
        object.__setattr__(self, "purposes", MappingProxyType(dict(self.purposes)))

    def get(self, code: str) -> Purpose:
        purpose = self.purposes.get(code)
        if purpose is None:
            raise UnknownPurpose(code)
        return purpose

    def with_purpose(self, purpose: Purpose) -> Catalogue:
        return Catalogue({**self.purposes, purpose.code: purpose})


_SCHOOL_YEAR: Final = UntilSchoolYearEnd()
# The consent to an OPP's action part binds to one version of its words and holds until
# a party withdraws it (a new version is a new request); an assessment is one piece of
# work, done within half a year.
_DEFAULT_VALIDITY: Final[Mapping[DefaultPurpose, Validity]] = {
    DefaultPurpose.OPP_ACTION_PART: UntilWithdrawn(),
    DefaultPurpose.ASSESSMENT: ForMonths(6),
}
_DEFAULT_AGES: Final[Mapping[DefaultPurpose, AgeRule]] = {
    DefaultPurpose.OPP_ACTION_PART: OPP_AGES,
    DefaultPurpose.ASSESSMENT: ASSESSMENT_AGES,
}


def default_purpose(code: DefaultPurpose) -> Purpose:
    """Version 1 of a default purpose. Every guardian with authority must agree
    (GLOSSARY.md: if one of two refuses or withdraws, consent is not given)."""
    title, body = DUTCH_TEXTS[code]
    return Purpose(
        code=code.value,
        version=1,
        dutch=PurposeText(DUTCH, title, body, reviewed=True),
        translations=tuple(
            translation(lang, *texts[code]) for lang, texts in sorted(TRANSLATIONS.items())
        ),
        rule=ConsentRule.ALL_WITH_AUTHORITY,
        validity=_DEFAULT_VALIDITY.get(code, _SCHOOL_YEAR),
        age_rule=_DEFAULT_AGES.get(code, GUARDIANS_ONLY),
    )


def default_catalogue() -> Catalogue:
    return Catalogue({code.value: default_purpose(code) for code in DefaultPurpose})
