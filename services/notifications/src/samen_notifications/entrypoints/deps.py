"""What the routes need: the context the composition root put on `app.state`."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends
from samen_kit.app_state import AppState

from samen_notifications.handlers.context import Context

CONTEXT = AppState("notifications_context", Context, "bootstrap.build_service")
Ctx = Annotated[Context, Depends(CONTEXT.of)]
