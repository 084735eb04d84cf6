"""Benchmark: offline verification of an audit export, against a raw SHA-256 of the same bytes.

    uv run python tests/bench/bench_audit_verify.py --entries 1000000

Builds a synthetic tenant log of N entries, exports all of it, then in the same
run times ``verify_archive`` on the archive file and one SHA-256 over that
file's bytes, in wall-clock and CPU seconds. Prints one JSON object. CI runs it
at a smoke size only.

The file's bytes are the bytes the verifier reads: in format 2 the members it reads
whole (entries.jsonl, leaves.txt, proofs.json) are stored, so the file holds them
uncompressed; in format 1 they were deflated, and the verifier inflated them first.
"""

import argparse
import json
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime
from hashlib import sha256
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from samen_archive import verify_archive, write_archive
from samen_archive.merkle import root_hash
from samen_archive.sample import SampleLog

START = datetime(2025, 1, 1, tzinfo=UTC)
NOW = datetime(2025, 7, 1, tzinfo=UTC)
MB = 1_000_000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    result = run(args.entries, args.seed)
    print(json.dumps(result, indent=2))
    return 0 if result["ok"] else 1


def run(entries: int, seed: int) -> dict[str, object]:
    key = Ed25519PrivateKey.from_private_bytes(sha256(b"bench key %d" % seed).digest())
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "export.zip"
        figures = build(path, entries, seed, key)
        outcome: list[bool] = []
        verify_seconds, verify_cpu = timed(lambda: outcome.append(verify_archive(path).ok))
        sha256_seconds, sha256_cpu = timed(lambda: sha256_file(path))
        archive_bytes = path.stat().st_size
        with zipfile.ZipFile(path) as archive:
            uncompressed = sum(info.file_size for info in archive.infolist())
            archive_format = json.loads(archive.read("export.json"))["format"]
    return {
        "benchmark": "audit_verify",
        "format": archive_format,
        "entries": entries,
        "ok": outcome == [True],
        "archive_bytes": archive_bytes,
        "uncompressed_bytes": uncompressed,
        **figures,
        "verify_seconds": round(verify_seconds, 3),
        "verify_cpu_seconds": round(verify_cpu, 3),
        "verify_entries_per_second": round(entries / verify_seconds),
        "verify_archive_mb_per_second": round(archive_bytes / MB / verify_seconds, 1),
        "sha256_seconds": round(sha256_seconds, 3),
        "sha256_cpu_seconds": round(sha256_cpu, 3),
        "sha256_archive_mb_per_second": round(archive_bytes / MB / sha256_seconds, 1),
        "ratio_verify_to_sha256": round(verify_seconds / sha256_seconds, 1),
        "ratio_verify_to_sha256_cpu": round(verify_cpu / sha256_cpu, 1),
    }


def build(path: Path, entries: int, seed: int, key: Ed25519PrivateKey) -> dict[str, float]:
    """The synthetic log, its root, its archive on disk; the log is gone when this returns."""
    started = time.perf_counter()
    log = SampleLog("bench-tenant", START, seed=seed)
    log.append(entries)
    generate_seconds = time.perf_counter() - started
    root_seconds, root_cpu = timed(lambda: root_hash(log.leaves))
    build_seconds, _ = timed(lambda: write_to(path, log, key))
    return {
        "generate_seconds": round(generate_seconds, 3),
        "root_seconds": round(root_seconds, 3),
        "root_cpu_seconds": round(root_cpu, 3),
        "build_seconds": round(build_seconds, 3),
    }


def write_to(path: Path, log: SampleLog, key: Ed25519PrivateKey) -> None:
    with path.open("wb") as target:
        write_archive(target, log.export_contents(key, NOW), key)


def sha256_file(path: Path) -> str:
    digest = sha256()
    with path.open("rb") as source:
        while block := source.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def timed(action: Callable[[], object]) -> tuple[float, float]:
    """Wall-clock and CPU seconds: on a shared machine the CPU figure is the steadier."""
    started, started_cpu = time.perf_counter(), time.process_time()
    action()
    return time.perf_counter() - started, time.process_time() - started_cpu


if __name__ == "__main__":
    sys.exit(main())
