"""The SMTP benchmark runs at smoke size and reports both pipes as JSON."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.bench

SCRIPT = Path(__file__).resolve().parents[3] / "tests" / "bench" / "bench_smtp.py"


def test_the_smoke_run_prints_both_rates_and_their_ratio() -> None:
    run = subprocess.run(
        [sys.executable, str(SCRIPT), "--messages", "200", "--rounds", "2"],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert (result["benchmark"], result["messages"], result["ok"]) == ("smtp", 200, True)
    for pipe in ("raw", "samen"):
        assert set(result[pipe]) >= {"seconds", "messages_per_second", "bytes_per_message"}
        assert result[pipe]["messages_per_second"] > 0
    assert result["ratio_samen_to_raw"] == pytest.approx(
        result["samen"]["messages_per_second"] / result["raw"]["messages_per_second"], rel=0.01
    )
