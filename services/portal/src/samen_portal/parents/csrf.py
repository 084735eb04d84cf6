"""The guardian's forms' CSRF token: one random value kept in the portal's signed
session cookie, written into each form and compared when the form comes back.

The link's token in a hidden field proves who the guardian is, but a page elsewhere
could post a copied link; the session value is one no other site can read.
"""

from __future__ import annotations

import hmac
import secrets

from fastapi import Request

FIELD = "csrf"
_KEY = "guardian_csrf"


def csrf_token(request: Request) -> str:
    """This browser's token, made on its first form."""
    token = request.session.get(_KEY)
    if not isinstance(token, str):
        token = secrets.token_urlsafe(32)
        request.session[_KEY] = token
    return token


def csrf_matches(request: Request, sent: str | None) -> bool:
    expected = request.session.get(_KEY)
    if not isinstance(expected, str) or not sent:
        return False
    return hmac.compare_digest(expected, sent)
