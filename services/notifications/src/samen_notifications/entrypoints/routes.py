"""The app's routes as a flat list (FastAPI nests included routers), and which one a
request path belongs to."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from fastapi import FastAPI
from starlette.routing import BaseRoute, Match
from starlette.types import Scope


def flat_routes(routes: Iterable[BaseRoute]) -> Iterator[BaseRoute]:
    for route in routes:
        nested: Any = getattr(route, "original_router", None)
        if nested is not None:
            yield from flat_routes(nested.routes)
        else:
            yield route


def route_template(app: FastAPI, scope: Scope) -> str | None:
    """The matching route's path template (`/v1/schools/{school_id}`), if any."""
    partial = None
    for route in flat_routes(app.router.routes):
        match, _ = route.matches(scope)
        if match is Match.FULL:
            return str(getattr(route, "path", "/"))
        if match is Match.PARTIAL and partial is None:
            partial = str(getattr(route, "path", "/"))  # the path, with another method
    return partial
