"""The audit benchmarks run at smoke size and print the figures they promise."""

import pytest

from tests.bench.smoke import assert_kinds, run_script

pytestmark = pytest.mark.bench

APPEND = {
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
VERIFY = {
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


@pytest.mark.parametrize(
    ("benchmark", "size", "figures"),
    [("audit_append", "events", APPEND), ("audit_verify", "entries", VERIFY)],
)
def test_the_benchmark_prints_the_figures_it_promises_as_json(
    benchmark: str, size: str, figures: dict[str, type]
) -> None:
    printed = run_script(f"bench_{benchmark}.py", f"--{size}", "2000")
    assert printed["benchmark"] == benchmark
    assert_kinds(printed, figures)
    assert (printed[size], printed["ok"]) == (2000, True)
