"""What the local servers (PostgreSQL, Kafka, Keycloak) share: how they report their
status and restart, and, for those the kit launches itself as a detached Java process,
the launch and the stop by their pid file."""

from __future__ import annotations

import asyncio
import logging
import subprocess
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import ClassVar, Protocol

from samen_kit.localinfra.process import (
    InfraError,
    command_line,
    file_lock,
    is_alive,
    port_open,
    read_pid,
    tail,
    terminate,
)
from samen_kit.localinfra.status import ComponentStatus

log = logging.getLogger(__name__)

HOST = "127.0.0.1"


class Startable(Protocol):
    async def start(self) -> None: ...

    async def wait_ready(self, within: float) -> None: ...


async def up(server: Startable, within: float) -> None:
    """Start `server` (harmless when it runs) and wait until it is ready."""
    await server.start()
    await server.wait_ready(within)


class LocalServer(ABC):
    """A server run on this machine from a state folder of its own."""

    name: ClassVar[str]
    #: The server's name in messages and how long `wait_ready` waits by default.
    title: ClassVar[str]
    ready_within: ClassVar[float] = 60.0
    #: Checks in a row that must miss the server before `wait_ready` counts it gone (just
    #: after a launch /proc/<pid>/cmdline can read empty for a moment), and their pause.
    misses: ClassVar[int] = 4
    pause: ClassVar[float] = 0.25
    port: int
    state_dir: Path

    @property
    def address(self) -> str:
        return f"{HOST}:{self.port}"

    @property
    def data_dir(self) -> Path:
        return self.state_dir / "data"

    @abstractmethod
    def pid(self) -> int | None:
        """The pid of the server started from this state folder, when it is alive."""

    @abstractmethod
    async def start(self) -> None: ...

    @abstractmethod
    async def stop(self, grace: float = 30.0) -> None: ...

    async def wait_ready(self, within: float | None = None) -> None:
        """Wait until `_problem` finds none (within `ready_within` s unless `within` is
        given); fail early when the server is not running."""
        within = self.ready_within if within is None else within
        loop = asyncio.get_running_loop()
        deadline = loop.time() + within
        problem = "not started"
        missing = 0
        while loop.time() < deadline:
            missing = 0 if await self._running(self.pid()) else missing + 1
            if missing >= self.misses:
                raise InfraError(f"{self.title} on {self.address} is not running\n{self._tail()}")
            if not missing and not (problem := await self._problem()):
                return
            await asyncio.sleep(self.pause)
        raise InfraError(f"{self.title} not ready after {within:.0f} s ({problem})\n{self._tail()}")

    @abstractmethod
    async def _problem(self) -> str:
        """Why the server does not answer yet; empty when it does (a status probe
        reports, it does not raise)."""

    @abstractmethod
    def _tail(self) -> str:
        """The end of the server's own output or log, shown when it fails."""

    async def _running(self, pid: int | None) -> bool:
        return pid is not None or await port_open(HOST, self.port)

    async def status(self) -> ComponentStatus:
        pid = self.pid()
        running = await self._running(pid)
        problem = await self._problem() if running else ""
        return ComponentStatus(
            name=self.name,
            address=self.address,
            state_dir=self.state_dir,
            running=running,
            ready=running and not problem,
            owned=pid is not None,
            pid=pid,
            detail=problem,
        )

    async def restart(self, downtime: float = 0.0, within: float | None = None) -> None:
        """Stop, stay down `downtime` seconds (a fault test's outage), start, wait until
        ready (within the server's own default unless `within` is given)."""
        await self.stop()
        await asyncio.sleep(downtime)
        await self.start()
        await self.wait_ready(within)


class LaunchedServer(LocalServer):
    """A server the kit launches detached, its pid in a file in its state folder."""

    @property
    def pid_path(self) -> Path:
        return self.state_dir / f"{self.name}.pid"

    @property
    def out_path(self) -> Path:
        """The server's own output, kept for the tail shown when it fails."""
        return self.state_dir / f"{self.name}.out"

    def _tail(self) -> str:
        return tail(self.out_path)

    def pid(self) -> int | None:
        """The pid in the pid file while that process lives and is this server (`_ours`
        reads its command line: a stale pid may be another program's by now)."""
        pid = read_pid(self.pid_path)
        if pid is None or not is_alive(pid):
            return None
        return pid if self._ours(command_line(pid)) else None

    @abstractmethod
    def _ours(self, arguments: list[str]) -> bool: ...

    async def start(self) -> None:
        """Launch the server detached (`_launch`); harmless when it runs. A port held by
        something else is left alone (logged)."""
        async with file_lock(self.state_dir / ".lock"):
            if self.pid() is not None:
                return
            if await port_open(HOST, self.port):
                log.warning("%s.start.skipped port=%s reason=port-in-use", self.name, self.port)
                return
            await self._launch()

    @abstractmethod
    async def _launch(self) -> None:
        """Prepare the state folder and launch the server (`_launch_detached`)."""

    def _launch_detached(
        self,
        command: Sequence[str],
        env: Mapping[str, str] | None = None,
        preexec_fn: Callable[[], None] | None = None,
    ) -> None:
        # The output goes to a file: an unread pipe would block the server once full.
        with self.out_path.open("ab") as out:
            process = subprocess.Popen(
                command,
                cwd=self.state_dir,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # setsid: survives the caller and its terminal
                preexec_fn=preexec_fn,
            )
        self.pid_path.write_text(f"{process.pid}\n")
        log.info("%s.started pid=%s port=%s", self.name, process.pid, self.port)

    async def stop(self, grace: float = 30.0) -> None:
        """SIGTERM (the server's own clean shutdown), SIGKILL after `grace` s; the data
        stays."""
        async with file_lock(self.state_dir / ".lock"):
            pid = self.pid()
            if pid is not None:
                await terminate([pid], grace)
                log.info("%s.stopped pid=%s", self.name, pid)
            self.pid_path.unlink(missing_ok=True)
