"""One object the composition root puts on `app.state` for the routes to take.

CONTEXT = AppState("notifications_context", Context, "bootstrap.build_service")
CONTEXT.install(app, ctx)                          # the composition root
Ctx = Annotated[Context, Depends(CONTEXT.of)]      # the routes
"""

from __future__ import annotations

from typing import Generic, TypeVar

from fastapi import FastAPI, Request

T = TypeVar("T")


class AppState(Generic[T]):
    def __init__(self, name: str, kind: type[T], installed_by: str) -> None:
        self.name, self.kind, self.installed_by = name, kind, installed_by

    def install(self, app: FastAPI, value: T) -> None:
        setattr(app.state, self.name, value)

    def of(self, request: Request) -> T:
        found = getattr(request.app.state, self.name, None)
        if not isinstance(found, self.kind):
            # A wiring mistake, not a request's: fail loudly.
            raise RuntimeError(f"{self.installed_by} was not called")
        return found
