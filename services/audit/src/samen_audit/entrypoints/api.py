"""The audit API: tree heads, proofs, receipt checks and exports.

The tenant is always the caller's (from the staff token); nothing here takes a tenant
from the request, so another tenant's log cannot even be named.
"""

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Response
from samen_archive import ExportScope
from samen_archive.signing import public_key_base64, public_key_pem
from samen_contract.events.audit import ExporterRole
from samen_kit.access import StaffPrincipal
from samen_kit.app_state import AppState
from samen_kit.db import unit_of_work
from samen_kit.error_table import Absent, Unusable
from samen_kit.inputs import INT64_MAX
from samen_kit.tenancy import visible

from samen_audit.adapters.log_reads import LeafRow
from samen_audit.adapters.tree_heads import SqlTreeHeads
from samen_audit.entrypoints.permissions import CHECK_RECEIPT, EXPORT, PERMISSIONS, READ, SIGN
from samen_audit.entrypoints.schemas import (
    ConsistencyProofOut,
    ExportIn,
    InclusionProofOut,
    PublicKeyOut,
    ReceiptCheckOut,
    TreeHeadOut,
)
from samen_audit.handlers.context import AuditContext
from samen_audit.handlers.exporting import Exporter, ExportRequest, export_log
from samen_audit.handlers.proofs import (
    LeafRef,
    consistency_proof,
    inclusion_proof,
    receipt_proof,
)
from samen_audit.handlers.tree_heads import sign_now

CONTEXT = AppState("audit_context", AuditContext, "bootstrap.build")
ZIP = "application/zip"

router = APIRouter(prefix="/audit", tags=["audit"])


Context = Annotated[AuditContext, Depends(CONTEXT.of)]
CanRead = Annotated[StaffPrincipal, Depends(PERMISSIONS.require(READ))]
CanSign = Annotated[StaffPrincipal, Depends(PERMISSIONS.require(SIGN))]
CanExport = Annotated[StaffPrincipal, Depends(PERMISSIONS.require(EXPORT))]
CanCheckReceipt = Annotated[StaffPrincipal, Depends(PERMISSIONS.require(CHECK_RECEIPT))]
Size = Annotated[int, Query(ge=0, le=INT64_MAX)]


@router.get("/public-key")
async def public_key(context: Context) -> PublicKeyOut:
    """The Ed25519 key that signs tree heads and exports (public, no token needed)."""
    key = context.signing_key.public_key()
    return PublicKeyOut(
        key_id=context.key_id,
        public_key_pem=public_key_pem(key).decode("ascii"),
        public_key_base64=public_key_base64(key),
    )


@router.get("/tree-heads/latest")
async def latest_tree_head(context: Context, staff: CanRead) -> TreeHeadOut:
    async with unit_of_work(context.sessions) as session:
        head = await SqlTreeHeads(session).latest(staff.tenant)
    if head is None:
        raise Absent("Er is nog geen ondertekende boomkop.")
    return TreeHeadOut.of(head)


@router.get("/tree-heads/{tree_size}")
async def tree_head_at(
    tree_size: Annotated[int, Path(ge=0, le=INT64_MAX)], context: Context, staff: CanRead
) -> TreeHeadOut:
    async with unit_of_work(context.sessions) as session:
        head = await SqlTreeHeads(session).at_size(staff.tenant, tree_size)
    if head is None:
        raise Absent("Er is geen boomkop van deze grootte.")
    return TreeHeadOut.of(head)


@router.post("/tree-heads", status_code=201)
async def sign_tree_head(context: Context, staff: CanSign) -> TreeHeadOut:
    """Sign the log as it is now (also when a scheduled head is not due)."""
    return TreeHeadOut.of(await sign_now(context, staff.tenant, staff.actor))


@router.get("/proofs/inclusion")
async def prove_inclusion(
    context: Context,
    staff: CanRead,
    event_id: str | None = None,
    leaf_index: Annotated[int | None, Query(ge=0, le=INT64_MAX)] = None,
    tree_size: Annotated[int | None, Query(ge=0, le=INT64_MAX)] = None,
) -> InclusionProofOut:
    """That a leaf (by event id or index) is in the tree of ``tree_size`` leaves
    (default: the latest signed tree head)."""
    if (event_id is None) == (leaf_index is None):
        raise Unusable("Geef een event_id of een leaf_index, niet allebei.")
    ref = LeafRef(leaf_index=leaf_index, event_id=event_id)
    return InclusionProofOut.of(await inclusion_proof(context, staff.tenant, ref, tree_size))


@router.get("/proofs/consistency")
async def prove_consistency(
    context: Context, staff: CanRead, from_size: Size, to_size: Size | None = None
) -> ConsistencyProofOut:
    """That the tree of ``from_size`` leaves is a prefix of the tree of ``to_size``
    (default: the whole log)."""
    proof = await consistency_proof(context, staff.tenant, from_size, to_size)
    return ConsistencyProofOut.of(proof)


@router.get("/receipts/{event_id}")
async def check_receipt(event_id: str, context: Context, staff: CanCheckReceipt) -> ReceiptCheckOut:
    """The event on a consent receipt: its entry and its inclusion under a signed head."""

    def within_reach(leaf: LeafRow) -> bool:
        return visible(staff, tenant=staff.tenant, school_id=leaf.school, board_id=leaf.board)

    proof = await receipt_proof(context, staff.tenant, event_id, staff.actor, within_reach)
    return ReceiptCheckOut.of_receipt(proof, context.key_id)


@router.post(
    "/exports",
    response_class=Response,
    responses={200: {"content": {ZIP: {}}, "description": "The export archive (zip)"}},
)
async def export(body: ExportIn, context: Context, staff: CanExport) -> Response:
    """The tenant's log (or one board's or school's part) for a period, as one archive
    that `samen audit verify` checks offline."""
    scope = ExportScope(
        tenant=staff.tenant,
        period_from=body.period_from,
        period_to=body.period_to,
        board=str(body.board_id) if body.board_id else None,
        school=str(body.school_id) if body.school_id else None,
    )
    exporter = Exporter(ExporterRole(staff.role.value), staff.actor)
    result = await export_log(context, exporter, ExportRequest(scope, body.consistency_from))
    name = _file_name(staff.tenant, body.period_from, body.period_to)
    return Response(
        result.archive,
        media_type=ZIP,
        headers={
            "Content-Disposition": f'attachment; filename="{name}"',
            "X-Export-Id": str(result.export_id),
        },
    )


def _file_name(tenant: str, start: date, end: date) -> str:
    return f"samen-audit-{tenant}-{start.isoformat()}-{end.isoformat()}.zip"
