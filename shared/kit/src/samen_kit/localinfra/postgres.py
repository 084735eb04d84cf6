"""A private PostgreSQL cluster from Debian's packages, run as `postgres` when we are root."""

from __future__ import annotations

import hashlib
import logging
import os
import pwd
import re
import stat
from pathlib import Path
from typing import Any

import asyncpg

from samen_kit.localinfra import paths
from samen_kit.localinfra.process import (
    InfraError,
    descendants,
    describe,
    file_lock,
    is_alive,
    port_open,
    read_pid,
    run_command,
    tail,
    terminate,
    wait_gone,
)
from samen_kit.localinfra.server import HOST, LocalServer

log = logging.getLogger(__name__)

SUPERUSER = "postgres"
DATABASE_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")
# The unix socket lives in the private state dir, so trust there reaches only this machine's
# root and the cluster's owner; TCP always asks for a password.
PG_HBA = (
    "# Written by samen_kit.localinfra.\n"
    "local all all trust\n"
    f"host all all {HOST}/32 scram-sha-256\n"
)


def bin_dir() -> Path:
    """`SAMEN_PG_BIN`, else the newest /usr/lib/postgresql/<version>/bin (Debian's layout)."""
    if configured := os.environ.get("SAMEN_PG_BIN"):
        return Path(configured)
    installed = Path("/usr/lib/postgresql").glob("*/bin")
    versions = sorted(
        (folder for folder in installed if folder.parent.name.isdigit()),
        key=lambda folder: int(folder.parent.name),
    )
    if not versions:
        raise InfraError("PostgreSQL is missing: run deploy/local/install.sh")
    return versions[-1]


def _as_root() -> bool:
    return os.geteuid() == 0


#: Where PostgreSQL's state goes when the wanted folder is out of its user's reach.
RELOCATED_ROOT = Path("/var/lib/samen")


def reachable_state_dir(wanted: Path) -> Path:
    """As root, PostgreSQL runs as `postgres`, which must pass through every folder above
    its state. A clone in a private folder (root's home, mode 700) cannot offer that, so
    the state then lives under /var/lib/samen, in a folder named after the wanted one:
    every later command (status, stop, the tests) finds the same place again."""
    if not _as_root() or _others_can_pass(wanted.parent):
        return wanted
    digest = hashlib.sha256(str(wanted).encode()).hexdigest()[:16]
    return RELOCATED_ROOT / f"postgres-{digest}"


def _others_can_pass(folder: Path) -> bool:
    """Every existing folder from `folder` up lets others through (o+x); folders still
    to be made will be (mkdir's default mode)."""
    for each in (folder, *folder.parents):
        if each.exists() and not each.stat().st_mode & stat.S_IXOTH:
            return False
    return True


class PostgresCluster(LocalServer):
    """One cluster listening on 127.0.0.1:`port`, with the role `samen` (password `samen`)."""

    name = "postgres"
    title = "PostgreSQL"
    misses = 1  # postmaster.pid names a running postmaster at once

    def __init__(
        self,
        port: int = 15432,
        state_dir: Path | None = None,
        user: str = "samen",
        password: str = "samen",
    ) -> None:
        self.port = port
        wanted = (state_dir or paths.default_state_dir() / "postgres").resolve()
        self.state_dir = reachable_state_dir(wanted)
        self.user = user
        self.password = password

    @property
    def socket_dir(self) -> Path:
        return self.state_dir / "run"

    @property
    def log_path(self) -> Path:
        return self.state_dir / "postgres.log"

    def url(self, database: str = "postgres", driver: str = "asyncpg") -> str:
        """An SQLAlchemy URL (`driver=""` gives the plain libpq URL asyncpg takes)."""
        scheme = f"postgresql+{driver}" if driver else "postgresql"
        return f"{scheme}://{self.user}:{self.password}@{self.address}/{database}"

    def pid(self) -> int | None:
        """The postmaster's pid, from postmaster.pid, when it is alive."""
        pid = read_pid(self.data_dir / "postmaster.pid")
        return pid if pid is not None and is_alive(pid) else None

    async def start(self) -> None:
        """initdb on first use, start, ensure the role; harmless when it already runs."""
        async with file_lock(self.state_dir / ".lock"):
            if self.pid() is None:
                if await port_open(HOST, self.port):
                    log.warning("postgres.start.skipped port=%s reason=port-in-use", self.port)
                    return
                await self._initialise()
                self._write_config()
                try:
                    await self._pg_ctl("start", "-l", str(self.log_path), "-w", "-t", "60")
                except InfraError as error:
                    raise InfraError(f"{error}\n{tail(self.log_path)}") from None
                log.info("postgres.started port=%s", self.port)
            await self._ensure_role()

    async def _initialise(self) -> None:
        self._prepare_state_dir()
        if _as_root() and not await self._owner_can_write(self.state_dir):
            raise InfraError(
                f"user {SUPERUSER} cannot write {self.state_dir}: its parent folders need o+x"
            )
        if (self.data_dir / "PG_VERSION").is_file():
            return
        fresh = self.state_dir / "data.init"
        await self._as_owner("rm", "-rf", str(fresh))
        command = [str(bin_dir() / "initdb"), "-D", str(fresh), "-U", SUPERUSER, "-E", "UTF8"]
        command += ["--locale=C.UTF-8", "--auth-local=trust", "--auth-host=scram-sha-256"]
        await self._as_owner(*command)
        fresh.rename(self.data_dir)  # atomic: a half-initialised folder is never used

    def _prepare_state_dir(self) -> None:
        self.state_dir.parent.mkdir(mode=0o755, parents=True, exist_ok=True)
        for folder in (self.state_dir, self.socket_dir):
            folder.mkdir(parents=True, exist_ok=True)
            folder.chmod(0o700)
            if _as_root():
                owner = pwd.getpwnam(SUPERUSER)
                os.chown(folder, owner.pw_uid, owner.pw_gid)

    def _write_config(self) -> None:
        settings = {
            "listen_addresses": f"'{HOST}'",
            "port": str(self.port),
            "unix_socket_directories": f"'{self.socket_dir}'",
            "max_connections": "200",  # five services with pools, relays and the test suite
            "password_encryption": "'scram-sha-256'",
            "log_line_prefix": "'%m [%p] %q%u@%d '",
        }
        self._write_owned("samen.conf", "".join(f"{k} = {v}\n" for k, v in settings.items()))
        self._write_owned("pg_hba.conf", PG_HBA)
        main_config = self.data_dir / "postgresql.conf"
        if "include_if_exists 'samen.conf'" not in main_config.read_text():
            with main_config.open("a") as config:
                config.write("\ninclude_if_exists 'samen.conf'\n")

    def _write_owned(self, name: str, text: str) -> None:
        path = self.data_dir / name
        path.write_text(text)
        path.chmod(0o600)
        if _as_root():
            owner = pwd.getpwnam(SUPERUSER)
            os.chown(path, owner.pw_uid, owner.pw_gid)

    async def _owner_can_write(self, folder: Path) -> bool:
        check = ["runuser", "-u", SUPERUSER, "--", "test", "-w", str(folder)]
        return (await run_command(check, cwd=Path("/"), within=10)).returncode == 0

    async def _pg_ctl(self, *arguments: str) -> None:
        await self._as_owner(str(bin_dir() / "pg_ctl"), "-D", str(self.data_dir), *arguments)

    async def _as_owner(self, *command: str) -> None:
        """Run as `postgres` when we are root (PostgreSQL refuses root), else as ourselves."""
        full = ["runuser", "-u", SUPERUSER, "--", *command] if _as_root() else list(command)
        result = await run_command(full, cwd=self.state_dir, within=120)
        if result.returncode != 0:
            raise InfraError(f"{' '.join(command[:2])} failed:\n{result.output[-3000:]}")

    async def _admin(self, database: str = "postgres") -> Any:
        """The superuser over the unix socket (trust auth)."""
        return await asyncpg.connect(
            host=str(self.socket_dir), port=self.port, user=SUPERUSER, database=database
        )

    async def _ensure_role(self) -> None:
        connection = await self._admin()
        try:
            exists = await connection.fetchval(
                "SELECT 1 FROM pg_roles WHERE rolname = $1", self.user
            )
            verb = "ALTER" if exists else "CREATE"
            # DDL takes no parameters; the name is quoted and the password a literal.
            password = self.password.replace("'", "''")
            await connection.execute(
                f"{verb} ROLE \"{self.user}\" LOGIN CREATEDB CREATEROLE PASSWORD '{password}'"
            )
        finally:
            await connection.close()

    async def _query(self, sql: str, database: str = "postgres") -> Any:
        connection = await asyncpg.connect(self.url(database, driver=""), timeout=5)
        try:
            return await connection.fetchval(sql)
        finally:
            await connection.close()

    async def stop(self, grace: float = 30.0) -> None:
        """Fast shutdown (sessions are ended, no data lost); no process is left behind."""
        async with file_lock(self.state_dir / ".lock"):
            pid = self.pid()
            if pid is None:
                return
            processes = [pid, *descendants(pid)]
            try:
                await self._pg_ctl("stop", "-m", "fast", "-w", "-t", str(int(grace)))
            except InfraError as error:
                log.warning("postgres.stop.escalated reason=%s", error)
            if not await wait_gone(processes, 5.0):
                await terminate(processes, grace=5.0)
            log.info("postgres.stopped pid=%s", pid)

    def _tail(self) -> str:
        return tail(self.log_path)

    async def _problem(self) -> str:
        """Why the `samen` role does not run a query over TCP with its password yet."""
        try:
            await self._query("SELECT 1")
        except Exception as error:  # any failure is the answer
            return describe(error)
        return ""

    async def create_database(self, name: str) -> None:
        """Create `name`, owned by the role; nothing happens when it exists."""
        _checked(name)
        connection = await asyncpg.connect(self.url(driver=""), timeout=10)
        try:
            if not await connection.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", name):
                await connection.execute(f'CREATE DATABASE "{name}"')
        except asyncpg.DuplicateDatabaseError:
            pass  # created meanwhile by someone else: the wanted end state
        finally:
            await connection.close()

    async def drop_database(self, name: str) -> None:
        """Drop `name`, ending its sessions; nothing happens when it does not exist."""
        _checked(name)
        connection = await asyncpg.connect(self.url(driver=""), timeout=10)
        try:
            await connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await connection.close()


def _checked(name: str) -> str:
    """Database names go into DDL unparameterised, so only plain lowercase names are allowed."""
    if not DATABASE_NAME.fullmatch(name):
        raise ValueError(f"not a plain database name: {name!r}")
    return name
