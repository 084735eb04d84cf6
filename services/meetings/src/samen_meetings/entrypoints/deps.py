"""Dependencies shared by the routers: the use cases' context and the staff checks."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from samen_kit.access import StaffPrincipal

from samen_meetings.entrypoints.permissions import require
from samen_meetings.handlers.context import Context

CONTEXT_STATE = "meetings_context"


def context_of(request: Request) -> Context:
    ctx = getattr(request.app.state, CONTEXT_STATE, None)
    if not isinstance(ctx, Context):
        raise RuntimeError("the meetings context was not installed")
    return ctx


Ctx = Annotated[Context, Depends(context_of)]
CanRead = Annotated[StaffPrincipal, Depends(require("meetings.read"))]
CanReadRecords = Annotated[StaffPrincipal, Depends(require("records.read"))]
CanPlan = Annotated[StaffPrincipal, Depends(require("meetings.plan"))]
CanRecord = Annotated[StaffPrincipal, Depends(require("meetings.record"))]
CanRegisterStaff = Annotated[StaffPrincipal, Depends(require("staff.register"))]
CanReadStaff = Annotated[StaffPrincipal, Depends(require("staff.read"))]
CanReadSettings = Annotated[StaffPrincipal, Depends(require("settings.read"))]
CanChangeSettings = Annotated[StaffPrincipal, Depends(require("settings.change"))]
