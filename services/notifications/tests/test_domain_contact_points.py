"""Contact points: normalised on the way in, never shown in logs."""

from __future__ import annotations

from datetime import time

import pytest
from samen_notifications.domain.contact import (
    ContactPoint,
    QuietHours,
    parse_email,
    parse_language,
    parse_mobile,
)
from samen_notifications.domain.errors import (
    InvalidEmailAddress,
    InvalidLanguageTag,
    InvalidPhoneNumber,
    NotAMobileNumber,
)
from samen_notifications.domain.rules import Channel, MessageKind

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("raw", ["06-12345678", "06 1234 5678", "+31 6 1234 5678", "0031612345678"])
def test_a_dutch_mobile_number_is_stored_in_e164(raw: str) -> None:
    assert parse_mobile(raw) == "+31612345678"


def test_a_foreign_mobile_number_keeps_its_country() -> None:
    assert parse_mobile("+48 512 345 678") == "+48512345678"


def test_a_national_number_is_read_in_the_given_region() -> None:
    assert parse_mobile("0470 12 34 56", region="BE") == "+32470123456"


@pytest.mark.parametrize("raw", ["020 123 4567", "0800 0123"])
def test_a_number_that_cannot_receive_sms_is_refused(raw: str) -> None:
    with pytest.raises(NotAMobileNumber):
        parse_mobile(raw)


@pytest.mark.parametrize("raw", ["hello", "0612", "", "+31 6 1234 56789 0"])
def test_text_that_is_no_phone_number_is_refused(raw: str) -> None:
    with pytest.raises(InvalidPhoneNumber):
        parse_mobile(raw)


def test_a_phone_error_never_repeats_the_number() -> None:
    with pytest.raises(InvalidPhoneNumber) as refused:
        parse_mobile("020 123 4567")
    assert "123" not in str(refused.value)


def test_an_email_domain_is_lower_cased_and_the_local_part_kept() -> None:
    assert parse_email("  Ouder.Jansen@Example.NL ") == "Ouder.Jansen@example.nl"


def test_an_international_email_domain_is_idna_encoded() -> None:
    assert parse_email("ouder@bücher.de") == "ouder@xn--bcher-kva.de"


@pytest.mark.parametrize(
    "raw",
    [
        "no-at-sign",
        "ouder@localhost",
        "a..b@example.nl",
        ".a@example.nl",
        "a@-x.nl",
        "@x.nl",
        "two words@example.nl",
        "ouder@example..nl",
        f"{'a' * 65}@example.nl",
    ],
)
def test_an_unusable_email_address_is_refused(raw: str) -> None:
    with pytest.raises(InvalidEmailAddress):
        parse_email(raw)


@pytest.mark.parametrize(
    ("raw", "tag"),
    [
        ("NL", "nl"),
        ("pt_br", "pt-BR"),
        ("zh-hant", "zh-Hant"),
        ("sr-latn-rs", "sr-Latn-RS"),
        ("ti", "ti"),
    ],
)
def test_a_language_tag_is_put_in_canonical_case(raw: str, tag: str) -> None:
    assert parse_language(raw) == tag


@pytest.mark.parametrize("raw", ["", "12", "nederlands!", "n"])
def test_text_that_is_no_language_tag_is_refused(raw: str) -> None:
    with pytest.raises(InvalidLanguageTag):
        parse_language(raw)


def test_a_contact_point_normalises_what_it_is_given() -> None:
    contact = ContactPoint(email="Ouder@Example.NL", mobile="06-12345678", language="AR")
    assert (contact.email, contact.mobile, contact.language) == (
        "Ouder@example.nl",
        "+31612345678",
        "ar",
    )


def test_a_contact_point_refuses_a_bad_number_on_construction() -> None:
    with pytest.raises(NotAMobileNumber):
        ContactPoint(mobile="020 123 4567")


def test_the_repr_never_shows_the_address_or_the_number() -> None:
    contact = ContactPoint(email="ouder@example.nl", mobile="06-12345678")
    shown = f"{contact!r} {contact}"
    assert "ouder" not in shown and "example" not in shown
    assert "12345678" not in shown
    assert "email=<set>" in shown and "mobile=<set>" in shown


def test_the_repr_says_when_a_channel_has_no_address() -> None:
    assert "mobile=<unset>" in repr(ContactPoint(email="ouder@example.nl"))


def test_reachable_channels_are_those_with_an_address_email_first() -> None:
    assert ContactPoint(email="o@example.nl", mobile="0612345678").reachable_channels == (
        Channel.EMAIL,
        Channel.SMS,
    )
    assert ContactPoint(mobile="0612345678").reachable_channels == (Channel.SMS,)
    assert ContactPoint().reachable_channels == ()


def test_a_kind_without_a_choice_allows_every_channel() -> None:
    contact = ContactPoint(channel_choices={MessageKind.REMINDER: {Channel.SMS}})
    assert contact.chosen_channels(MessageKind.REMINDER) == {Channel.SMS}
    assert contact.chosen_channels(MessageKind.REQUEST) == {Channel.EMAIL, Channel.SMS}


def test_channel_choices_cannot_be_changed_afterwards() -> None:
    choices = {MessageKind.REMINDER: {Channel.SMS}}
    contact = ContactPoint(channel_choices=choices)
    choices[MessageKind.REMINDER].add(Channel.EMAIL)
    assert contact.chosen_channels(MessageKind.REMINDER) == {Channel.SMS}
    with pytest.raises(TypeError):
        contact.channel_choices[MessageKind.REQUEST] = frozenset()  # type: ignore[index]


def test_default_quiet_hours_run_from_nine_in_the_evening_to_half_past_seven() -> None:
    quiet = ContactPoint().quiet_hours
    assert [
        quiet.contains(time(h, m)) for h, m in [(20, 59), (21, 0), (3, 0), (7, 29), (7, 30)]
    ] == [
        False,
        True,
        True,
        True,
        False,
    ]


def test_quiet_hours_within_one_day_do_not_wrap_around_midnight() -> None:
    lunch = QuietHours(time(12, 0), time(13, 0))
    assert lunch.contains(time(12, 30)) and not lunch.contains(time(23, 0))


def test_quiet_hours_that_start_when_they_end_are_no_quiet_hours() -> None:
    assert not QuietHours(time(8, 0), time(8, 0)).contains(time(8, 0))
