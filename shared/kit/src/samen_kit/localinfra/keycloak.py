"""Keycloak, the local identity provider for staff sign-in, from Maven Central's distribution.

The distribution is unpacked and built once (`fetch.fetch_keycloak`: `kc.sh build` with
the dev-file H2 database, health and a local cache); every instance then runs
`start --optimized` with its own home in `state_dir`: symlinks to the shared distribution's
read-only folders and a `data/` of its own (the H2 database, and `data/import` holding the
realm file for `--import-realm`). `start-dev` would re-augment Quarkus into the shared
distribution at every start; a built server skips that.

Readiness: the realm's `/.well-known/openid-configuration` answers.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import httpx

from samen_kit.localinfra import paths
from samen_kit.localinfra.fetch import fetch_keycloak, keycloak_java_home
from samen_kit.localinfra.process import (
    describe,
)
from samen_kit.localinfra.realm import (
    DEV_PASSWORD,
    DIRECT_GRANT_CLIENT,
    REALM,
    StaffAccount,
    realm_document,
)
from samen_kit.localinfra.server import HOST, LaunchedServer

log = logging.getLogger(__name__)

DEFAULT_PORT = 18080
#: The administrator of the master realm (development only; production sets its own).
DEV_ADMIN = ("admin", "admin")
#: What an instance's home shares with the distribution; `data/` is its own.
SHARED_FOLDERS = ("bin", "conf", "lib", "providers", "themes")
# Sized for a 2-core machine shared with Kafka and PostgreSQL: a small heap, the serial
# collector (no GC threads competing at start) and class data sharing across starts.
JVM_OPTIONS = (
    "-Xms64m",
    "-Xmx512m",
    "-XX:MetaspaceSize=96M",
    "-XX:MaxMetaspaceSize=256m",
    "-XX:+UseSerialGC",
    "-XX:TieredStopAtLevel=1",
    "-XX:+ExitOnOutOfMemoryError",
    "-Dfile.encoding=UTF-8",
    "-Djava.security.egd=file:/dev/urandom",
    "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
    "-Dpicocli.disable.closures=true",
    "-Djava.util.concurrent.ForkJoinPool.common.threadFactory="
    "io.quarkus.bootstrap.forkjoin.QuarkusForkJoinWorkerThreadFactory",
    "--add-opens=java.base/java.util=ALL-UNNAMED",
    "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
    "--add-opens=java.base/java.security=ALL-UNNAMED",
)
MAIN_CLASS = "io.quarkus.bootstrap.runner.QuarkusEntryPoint"
REALM_FILE = "samen-realm.json"


class SignInRefused(Exception):
    """Keycloak said no (wrong password, unknown or disabled user): its `error` code."""

    def __init__(self, status: int, error: str) -> None:
        super().__init__(f"HTTP {status}: {error}")
        self.status = status
        self.error = error


def configured_url() -> str | None:
    """`SAMEN_KEYCLOAK_URL`: an identity provider running elsewhere; then none is started."""
    return os.environ.get("SAMEN_KEYCLOAK_URL", "").rstrip("/") or None


class KeycloakServer(LaunchedServer):
    """One Keycloak; its home (data, logs, pid file) lives in `state_dir`.

    With `url` (or `SAMEN_KEYCLOAK_URL`) it only describes a server running elsewhere:
    `start` and `stop` then do nothing and `status` probes that server.
    """

    name = "keycloak"
    title = "Keycloak"
    ready_within = 180.0
    pause = 0.5

    def __init__(
        self,
        port: int = DEFAULT_PORT,
        state_dir: Path | None = None,
        *,
        management_port: int | None = None,
        accounts: Iterable[StaffAccount] | None = None,
        url: str | None = None,
    ) -> None:
        self.port = port
        self.management_port = management_port or port + 1
        self.state_dir = (state_dir or paths.default_state_dir() / "keycloak").resolve()
        self._accounts = tuple(accounts) if accounts is not None else None
        self.external_url = url if url is not None else configured_url()

    @property
    def url(self) -> str:
        return self.external_url or f"http://{HOST}:{self.port}"

    @property
    def address(self) -> str:
        return self.url.removeprefix("http://")

    @property
    def issuer(self) -> str:
        """The `iss` of the realm's tokens (the hostname is fixed, so it is always this)."""
        return f"{self.url}/realms/{REALM}"

    @property
    def jwks_url(self) -> str:
        return f"{self.issuer}/protocol/openid-connect/certs"

    @property
    def token_url(self) -> str:
        return f"{self.issuer}/protocol/openid-connect/token"

    @property
    def discovery_url(self) -> str:
        return f"{self.issuer}/.well-known/openid-configuration"

    @property
    def realm_path(self) -> Path:
        return self.data_dir / "import" / REALM_FILE

    def pid(self) -> int | None:
        return None if self.external_url else super().pid()

    def _ours(self, arguments: list[str]) -> bool:
        return MAIN_CLASS in arguments and f"-Dkc.home.dir={self.state_dir}" in arguments

    async def start(self) -> None:
        """Nothing for a server running elsewhere (see `LaunchedServer.start`)."""
        if not self.external_url:
            await super().start()

    def _link_home(self, home: Path) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        for name in SHARED_FOLDERS:
            link = self.state_dir / name
            if link.is_symlink() and link.resolve() == (home / name).resolve():
                continue
            if link.is_symlink() or link.is_file():
                link.unlink()
            elif link.is_dir():
                shutil.rmtree(link)
            link.symlink_to(home / name, target_is_directory=True)

    def _write_realm(self) -> None:
        """A changed realm replaces the old database: `--import-realm` skips a realm that
        exists, and everything in it is generated (no data worth keeping in development)."""
        document = self._realm()
        text = json.dumps(document, indent=2, sort_keys=True)
        if self.realm_path.is_file() and self.realm_path.read_text() != text:
            shutil.rmtree(self.data_dir / "h2", ignore_errors=True)
            log.info("keycloak.realm.changed state_dir=%s", self.state_dir)
        self.realm_path.parent.mkdir(parents=True, exist_ok=True)
        self.realm_path.write_text(text)

    def _realm(self) -> dict[str, Any]:
        if self._accounts is not None:
            return realm_document(self._accounts)
        from samen_kit.localinfra.demo_accounts import demo_accounts

        return realm_document(demo_accounts())

    async def _launch(self) -> None:
        """Link the downloaded Keycloak, write the realm, launch the server."""
        home = await fetch_keycloak()
        self._link_home(home)
        self._write_realm()
        java = keycloak_java_home() / "bin" / "java"
        archive = self.state_dir / "keycloak.jsa"  # class data, written at exit, read next start
        command = [
            str(java),
            *JVM_OPTIONS,
            f"-XX:SharedArchiveFile={archive}",
            "-XX:+AutoCreateSharedArchive",
            f"-Dkc.home.dir={self.state_dir}",
            f"-Djboss.server.config.dir={self.state_dir / 'conf'}",
            "-cp",
            str(home / "lib" / "quarkus-run.jar"),
            MAIN_CLASS,
            *server_arguments(self.port, self.management_port),
        ]
        admin, password = DEV_ADMIN
        env = {
            **os.environ,
            "KC_BOOTSTRAP_ADMIN_USERNAME": admin,
            "KC_BOOTSTRAP_ADMIN_PASSWORD": password,
        }
        self._launch_detached(command, env)

    async def _problem(self) -> str:
        """Why the realm does not answer yet; empty when it does."""
        try:
            async with httpx.AsyncClient(timeout=5.0) as client:
                response = await client.get(self.discovery_url)
            if response.status_code != 200:
                return f"HTTP {response.status_code} from {self.discovery_url}"
            if response.json().get("issuer") != self.issuer:
                return f"issuer is not {self.issuer}"
        except (httpx.HTTPError, ValueError) as error:
            return describe(error)
        return ""

    async def stop(self, grace: float = 30.0) -> None:
        """A clean Quarkus shutdown (see `LaunchedServer.stop`); nothing for a server
        running elsewhere."""
        if not self.external_url:
            await super().stop(grace)

    async def _running(self, pid: int | None) -> bool:
        return bool(self.external_url) or await super()._running(pid)


def token_url(base_url: str) -> str:
    return f"{base_url.rstrip('/')}/realms/{REALM}/protocol/openid-connect/token"


async def sign_in(base_url: str, username: str, password: str = DEV_PASSWORD) -> str:
    """An access token for `username` through the direct-grant client (tests, CLI, demo
    loading; people sign in through the portal). Raises `SignInRefused` when refused."""
    form = {
        "grant_type": "password",
        "client_id": DIRECT_GRANT_CLIENT,
        "username": username,
        "password": password,
        "scope": "openid",
    }
    async with httpx.AsyncClient(timeout=30.0) as client:
        response = await client.post(token_url(base_url), data=form)
    if response.status_code != 200:
        error = response.json().get("error", "") if response.content else ""
        raise SignInRefused(response.status_code, str(error))
    return str(response.json()["access_token"])


def server_arguments(port: int, management_port: int) -> list[str]:
    """Runtime options of `start --optimized` (the build-time ones are in the build).

    The hostname is fixed to the loopback URL so that every token names the same `iss`,
    whether a browser came through `localhost` or `127.0.0.1`; the back channel follows
    the request (services on this machine).
    """
    url = f"http://{HOST}:{port}"
    return [
        "start",
        "--optimized",
        "--http-enabled=true",
        f"--http-host={HOST}",
        f"--http-port={port}",
        f"--http-management-port={management_port}",
        f"--hostname={url}",
        "--hostname-strict=false",
        "--hostname-backchannel-dynamic=true",
        "--import-realm",
        # Keycloak logs failed sign-ins with the username typed: not into our logs.
        "--log-level=info,org.keycloak.events:error",
    ]
