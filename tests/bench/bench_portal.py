"""Staff browsing pupil pages: 50 concurrent signed-in users against the demo region's
schools, beside the same server's static page in the same run.

    uv run python tests/bench/bench_portal.py --users 50 --requests 20

The portal runs with its real read model (the demo region's 3 schools and their pupils,
each with a handful of facts, projected from Kafka through the consumer and inbox) on
PostgreSQL; each user has a signed-in session (IBs of the three schools, board admins,
samenwerkingsverband staff). Every user opens pupil pages in their reach one after the
other, all users at once; then the same users fetch the static stylesheet the same way.
The owners' APIs are not running, so a pupil page measures the portal's own work (session,
token check, read model, view record, rendering) plus a refused connection. Prints the
median and p95 of each and their ratios as JSON; asserts nothing about time.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from uuid import UUID

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from samen_cli.demo_region import region
from samen_contract import pseudonymous_id
from samen_contract.events.consent import ConsentRequested, PupilEnrolled
from samen_contract.events.meetings import ParentCommentAdded
from samen_contract.events.plans import SupportStarted
from samen_kit import localinfra
from samen_kit.access import Role
from samen_kit.clock import FakeClock
from samen_kit.testing.databases import scratch_database
from samen_kit.testing.keys import Keys
from samen_kit.testing.names import RUN_ID
from samen_kit.testing.waiting import wait_for

from services.portal.tests.portal_harness import Staff, make_settings, publisher, running, sign_in


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def figures(latencies: list[float]) -> dict[str, float]:
    return {
        "median_ms": round(statistics.median(latencies) * 1000, 2),
        "p95_ms": round(percentile(latencies, 0.95) * 1000, 2),
        "requests": len(latencies),
    }


async def browse(users: list[tuple[Staff, list[UUID]]], requests: int, static: bool) -> list[float]:
    latencies: list[float] = []

    async def one(staff: Staff, pupils: list[UUID], seed: int) -> None:
        rng = random.Random(seed)
        for _ in range(requests):
            path = "/static/portal.css" if static else f"/leerlingen/{rng.choice(pupils)}"
            started = time.perf_counter()
            response = await staff.client.get(path)
            latencies.append(time.perf_counter() - started)
            assert response.status_code == 200, (path, response.status_code)

    await asyncio.gather(*(one(s, p, i) for i, (s, p) in enumerate(users)))
    return latencies


async def main(
    users: int,
    requests: int,
    *,
    pupils_per_school: int = 100,
    bootstrap: str | None = None,
    server: str | None = None,
) -> dict[str, Any]:
    bootstrap = bootstrap or localinfra.ensure_kafka()
    server = server or localinfra.ensure_postgres()
    demo = region(pupils_per_school)
    prefix = f"bench{RUN_ID}."
    keys = Keys()
    async with scratch_database(server, "portal") as database_url:
        with tempfile.TemporaryDirectory() as folder:
            settings = make_settings(
                database_url=database_url,
                kafka_bootstrap=bootstrap,
                topic_prefix=prefix,
                keys_folder=Path(folder),
                keys=keys,
                consent_base_url="http://127.0.0.1:9",
            )
            clock = FakeClock(datetime.now(UTC))
            async with running(settings, keys, clock) as portal:
                by_school = await seed(demo, bootstrap, prefix, portal)
                signed_in = await sessions(portal, demo, by_school, users)
                for staff, _ in signed_in[:1]:  # warm up one path of each kind
                    await staff.client.get("/static/portal.css")
                pages = await browse(signed_in, requests, static=False)
                static = await browse(signed_in, requests, static=True)
                for staff, _ in signed_in:
                    await staff.client.aclose()
    page, plain = figures(pages), figures(static)
    return {
        "users": users,
        "requests_per_user": requests,
        "pupils": sum(len(p) for p in by_school.values()),
        "pupil_page": page,
        "static_page": plain,
        "median_ratio": round(page["median_ms"] / plain["median_ms"], 2),
        "p95_ratio": round(page["p95_ms"] / plain["p95_ms"], 2),
    }


async def seed(demo: Any, bootstrap: str, prefix: str, portal: Any) -> dict[UUID, list[UUID]]:
    """The demo region's pupils with a few facts each, through Kafka and the consumer."""
    by_school: dict[UUID, list[UUID]] = {}
    async with publisher(bootstrap, prefix) as facts:
        for school in demo.schools:
            sid = school.school_id
            for n in range(1, school.pupils + 1):
                number = f"{school.number[:3].upper()}{n:04d}"
                pupil = pseudonymous_id("pupil", demo.tenant, str(sid), number)
                by_school.setdefault(sid, []).append(pupil)
                about = {"tenant": demo.tenant, "subject": pupil, "school": sid}
                board = str(school.board_id)
                enrolled = PupilEnrolled(
                    pupil_id=pupil, school_id=sid, enrolled_on=date(2024, 8, 19), group="5a"
                )
                await facts.publish(enrolled, board=board, **about)
                for event in events_about(pupil, sid):
                    await facts.publish(event, board=board, **about)
    expected = sum(len(p) for p in by_school.values()) * 4

    async def projected() -> bool:
        rows = await portal.sql("SELECT count(*) FROM portal_fact")
        return bool(rows[0][0] >= expected)

    await wait_for(projected, within=300)
    return by_school


def events_about(pupil: UUID, school: UUID) -> list[Any]:
    ids = [pseudonymous_id("bench", str(pupil), str(n)) for n in range(4)]
    return [
        ConsentRequested(
            request_id=ids[0],
            pupil_id=pupil,
            school_id=school,
            purpose="mdo",
            purpose_version=1,
            parties=(),
        ),
        SupportStarted(
            opp_id=ids[1],
            pupil_id=pupil,
            school_id=school,
            started_on=date(2026, 1, 5),
            opp_due_on=date(2026, 2, 16),
        ),
        ParentCommentAdded(
            comment_id=ids[2],
            record_id=ids[3],
            meeting_id=ids[3],
            pupil_id=pupil,
            school_id=school,
            guardian_id=ids[0],
        ),
    ]


async def sessions(
    portal: Any, demo: Any, by_school: dict[UUID, list[UUID]], users: int
) -> list[tuple[Staff, list[UUID]]]:
    """IBs of each school, board admins and samenwerkingsverband staff, round robin."""
    everyone = [p for pupils in by_school.values() for p in pupils]
    found: list[tuple[Staff, list[UUID]]] = []
    for n in range(users):
        school = demo.schools[n % len(demo.schools)]
        match n % 3:
            case 0:
                staff = await sign_in(portal, demo.tenant, Role.IB, schools=(school.school_id,))
                reach = by_school[school.school_id]
            case 1:
                staff = await sign_in(
                    portal, demo.tenant, Role.BOARD_ADMIN, boards=(str(school.board_id),)
                )
                reach = [
                    p
                    for s in demo.schools
                    if s.board_id == school.board_id
                    for p in by_school[s.school_id]
                ]
            case _:
                staff = await sign_in(portal, demo.tenant, Role.SWV_STAFF)
                reach = everyone
        found.append((staff, reach))
    return found


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--requests", type=int, default=20)
    args = parser.parse_args()
    print(json.dumps(asyncio.run(main(args.users, args.requests)), indent=2))
