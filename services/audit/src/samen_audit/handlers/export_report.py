"""The figures of an export's selection, as summary.csv and report.html."""

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime

from samen_archive import ExportScope
from samen_archive.treehead import SignedTreeHead

from samen_audit.adapters.exports import SelectedLeaf
from samen_audit.domain.entry_view import EntryView, view_of
from samen_audit.domain.figures import Figures, figures
from samen_audit.handlers.context import AuditContext
from samen_audit.summary.report_page import ReportHeading, report_html
from samen_audit.summary.summary_csv import summary_csv


def report_files(
    context: AuditContext,
    scope: ExportScope,
    head: SignedTreeHead,
    selected: Sequence[SelectedLeaf],
    now: datetime,
) -> tuple[bytes, bytes]:
    # The report looks from the period's last day, or from today when that comes first.
    as_of = min(scope.period_to, now.astimezone(context.zone).date())
    counted = selection_figures(selected, as_of, context)
    heading = ReportHeading(
        scope, head.tree_size, head.root_hash.hex(), context.key_id, now, context.zone
    )
    return summary_csv(counted), report_html(counted, heading)


def selection_figures(
    selected: Sequence[SelectedLeaf], as_of: date, context: AuditContext
) -> Figures:
    views: list[EntryView] = []
    unreadable = erased = 0
    flags: Counter[str] = Counter(leaf.flag for leaf in selected if leaf.flag)
    bases: Counter[str] = Counter(leaf.erased_because or "" for leaf in selected if not leaf.entry)
    for leaf in selected:
        view = view_of(leaf.entry) if leaf.entry is not None else None
        if leaf.entry is None:
            erased += 1
        elif view is None:
            unreadable += 1
        else:
            views.append(view)
    counted = figures(
        views, unreadable=unreadable, erased=erased, as_of=as_of, zone=context.zone, flagged=flags
    )
    return replace(counted, erased_by_basis=dict(sorted(bases.items())))
