"""The `/metrics` route every service gets from `create_app`."""

from __future__ import annotations

from fastapi import APIRouter, Response
from faststream.kafka import KafkaBroker
from prometheus_client import CONTENT_TYPE_LATEST, REGISTRY, CollectorRegistry, generate_latest
from sqlalchemy.ext.asyncio import AsyncEngine

from samen_kit.metrics.scrape import Snapshot, SnapshotCollector, read_lag, read_outbox
from samen_kit.relay import OutboxRelay


def exposition(snapshot: Snapshot) -> bytes:
    """The process's instruments, then this scrape's readings, in Prometheus' text
    format. The readings get a registry of their own: they exist for one scrape."""
    scraped = CollectorRegistry(auto_describe=False)
    scraped.register(SnapshotCollector(snapshot))
    return generate_latest(REGISTRY) + generate_latest(scraped)


def metrics_router(
    service: str, engine: AsyncEngine, broker: KafkaBroker, relay: OutboxRelay
) -> APIRouter:
    router = APIRouter(tags=["metrics"])

    @router.get("/metrics", include_in_schema=False)
    async def metrics() -> Response:
        snapshot = Snapshot(
            service=service,
            outbox=await read_outbox(engine),
            published=relay.published,
            lag=await read_lag(broker),
        )
        return Response(exposition(snapshot), media_type=CONTENT_TYPE_LATEST)

    return router
