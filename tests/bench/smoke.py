"""Running a benchmark script at smoke size as its users do: a process that prints JSON."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]


def run_script(name: str, *args: str, timeout: float = 240) -> dict[str, Any]:
    """The figures `tests/bench/<name>` printed; its error output when it failed."""
    finished = subprocess.run(
        [sys.executable, str(REPO / "tests" / "bench" / name), *args],
        capture_output=True,
        cwd=REPO,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert finished.returncode == 0, finished.stderr
    figures: dict[str, Any] = json.loads(finished.stdout)
    return figures


def assert_kinds(figures: Mapping[str, Any], kinds: Mapping[str, type]) -> None:
    """Every promised figure is there, of its kind."""
    for name, kind in kinds.items():
        assert isinstance(figures[name], kind), name
