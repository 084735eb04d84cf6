"""What the routes need: the context the composition root put on `app.state`."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from samen_notifications.handlers.context import Context

CONTEXT_STATE = "notifications_context"


def context_of(request: Request) -> Context:
    ctx = getattr(request.app.state, CONTEXT_STATE, None)
    if not isinstance(ctx, Context):
        raise RuntimeError("the notifications context was not installed")
    return ctx


Ctx = Annotated[Context, Depends(context_of)]
