"""`samen up`: the whole platform on one machine, one line per component.

Starts Kafka and PostgreSQL (deploy/local) unless `SAMEN_KAFKA_BOOTSTRAP` and
`SAMEN_DATABASE_URL` point at existing ones, and Keycloak (staff sign-in; the services
take its tokens) unless `SAMEN_KEYCLOAK_URL` points at one, then the local mail server, the SMS
simulator and every service as a process of its own, waits until each is ready, and
loads the demo region (idempotent: a second `samen up` changes nothing) and prints
where to look. Logs go to files under the state folder; Ctrl-C stops everything.
The end-to-end tests run the same `Platform` on free ports with names of their own.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import importlib.util
import json
import os
import secrets
import signal
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from samen_contract.topics import SERVICES
from samen_kit import localinfra
from samen_kit.db import ensure_database
from samen_kit.localinfra import server as local_server
from samen_kit.localinfra.process import die_with_parent
from samen_kit.localinfra.realm import REALM
from sqlalchemy.engine import make_url

from samen_cli.demo_region import region
from samen_cli.identity import password_line, sign_in_lines
from samen_cli.journey.loading import load_demo_region
from samen_cli.journey.site import Site
from samen_cli.terminal import say

DEFAULT_PORTS = {
    "consent": 8101,
    "notifications": 8102,
    "meetings": 8103,
    "disputes": 8104,
    "audit": 8105,
    "plans": 8106,
    "admissions": 8107,
    "portal": 8108,
    "smtp": 2525,
    "sms": 8199,
}
# Ctrl-C, a supervisor's stop, a closed terminal: each stops everything this run started.
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


def default_ports() -> dict[str, int]:
    """The team's ports, moved by `SAMEN_PORT_OFFSET` (as the infrastructure's are)."""
    offset = localinfra.port_offset()
    return {name: port + offset for name, port in DEFAULT_PORTS.items()}


# Short scans for a demo: what the demo region dated almost a year ago falls due within
# seconds, and deadlines are swept while one watches. Each yields to the environment.
DEMO_ENV = {
    "SAMEN_DUE_SCAN_INTERVAL_SECONDS": "5",  # meetings: evaluations and reminders due
    # consent, disputes, audit, notifications: expiry, deadlines, refusals, waits, bounces
    "SAMEN_SWEEP_SECONDS": "10",
}
PIDS_FILE = "platform.pids.json"
SESSION_SECRET_FILE = "guardian-session-secret"
# A first Keycloak start on a new machine fetches, builds and creates its database.
FIRST_KEYCLOAK_START = 600.0


@dataclass(frozen=True)
class PlatformConfig:
    kafka_bootstrap: str
    server_url: str  # an SQLAlchemy URL of the PostgreSQL server (any database)
    state_dir: Path
    ports: dict[str, int] = field(default_factory=default_ports)
    topic_prefix: str = ""
    database_prefix: str = "samen_"
    clock_offset_seconds: float = 0.0
    extra_env: dict[str, str] = field(default_factory=dict)
    # Keycloak's base URL: the services take its tokens. None: the development key's.
    keycloak_url: str | None = None
    # Ports of each service's further instances; the first listens on `ports` and is
    # the address the others are given (a load balancer's place). All instances of a
    # service share its database and consumer groups.
    more_instances: dict[str, tuple[int, ...]] = field(default_factory=dict)
    # Parent sessions signed alike by every instance of every service, so a session begun
    # at one holds at all, as does a step-up proof (ADR 0014). None: one made and kept in
    # the state folder.
    session_secret: str | None = None

    @property
    def logs(self) -> Path:
        return self.state_dir / "logs"

    @property
    def mail_dir(self) -> Path:
        return self.state_dir / "mail"

    @property
    def sms_log(self) -> Path:
        return self.logs / "sms.jsonl"

    @property
    def keys_dir(self) -> Path:
        return self.state_dir / "keys"

    def url(self, service: str) -> str:
        return f"http://127.0.0.1:{self.ports[service]}"

    def database_url(self, service: str) -> str:
        url = make_url(self.server_url).set(database=f"{self.database_prefix}{service}")
        return url.render_as_string(hide_password=False)

    def instance_ports(self, service: str) -> tuple[int, ...]:
        return (self.ports[service], *self.more_instances.get(service, ()))

    def service_env(self, service: str, port: int | None = None) -> dict[str, str]:
        """The settings of one service process (the instance on `port`; the first when
        None): its own database, the shared broker, keys and clock, and where the other
        services' pages live."""
        return {
            **self._database_env(service),
            "SAMEN_SERVICE": service,
            "SAMEN_KAFKA_BOOTSTRAP": self.kafka_bootstrap,
            "SAMEN_TOPIC_PREFIX": self.topic_prefix,
            "SAMEN_HTTP_PORT": str(port or self.ports[service]),
            "SAMEN_PUBLIC_BASE_URL": self.url(service),
            "SAMEN_KEYS_DIR": str(self.keys_dir),
            "SAMEN_CLOCK_OFFSET_SECONDS": str(self.clock_offset_seconds),
            "SAMEN_CONSENT_BASE_URL": self.url("consent"),
            "SAMEN_MEETINGS_BASE_URL": self.url("meetings"),
            "SAMEN_DISPUTES_BASE_URL": self.url("disputes"),
            "SAMEN_PLANS_BASE_URL": self.url("plans"),
            "SAMEN_ADMISSIONS_BASE_URL": self.url("admissions"),
            # The portal calls every owning service (as the signed-in user).
            "SAMEN_NOTIFICATIONS_BASE_URL": self.url("notifications"),
            # Its step-up page, where a browser goes before a sensitive parent action.
            "SAMEN_NOTIFICATIONS_PUBLIC_URL": self.url("notifications"),
            "SAMEN_AUDIT_BASE_URL": self.url("audit"),
            "SAMEN_SMTP_HOST": "127.0.0.1",
            "SAMEN_SMTP_PORT": str(self.ports["smtp"]),
            "SAMEN_SMS_BASE_URL": self.url("sms"),
            "SAMEN_MAIL_DIR": str(self.mail_dir),
            "SAMEN_LOG_JSON": "true",
            # Parent pages are served over plain HTTP on this machine: a Secure session
            # cookie would never come back to them.
            "SAMEN_COOKIE_SECURE": "false",
            "SAMEN_GUARDIAN_COOKIE_SECURE": "false",
            **self._staff_keys_env(),
            **self._session_env(),
            **self.extra_env,
        }

    def _session_env(self) -> dict[str, str]:
        """One guardian session secret for every service (ADR 0014): a session begun on
        one service's parent page, and the step-up proof notifications sets, hold on all."""
        secret = self.guardian_secret
        # Some services read the one name, some (as before) the other.
        return {"SAMEN_SESSION_SECRET": secret, "SAMEN_GUARDIAN_SESSION_SECRET": secret}

    @property
    def guardian_secret(self) -> str:
        """What every service signs guardian sessions and step-up proofs with."""
        return self.session_secret or self._kept_session_secret()

    def _kept_session_secret(self) -> str:
        """Made once per state folder, so sessions outlive a restart of the platform."""
        kept = self.state_dir / SESSION_SECRET_FILE
        if not kept.exists():
            kept.parent.mkdir(parents=True, exist_ok=True)
            kept.write_text(secrets.token_hex(32), encoding="utf-8")
            kept.chmod(0o600)
        return kept.read_text(encoding="utf-8").strip()

    def _staff_keys_env(self) -> dict[str, str]:
        """Staff tokens from Keycloak's realm: its published keys and its issuer."""
        if not self.keycloak_url:
            return {}
        issuer = f"{self.keycloak_url}/realms/{REALM}"
        return {
            "SAMEN_STAFF_JWKS": f"{issuer}/protocol/openid-connect/certs",
            "SAMEN_STAFF_ISSUER": issuer,
            # The portal signs staff in there (authorization code + PKCE).
            "SAMEN_OIDC_ISSUER": issuer,
        }

    def site(self) -> Site:
        """What the journey needs of this platform: addresses, folders, keys, clock."""
        return Site(
            urls={service: self.url(service) for service in SERVICES},
            state_dir=self.state_dir,
            mail_dir=self.mail_dir,
            sms_log=self.sms_log,
            keys_dir=self.keys_dir,
            kafka_bootstrap=self.kafka_bootstrap,
            topic_prefix=self.topic_prefix,
            clock_offset_seconds=self.clock_offset_seconds,
            keycloak_url=self.keycloak_url,
        )

    def _database_env(self, service: str) -> dict[str, str]:
        if service != "audit":
            return {"SAMEN_DATABASE_URL": self.database_url(service)}
        # The audit service migrates as the owner and runs as a login that may only
        # read and insert; the owner (with CREATEROLE) provisions that login first.
        owner = self.database_url(service)
        login = make_url(owner).set(username="samen_audit", password="samen_audit")
        admin = make_url(owner).set(database="postgres")
        return {
            "SAMEN_DATABASE_URL": login.render_as_string(hide_password=False),
            "SAMEN_OWNER_DATABASE_URL": owner,
            "SAMEN_ROLES_ADMIN_URL": admin.render_as_string(hide_password=False),
        }


@dataclass
class Component:
    name: str  # a service's name for its first instance; `consent-2` for the second
    argv: list[str]
    env: dict[str, str]
    ready_url: str | None = None
    base_url: str | None = None  # a service instance's address
    process: asyncio.subprocess.Process | None = field(default=None, repr=False)


def _has(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        return False


class Platform:
    """Every component as a process; start, wait until ready, stop in reverse order."""

    def __init__(self, config: PlatformConfig) -> None:
        self.config = config
        self.components = self._components()

    def _components(self) -> list[Component]:
        config, python = self.config, sys.executable
        # The kit's local stand-ins for the mail relay and the SMS gateway: always there.
        mail = ["--port", str(config.ports["smtp"]), "--folder", str(config.mail_dir)]
        sms = ["--port", str(config.ports["sms"]), "--log", str(config.sms_log)]
        found = [
            Component("mail", [python, "-m", "samen_kit.localinfra.mailserver", *mail], {}),
            Component("sms", [python, "-m", "samen_kit.localinfra.sms_simulator", *sms], {}),
        ]
        for service in SERVICES:
            if not _has(f"samen_{service}.__main__"):
                continue  # not built yet
            for number, port in enumerate(config.instance_ports(service), start=1):
                base_url = f"http://127.0.0.1:{port}"
                found.append(
                    Component(
                        instance_name(service, number),
                        [python, "-m", f"samen_{service}"],
                        config.service_env(service, port),
                        ready_url=f"{base_url}/health/ready",
                        base_url=base_url,
                    )
                )
        return found

    def component(self, name: str) -> Component:
        return next(c for c in self.components if c.name == name)

    async def prepare(self) -> None:
        self.config.logs.mkdir(parents=True, exist_ok=True)
        self.config.mail_dir.mkdir(parents=True, exist_ok=True)
        for service in SERVICES:
            await ensure_database(self.config.database_url(service))

    async def start(self, component: Component) -> None:
        log = (self.config.logs / f"{component.name}.log").open("ab")
        component.process = await asyncio.create_subprocess_exec(
            *component.argv,
            env={**os.environ, **component.env},
            stdout=log,
            stderr=log,
            start_new_session=True,  # Ctrl-C reaches us; we stop the children in order
            preexec_fn=die_with_parent,  # and if we are killed, they go too
        )

    async def wait_ready(self, component: Component, within: float = 180.0) -> bool:
        deadline = time.monotonic() + within
        async with httpx.AsyncClient(timeout=2.0) as client:
            while time.monotonic() < deadline:
                process = component.process
                if process is None or process.returncode is not None:
                    return False
                if component.ready_url is None:
                    return await _port_open(component, deadline)
                with contextlib.suppress(httpx.HTTPError):
                    if (await client.get(component.ready_url)).status_code == 200:
                        return True
                await asyncio.sleep(0.3)
        return False

    async def start_all(self, report: bool = False) -> dict[str, bool]:
        await self.prepare()
        for component in self.components:
            await self.start(component)
        self._write_pids()
        states = {}
        for component in self.components:
            states[component.name] = ok = await self.wait_ready(component)
            if report:
                log = self.config.logs / f"{component.name}.log"
                _line(
                    component.name,
                    "ready" if ok else "FAILED",
                    self.where(component.name) if ok else f"see {log}",
                )
        return states

    def _write_pids(self) -> None:
        """Which process is which, for `samen pss` (removed again by `stop_all`)."""
        pids = {c.name: c.process.pid for c in self.components if c.process is not None}
        (self.config.state_dir / PIDS_FILE).write_text(json.dumps(pids), encoding="utf-8")

    async def stop(self, component: Component, *, kill: bool = False) -> None:
        process = component.process
        if process is None or process.returncode is not None:
            return
        process.send_signal(signal.SIGKILL if kill else signal.SIGTERM)
        try:
            await asyncio.wait_for(process.wait(), 20)
        except TimeoutError:
            process.kill()
            await process.wait()

    async def stop_all(self, report: bool = False) -> None:
        for component in reversed(self.components):
            await self.stop(component)
            if report:
                _line(component.name, "stopped")
        (self.config.state_dir / PIDS_FILE).unlink(missing_ok=True)

    def where(self, name: str) -> str:
        if name in ("mail",):
            return f"smtp://127.0.0.1:{self.config.ports['smtp']}  -> {self.config.mail_dir}"
        if name == "sms":
            return f"{self.config.url('sms')}  -> {self.config.sms_log}"
        return f"{self.component(name).base_url}/docs"


def instance_name(service: str, number: int) -> str:
    """The first instance has the service's name (logs, `samen pss`), the others a number."""
    return service if number == 1 else f"{service}-{number}"


async def _port_open(component: Component, deadline: float) -> bool:
    """Until `deadline` (monotonic): on a loaded machine a process may take longer than
    a fixed 20 s to listen, and then it is slow, not broken."""
    port = int(component.argv[component.argv.index("--port") + 1])
    while time.monotonic() < deadline:
        process = component.process
        if process is None or process.returncode is not None:
            return False
        with contextlib.suppress(OSError):
            _, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.close()
            return True
        await asyncio.sleep(0.2)
    return False


def _line(name: str, state: str, where: str = "") -> None:
    say(f"  {name:<14} {state:<9} {where}")


@dataclass
class LocalInfra:
    """deploy/local's Kafka and PostgreSQL as this run found them, so that stopping
    stops only what this run started (not a broker someone else is using)."""

    config: localinfra.InfraConfig
    before: localinfra.InfraStatus | None = None
    keycloak_before: localinfra.ComponentStatus | None = None

    async def up(self) -> None:
        self.before = await localinfra.infra_status(self.config)
        status = await localinfra.infra_up(self.config)
        for component in status.components:
            _line(component.name, component.state, component.address)
        if not status.ready:
            raise SystemExit("infrastructure not ready; see deploy/local/.state/*.log")

    async def identity_up(self) -> None:
        """Keycloak alone, when Kafka and PostgreSQL run elsewhere (SAMEN_* set)."""
        keycloak = self.config.keycloak()
        self.keycloak_before = await keycloak.status()
        await local_server.up(keycloak, FIRST_KEYCLOAK_START)
        status = await keycloak.status()
        _line(status.name, status.state, status.address)

    async def stop_started(self) -> None:
        before = self.keycloak_before
        if before is not None and not before.running:
            await self.config.keycloak().stop()
            _line(before.name, "stopped")
        if self.before is not None:
            await localinfra.infra_stop_started(self.config, self.before)
            for component in self.before.components:
                if not component.running:
                    _line(component.name, "stopped")


async def local_config(infra: LocalInfra) -> PlatformConfig:
    """The local run: deploy/local's Kafka and PostgreSQL unless SAMEN_* point elsewhere."""
    bootstrap = os.environ.get("SAMEN_KAFKA_BOOTSTRAP")
    server = os.environ.get("SAMEN_DATABASE_URL")
    if not (bootstrap and server):
        await infra.up()
    elif infra.config.identity:
        await infra.identity_up()
    config = running_config(
        bootstrap or infra.config.kafka().bootstrap_servers,
        server or infra.config.postgres().url(),
    )
    keycloak_url = infra.config.keycloak().url if infra.config.identity else None
    return dataclasses.replace(config, keycloak_url=keycloak_url)


def running_config(bootstrap: str | None = None, server: str | None = None) -> PlatformConfig:
    """The local platform's settings, starting nothing (for commands that use it).
    Keycloak counts when it answers: `samen up` always runs one."""
    infra = localinfra.InfraConfig(identity=True)
    keycloak = infra.keycloak()
    return PlatformConfig(
        kafka_bootstrap=bootstrap
        or os.environ.get("SAMEN_KAFKA_BOOTSTRAP")
        or infra.kafka().bootstrap_servers,
        server_url=server or os.environ.get("SAMEN_DATABASE_URL") or infra.postgres().url(),
        state_dir=localinfra.default_state_dir(),
        clock_offset_seconds=float(os.environ.get("SAMEN_CLOCK_OFFSET_SECONDS", "0")),
        extra_env={k: v for k, v in DEMO_ENV.items() if k not in os.environ},
        keycloak_url=keycloak.url if _answers(keycloak.discovery_url) else None,
    )


def _answers(url: str) -> bool:
    try:
        return httpx.get(url, timeout=2.0).status_code == 200
    except httpx.HTTPError:
        return False


async def run_platform() -> None:
    say("Samen — local platform")
    started, stop = time.monotonic(), asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in STOP_SIGNALS:
        # A second Ctrl-C while stopping sets the event again: stopping goes on.
        loop.add_signal_handler(sig, stop.set)
    infra = LocalInfra(localinfra.InfraConfig(identity=True))
    platform: Platform | None = None
    try:
        platform = Platform(await local_config(infra))
        starting = asyncio.ensure_future(_start(platform, started))
        stopping = asyncio.ensure_future(stop.wait())
        await asyncio.wait({starting, stopping}, return_when=asyncio.FIRST_COMPLETED)
        if not starting.done():
            starting.cancel()  # Ctrl-C while starting: stop what has started so far
            with contextlib.suppress(asyncio.CancelledError):
                await starting
        await stopping
    finally:
        if platform is not None:
            await platform.stop_all(report=True)
        await infra.stop_started()


async def _start(platform: Platform, started: float) -> None:
    states = await platform.start_all(report=True)
    if all(states.values()):
        _line("all", "ready", f"{len(states)} components in {time.monotonic() - started:.1f} s")
        await load_demo_region(platform.config.site(), _line)
    else:
        say("Some components did not start; their logs say why.")
    _print_where_to_look(platform)


def _print_where_to_look(platform: Platform) -> None:
    config = platform.config
    say("\nWhere to look:")
    for component in platform.components:
        if component.name in SERVICES:
            say(f"  {component.name:<14} API docs  {platform.where(component.name)}")
    if config.keycloak_url:
        say(f"  sign-in        {config.keycloak_url}/realms/{REALM}/account   (Keycloak)")
        say(f"  Keycloak admin {config.keycloak_url}/admin   (admin / admin, development only)")
        say("Demo staff (Keycloak accounts; username, role, school):")
        for line in sign_in_lines(region()):
            say(f"  {line}")
        say(f"  {password_line()}")
    say(f"  mail folder    {config.mail_dir}   (uv run samen mail list)")
    say(f"  SMS log        {config.sms_log}")
    say(f"  logs           {config.logs}")
    say("The parents' journey: uv run samen demo   (another terminal)")
    say("Ctrl-C stops everything.")


def up() -> None:
    """Start the whole platform locally, load the demo region, run until Ctrl-C."""
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(run_platform())
