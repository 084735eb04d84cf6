"""The plans due-scan benchmark runs end to end at a smoke size (numbers not asserted)."""

from __future__ import annotations

import pytest

from tests.bench.bench_plans_due_scan import run

pytestmark = pytest.mark.bench


async def test_the_due_scan_benchmark_reports_both_timings_and_their_ratio(
    postgres_server_url: str,
) -> None:
    result = await run(2_000, server=postgres_server_url)

    assert result["benchmark"] == "plans_due_scan"
    assert result["opps"] == 2_000
    assert 0 < result["due_timers"] <= result["candidate_rows"] <= 2_000
    assert result["scan_seconds"] > 0 and result["raw_sql_seconds"] > 0
    assert result["ratio_scan_to_raw_sql"] > 0
