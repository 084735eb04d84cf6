"""The guardian's access export (AVG art. 15): one zip with each owning service's own
answer as JSON (machine-readable, as the service gave it) and one readable page, as
HTML and as PDF (the same content).

Pure: the route fetches, this packs. A service that did not answer is named in the
zip (`ontbreekt.json`), so the guardian knows the export is not whole.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

# The services that own data about a pupil, in the order the page shows them.
OWNERS = ("consent", "meetings", "plans", "admissions", "disputes", "notifications")
# The portal's own part (the guardian's correction requests), read from its database.
PORTAL = "portal"
PARTS = (*OWNERS, PORTAL)


@dataclass(frozen=True)
class Section:
    """One service's part of the readable page: per table, its rows (None: no answer)."""

    service: str
    tables: list[tuple[str, list[dict[str, Any]]]] | None


def sections(answers: Mapping[str, Mapping[str, Any] | None]) -> list[Section]:
    found = []
    for service in PARTS:
        answer = answers.get(service)
        if answer is None:
            found.append(Section(service, None))
            continue
        holdings: Mapping[str, list[dict[str, Any]]] = answer["holdings"]
        found.append(Section(service, [(name, holdings[name]) for name in sorted(holdings)]))
    return found


def pack(
    answers: Mapping[str, Mapping[str, Any] | None], page: str, pdf: bytes, language: str
) -> bytes:
    """The zip: `<service>.json` per answer, `gegevens.<language>.html` and `.pdf`, and
    what is missing."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for service in PARTS:
            answer = answers.get(service)
            if answer is not None:
                archive.writestr(
                    f"{service}.json", json.dumps(answer, indent=2, ensure_ascii=False)
                )
        missing = [service for service in PARTS if answers.get(service) is None]
        if missing:
            archive.writestr("ontbreekt.json", json.dumps({"services": missing}))
        archive.writestr(f"gegevens.{language}.html", page)
        archive.writestr(f"gegevens.{language}.pdf", pdf)
    return buffer.getvalue()
