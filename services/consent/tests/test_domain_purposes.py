"""Purposes: the catalogue's defaults, their texts, hashes and versions."""

from __future__ import annotations

import hashlib
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from samen_consent.domain.codes import DefaultPurpose
from samen_consent.domain.errors import InvalidPurpose, UnknownPurpose
from samen_consent.domain.parties import ASSESSMENT_AGES, GUARDIANS_ONLY, AgeRule
from samen_consent.domain.purposes import (
    Purpose,
    default_catalogue,
    default_purpose,
    mark_reviewed,
    revise,
    text_to_show,
)
from samen_consent.domain.rules import ConsentRule
from samen_consent.domain.texts import PurposeText, text_hash, translation
from samen_consent.domain.validity import ForMonths, UntilSchoolYearEnd, UntilWithdrawn

pytestmark = pytest.mark.unit

REQUIRED_TRANSLATIONS = {"en", "ar", "tr", "pl", "uk"}


def sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.?!])\s+", text) if s]


def test_the_default_catalogue_holds_the_seven_purposes_at_version_one() -> None:
    catalogue = default_catalogue()
    assert set(catalogue.purposes) == {code.value for code in DefaultPurpose}
    assert {p.version for p in catalogue.purposes.values()} == {1}


def test_an_unknown_purpose_code_is_refused_by_name() -> None:
    with pytest.raises(UnknownPurpose) as refused:
        default_catalogue().get("haircut")
    assert refused.value.code == "haircut"


@pytest.mark.parametrize("code", list(DefaultPurpose))
def test_every_default_text_is_short_plain_dutch_that_says_no_is_allowed(
    code: DefaultPurpose,
) -> None:
    dutch = default_purpose(code).dutch
    words_per_sentence = [len(s.split()) for s in sentences(dutch.body)]
    assert dutch.language == "nl" and dutch.reviewed
    assert max(words_per_sentence) <= 15
    assert sum(words_per_sentence) / len(words_per_sentence) <= 10
    assert "U mag nee zeggen." in dutch.body
    assert "intrekken" in dutch.body


@pytest.mark.parametrize("code", list(DefaultPurpose))
def test_every_default_purpose_has_unreviewed_translations_beside_the_dutch(
    code: DefaultPurpose,
) -> None:
    purpose = default_purpose(code)
    assert {t.language for t in purpose.translations} >= REQUIRED_TRANSLATIONS
    assert not any(t.reviewed for t in purpose.translations)
    assert len({t.sha256 for t in purpose.texts}) == len(purpose.texts)


def test_arabic_is_marked_right_to_left_and_the_others_are_not() -> None:
    purpose = default_purpose(DefaultPurpose.ENGAGE_SWV)
    rtl = {t.language for t in purpose.texts if t.right_to_left}
    assert rtl == {"ar"}


def test_all_guardians_with_authority_must_agree_by_default() -> None:
    rules = {p.rule for p in default_catalogue().purposes.values()}
    assert rules == {ConsentRule.ALL_WITH_AUTHORITY}


def test_only_the_assessment_and_the_opp_action_part_ask_the_pupil_by_default() -> None:
    catalogue = default_catalogue()
    assert catalogue.get("assessment").age_rule == ASSESSMENT_AGES
    # From 18 the pupil alone consents to the OPP's action part (WPO/WEC).
    assert catalogue.get("opp_action_part").age_rule == AgeRule(pupil_alone_from=18)
    asks_pupil = {"assessment", "opp_action_part"}
    others = {p.age_rule for c, p in catalogue.purposes.items() if c not in asks_pupil}
    assert others == {GUARDIANS_ONLY}


def test_default_validities_follow_the_school_year_the_document_and_the_assessment() -> None:
    catalogue = default_catalogue()
    assert catalogue.get("engage_swv").validity == UntilSchoolYearEnd()
    # Bound to one version of the action part: holds until withdrawn, not for 12 months.
    assert catalogue.get("opp_action_part").validity == UntilWithdrawn()
    assert catalogue.get("assessment").validity == ForMonths(6)


def test_the_hash_covers_exactly_the_words_shown() -> None:
    text = PurposeText("nl", "Titel", "Tekst.", reviewed=True)
    assert text.sha256 == text_hash("Titel", "Tekst.")
    assert text.sha256 != text_hash("Titel", "Tekst!")
    assert text.sha256 == hashlib.sha256(b"Titel\n\nTekst.").hexdigest()


def test_composed_and_decomposed_accents_hash_the_same() -> None:
    assert text_hash("Cre\u00eber", "x") == text_hash("Cre\u0065\u0308er", "x")


def test_a_new_dutch_text_makes_a_new_version_and_drops_stale_translations() -> None:
    purpose = default_purpose(DefaultPurpose.MDO_REQUEST)
    new_dutch = PurposeText("nl", "Een MDO", "Nieuwe tekst. U mag nee zeggen.", reviewed=True)
    new_english = translation("en", "An MDO", "New text. You may say no.")
    revised = revise(purpose, [new_dutch, new_english])
    assert revised.version == purpose.version + 1
    assert revised.dutch.sha256 == new_dutch.sha256
    assert [t.language for t in revised.translations] == ["en"]


def test_a_new_translation_alone_keeps_the_others_and_bumps_the_version() -> None:
    purpose = default_purpose(DefaultPurpose.MDO_REQUEST)
    revised = revise(purpose, [translation("fr", "Une réunion", "Vous pouvez dire non.")])
    assert revised.version == 2
    assert revised.dutch == purpose.dutch
    assert {t.language for t in revised.translations} == REQUIRED_TRANSLATIONS | {"fr"}


def test_revising_with_the_same_texts_changes_nothing() -> None:
    purpose = default_purpose(DefaultPurpose.SHARE_FILE)
    assert revise(purpose, purpose.texts) is purpose


def test_reviewing_a_translation_keeps_the_version_and_the_hash() -> None:
    purpose = default_purpose(DefaultPurpose.ARRANGEMENT)
    reviewed = mark_reviewed(purpose, "tr")
    turkish = reviewed.text_in("tr")
    assert turkish is not None and turkish.reviewed
    assert reviewed.version == purpose.version
    assert turkish.sha256 == text_to_show(purpose, "tr").sha256


def test_a_reader_without_a_translation_sees_the_dutch_text() -> None:
    purpose = default_purpose(DefaultPurpose.ASSESSMENT)
    assert text_to_show(purpose, "so") == purpose.dutch


@pytest.mark.parametrize("code", ["", "MDO", "1st", "with space"])
def test_a_purpose_code_must_be_snake_case(code: str) -> None:
    base = default_purpose(DefaultPurpose.MDO_REQUEST)
    with pytest.raises(InvalidPurpose):
        Purpose(code, 1, base.dutch, (), base.rule, base.validity)


def test_the_binding_text_must_be_dutch() -> None:
    base = default_purpose(DefaultPurpose.MDO_REQUEST)
    english = translation("en", "Title", "Body.")
    with pytest.raises(InvalidPurpose):
        Purpose("custom", 1, english, (), base.rule, base.validity)


_languages = st.sampled_from(["nl", "en", "ar", "tr", "pl", "uk", "fr"])
_texts = st.builds(
    PurposeText,
    language=_languages,
    title=st.sampled_from(["A", "B"]),
    body=st.sampled_from(["x.", "y."]),
    reviewed=st.booleans(),
)


@given(st.lists(_texts, max_size=4))
def test_revise_bumps_the_version_exactly_when_the_words_change(texts: list[PurposeText]) -> None:
    purpose = default_purpose(DefaultPurpose.ENGAGE_SWV)
    revised = revise(purpose, texts)
    before = {t.language: t.sha256 for t in purpose.texts}
    supplied = {t.language: t for t in texts}
    changed = any(before.get(lang) != t.sha256 for lang, t in supplied.items())
    if not changed:
        assert revised is purpose
        return
    assert revised.version == purpose.version + 1
    for lang, text in supplied.items():
        assert revised.text_in(lang) == text
    if revised.dutch.sha256 == purpose.dutch.sha256:
        for text in purpose.translations:
            assert revised.text_in(text.language) == supplied.get(text.language, text)
    else:
        assert {t.language for t in revised.translations} == set(supplied) - {"nl"}


def test_the_same_words_with_another_review_flag_are_not_a_new_version() -> None:
    purpose = default_purpose(DefaultPurpose.ENGAGE_SWV)
    english = purpose.text_in("en")
    assert english is not None
    assert revise(purpose, [PurposeText("en", english.title, english.body, True)]) is purpose


def test_a_tenant_may_add_a_purpose_of_its_own_beside_the_defaults() -> None:
    base = default_purpose(DefaultPurpose.MDO_REQUEST)
    custom = Purpose("school_photo", 1, base.dutch, (), ConsentRule.ONE_SUFFICES, ForMonths(12))
    catalogue = default_catalogue().with_purpose(custom)
    assert catalogue.get("school_photo") == custom
    assert "school_photo" not in default_catalogue().purposes
