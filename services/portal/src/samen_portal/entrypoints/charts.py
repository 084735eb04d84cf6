"""Server-made SVG bar charts: one bar per school, the value written at its end. The
chart is decoration for sighted readers (aria-hidden); the table beside it carries the
same numbers for everyone, screen readers included."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

_BAR_HEIGHT = 28
_GAP = 10
_LABEL_WIDTH = 110
_WIDTH = 560
_VALUE_ROOM = 70


@dataclass(frozen=True)
class Bar:
    label: str
    value: float | None
    shown: str  # the value as the table shows it


def bar_chart(bars: Sequence[Bar], *, maximum: float | None = None) -> Markup:
    top = maximum or max([b.value for b in bars if b.value is not None] + [1.0])
    room = _WIDTH - _LABEL_WIDTH - _VALUE_ROOM
    height = len(bars) * (_BAR_HEIGHT + _GAP) + _GAP
    parts = [
        f'<svg class="portal-chart" aria-hidden="true" focusable="false" '
        f'viewBox="0 0 {_WIDTH} {height}" width="100%" xmlns="http://www.w3.org/2000/svg">'
    ]
    for index, bar in enumerate(bars):
        y = _GAP + index * (_BAR_HEIGHT + _GAP)
        length = 0 if bar.value is None else max(2, round(room * bar.value / top))
        middle = y + _BAR_HEIGHT / 2 + 5
        parts.append(f'<text x="0" y="{middle}">{escape(bar.label)}</text>')
        parts.append(
            f'<rect class="bar" x="{_LABEL_WIDTH}" y="{y}" width="{length}" '
            f'height="{_BAR_HEIGHT}"></rect>'
        )
        parts.append(
            f'<text x="{_LABEL_WIDTH + length + 6}" y="{middle}">{escape(bar.shown)}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))
