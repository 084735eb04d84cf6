"""Jinja2 pages (autoescaped), Dutch first; the layout knows who is signed in."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, select_autoescape

from samen_portal.domain.inspectie import may_inspect
from samen_portal.domain.parents_evening import may_invite_parents
from samen_portal.domain.scope import sees_overview
from samen_portal.entrypoints.signin import User

TEMPLATES = Path(__file__).parent / "templates"


class Pages:
    def __init__(self) -> None:
        self._env = Environment(
            loader=FileSystemLoader(TEMPLATES),
            autoescape=select_autoescape(["html"]),
            enable_async=False,
        )

    def render(self, name: str, **context: Any) -> str:
        return self._env.get_template(name).render(**context)

    def page(
        self, name: str, user: User | None, *, status: int = 200, **context: Any
    ) -> HTMLResponse:
        overview = user is not None and sees_overview(user.viewer)
        inspects = user is not None and may_inspect(user.viewer)
        invites = user is not None and may_invite_parents(user.viewer)
        html = self.render(
            name,
            user=user,
            sees_overview=overview,
            inspects=inspects,
            invites_parents=invites,
            **context,
        )
        return HTMLResponse(html, status_code=status)
