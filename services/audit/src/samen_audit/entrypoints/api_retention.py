"""The retention policy as staff and the inspectie read it, and the legal holds the
inspectie or the samenwerkingsverband place and lift (published as audit's facts, which
every erasing service consumes)."""

from datetime import date
from typing import Annotated
from uuid import UUID, uuid4

from fastapi import APIRouter, Depends
from pydantic import BaseModel, Field
from samen_contract.events.retention import LegalHoldLifted, LegalHoldPlaced
from samen_kit.access import StaffPrincipal
from samen_kit.db import unit_of_work
from samen_kit.outbox import emit
from samen_kit.retention.policy import RetentionRule, policy_for

from samen_audit.entrypoints.api import CONTEXT
from samen_audit.entrypoints.permissions import HOLD, PERMISSIONS, RETENTION_READ
from samen_audit.handlers.context import AuditContext

router = APIRouter(prefix="/audit/retention", tags=["retention"])

Context = Annotated[AuditContext, Depends(CONTEXT.of)]
CanRead = Annotated[StaffPrincipal, Depends(PERMISSIONS.require(RETENTION_READ))]
CanHold = Annotated[StaffPrincipal, Depends(PERMISSIONS.require(HOLD))]

STARTS = {
    "pupil_left": "nadat de leerling de school verliet",
    "consent_ended": (
        "nadat de laatste toestemming stopte (ingetrokken of verlopen)"
        " of de leerling de school verliet, wat het eerst gebeurt"
    ),
    "dispute_ended": "nadat het geschil is beslist, opgelost of ingetrokken",
    "admission_ended": "nadat de toelaatbaarheidsverklaring afliep",
    "recorded": "na het vastleggen",
}


class RuleOut(BaseModel):
    kind: str
    label: str = Field(description="Wat bewaard wordt (Nederlands, B1)")
    months: int
    period: str = Field(description="De bewaartermijn in woorden")
    basis: str
    basis_text: str = Field(description="De wettelijke grondslag")
    assumed: bool = Field(description="Onze lezing van de bronnen; laat dit nog toetsen")
    duty_to_keep: str | None = None

    @classmethod
    def of(cls, rule: RetentionRule) -> "RuleOut":
        years, months = divmod(rule.months, 12)
        length = f"{years} jaar" if not months else f"{rule.months} maanden"
        return cls(
            kind=rule.kind,
            label=rule.label,
            months=rule.months,
            period=f"{length} {STARTS[rule.starts_at]}",
            basis=rule.basis,
            basis_text=rule.basis_text,
            assumed=rule.assumed,
            duty_to_keep=rule.duty_to_keep,
        )


class HoldIn(BaseModel):
    pupil_id: UUID


class HoldOut(BaseModel):
    hold_id: UUID
    pupil_id: UUID
    on: date


@router.get("/policy")
async def retention_policy(context: Context, staff: CanRead) -> list[RuleOut]:
    """Hoe lang elke soort gegevens bewaard wordt, en waarom (voor uw samenwerkingsverband)."""
    policy = policy_for(staff.tenant, context.retention_overrides)
    return [RuleOut.of(rule) for rule in policy.rules.values()]


@router.post("/holds", status_code=201)
async def place_hold(body: HoldIn, context: Context, staff: CanHold) -> HoldOut:
    """Nothing about the pupil is erased until the hold is lifted (an inspectie request)."""
    hold = HoldOut(hold_id=uuid4(), pupil_id=body.pupil_id, on=context.clock.now().date())
    fact = LegalHoldPlaced(pupil_id=hold.pupil_id, hold_id=hold.hold_id, placed_on=hold.on)
    await _publish(context, staff, fact, hold.pupil_id)
    return hold


@router.post("/holds/{hold_id}/lift")
async def lift_hold(hold_id: UUID, body: HoldIn, context: Context, staff: CanHold) -> HoldOut:
    """The hold ends today; the retention periods run as before (lifting twice is harmless)."""
    hold = HoldOut(hold_id=hold_id, pupil_id=body.pupil_id, on=context.clock.now().date())
    fact = LegalHoldLifted(pupil_id=hold.pupil_id, hold_id=hold_id, lifted_on=hold.on)
    await _publish(context, staff, fact, hold.pupil_id)
    return hold


async def _publish(
    context: AuditContext,
    staff: StaffPrincipal,
    fact: LegalHoldPlaced | LegalHoldLifted,
    pupil: UUID,
) -> None:
    async with unit_of_work(context.sessions) as session:
        await emit(session, fact, tenant=staff.tenant, subject=str(pupil), actor=staff.actor)
