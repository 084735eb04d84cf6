"""The audit benchmarks run at smoke size and print the figures they promise."""

import pytest

from tests.bench.smoke import assert_kinds, run_script

pytestmark = pytest.mark.bench


def test_the_append_benchmark_prints_append_and_raw_insert_figures_as_json() -> None:
    figures = run_script("bench_audit_append.py", "--events", "2000")
    assert figures["benchmark"] == "audit_append"
    assert_kinds(
        figures,
        {
            "events": int,
            "tenants": int,
            "batch": int,
            "ok": bool,
            "append_seconds": float,
            "append_per_second": int,
            "raw_insert_seconds": float,
            "raw_insert_per_second": int,
            "ratio_append_to_raw": float,
        },
    )
    assert (figures["events"], figures["ok"]) == (2000, True)


def test_the_verify_benchmark_prints_verify_and_sha256_figures_as_json() -> None:
    figures = run_script("bench_audit_verify.py", "--entries", "2000")
    assert figures["benchmark"] == "audit_verify"
    assert_kinds(
        figures,
        {
            "entries": int,
            "ok": bool,
            "archive_bytes": int,
            "uncompressed_bytes": int,
            "root_seconds": float,
            "verify_seconds": float,
            "verify_entries_per_second": int,
            "sha256_seconds": float,
            "ratio_verify_to_sha256": float,
        },
    )
    assert (figures["entries"], figures["ok"]) == (2000, True)
