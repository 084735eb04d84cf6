"""What an SMS is to every gateway, shared by the notifications service's gateway adapter
and the local gateway simulator (`samen_kit.localinfra.sms_simulator`).

Length in segments: GSM-7 when every character fits it, UCS-2 otherwise.

GSM 03.38: a single message holds 160 septets (153 per part when concatenated); the
extension table's characters take two. UCS-2 holds 70 code units (67 per part);
characters outside the Basic Multilingual Plane (most emoji) take two.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENSION = frozenset("^{}\\[~]|€\f")


class SmsEncoding(StrEnum):
    GSM7 = "GSM-7"
    UCS2 = "UCS-2"


@dataclass(frozen=True, slots=True)
class SmsLength:
    encoding: SmsEncoding
    units: int  # septets for GSM-7, 16-bit code units for UCS-2
    segments: int


# MessageBird signs its delivery reports with a JWT in this header, issued by this name.
SIGNATURE_HEADER = "MessageBird-Signature-JWT"
SIGNATURE_ISSUER = "MessageBird"

_LIMITS = {SmsEncoding.GSM7: (160, 153), SmsEncoding.UCS2: (70, 67)}


def sms_encoding(text: str) -> SmsEncoding:
    gsm = all(char in GSM7_BASIC or char in GSM7_EXTENSION for char in text)
    return SmsEncoding.GSM7 if gsm else SmsEncoding.UCS2


def sms_length(text: str) -> SmsLength:
    encoding = sms_encoding(text)
    sizes = [_units(char, encoding) for char in text]
    single, per_part = _LIMITS[encoding]
    units = sum(sizes)
    segments = 1 if units <= single else _parts(sizes, per_part)
    return SmsLength(encoding, units, segments)


def _units(char: str, encoding: SmsEncoding) -> int:
    if encoding is SmsEncoding.GSM7:
        return 2 if char in GSM7_EXTENSION else 1
    return 2 if ord(char) > 0xFFFF else 1


def _parts(sizes: list[int], per_part: int) -> int:
    """Greedy split: an escape pair or a surrogate pair is never cut across two parts."""
    parts, filled = 1, 0
    for size in sizes:
        if filled + size > per_part:
            parts, filled = parts + 1, 0
        filled += size
    return parts


def sms_segments(text: str) -> int:
    """How many billed segments the text takes (an empty text still costs one)."""
    return sms_length(text).segments
