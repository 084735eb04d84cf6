"""Ctrl-C stops everything the run command started, even when its output pipe is gone;
and a process the platform or a test started dies with its parent."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
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
