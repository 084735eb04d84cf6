"""What parents and the roster type in: normalised when usable, refused by kind (never
echoing the value) when not."""

from __future__ import annotations

import uuid
from datetime import time

import pytest
from samen_kit.pages import Catalogue
from samen_notifications.domain.errors import InvalidContactPoint
from samen_notifications.entrypoints.pages import LANGUAGES, PHRASES
from samen_notifications.handlers.preferences import (
    PreferencesError,
    current_preferences,
    parse_preferences,
)
from samen_notifications.handlers.roster_import import GuardianLine, guardian_values

pytestmark = pytest.mark.unit

CODES = frozenset(code for code, _ in LANGUAGES)
NL = Catalogue.of(PHRASES).texts["nl"]


def _line(**kw: object) -> GuardianLine:
    values: dict[str, object] = {
        "guardian_id": uuid.uuid4(),
        "email": None,
        "mobile": None,
        "language": "nl",
        "do_not_contact": False,
    }
    return GuardianLine(**(values | kw))  # type: ignore[arg-type]


def test_a_roster_guardian_is_stored_normalised() -> None:
    values = guardian_values(
        _line(email="Ouder@Example.NL", mobile="06-1234 5678", language="PT_br")
    )
    assert values == {
        "email": "Ouder@example.nl",
        "mobile": "+31612345678",
        "language": "pt-BR",
        "do_not_contact": False,
    }


def test_empty_details_are_no_details() -> None:
    assert guardian_values(_line(email="  ", mobile=""))["email"] is None


@pytest.mark.parametrize(
    ("field", "raw"), [("email", "ouder@"), ("mobile", "0201234567"), ("language", "12")]
)
def test_an_unusable_detail_is_named_by_kind_without_its_value(field: str, raw: str) -> None:
    with pytest.raises(InvalidContactPoint) as refused:
        guardian_values(_line(**{field: raw}))
    assert str(refused.value).startswith(f"{field}:") and raw not in str(refused.value)


def test_a_parent_chooses_sms_only_and_later_quiet_hours() -> None:
    form = {
        "language": "ar",
        "mobile": "+31 6 12345678",
        "channels": "sms",
        "quiet_start": "22:00",
        "quiet_end": "08:15",
    }
    preferences = parse_preferences(form, CODES)
    values = preferences.values()
    assert values["channel_choices"]["request"] == ["sms"]
    assert (values["quiet_start"], values["quiet_end"]) == (time(22), time(8, 15))
    assert values["email"] is None and values["mobile"] == "+31612345678"


@pytest.mark.parametrize(
    ("form", "key"),
    [
        ({"language": "xx", "email": "a@example.nl"}, "invalid_language"),
        ({"email": "nope"}, "invalid_email"),
        ({"mobile": "12"}, "invalid_mobile"),
        ({}, "no_channel"),
        ({"email": "a@example.nl", "quiet_start": "late"}, "invalid_time"),
    ],
)
def test_a_form_that_cannot_be_saved_names_what_to_fix(form: dict[str, str], key: str) -> None:
    with pytest.raises(PreferencesError) as refused:
        parse_preferences(form, CODES)
    assert refused.value.key == key and key in NL  # and so in all six languages


def test_every_page_text_exists_in_all_six_languages() -> None:
    catalogue = Catalogue.of(PHRASES)  # refuses to load with a phrase missing anywhere
    assert all(set(texts) == set(NL) for texts in catalogue.texts.values())


def test_the_form_starts_from_what_is_on_file_or_the_defaults() -> None:
    assert current_preferences(None)["quiet_start"] == "21:00"
