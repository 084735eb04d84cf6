"""`samen up`: the whole platform on one machine, one line per component.

Starts Kafka and PostgreSQL (deploy/local) unless `SAMEN_KAFKA_BOOTSTRAP` and
`SAMEN_DATABASE_URL` point at existing ones, then the local mail server, the SMS
simulator and every service as a process of its own, waits until each is ready, and
prints where to look. Logs go to files under the state folder; Ctrl-C stops everything.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib.util
import os
import signal
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from samen_contract.topics import SERVICES
from samen_kit import localinfra
from samen_kit.db import ensure_database
from sqlalchemy.engine import make_url

PORTS = {"consent": 8101, "notifications": 8102, "meetings": 8103, "disputes": 8104, "audit": 8105}
SMTP_PORT = 2525
SMS_PORT = 8199


@dataclass
class Component:
    name: str
    argv: list[str]
    env: dict[str, str]
    ready_url: str | None = None
    process: asyncio.subprocess.Process | None = field(default=None, repr=False)


def state_dir() -> Path:
    return localinfra.default_state_dir()


def _line(name: str, state: str, where: str = "") -> None:
    print(f"  {name:<14} {state:<9} {where}", flush=True)


async def infrastructure() -> tuple[str, str]:
    """The Kafka bootstrap and a server URL (database `postgres`), started if need be."""
    bootstrap = os.environ.get("SAMEN_KAFKA_BOOTSTRAP")
    database = os.environ.get("SAMEN_DATABASE_URL")
    if not (bootstrap and database):
        status = await localinfra.infra_up()
        for component in status.components:
            _line(component.name, component.state, component.address)
        if not status.ready:
            raise SystemExit("infrastructure not ready; see deploy/local/.state/*.log")
    bootstrap = bootstrap or localinfra.ensure_kafka()
    database = database or localinfra.ensure_postgres()
    return bootstrap, database


def service_components(bootstrap: str, server_url: str, logs: Path) -> list[Component]:
    components = []
    for service in SERVICES:
        if importlib.util.find_spec(f"samen_{service}.__main__") is None:
            continue  # not built yet
        url = make_url(server_url).set(database=f"samen_{service}")
        env = {
            "SAMEN_SERVICE": service,
            "SAMEN_KAFKA_BOOTSTRAP": bootstrap,
            "SAMEN_DATABASE_URL": url.render_as_string(hide_password=False),
            "SAMEN_HTTP_PORT": str(PORTS[service]),
            "SAMEN_SMTP_PORT": str(SMTP_PORT),
            "SAMEN_SMS_BASE_URL": f"http://127.0.0.1:{SMS_PORT}",
            "SAMEN_MAIL_DIR": str(logs.parent / "mail"),
        }
        components.append(
            Component(
                service,
                [sys.executable, "-m", f"samen_{service}"],
                env,
                ready_url=f"http://127.0.0.1:{PORTS[service]}/health/ready",
            )
        )
    return components


def helper_components(logs: Path) -> list[Component]:
    """The local SMTP server and SMS simulator, once the notifications service has them."""
    found = []
    mail = "samen_notifications.adapters.mailserver"
    sms = "samen_notifications.adapters.sms_simulator"
    if _has(mail):
        folder = logs.parent / "mail"
        found.append(
            Component(
                "mail",
                [sys.executable, "-m", mail, "--port", str(SMTP_PORT), "--folder", str(folder)],
                {},
            )
        )
    if _has(sms):
        found.append(
            Component(
                "sms",
                [
                    sys.executable,
                    "-m",
                    sms,
                    "--port",
                    str(SMS_PORT),
                    "--log",
                    str(logs / "sms.jsonl"),
                ],
                {},
                ready_url=None,
            )
        )
    return found


def _has(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        return False


async def start(component: Component, logs: Path) -> None:
    log = (logs / f"{component.name}.log").open("ab")
    component.process = await asyncio.create_subprocess_exec(
        *component.argv,
        env={**os.environ, **component.env},
        stdout=log,
        stderr=log,
        start_new_session=True,  # Ctrl-C reaches us; we stop the children in order
    )


async def wait_ready(component: Component, within: float = 120.0) -> bool:
    deadline = time.monotonic() + within
    async with httpx.AsyncClient(timeout=2.0) as client:
        while time.monotonic() < deadline:
            if component.process and component.process.returncode is not None:
                return False
            if component.ready_url is None:
                await asyncio.sleep(0.5)
                return True
            with contextlib.suppress(httpx.HTTPError):
                if (await client.get(component.ready_url)).status_code == 200:
                    return True
            await asyncio.sleep(0.5)
    return False


async def stop(components: list[Component]) -> None:
    for component in reversed(components):
        process = component.process
        if process is None or process.returncode is not None:
            continue
        process.send_signal(signal.SIGTERM)
        try:
            await asyncio.wait_for(process.wait(), 15)
        except TimeoutError:
            process.kill()
            await process.wait()
        _line(component.name, "stopped")


async def run_platform(*, keep_running: bool = True) -> None:
    logs = state_dir() / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    print("Samen — local platform", flush=True)
    bootstrap, server_url = await infrastructure()
    for service in SERVICES:
        url = make_url(server_url).set(database=f"samen_{service}")
        await ensure_database(url.render_as_string(hide_password=False))
    components = helper_components(logs) + service_components(bootstrap, server_url, logs)
    try:
        for component in components:
            await start(component, logs)
        for component in components:
            ok = await wait_ready(component)
            where = _where(component)
            _line(
                component.name,
                "ready" if ok else "FAILED",
                where if ok else f"see {logs / (component.name + '.log')}",
            )
        _print_where_to_look(components, logs)
        if keep_running:
            await asyncio.Event().wait()  # until Ctrl-C cancels us
    finally:
        await stop(components)


def _where(component: Component) -> str:
    if component.name in PORTS:
        return f"http://127.0.0.1:{PORTS[component.name]}/docs"
    if component.name == "mail":
        return f"smtp://127.0.0.1:{SMTP_PORT}"
    if component.name == "sms":
        return f"http://127.0.0.1:{SMS_PORT}"
    return ""


def _print_where_to_look(components: list[Component], logs: Path) -> None:
    print("\nWhere to look:", flush=True)
    for component in components:
        if component.name in PORTS:
            print(f"  {component.name:<14} API docs  {_where(component)}")
    print(f"  mail folder    {logs.parent / 'mail'}   (samen mail list)")
    print(f"  SMS log        {logs / 'sms.jsonl'}")
    print(f"  logs           {logs}")
    print("Ctrl-C stops everything.", flush=True)


def up() -> None:
    """Start the whole platform locally and keep it running until Ctrl-C."""
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(run_platform())
