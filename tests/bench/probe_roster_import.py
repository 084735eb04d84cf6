"""Probe: what one roster import call costs, one school at a time and a few at once.

    uv run python -m tests.bench.probe_roster_import --schools 40 --pupils 20

Starts the platform as the region benchmark does (`bench_region`), then imports
`--schools` schools of the region's shape (`--pupils` each, 1.5 guardians per pupil) in
the shapes `samen roster import` sends: the first half one school at a time, the second
half `SCHOOLS_AT_ONCE` at a time. Prints each route's median and 90th-percentile call
time per phase, and how often the notifications service repeated a unit of work after a
deadlock or serialization failure (its log's `notifications.transaction.repeated`).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from uuid import uuid4

import httpx
from samen_cli.platform import Platform
from samen_cli.roster_csv import consent_payload, contacts_payload
from samen_kit.logging import configure_logging

from tests.bench.bench_region import SCHOOLS_AT_ONCE, Shape, region_schools
from tests.bench.infra_arguments import add_infra_arguments
from tests.e2e.conftest import drop_databases, e2e_config
from tests.e2e.faults.faults_region import Region, staff_token

Timings = dict[str, list[float]]


async def import_school(platform: Platform, region: Region, timings: Timings) -> None:
    """One school's three calls, in the CLI's order, each timed."""
    config = platform.config
    headers = {"Authorization": f"Bearer {staff_token(platform, region)}"}
    async with httpx.AsyncClient(headers=headers, timeout=120) as http:
        calls = (
            ("consent_roster", "post", f"{config.url('consent')}/v1/roster",
             consent_payload(region.school_id, region.board_id, region.rows)),
            ("notifications_school", "put",
             f"{config.url('notifications')}/v1/schools/{region.school_id}",
             {"board_id": str(region.board_id), "name": "OBS De Regenboog"}),
            ("notifications_contacts", "post",
             f"{config.url('notifications')}/v1/roster/contacts",
             contacts_payload(region.school_id, region.rows)),
        )  # fmt: skip
        for name, method, url, payload in calls:
            started = time.perf_counter()
            answer = await http.request(method, url, json=payload)
            timings[name].append(time.perf_counter() - started)
            answer.raise_for_status()


async def phase(platform: Platform, schools: Sequence[Region], at_once: int) -> dict[str, object]:
    timings: Timings = defaultdict(list)
    limit = asyncio.Semaphore(at_once)

    async def one(region: Region) -> None:
        async with limit:
            await import_school(platform, region, timings)

    started = time.perf_counter()
    await asyncio.gather(*(one(region) for region in schools))
    return {
        "at_once": at_once,
        "schools": len(schools),
        "seconds": round(time.perf_counter() - started, 2),
        **{name: _summary(values) for name, values in sorted(timings.items())},
    }


def _summary(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    return {
        "median": round(statistics.median(ordered), 3),
        "p90": round(ordered[int(len(ordered) * 0.9) - 1 if len(ordered) > 1 else 0], 3),
    }


def repeats(platform: Platform) -> int:
    log = platform.config.logs / "notifications.log"
    text = log.read_text(errors="replace") if log.exists() else ""
    return text.count("notifications.transaction.repeated")


async def run(schools: int, pupils: int, bootstrap: str, server: str) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="probe-roster-") as folder:
        config = e2e_config(bootstrap, server, f"probe{uuid4().hex[:4]}.", Path(folder))
        platform = Platform(config)
        try:
            states = await platform.start_all()
            if not all(states.values()):
                raise RuntimeError(f"not ready: {states}")
            region = region_schools(Shape.of(schools * pupils, schools=schools))
            half = len(region) // 2
            one_by_one = await phase(platform, region[:half], 1)
            together = await phase(platform, region[half:], SCHOOLS_AT_ONCE)
            return {
                "probe": "roster_import",
                "pupils_per_school": pupils,
                "phases": [one_by_one, together],
                "repeated_units_of_work": repeats(platform),
                "load_average": [round(n, 2) for n in os.getloadavg()],
            }
        finally:
            await platform.stop_all()
            await drop_databases(config)


def main() -> int:
    configure_logging(json=True, level="WARNING")
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--schools", type=int, default=40)
    parser.add_argument("--pupils", type=int, default=20, help="per school")
    add_infra_arguments(parser)
    args = parser.parse_args()
    result = asyncio.run(run(args.schools, args.pupils, args.kafka, args.server))
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
