"""The SMTP benchmark runs at smoke size and reports its pipes as JSON."""

from __future__ import annotations

import pytest

from tests.bench.smoke import run_script

pytestmark = pytest.mark.bench


def test_the_smoke_run_prints_each_pipes_rate_and_the_ratios() -> None:
    result = run_script("bench_smtp.py", "--messages", "200", "--rounds", "2", timeout=180)
    assert (result["benchmark"], result["messages"], result["ok"]) == ("smtp", 200, True)
    for pipe in ("raw", "samen", "raw_same_size"):
        assert set(result[pipe]) >= {"seconds", "messages_per_second"}
        assert result[pipe]["messages_per_second"] > 0
    assert result["ratio_samen_to_raw"] == pytest.approx(
        result["samen"]["messages_per_second"] / result["raw"]["messages_per_second"], rel=0.01
    )
    assert result["ratio_samen_to_raw_same_size"] == pytest.approx(
        result["samen"]["messages_per_second"] / result["raw_same_size"]["messages_per_second"],
        rel=0.01,
    )
