"""Export a tenant's log (or a board's or school's part of it) for a period.

The archive holds the selected entries, every leaf hash of the signed tree, the proofs
and the figures. Reading happens in one transaction (which may sign a fresh head),
building the archive outside any, and the export is recorded — and announced with
`AuditExported` — in a last one.
"""

import asyncio
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from hashlib import sha256
from uuid import UUID, uuid4

from samen_archive import ArchiveEntry, ExportContents, ExportScope, build_archive
from samen_archive.treehead import SignedTreeHead
from samen_contract.events.audit import AuditExported, ExporterRole, ExportScopeKind
from samen_kit.db import unit_of_work
from samen_kit.outbox import emit

from samen_audit.adapters.exports import ExportRecord, SelectedLeaf, Selection, SqlExports
from samen_audit.adapters.log_reads import SqlLogReads
from samen_audit.domain.errors import BadPeriod, TreeTooLarge
from samen_audit.handlers.context import AuditContext
from samen_audit.handlers.export_report import report_files
from samen_audit.handlers.tree_heads import head_covering


@dataclass(frozen=True)
class Exporter:
    role: ExporterRole
    actor: str  # "<role>:<pseudonymous id>"


@dataclass(frozen=True)
class ExportRequest:
    scope: ExportScope
    consistency_from: int | None = None

    @property
    def kind(self) -> ExportScopeKind:
        if self.scope.school is not None:
            return ExportScopeKind.SCHOOL
        if self.scope.board is not None:
            return ExportScopeKind.BOARD
        return ExportScopeKind.TENANT


@dataclass(frozen=True)
class ExportResult:
    export_id: UUID
    archive: bytes
    tree_size: int
    entry_count: int


@dataclass(frozen=True)
class _Read:
    head: SignedTreeHead
    leaves: list[bytes]
    selected: list[SelectedLeaf]


async def export_log(
    context: AuditContext, exporter: Exporter, request: ExportRequest
) -> ExportResult:
    scope = request.scope
    if scope.period_to < scope.period_from:
        raise BadPeriod("the period ends before it starts")
    now = context.clock.now()
    read = await _read(context, exporter, request)
    archive = await asyncio.to_thread(_build, context, request, read, now)
    result = ExportResult(uuid4(), archive, read.head.tree_size, len(read.selected))
    await _record(context, exporter, request, result, now)
    return result


async def _read(context: AuditContext, exporter: Exporter, request: ExportRequest) -> _Read:
    scope = request.scope
    async with unit_of_work(context.sessions) as session:
        reads = SqlLogReads(session)
        size = (await reads.frontier(scope.tenant)).size
        head = await head_covering(session, context, scope.tenant, size, exporter.actor)
        if request.consistency_from is not None and request.consistency_from > head.tree_size:
            raise TreeTooLarge(request.consistency_from, head.tree_size)
        leaves = await reads.all_leaf_hashes(scope.tenant, head.tree_size)
        selected = await SqlExports(session).select(_selection(context, scope, head.tree_size))
    return _Read(head, leaves, selected)


def _selection(context: AuditContext, scope: ExportScope, size: int) -> Selection:
    start = datetime.combine(scope.period_from, time.min, tzinfo=context.zone)
    end = datetime.combine(scope.period_to + timedelta(days=1), time.min, tzinfo=context.zone)
    return Selection(scope.tenant, size, start, end, scope.board, scope.school)


def _build(context: AuditContext, request: ExportRequest, read: _Read, now: datetime) -> bytes:
    summary, page = report_files(context, request.scope, read.head, read.selected, now)
    contents = ExportContents(
        tree_head=read.head,
        leaves=read.leaves,
        entries=[ArchiveEntry(s.index, s.entry, s.event_id) for s in read.selected],
        scope=request.scope,
        summary_csv=summary,
        report_html=page,
        exported_at=now,
        earlier_size=request.consistency_from,
    )
    return build_archive(contents, context.signing_key)


async def _record(
    context: AuditContext,
    exporter: Exporter,
    request: ExportRequest,
    result: ExportResult,
    now: datetime,
) -> None:
    scope = request.scope
    record = ExportRecord(
        export_id=result.export_id,
        tenant=scope.tenant,
        scope=request.kind.value,
        board=scope.board,
        school=scope.school,
        period_from=scope.period_from,
        period_to=scope.period_to,
        tree_size=result.tree_size,
        entry_count=result.entry_count,
        consistency_from=request.consistency_from,
        exporter_role=exporter.role.value,
        actor=exporter.actor,
        archive_sha256=sha256(result.archive).hexdigest(),
        exported_at=now,
    )
    async with unit_of_work(context.sessions) as session:
        await SqlExports(session).record(record)
        await emit(
            session,
            _announcement(request, result, exporter),
            tenant=scope.tenant,
            subject=scope.tenant,
            actor=exporter.actor,
            time=now,
        )


def _announcement(
    request: ExportRequest, result: ExportResult, exporter: Exporter
) -> AuditExported:
    scope = request.scope
    return AuditExported(
        export_id=result.export_id,
        scope=request.kind,
        board_id=_uuid(scope.board),
        school_id=_uuid(scope.school),
        period_from=scope.period_from,
        period_to=scope.period_to,
        tree_size=result.tree_size,
        entry_count=result.entry_count,
        exporter_role=exporter.role,
        consistency_from=request.consistency_from,
    )


def _uuid(value: str | None) -> UUID | None:
    return UUID(value) if value is not None else None
