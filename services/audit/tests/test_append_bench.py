"""The append benchmark runs at smoke size and prints the figures it promises."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.bench

REPO = Path(__file__).resolve().parents[3]
SCRIPT = REPO / "tests" / "bench" / "bench_audit_append.py"
FIGURES = {
    "events": int,
    "tenants": int,
    "batch": int,
    "ok": bool,
    "append_seconds": float,
    "append_per_second": int,
    "raw_insert_seconds": float,
    "raw_insert_per_second": int,
    "ratio_append_to_raw": float,
}


def test_the_benchmark_prints_append_and_raw_insert_figures_as_json() -> None:
    finished = subprocess.run(
        [sys.executable, str(SCRIPT), "--events", "2000"],
        capture_output=True,
        check=True,
        cwd=REPO,
        text=True,
        timeout=240,
    )
    figures = json.loads(finished.stdout)
    assert figures["benchmark"] == "audit_append"
    for name, kind in FIGURES.items():
        assert isinstance(figures[name], kind), name
    assert (figures["events"], figures["ok"]) == (2000, True)
