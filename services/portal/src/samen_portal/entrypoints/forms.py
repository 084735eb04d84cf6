"""Posted forms (urlencoded, as the pages send them), read without a multipart parser;
the body is read once and kept, so the CSRF check and the route both see it."""

from __future__ import annotations

from urllib.parse import parse_qs

from fastapi import Request

_FIELDS = "samen_portal_form"


async def form_fields(request: Request) -> dict[str, str]:
    kept = getattr(request.state, _FIELDS, None)
    if isinstance(kept, dict):
        return kept
    body = (await request.body()).decode("utf-8", errors="replace")
    fields = {name: values[0] for name, values in parse_qs(body).items() if values}
    setattr(request.state, _FIELDS, fields)
    return fields
