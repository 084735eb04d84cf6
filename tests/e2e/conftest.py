"""Fixtures of the end-to-end tests: the whole platform as separate processes (every
service, the SMTP server and the SMS simulator) on free ports, with a state folder,
topic prefix and databases of its own, over the shared Kafka and PostgreSQL.

The processes are stopped and the databases dropped after the module, also when a test
failed; a failed test prints the end of each component's log.
"""

from __future__ import annotations

import asyncio
import contextlib
import secrets
from collections.abc import AsyncIterator, Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from uuid import uuid4

import asyncpg
import pytest
from samen_cli.journey.context import Journey, JourneyOptions
from samen_cli.journey.loading import RegionPlan, load_region, region_plan
from samen_cli.journey.site import Site
from samen_cli.journey.story import journey, walk
from samen_cli.platform import DEFAULT_PORTS, DEMO_ENV, Platform, PlatformConfig
from samen_contract.topics import SERVICES
from samen_kit.db import asyncpg_dsn
from samen_kit.localinfra import free_ports
from samen_kit.localinfra.keycloak import KeycloakServer

# No quiet hours (SMS would wait for the morning) and a due scan every two seconds.
E2E_ENV = {
    **DEMO_ENV,
    "SAMEN_DUE_SCAN_INTERVAL_SECONDS": "2",
    "SAMEN_QUIET_HOURS_START": "00:00",
    "SAMEN_QUIET_HOURS_END": "00:00",
}
LOG_TAIL = 30


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item) -> Iterator[None]:
    """Keep each phase's outcome on the item, so teardown knows a test failed."""
    outcome = yield
    report = outcome.get_result()  # type: ignore[attr-defined]
    setattr(item, f"outcome_{report.when}", report)


def e2e_config(
    kafka_bootstrap: str, server_url: str, topic_prefix: str, state_dir: Path
) -> PlatformConfig:
    run = secrets.token_hex(3)
    return PlatformConfig(
        kafka_bootstrap=kafka_bootstrap,
        server_url=server_url,
        state_dir=state_dir,
        ports=dict(zip(DEFAULT_PORTS, free_ports(len(DEFAULT_PORTS)), strict=True)),
        topic_prefix=f"{topic_prefix}e2e{run}.",
        database_prefix=f"e2e_{run}_",
        extra_env=E2E_ENV,
    )


@pytest.fixture(scope="module")
def platform_config(
    kafka_bootstrap: str,
    postgres_server_url: str,
    topic_prefix: str,
    tmp_path_factory: pytest.TempPathFactory,
) -> PlatformConfig:
    """The platform a module runs, in a state folder of its own. A module that needs a
    setting changed overrides this fixture, asking for it by the same name."""
    state_dir = tmp_path_factory.mktemp("platform")
    return e2e_config(kafka_bootstrap, postgres_server_url, topic_prefix, state_dir)


@pytest.fixture(scope="module")
async def platform(
    request: pytest.FixtureRequest, platform_config: PlatformConfig
) -> AsyncIterator[Platform]:
    # Every component is looked at twice: on a loaded machine a start may be slow.
    async with platform_running(request, platform_config, second_look=True) as running:
        yield running


@pytest.fixture(scope="module")
async def keycloak_platform(
    request: pytest.FixtureRequest,
    keycloak: KeycloakServer,
    kafka_bootstrap: str,
    postgres_server_url: str,
    topic_prefix: str,
    tmp_path_factory: pytest.TempPathFactory,
) -> AsyncIterator[Platform]:
    """The e2e platform with Keycloak as `samen up` runs it: the services take the realm's
    tokens, the portal signs staff in there."""
    state_dir = tmp_path_factory.mktemp("platform")
    config = e2e_config(kafka_bootstrap, postgres_server_url, topic_prefix, state_dir)
    async with platform_running(request, replace(config, keycloak_url=keycloak.url)) as running:
        yield running


@contextlib.asynccontextmanager
async def platform_running(
    request: pytest.FixtureRequest, config: PlatformConfig, *, second_look: bool = False
) -> AsyncIterator[Platform]:
    """The platform of `config` with every component ready, for the block; then stopped
    and its databases dropped, and after a failed test of the module each component's
    log end printed. `second_look`: a component not ready at first (a port-only check is
    short; on a loaded machine a start may be slow) is waited for once more."""
    running = Platform(config)
    try:
        states = await running.start_all()
        if second_look:
            for name in [name for name, ready in states.items() if not ready]:
                states[name] = await running.wait_ready(running.component(name))
        failed = [name for name, ready in states.items() if not ready]
        assert not failed, f"not ready: {failed}\n{log_tails(config, failed)}"
        yield running
    finally:
        await running.stop_all()
        await drop_databases(config)
        if any_failed(request):
            print(log_tails(config, [c.name for c in running.components]))


def e2e_tenant() -> str:
    """A tenant of its own: modules share Kafka and PostgreSQL, never a tenant's data."""
    return f"swv-e2e-{uuid4().hex[:8]}"


async def region_of_its_own(platform: Platform, pupils_per_school: int) -> tuple[Site, RegionPlan]:
    """The demo region loaded into a tenant of its own: the platform's site and the plan."""
    site = platform.config.site()
    plan = region_plan(
        site.state_dir, site.today(), tenant=e2e_tenant(), pupils_per_school=pupils_per_school
    )
    await load_region(site, plan)
    return site, plan


@contextlib.asynccontextmanager
async def walked_region(platform: Platform, pupils_per_school: int) -> AsyncIterator[Journey]:
    """The demo region loaded into a tenant of its own and the whole story walked (SMS
    expected, meetings six seconds ahead), every consumer caught up."""
    site, plan = await region_of_its_own(platform, pupils_per_school)
    options = JourneyOptions(expect_sms=True, meeting_lead=timedelta(seconds=6))
    async with journey(site, plan, options) as j:
        await walk(j)
        await j.watch.caught_up()
        yield j


def any_failed(request: pytest.FixtureRequest) -> bool:
    items = [i for i in request.session.items if getattr(i, "module", None) is request.module]
    return any(
        getattr(getattr(item, f"outcome_{when}", None), "failed", False)
        for item in items
        for when in ("setup", "call")
    )


def log_tails(config: PlatformConfig, names: list[str]) -> str:
    parts = []
    for name in names:
        path = config.logs / f"{name}.log"
        lines = path.read_text(errors="replace").splitlines()[-LOG_TAIL:] if path.exists() else []
        parts.append(f"--- {name} ({path}) ---\n" + "\n".join(lines))
    return "\n".join(parts)


async def drop_databases(config: PlatformConfig, within: float = 30.0) -> None:
    """Drop the platform's databases; a session still closing is waited for."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    connection = await asyncpg.connect(asyncpg_dsn(config.server_url))
    try:
        for service in SERVICES:
            name = f"{config.database_prefix}{service}"
            while True:
                try:
                    await connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                    break
                except asyncpg.InsufficientPrivilegeError:
                    if loop.time() > deadline:
                        raise
                    await asyncio.sleep(0.1)
    finally:
        await connection.close()
