"""Ctrl-C stops everything the run command started, even when its output pipe is gone;
and a process the platform or a test started dies with its parent."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e


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


def _platform_processes(markers: list[str]) -> list[tuple[int, str]]:
    """Every process whose command line or environment names one of `markers`."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            environ = (entry / "environ").read_bytes().decode(errors="replace")
        except OSError:
            continue  # gone meanwhile, or not ours to read
        if any(m in cmdline or m in environ for m in markers) and _alive(int(entry.name)):
            found.append((int(entry.name), cmdline[:120]))
    return found


def _free_offset() -> int:
    """A `SAMEN_PORT_OFFSET` under which every port of the platform is free."""
    from samen_cli.platform import DEFAULT_PORTS

    ports = [*DEFAULT_PORTS.values(), 19092, 19093, 15432]
    for offset in range(3000, 40000, 997):
        if all(_port_free(port + offset) for port in ports):
            return offset
    raise AssertionError("no free ports for a second platform")


def _port_free(port: int) -> bool:
    import socket

    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) != 0


def test_ctrl_c_on_make_run_piped_into_tee_stops_every_process_it_started() -> None:
    """`make run 2>&1 | tee run.log`, then Ctrl-C as a terminal sends it (SIGINT to the
    whole foreground process group, tee included): nothing of the platform is left —
    no service, no mail server or SMS simulator, no Kafka, no PostgreSQL — and the ports
    are free again. Its own Kafka and PostgreSQL, beside the test suite's."""
    from samen_kit.localinfra.postgres import reachable_state_dir

    repo = Path(__file__).resolve().parents[2]
    state = Path(tempfile.mkdtemp(prefix="samen-run-"))
    offset = _free_offset()
    env = {k: v for k, v in os.environ.items() if not k.startswith("SAMEN_")}
    env |= {"SAMEN_STATE_DIR": str(state), "SAMEN_PORT_OFFSET": str(offset)}
    log = state / "run.log"
    pipeline = subprocess.Popen(
        ["bash", "-c", f"make run 2>&1 | tee {log}"],
        cwd=repo,
        env=env,
        start_new_session=True,  # a process group of its own, as a terminal's job
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    markers = [str(state), str(reachable_state_dir(state / "postgres"))]
    try:
        deadline = time.monotonic() + 300
        while "Ctrl-C stops everything." not in (log.read_text() if log.exists() else ""):
            assert pipeline.poll() is None, log.read_text() if log.exists() else "no output"
            assert time.monotonic() < deadline, log.read_text()
            time.sleep(0.5)
        assert len(_platform_processes(markers)) >= 7  # 5 services, mail, SMS, Kafka, ...

        os.killpg(pipeline.pid, signal.SIGINT)
        pipeline.wait(timeout=120)

        deadline = time.monotonic() + 30
        while _platform_processes(markers) and time.monotonic() < deadline:
            time.sleep(0.5)
        assert _platform_processes(markers) == []
        from samen_cli.platform import DEFAULT_PORTS

        for port in [*DEFAULT_PORTS.values(), 19092, 15432]:
            assert _port_free(port + offset), port + offset
    finally:
        for pid, _ in _platform_processes(markers):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        shutil.rmtree(state, ignore_errors=True)
        shutil.rmtree(markers[1], ignore_errors=True)
