"""The verify benchmark runs at smoke size and prints the figures it promises."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.bench

REPO = Path(__file__).resolve().parents[3]
SCRIPT = REPO / "tests" / "bench" / "bench_audit_verify.py"
FIGURES = {
    "entries": int,
    "ok": bool,
    "archive_bytes": int,
    "uncompressed_bytes": int,
    "root_seconds": float,
    "verify_seconds": float,
    "verify_entries_per_second": int,
    "sha256_seconds": float,
    "ratio_verify_to_sha256": float,
}


def test_the_benchmark_prints_verify_and_sha256_figures_as_json() -> None:
    finished = subprocess.run(
        [sys.executable, str(SCRIPT), "--entries", "2000"],
        capture_output=True,
        check=True,
        cwd=REPO,
        text=True,
        timeout=240,
    )
    figures = json.loads(finished.stdout)
    assert figures["benchmark"] == "audit_verify"
    for name, kind in FIGURES.items():
        assert isinstance(figures[name], kind), name
    assert figures["entries"] == 2000
    assert figures["ok"] is True
