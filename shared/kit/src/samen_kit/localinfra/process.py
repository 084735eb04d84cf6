"""Processes, ports and locks: the operating-system side of running local servers."""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import errno
import fcntl
import os
import signal
import socket
from collections.abc import AsyncIterator, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

POLL_SECONDS = 0.1


class InfraError(RuntimeError):
    """Local infrastructure could not be fetched, started, reached or stopped."""


def is_alive(pid: int) -> bool:
    """True while `pid` runs; a zombie counts as gone (and is reaped when it is our child)."""
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    except OSError:
        return _signal_zero(pid)
    state = stat.rsplit(")", 1)[1].split()[0]
    return state not in ("Z", "X")


def _signal_zero(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def command_line(pid: int) -> list[str]:
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return []
    return [part.decode(errors="replace") for part in raw.split(b"\0") if part]


def descendants(pid: int) -> list[int]:
    """Children, grandchildren, ... of `pid`, read from /proc."""
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError, IndexError, ValueError):
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
                parents.setdefault(parent, []).append(int(entry.name))
    found: list[int] = []
    pending = [pid]
    while pending:
        children = parents.get(pending.pop(), [])
        found.extend(children)
        pending.extend(children)
    return found


def read_pid(path: Path) -> int | None:
    try:
        return int(path.read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None


async def wait_gone(pids: Iterable[int], within: float) -> bool:
    """Poll until every pid has exited; False when some still run at the deadline."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + within
    remaining = list(pids)
    while remaining := [pid for pid in remaining if is_alive(pid)]:
        if loop.time() >= deadline:
            return False
        await asyncio.sleep(POLL_SECONDS)
    return True


async def terminate(pids: Sequence[int], grace: float) -> None:
    """SIGTERM (and SIGCONT, in case they are frozen), SIGKILL after `grace` seconds."""
    for sig in (signal.SIGTERM, signal.SIGCONT):
        _signal_all(pids, sig)
    if await wait_gone(pids, grace):
        return
    _signal_all(pids, signal.SIGKILL)
    if not await wait_gone(pids, 10.0):
        raise InfraError(f"processes {list(pids)} survived SIGKILL")


def _signal_all(pids: Iterable[int], sig: signal.Signals) -> None:
    for pid in pids:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, sig)


async def port_open(host: str, port: int, within: float = 1.0) -> bool:
    try:
        _, writer = await asyncio.wait_for(asyncio.open_connection(host, port), within)
    except (OSError, TimeoutError):
        return False
    writer.close()
    with contextlib.suppress(OSError):
        await writer.wait_closed()
    return True


def free_ports(count: int = 1, host: str = "127.0.0.1") -> list[int]:
    """Ports nobody listens on now, all different (for instances of a test's own)."""
    sockets = [socket.socket(socket.AF_INET, socket.SOCK_STREAM) for _ in range(count)]
    try:
        for sock in sockets:
            sock.bind((host, 0))
        return [int(sock.getsockname()[1]) for sock in sockets]
    finally:
        for sock in sockets:
            sock.close()


@dataclass(frozen=True)
class CommandResult:
    returncode: int
    output: str


async def run_command(
    command: Sequence[str], *, cwd: Path, within: float, env: dict[str, str] | None = None
) -> CommandResult:
    """Run to completion with stdout and stderr merged; kill it at the deadline."""
    process = await asyncio.create_subprocess_exec(
        *command,
        cwd=cwd,
        env=env,
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    try:
        output, _ = await asyncio.wait_for(process.communicate(), within)
    except TimeoutError:
        process.kill()
        await process.wait()
        raise InfraError(f"{command[0]} did not finish within {within:.0f} s") from None
    return CommandResult(process.returncode or 0, output.decode(errors="replace"))


@contextlib.asynccontextmanager
async def file_lock(path: Path) -> AsyncIterator[None]:
    """An exclusive lock between processes (start and stop of one instance never interleave)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as handle:
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as error:
                if error.errno not in (errno.EAGAIN, errno.EACCES):
                    raise
                await asyncio.sleep(POLL_SECONDS)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def tail(path: Path, lines: int = 20) -> str:
    """The last lines of a log, for error messages."""
    try:
        text = path.read_text(errors="replace")
    except OSError:
        return ""
    return "\n".join(text.splitlines()[-lines:])


def describe(error: BaseException) -> str:
    """`TimeoutError` or `KafkaConnectionError: Unable to bootstrap`, for status lines."""
    return f"{type(error).__name__}: {error}" if str(error) else type(error).__name__


_PR_SET_PDEATHSIG = 1


def die_with_parent() -> None:
    """For `preexec_fn`: the kernel sends the child SIGTERM when its parent dies, even
    by SIGKILL, so no service outlives the platform or the test run that started it."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
