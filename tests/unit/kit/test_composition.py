"""The kit's declaration of a service with staff routes and parent pages: `build` wires
the context, consumers, sweep, retention and the pupil's data routes where the service
places them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pytest
from fastapi import APIRouter
from samen_kit.access.refusal_book import ResourceKinds
from samen_kit.composition import StaffAndParentsService
from samen_kit.context import Context
from samen_kit.service import BackgroundJob, ServiceRuntime
from samen_kit.settings import ParentPagesSettings
from sqlalchemy import MetaData

pytestmark = pytest.mark.unit


class ExampleSettings(ParentPagesSettings):
    service: str = "disputes"  # a known service: its topics are named
    database_url: str = "postgresql+asyncpg://samen:samen@127.0.0.1:1/samen_unused"


@dataclass(frozen=True)
class ExampleContext(Context):
    pass


def test_build_wires_the_declared_parts_and_places_the_pupil_data_routes() -> None:
    consumed: list[ServiceRuntime] = []
    swept: list[tuple[Context, ExampleSettings]] = []
    placed: list[int] = []

    async def sweep_job() -> None:
        return None

    def sweep(context: ExampleContext, settings: ExampleSettings) -> BackgroundJob:
        swept.append((context, settings))
        return sweep_job

    own = APIRouter()

    @own.get("/own")
    async def own_route() -> None:
        return None

    def routers(context: ExampleContext, data: Sequence[APIRouter]) -> list[APIRouter]:
        placed.append(len(data))
        return [*data, own]

    declared = StaffAndParentsService[ExampleSettings, ExampleContext](
        title="Samen example",
        description="An example.",
        context=ExampleContext,
        consumers=consumed.append,
        sweep=sweep,
        erasers=(),
        tables=MetaData(),
        resource_kinds=ResourceKinds({}, "example"),
    )
    settings = ExampleSettings()
    built = declared.build(settings, routers)

    assert isinstance(built.deps, ExampleContext)
    assert consumed == [built.runtime]
    assert swept == [(built.deps, settings)]
    assert sweep_job in built.runtime.jobs
    assert placed == [2]  # the erasure request and the guardian's export
    paths = list(built.app.openapi()["paths"])  # in the order the routes were included
    assert {"/own", "/v1/retention/erasure-requests", "/v1/guardian/export/{pupil_id}"} <= set(
        paths
    )
    assert paths.index("/v1/retention/erasure-requests") < paths.index("/own")
    assert built.app.title == "Samen example"
