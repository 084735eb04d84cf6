"""Output that survives its reader.

With `make run 2>&1 | tee run.log`, Ctrl-C reaches `tee` too: it exits at once, and
every later `print` raises `BrokenPipeError`. Stopping must go on regardless, so the
platform writes through `say`, which goes quiet for good once the pipe is gone.
"""

from __future__ import annotations

import os
import sys
from datetime import datetime
from zoneinfo import ZoneInfo

#: People read times in the Netherlands' own; every time on screen says so (CET/CEST).
AMSTERDAM = ZoneInfo("Europe/Amsterdam")

_quiet = False


def say(line: str = "") -> None:
    """Print a line and flush; after the reader has gone, print nothing more."""
    global _quiet
    if _quiet:
        return
    try:
        print(line, flush=True)
    except (BrokenPipeError, ValueError, OSError):
        _quiet = True
        # Also spare the interpreter's final flush of the dead pipe at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def clock_time(at: datetime) -> str:
    """`20:05:31 CET`: the time in the Netherlands, naming its zone."""
    return at.astimezone(AMSTERDAM).strftime("%H:%M:%S %Z")


def date_time(at: datetime) -> str:
    """`2026-11-23 20:05:31 CET`: date and time in the Netherlands, naming its zone."""
    return at.astimezone(AMSTERDAM).strftime("%Y-%m-%d %H:%M:%S %Z")
