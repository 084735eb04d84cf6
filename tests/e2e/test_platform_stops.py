"""Ctrl-C stops everything the run command started, even when its output pipe is gone;
and a process the platform or a test started dies with its parent.

`make run 2>&1 | tee run.log` in a terminal of its own, then Ctrl-C: the terminal sends
SIGINT to make, uv, `samen up` and tee at once, tee ends, and the pipe `samen up` prints
to is gone; yet every process of the platform ends (Kafka and PostgreSQL too) and every
port is free again. That run starts a Kafka broker and PostgreSQL cluster of its own (no
`SAMEN_*` addresses) in a state folder of its own (`SAMEN_STATE_DIR`), on ports shifted by
`SAMEN_PORT_OFFSET`: the team's instances and other tests' folders are never touched.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import termios
import textwrap
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from samen_cli.platform import DEFAULT_PORTS

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[2]
# Every port `samen up` listens on by default: Kafka, its controller and PostgreSQL
# (samen_kit.localinfra.InfraConfig), then the services, SMTP and SMS; one offset moves all.
RUN_PORTS = (19092, 19093, 15432, *DEFAULT_PORTS.values())
CTRL_C = b"\x03"
READY_LINE = "Ctrl-C stops everything."
ALL_READY = re.compile(r"^\s*all\s+ready\b", re.MULTILINE)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    state = Path(f"/proc/{pid}/stat").read_text().split()[2]
    return state != "Z"


def test_printing_into_a_closed_pipe_goes_quiet_instead_of_failing(tmp_path: Path) -> None:
    """`make run | tee` and Ctrl-C: tee is gone before the platform has stopped."""
    script = textwrap.dedent(
        """
        import sys, time
        from samen_cli.terminal import say
        say("first")
        time.sleep(0.5)  # the reader closes its end meanwhile
        for _ in range(1000):
            say("x" * 100)
        sys.stderr.write("still here\\n")
        """
    )
    reader = subprocess.Popen(
        [sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert reader.stdout is not None and reader.stderr is not None
    assert reader.stdout.readline() == b"first\n"
    reader.stdout.close()
    errors = reader.stderr.read().decode()
    assert reader.wait(timeout=30) == 0
    assert "still here" in errors
    assert "BrokenPipeError" not in errors


def test_a_child_started_with_die_with_parent_ends_when_its_parent_is_killed() -> None:
    parent_script = textwrap.dedent(
        """
        import subprocess, sys, time
        from samen_kit.localinfra.process import die_with_parent
        child = subprocess.Popen(
            [sys.executable, "-c", "import time; time.sleep(120)"],
            preexec_fn=die_with_parent, start_new_session=True,
        )
        print(child.pid, flush=True)
        time.sleep(120)
        """
    )
    parent = subprocess.Popen([sys.executable, "-c", parent_script], stdout=subprocess.PIPE)
    assert parent.stdout is not None
    child = int(parent.stdout.readline())
    assert _alive(child)

    parent.send_signal(signal.SIGKILL)  # no chance to clean up
    parent.wait(timeout=10)

    deadline = time.monotonic() + 10
    while _alive(child) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(child)


def port_free(port: int) -> bool:
    """Whether a server could listen on `port` now (as servers do: SO_REUSEADDR, so
    connections of a server that just ended, waiting out TIME_WAIT, do not count)."""
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def free_offset() -> int:
    """An offset that puts every port of the run on a free one (below the ephemeral range)."""
    for _ in range(200):
        offset = random.randrange(1000, 12000)
        if all(port_free(port + offset) for port in RUN_PORTS):
            return offset
    raise RuntimeError("no free set of ports")


def processes_of(state_dir: Path) -> dict[int, str]:
    """Every process whose environment names this run's state folder, with its command
    line: all that `samen up` starts inherits that environment, down to PostgreSQL's
    backends (runuser keeps it)."""
    marker = f"SAMEN_STATE_DIR={state_dir}".encode()
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            if marker in (entry / "environ").read_bytes().split(b"\0"):
                command = (entry / "cmdline").read_bytes().replace(b"\0", b" ")
                found[int(entry.name)] = command.decode(errors="replace")
        except OSError:
            continue  # ended meanwhile, or a kernel thread
    return found


def wait_until_gone(state_dir: Path, within: float) -> dict[int, str]:
    deadline = time.monotonic() + within
    while (left := processes_of(state_dir)) and time.monotonic() < deadline:
        time.sleep(0.2)
    return left


class Terminal:
    """A pseudo-terminal running `bash -c command` as its session's foreground job:
    typing Ctrl-C into it makes the kernel send SIGINT to the whole job, as a real
    terminal does. What the job writes to the terminal is read (and kept) as it comes,
    so it never blocks on a full terminal."""

    def __init__(self, command: str, env: dict[str, str], cwd: Path) -> None:
        self.master, slave = os.openpty()
        self.process = subprocess.Popen(
            ["bash", "-c", command],
            cwd=cwd,
            env=env,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            start_new_session=True,  # a session, and process group, of its own
            preexec_fn=lambda: fcntl.ioctl(0, termios.TIOCSCTTY, 0),  # its own terminal
        )
        os.close(slave)
        self.screen = bytearray()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        with contextlib.suppress(OSError):  # EIO once every writer has gone
            while chunk := os.read(self.master, 4096):
                self.screen += chunk

    def text(self) -> str:
        return self.screen.decode(errors="replace")[-6000:]

    def type(self, keys: bytes) -> None:
        os.write(self.master, keys)

    def close(self) -> None:
        kill_group(self.process.pid)
        self.process.wait()
        os.close(self.master)
        self.reader.join(5)


def kill_group(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pid, signal.SIGKILL)


def kill_what_is_left(state_dir: Path) -> None:
    """After a failure too: no process of the run is left (SIGKILL, until none is)."""
    deadline = time.monotonic() + 30
    while (left := processes_of(state_dir)) and time.monotonic() < deadline:
        for pid in left:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        time.sleep(0.2)


@pytest.fixture
def run_root() -> Iterator[Path]:
    """A folder of the run's own, outside pytest's (mode 700) temporary folders, so that
    PostgreSQL (run as `postgres` when we are root) can keep its state inside it."""
    root = Path(tempfile.mkdtemp(prefix="samen-make-run-"))
    root.chmod(0o755)
    yield root
    shutil.rmtree(root, ignore_errors=True)


def own_platform_env(state_dir: Path, offset: int) -> dict[str, str]:
    """This environment without any `SAMEN_*` (so `samen up` starts Kafka and PostgreSQL
    of its own) or make's and pytest's own variables, plus the run's state folder and
    port offset."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("SAMEN_", "PYTEST_")) and key not in ("MAKEFLAGS", "MAKELEVEL")
    }
    return {**env, "SAMEN_STATE_DIR": str(state_dir), "SAMEN_PORT_OFFSET": str(offset)}


def assert_all_running(state_dir: Path, offset: int, told: str, *parts: str) -> None:
    """The run is up: every component ready, every port taken, its processes there."""
    assert ALL_READY.search(told), f"not every component started:\n{told}"
    running = " ".join(processes_of(state_dir).values())
    for part in ("kafka.Kafka", "postgres -D", "samen_consent", "samen_audit", *parts):
        assert part in running, f"{part!r} not among the run's processes: {running}"
    idle = [port + offset for port in RUN_PORTS if port_free(port + offset)]
    assert not idle, f"nothing listens on {idle}"


def assert_nothing_left(state_dir: Path, offset: int, after: str, told: str) -> None:
    left = wait_until_gone(state_dir, within=60)
    assert not left, f"left running after {after}: {left}\n{told}"
    busy = [port + offset for port in RUN_PORTS if not port_free(port + offset)]
    assert not busy, f"ports still held after {after}: {busy}"


@pytest.mark.timeout(900)
def test_ctrl_c_on_make_run_piped_to_tee_leaves_no_process_and_no_port(run_root: Path) -> None:
    state_dir, offset = run_root / "state", free_offset()
    run_log = run_root / "run.log"
    terminal = Terminal(f"make run 2>&1 | tee {run_log}", own_platform_env(state_dir, offset), REPO)
    try:
        deadline = time.monotonic() + 480  # the first run in a checkout also sets it up
        while READY_LINE not in (told := run_log.read_text() if run_log.exists() else ""):
            assert terminal.process.poll() is None, f"make run ended:\n{terminal.text()}"
            assert time.monotonic() < deadline, f"not ready in time:\n{terminal.text()}"
            time.sleep(0.5)
        assert_all_running(state_dir, offset, told, "samen up", "tee")

        terminal.type(CTRL_C)

        terminal.process.wait(timeout=180)
        assert_nothing_left(state_dir, offset, "Ctrl-C", terminal.text())
    finally:
        terminal.close()
        kill_what_is_left(state_dir)


@pytest.mark.timeout(900)
def test_samen_up_stopped_with_its_output_gone_leaves_no_process_and_no_port(
    run_root: Path,
) -> None:
    """A supervisor's SIGTERM after the reader of its output went away: `samen up`
    stops everything it started itself."""
    state_dir, offset = run_root / "state", free_offset()
    up = subprocess.Popen(
        [sys.executable, "-m", "samen_cli", "up"],
        cwd=REPO,
        env=own_platform_env(state_dir, offset),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    # Not ready in time: the run is killed, its output ends, and the test fails.
    watchdog = threading.Timer(480, kill_group, [up.pid])
    watchdog.start()
    try:
        assert up.stdout is not None
        told: list[str] = []
        while READY_LINE not in "".join(told):
            line = up.stdout.readline().decode(errors="replace")  # EOF when it ends
            assert line, f"samen up ended:\n{''.join(told)}"
            told.append(line)
        assert_all_running(state_dir, offset, "".join(told), "samen_cli up")
        watchdog.cancel()
        up.stdout.close()  # nobody reads its output any more

        up.send_signal(signal.SIGTERM)

        up.wait(timeout=180)
        assert_nothing_left(state_dir, offset, "SIGTERM", "".join(told))
    finally:
        watchdog.cancel()
        kill_group(up.pid)
        up.wait()
        kill_what_is_left(state_dir)
