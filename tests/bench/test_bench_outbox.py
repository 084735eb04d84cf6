"""The outbox benchmark runs end to end at a smoke size (numbers are not asserted)."""

from __future__ import annotations

import pytest

from tests.bench.bench_outbox import main

pytestmark = pytest.mark.bench


async def test_the_outbox_benchmark_reports_every_rate_and_ratio(
    kafka_bootstrap: str, postgres_server_url: str
) -> None:
    results = await main(300, profile=False, bootstrap=kafka_bootstrap, server=postgres_server_url)
    assert results["events"] == 300
    assert set(results["raw"]) == {"kafka_produce_per_s", "kafka_consume_per_s"}
    for workload in ("per_tx_1", "per_tx_100"):
        figures = results[workload]
        assert figures["pipeline_per_s"] > 0
        assert figures["ratio_to_slower_raw_pipe"] > 0
