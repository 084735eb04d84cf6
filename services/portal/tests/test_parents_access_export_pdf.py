"""The access export's PDF: the same readable page as the HTML, so a guardian finds
their consent receipt in it (read back from the PDF's text), and Arabic comes out as
Arabic letters in reading order, not as empty boxes or reversed text."""

from __future__ import annotations

import io
import zipfile
from typing import Any
from uuid import uuid4

import pytest
from pypdf import PdfReader
from samen_portal.parents.access_export import pack, sections
from samen_portal.parents.readable_pdf import readable_pdf
from samen_portal.parents.routes import renderer

pytestmark = pytest.mark.unit

SHOWN_SHA = "5f" * 32


def _consent_answer(party: str) -> dict[str, Any]:
    receipt = {
        "evidence_id": str(uuid4()),
        "purpose_code": "mdo_sharing",
        "party_id": party,
        "role": "guardian",
        "act": "agree",
        "at": "2026-03-02T09:15:00+00:00",
        "channel": "link",
        "shown_sha256": SHOWN_SHA,
    }
    return {"service": "consent", "holdings": {"consent_evidence": [receipt]}}


def _page(language: str, answers: dict[str, Any]) -> str:
    pages = renderer()
    return pages.html("gegevens.html", pages.phrases(language), sections=sections(answers))


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_the_pdf_holds_the_guardians_consent_receipt_like_the_html() -> None:
    party = str(uuid4())
    answers = {"consent": _consent_answer(party)}
    html = _page("nl", answers)

    archive = zipfile.ZipFile(io.BytesIO(pack(answers, html, readable_pdf(html), "nl")))
    text = _text(archive.read("gegevens.nl.pdf"))

    flat = "".join(text.split())
    assert "Wat wij over uw kind en over u bewaren" in text
    assert "consent_evidence" in flat
    assert party in flat
    assert SHOWN_SHA in flat
    assert "mdo_sharing" in flat


def test_an_arabic_pdf_reads_as_arabic_and_keeps_the_receipt() -> None:
    # Starting with digits: on a right-to-left page its parts would be reordered.
    party = "54867428-f487-4aa2-b88a-c288a9d189cf"
    html = _page("ar", {"consent": _consent_answer(party)})

    text = _text(readable_pdf(html))

    assert 'dir="rtl"' in html
    assert party in "".join(text.split())
    # The heading reads back in logical order: shaped, joined and right to left.
    heading = renderer().phrases("ar").own("ui_export_title")
    assert heading in text.splitlines()
