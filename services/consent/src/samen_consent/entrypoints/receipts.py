"""Receipts as a readable page."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from fastapi.responses import HTMLResponse

from samen_consent.domain.dutch_time import AMSTERDAM
from samen_consent.domain.receipt import JSON
from samen_consent.entrypoints.phrases import Phrases
from samen_consent.entrypoints.rendering import PageRenderer


def receipt_page(
    pages: PageRenderer,
    phrases: Phrases,
    receipts: Sequence[dict[str, JSON]],
    *,
    back: str | None,
    token: str | None,
    language_choice: bool = True,
) -> HTMLResponse:
    shown = [{**receipt, "at_text": _local(receipt["at"])} for receipt in receipts]
    return pages.render(
        "receipt.html",
        phrases,
        token=token,
        title_key="receipt_title",
        receipts=shown,
        back=back,
        language_choice=language_choice,
    )


def _local(at: JSON) -> str:
    moment = datetime.fromisoformat(str(at)).astimezone(AMSTERDAM)
    return moment.strftime("%d-%m-%Y %H:%M")
