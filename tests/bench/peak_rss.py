"""Peak memory of processes, one measured step at a time.

Linux keeps each process's peak resident set size (`VmHWM` in /proc/<pid>/status) and
lets its owner reset it to the current size (`5` into /proc/<pid>/clear_refs). So a
step's peak is exact, not sampled: reset before the step, read after. psutil reads only
the current size, which a poll would have to catch at its highest.
"""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from pathlib import Path

KIB_PER_MIB = 1024


def peak_kib(status: str) -> int:
    """The `VmHWM:` line of /proc/<pid>/status, in KiB."""
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise ValueError("no VmHWM line")


def reset_peaks(pids: Mapping[str, int]) -> None:
    for pid in pids.values():
        with contextlib.suppress(OSError):  # gone meanwhile: nothing to measure
            Path(f"/proc/{pid}/clear_refs").write_text("5")


def read_peaks(pids: Mapping[str, int]) -> dict[str, float]:
    """Each process's peak since its last reset, in MiB (0 for one that is gone)."""
    peaks = {}
    for name, pid in pids.items():
        try:
            kib = peak_kib(Path(f"/proc/{pid}/status").read_text())
        except (OSError, ValueError):
            kib = 0
        peaks[name] = round(kib / KIB_PER_MIB, 1)
    return peaks
