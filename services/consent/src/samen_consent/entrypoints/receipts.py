"""Receipts as a readable page."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from fastapi import Request
from fastapi.responses import HTMLResponse
from samen_kit.pages import PageRenderer, direction

from samen_consent.domain.dutch_time import AMSTERDAM
from samen_consent.domain.receipt import JSON


def receipt_page(
    pages: PageRenderer,
    request: Request,
    language: str,
    receipts: Sequence[dict[str, JSON]],
    *,
    back: str | None,
    token: str | None,
    picker: bool = True,
) -> HTMLResponse:
    shown = [
        {**receipt, "at_text": _local(receipt["at"]), "shown_direction": _direction(receipt)}
        for receipt in receipts
    ]
    return pages.render(
        request,
        "receipt.html",
        language=language,
        picker=picker,
        token=token,
        receipts=shown,
        back=back,
    )


def _local(at: JSON) -> str:
    moment = datetime.fromisoformat(str(at)).astimezone(AMSTERDAM)
    return moment.strftime("%d-%m-%Y %H:%M")


def _direction(receipt: dict[str, JSON]) -> str:
    shown = receipt.get("shown")
    return direction(str(shown.get("language", "nl"))) if isinstance(shown, dict) else "ltr"
