"""report.html: the export's figures in plain Dutch, readable in any browser, no scripts."""

from dataclasses import dataclass
from datetime import datetime, tzinfo
from functools import cache

from jinja2 import Environment, PackageLoader, select_autoescape
from samen_archive.layout import ExportScope
from samen_kit.retention.policy import DEFAULT_RULES

from samen_audit.domain.disputes_timeline import dispute_totals
from samen_audit.domain.figures import Figures
from samen_audit.summary import labels

BASES = {rule.basis: rule.basis_text for rule in DEFAULT_RULES}


@dataclass(frozen=True)
class ReportHeading:
    scope: ExportScope
    tree_size: int
    root_hash: str
    key_id: str
    exported_at: datetime
    zone: tzinfo


@cache
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("samen_audit.summary", "templates"),
        autoescape=select_autoescape(default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def report_html(figures: Figures, heading: ReportHeading) -> bytes:
    template = _environment().get_template("report.html.j2")
    page = template.render(
        figures=figures,
        heading=heading,
        exported_at=heading.exported_at.astimezone(heading.zone).strftime("%d-%m-%Y %H:%M"),
        disputes=dispute_totals(figures.disputes),
        labels=labels,
        percent=_percent,
        basis_text=basis_text,
    )
    return page.encode("utf-8")


def basis_text(basis: str) -> str:
    """The legal basis of a retention rule in Dutch, by its code (docs/retention.md)."""
    if not basis:
        return "Gewist zonder vastgelegde grondslag"
    return BASES.get(basis, basis)


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}%".replace(".", ",")
