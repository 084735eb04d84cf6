"""The portal benchmark runs end to end at a smoke size (numbers are not asserted)."""

from __future__ import annotations

import pytest

from tests.bench.bench_portal import main

pytestmark = pytest.mark.bench


async def test_the_portal_benchmark_reports_median_p95_and_ratios(
    kafka_bootstrap: str, postgres_server_url: str
) -> None:
    results = await main(
        5, 3, pupils_per_school=3, bootstrap=kafka_bootstrap, server=postgres_server_url
    )
    assert results["pupils"] == 9
    for page in ("pupil_page", "static_page"):
        assert results[page]["requests"] == 15 and results[page]["median_ms"] > 0
    assert results["median_ratio"] > 0 and results["p95_ratio"] > 0
