"""SMS segments: GSM-7 when it fits, UCS-2 otherwise, counted as the network bills them."""

from __future__ import annotations

import pytest
from samen_kit.sms import SmsEncoding, sms_encoding, sms_length, sms_segments

pytestmark = pytest.mark.unit

ARABIC_LETTER = "ب"


@pytest.mark.parametrize(
    ("length", "segments"), [(0, 1), (160, 1), (161, 2), (306, 2), (307, 3), (459, 3), (460, 4)]
)
def test_gsm7_holds_160_characters_alone_and_153_per_part(length: int, segments: int) -> None:
    assert sms_segments("a" * length) == segments


@pytest.mark.parametrize(
    ("length", "segments"), [(70, 1), (71, 2), (134, 2), (135, 3), (201, 3), (202, 4)]
)
def test_ucs2_holds_70_characters_alone_and_67_per_part(length: int, segments: int) -> None:
    assert sms_segments(ARABIC_LETTER * length) == segments


def test_dutch_with_accents_of_the_gsm_alphabet_stays_gsm7() -> None:
    assert sms_encoding("Het café is open: één, è, ä, ö, ü en à passen.") is SmsEncoding.GSM7


def test_the_accent_of_voor_is_not_in_gsm7() -> None:
    assert sms_encoding("Graag antwoord vóór dinsdag.") is SmsEncoding.UCS2


def test_one_character_outside_gsm7_makes_the_whole_message_ucs2() -> None:
    length = sms_length("a" * 100 + "ë")
    assert (length.encoding, length.units, length.segments) == (SmsEncoding.UCS2, 101, 2)


def test_an_extension_character_takes_two_septets() -> None:
    assert sms_length("€" * 80).units == 160
    assert sms_segments("€" * 81) == 2


def test_an_escape_pair_is_never_cut_across_two_parts() -> None:
    # 306 septets would fit two parts, but the euro sign cannot start in part one.
    assert sms_segments("a" * 152 + "€" + "a" * 152) == 3


def test_an_emoji_takes_two_ucs2_units() -> None:
    assert sms_length("🙂" * 35).units == 70
    assert sms_segments("🙂" * 36) == 2
