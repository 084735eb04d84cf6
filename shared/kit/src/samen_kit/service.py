"""The composition of one service process: a FastStream Kafka app and a FastAPI app
sharing one lifespan, with the outbox relay, dead letters and background jobs.

Nothing here runs at import time; a service's `bootstrap.py` builds a `ServiceRuntime`
from its settings, adds its consumers and jobs, and calls `create_app`.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar, Union

from fastapi import APIRouter, FastAPI
from faststream.kafka import KafkaBroker
from faststream.specification import AsyncAPI
from samen_contract import Event
from samen_contract.registry import events_of
from samen_contract.topics import dlq_topic, events_topic, topic_specs
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from samen_kit.clock import Clock, SystemClock
from samen_kit.consumer import BatchHandler, EventConsumer, Handler
from samen_kit.db import create_engine, session_factory
from samen_kit.deadletter import KafkaDeadLetterSink
from samen_kit.guards import EdgeGuard
from samen_kit.health import health_router
from samen_kit.metrics.endpoint import metrics_router
from samen_kit.outbox import EventWriter
from samen_kit.problems import install_problem_handlers, install_problem_openapi
from samen_kit.relay import OutboxRelay
from samen_kit.settings import ServiceSettings
from samen_kit.subscriptions import subscribe
from samen_kit.topics import ensure_topics
from samen_kit.trace_export import http_telemetry

BackgroundJob = Callable[[], Coroutine[Any, Any, None]]


@dataclass
class ServiceRuntime:
    settings: ServiceSettings
    engine: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]
    broker: KafkaBroker
    writer: EventWriter
    relay: OutboxRelay
    dead_letters: KafkaDeadLetterSink
    clock: Clock
    consumed_topics: set[str] = field(default_factory=set)
    jobs: list[BackgroundJob] = field(default_factory=list)

    @property
    def service(self) -> str:
        return self.settings.service

    def topic(self, name: str) -> str:
        return self.settings.topic_prefix + name

    def add_consumer(
        self,
        name: str,
        handler: Handler,
        *,
        sources: Sequence[str],
        description: str = "",
        batch_handlers: Mapping[type[Event], BatchHandler] | None = None,
    ) -> EventConsumer:
        """Consume the event topics of `sources` (service names) with `handler`; the
        event types in `batch_handlers` are applied a claimed batch at a time."""
        consumer = EventConsumer(
            name=f"{self.service}.{name}",
            handler=handler,
            batch_handlers=batch_handlers,
            sessions=self.sessions,
            dead_letters=self.dead_letters,
            dlq_topic=self.topic(dlq_topic(self.service)),
            max_attempts=self.settings.consumer_max_attempts,
            backoff=self.settings.consumer_backoff_ms / 1000,
        )
        topics = [self.topic(events_topic(source)) for source in sources]
        self.consumed_topics.update(topics)
        subscribe(
            self.broker,
            consumer,
            topics=topics,
            group_id=self.topic(f"samen.{self.service}.{name}"),
            description=description,
        )
        return consumer


SettingsT = TypeVar("SettingsT", bound=ServiceSettings)
DepsT = TypeVar("DepsT")


@dataclass(frozen=True)
class BuiltService(Generic[SettingsT, DepsT]):
    """What a composition root hands to `serve`, the docs and the tests: the settings it
    was built from, the runtime, the use cases' dependencies and the app."""

    settings: SettingsT
    runtime: ServiceRuntime
    deps: DepsT
    app: FastAPI


def build_runtime(settings: ServiceSettings, *, clock: Clock | None = None) -> ServiceRuntime:
    engine = create_engine(settings.database_url)
    broker = KafkaBroker(settings.kafka_servers, logger=None)
    document_publications(broker, settings.service, settings.topic_prefix)
    return ServiceRuntime(
        settings=settings,
        engine=engine,
        sessions=session_factory(engine),
        broker=broker,
        writer=EventWriter(settings.service),
        relay=OutboxRelay(
            service=settings.service,
            database_url=settings.database_url,
            kafka_bootstrap=settings.kafka_bootstrap,
            batch_size=settings.outbox_batch_size,
            poll_interval=settings.outbox_poll_ms / 1000,
            topic_prefix=settings.topic_prefix,
        ),
        dead_letters=KafkaDeadLetterSink(settings.kafka_bootstrap),
        clock=clock or SystemClock(settings.clock_offset),
    )


def document_publications(broker: KafkaBroker, service: str, prefix: str = "") -> None:
    """Describe the service's events topic in its AsyncAPI document.

    The relay publishes with its own producer (the outbox is the only way out), so this
    publisher is never called; it exists so FastStream documents what the topic carries.
    """
    payload: Any = Union[events_of(service)]  # noqa: UP007 - a runtime union of classes
    broker.publisher(
        prefix + events_topic(service),
        title=f"{events_topic(service)}:publish",
        description=(
            f"Facts owned by the {service} service, CloudEvents binary mode (ce_* headers, "
            "JSON data), keyed by pupil id. Published through the transactional outbox."
        ),
        schema=payload,
    )


def create_app(
    runtime: ServiceRuntime,
    *,
    title: str,
    description: str = "",
    routers: Sequence[APIRouter] = (),
) -> FastAPI:
    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        settings = runtime.settings
        # Every topic this process touches exists before anyone produces or consumes.
        await ensure_topics(settings.kafka_bootstrap, topic_specs(), prefix=settings.topic_prefix)
        await runtime.dead_letters.start()
        tasks = [asyncio.create_task(runtime.relay.run(), name="outbox-relay")]
        await runtime.broker.start()
        tasks += [asyncio.create_task(job()) for job in runtime.jobs]
        try:
            yield
        finally:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            await runtime.broker.stop()
            await runtime.dead_letters.stop()
            await runtime.engine.dispose()

    app = FastAPI(
        title=title, description=description, lifespan=lifespan, telemetry=http_telemetry()
    )
    install_problem_handlers(app)
    install_problem_openapi(app)
    app.add_middleware(EdgeGuard, max_body_bytes=runtime.settings.max_body_bytes)
    app.include_router(health_router(_checks(runtime)))
    app.include_router(
        metrics_router(runtime.service, runtime.engine, runtime.broker, runtime.relay)
    )
    for router in routers:
        app.include_router(router)

    @app.get("/asyncapi.json", tags=["docs"], include_in_schema=False)
    async def asyncapi() -> Any:
        return asyncapi_document(runtime, title)

    return app


def asyncapi_document(runtime: ServiceRuntime, title: str) -> Any:
    spec = AsyncAPI(runtime.broker, title=title, version="1.0.0").to_specification()
    return spec.to_jsonable()


def _checks(runtime: ServiceRuntime) -> dict[str, Callable[[], Awaitable[bool]]]:
    async def database() -> bool:
        async with runtime.engine.connect() as conn:
            await conn.execute(text("SELECT 1"))
        return True

    async def broker() -> bool:
        return await runtime.broker.ping(timeout=2.0)

    async def relay() -> bool:
        return True  # running means active or standing by; failures restart it

    return {"database": database, "broker": broker, "relay": relay}
