"""*Overzicht*: the figures per school as charts with their tables."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from markupsafe import Markup
from samen_kit.access.refusal_book import refusal_book_of

from samen_portal.adapters.readmodel import ReadModel
from samen_portal.domain.overview import KINDS, OverviewFact, SchoolFigures, overview
from samen_portal.domain.scope import reach, sees_overview
from samen_portal.entrypoints.charts import Bar, bar_chart
from samen_portal.entrypoints.pages import Deps
from samen_portal.entrypoints.presenting import school_name
from samen_portal.entrypoints.signin import UserDep
from samen_portal.handlers.school_names import school_names


class OverviewRefused(Exception):
    """The overview is for the samenwerkingsverband and the boards."""


@dataclass(frozen=True)
class Measure:
    key: str
    title: str
    unit: str
    read: Callable[[SchoolFigures], float | None]
    shown: Callable[[float | None], str]
    maximum: float | None = None


def shown_percent(value: float | None) -> str:
    return "nog niets te tellen" if value is None else f"{value:.0f}%"


def shown_days(value: float | None) -> str:
    return "nog geen antwoorden" if value is None else f"{value:.1f} dagen".replace(".", ",")


def shown_count(value: float | None) -> str:
    return "0" if value is None else f"{value:.0f}"


MEASURES = (
    Measure(
        "evaluaties",
        "Evaluaties met de ouders op tijd",
        "Op tijd",
        lambda f: f.evaluations_on_time,
        shown_percent,
        100,
    ),
    Measure("opp", "OPP binnen 6 weken", "Op tijd", lambda f: f.opps_on_time, shown_percent, 100),
    Measure(
        "toestemming",
        "Antwoordtijd op vragen om toestemming (mediaan)",
        "Dagen",
        lambda f: f.consent_answer_days,
        shown_days,
    ),
    Measure("geschillen", "Open geschillen", "Aantal", lambda f: f.open_disputes, shown_count),
    Measure(
        "aanvragen",
        "Aanvragen bij het samenwerkingsverband",
        "Aantal",
        lambda f: f.admission_requests,
        shown_count,
    ),
    Measure("thuiszitters", "Thuiszitters", "Aantal", lambda f: f.thuiszitters, shown_count),
)


def measures(figures: list[SchoolFigures], names: Mapping[UUID, str]) -> list[dict[str, Any]]:
    found = []
    for measure in MEASURES:
        bars = [
            Bar(school_name(f.school_id, names), measure.read(f), measure.shown(measure.read(f)))
            for f in figures
        ]
        chart: Markup = bar_chart(bars, maximum=measure.maximum)
        found.append(
            {
                "key": measure.key,
                "title": measure.title,
                "unit": measure.unit,
                "bars": bars,
                "chart": chart,
            }
        )
    return found


def overview_router(deps: Deps) -> APIRouter:
    router = APIRouter(include_in_schema=False)

    @router.get("/overzicht", response_class=HTMLResponse)
    async def show(request: Request, user: UserDep) -> Response:
        if not sees_overview(user.viewer):
            await refusal_book_of(request).forbidden(request)
            raise OverviewRefused()
        async with deps.sessions() as session:
            rows = await ReadModel(session).school_facts(reach(user.viewer), KINDS)
        figures = overview(OverviewFact(*row) for row in rows)
        names = await school_names(deps.services, user.token, [f.school_id for f in figures])
        return deps.pages.page(
            "overview.html",
            user,
            title="Overzicht per school",
            active="overzicht",
            measures=measures(figures, names) if figures else [],
        )

    return router
