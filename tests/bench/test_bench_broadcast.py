"""The broadcast benchmark runs end to end at a smoke size (the rates are not asserted)."""

from __future__ import annotations

import pytest

from tests.bench.bench_broadcast import run

pytestmark = pytest.mark.bench


async def test_the_broadcast_benchmark_reports_both_rates_and_their_ratio(
    kafka_bootstrap: str, postgres_server_url: str
) -> None:
    results = await run(300, bootstrap=kafka_bootstrap, server=postgres_server_url)
    assert results["ok"] and results["samen"]["duplicates_at_server"] == 0
    assert results["samen"]["messages_per_second"] > 0 and results["raw"]["messages_per_second"] > 0
    assert results["ratio_samen_to_raw"] > 0
