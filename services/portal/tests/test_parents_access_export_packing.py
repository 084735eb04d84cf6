"""Packing the access export: each service's answer as it came, one readable page, and
the services that gave no answer named, never left out silently."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from samen_portal.parents.access_export import PARTS, pack, sections

pytestmark = pytest.mark.unit

CONSENT = {"service": "consent", "holdings": {"pupil": [{"pupil_id": "p-1"}], "evidence": []}}


def test_each_answer_is_kept_as_the_service_gave_it_and_the_silent_ones_are_named() -> None:
    packed = pack({"consent": CONSENT}, "<p>leesbaar</p>", b"%PDF-1.7", "nl")
    archive = zipfile.ZipFile(io.BytesIO(packed))

    assert json.loads(archive.read("consent.json")) == CONSENT
    assert json.loads(archive.read("ontbreekt.json")) == {
        "services": [s for s in PARTS if s != "consent"]
    }
    assert archive.read("gegevens.nl.html") == b"<p>leesbaar</p>"
    assert archive.read("gegevens.nl.pdf") == b"%PDF-1.7"


def test_the_readable_page_shows_every_owner_in_order_and_tables_by_name() -> None:
    found = sections({"consent": CONSENT})

    assert [s.service for s in found] == list(PARTS)
    assert found[0].tables == [("evidence", []), ("pupil", [{"pupil_id": "p-1"}])]
    assert all(s.tables is None for s in found[1:])
