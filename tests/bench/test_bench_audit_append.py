"""The audit append benchmark runs end to end at a smoke size, on the tests' PostgreSQL
(numbers are not asserted). Its command line is smoke-run in services/audit/tests."""

from __future__ import annotations

import pytest

from tests.bench.bench_audit_append import run

pytestmark = pytest.mark.bench


async def test_the_audit_append_benchmark_reports_both_timings_and_their_ratio(
    postgres_server_url: str,
) -> None:
    result = await run(2_000, 4, 250, server=postgres_server_url)

    assert result["benchmark"] == "audit_append" and result["ok"] is True
    assert (result["events"], result["tenants"], result["batch"]) == (2_000, 4, 250)
    assert result["append_seconds"] > 0 and result["raw_insert_seconds"] > 0
    assert result["append_per_second"] > 0 and result["raw_insert_per_second"] > 0
    assert result["ratio_append_to_raw"] > 0
