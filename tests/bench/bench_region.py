"""Benchmark: a whole region under load, at growing sizes, each step beside its raw pipe.

    uv run python -m tests.bench.bench_region --sizes 10000,30000,100000

A region of 50 boards and 500 schools, 1.5 guardians per pupil (150,000 guardians at
100,000 pupils), against the whole platform as processes (`samen_cli.platform`, as the
end-to-end tests start it) on the team's Kafka and PostgreSQL. At each size a region of
its own (a fresh tenant on the same running platform) goes through four steps:

- roster import: each school's rows through the services' roster routes in the shapes
  `samen roster import` sends (tests/e2e/faults/faults_region.py), a few schools at a
  time; done when the notifications service has applied every guardianship from the
  bus. Raw pipe: aiokafka producing as many messages of the import's own size
  (bench_outbox's raw pipe).
- a broadcast to every guardian of the tenant, into the platform's SMTP server; done
  when every expected Message-ID is in its index. Raw pipe: aiosmtplib sending one of
  the broadcast's own messages as often, over as many connections (bench_broadcast's).
- consent answers over HTTP: staff ask consent for `--answers` pupils (not timed), then
  one guardian of each answers "ja" through the parents' page, `WORKERS` at a time.
  Raw pipe: as many GETs of the same consent server's `/health/live`, as concurrently.
- the plans due scan over one OPP per pupil (bench_plans_due_scan, beside its raw SQL).

Peak memory is each process's peak resident set during the step (`peak_rss`): the
services for the first three, this process for the due scan (it runs the scan's query as
the plans job does). Growth: for each step, how its time grew from one size to the next
beside how the size grew. Prints a table, then one JSON line.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any
from uuid import UUID, uuid4

import asyncpg
import httpx
from samen_cli.platform import Platform, PlatformConfig
from samen_kit.access import GuardianItem, Role, mint_guardian_token
from samen_kit.access.devkeys import dev_guardian_key
from samen_kit.access.testing import step_up_cookie
from samen_kit.clock import SystemClock
from samen_kit.db import asyncpg_dsn
from samen_kit.logging import configure_logging
from samen_notifications.domain.rules import Channel
from samen_notifications.domain.scheduling import message_key

from tests.bench import bench_plans_due_scan
from tests.bench.bench_broadcast import CONNECTIONS, copy_message, raw_smtp
from tests.bench.bench_outbox import raw_kafka
from tests.bench.infra_arguments import add_infra_arguments
from tests.bench.peak_rss import read_peaks, reset_peaks
from tests.e2e.conftest import drop_databases, e2e_config
from tests.e2e.faults.faults_answers import Ask, ask_consent
from tests.e2e.faults.faults_mail import Broadcast, MailIndex, received_share
from tests.e2e.faults.faults_region import (
    Region,
    import_contacts,
    import_region,
    make_region,
    staff_token,
)
from tests.e2e.faults.faults_wait import wait_for

BOARDS, SCHOOLS = 50, 500
SIZES = (10_000, 30_000, 100_000)
ANSWERS = 10_000
GUARDIANS_PER_PUPIL = 1.5
SCHOOLS_AT_ONCE = 4  # a region's schools upload independently; a few at the same time
WORKERS = 8  # concurrent parents answering (and raw requests)
SAMPLE_EVENTS = 1_000  # outbox rows whose median size stands for the import's messages
WITHIN = 3_600.0  # seconds any one step may take before the run gives up
DIRECTOR, SWV_ADMIN = Role.DIRECTOR, Role.SWV_ADMIN


@dataclass(frozen=True)
class Shape:
    boards: int
    schools: int
    pupils: int
    guardians: int

    @classmethod
    def of(cls, pupils: int, boards: int = BOARDS, schools: int = SCHOOLS) -> Shape:
        return cls(boards, schools, pupils, round(pupils * GUARDIANS_PER_PUPIL))


@dataclass(frozen=True)
class Step:
    name: str
    count: int  # what the step moved: events, messages, answers, OPPs
    unit: str
    seconds: float
    raw_seconds: float | None
    peak_mib: dict[str, float]
    extra: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        rate = self.count / self.seconds if self.seconds else 0.0
        raw = self.count / self.raw_seconds if self.raw_seconds else None
        return {
            "count": self.count,
            "unit": self.unit,
            "seconds": round(self.seconds, 3),
            "per_second": round(rate, 1),
            "raw_seconds": None if self.raw_seconds is None else round(self.raw_seconds, 3),
            "raw_per_second": None if raw is None else round(raw, 1),
            "ratio_to_raw": None if raw is None else round(rate / raw, 3),
            "peak_mib": self.peak_mib,
            **self.extra,
        }


def region_schools(shape: Shape) -> tuple[Region, ...]:
    """The region as its schools (one tenant; schools spread over the boards in turn),
    pupils and guardians shared out as evenly as whole numbers allow."""
    tenant = f"swv-region-{uuid4().hex[:6]}"
    boards = [uuid4() for _ in range(shape.boards)]
    pupils, guardians = _share(shape.pupils, shape.schools), _share(shape.guardians, shape.schools)
    return tuple(
        make_region(p, guardians=g, tenant=tenant, board_id=boards[n % shape.boards])
        for n, (p, g) in enumerate(zip(pupils, guardians, strict=True))
    )


def _share(total: int, parts: int) -> list[int]:
    each, left = divmod(total, parts)
    return [each + (n < left) for n in range(parts)]


def growth(sizes: Sequence[int], steps: Sequence[dict[str, Step]]) -> dict[str, list[float]]:
    """Per step, how much its time grew from each size to the next; compare with
    `size` (how much the region grew). Linear cost: the two alike."""
    factors: dict[str, list[float]] = {"size": []}
    for before, after, small, large in zip(sizes, sizes[1:], steps, steps[1:], strict=False):
        factors["size"].append(round(after / before, 2))
        for name, step in large.items():
            grown = step.seconds / small[name].seconds if small[name].seconds else 0.0
            factors.setdefault(name, []).append(round(grown, 2))
    return factors


# --- the steps ---------------------------------------------------------------------


async def import_roster(platform: Platform, schools: Sequence[Region]) -> Step:
    config, pids = platform.config, service_pids(platform)
    marks = {s: await _outbox_mark(config, s) for s in ("consent", "notifications")}
    limit = asyncio.Semaphore(SCHOOLS_AT_ONCE)

    async def school(region: Region) -> None:
        async with limit:  # consent first, as the CLI does: it puts the roll on the bus
            await import_region(platform, region)
            await import_contacts(platform, region)

    reset_peaks(pids)
    started = time.perf_counter()
    await asyncio.gather(*(school(region) for region in schools))
    answered = time.perf_counter() - started  # the routes took every row in
    guardians = sum(len(region.guardians) for region in schools)
    await wait_for(
        _applied(config, schools[0].tenant, guardians), WITHIN, "every guardianship", poll=0.2
    )
    seconds = time.perf_counter() - started
    peaks = read_peaks(pids)
    events, sample = 0, b""
    for service, mark in marks.items():
        written, median = await _outbox_since(config, service, mark)
        events, sample = events + written, sample or median
    produce_rate, _ = await raw_kafka(config.kafka_bootstrap, events, sample)
    pupils = sum(len(region.rows) for region in schools)
    return Step(
        "roster_import",
        events,
        "events",
        seconds,
        events / produce_rate,
        peaks,
        {
            "pupils": pupils,
            "pupils_per_second": round(pupils / seconds, 1),
            "routes_seconds": round(answered, 3),
        },
    )


async def broadcast(platform: Platform, schools: Sequence[Region]) -> Step:
    config, pids = platform.config, service_pids(platform)
    guardians = [g.guardian_id for region in schools for g in region.guardians]
    broadcast_id = uuid4()
    subject = f"Nieuwsbrief van het samenwerkingsverband {broadcast_id.hex[:8]}"
    expected = {message_key(broadcast_id, g, Channel.EMAIL).message_id: g for g in guardians}
    sent = Broadcast(broadcast_id, subject, expected)
    index = MailIndex(config.mail_dir)
    index.entries()  # what earlier sizes left in the index is read once, before the clock
    token = staff_token(platform, schools[0], SWV_ADMIN)
    body = {
        "broadcast_id": str(broadcast_id),
        "scope": "tenant",
        "sender_name": "Samenwerkingsverband Passend Onderwijs",
        "texts": {"nl": {"subject": subject, "body": "Welkom bij de nieuwsbrief."}},
    }
    reset_peaks(pids)
    started = time.perf_counter()
    async with httpx.AsyncClient(timeout=600) as http:
        answer = await http.post(
            f"{config.url('notifications')}/v1/broadcasts",
            json=body,
            headers={"Authorization": f"Bearer {token}"},
        )
    if answer.status_code != 202 or answer.json()["recipients"] != len(guardians):
        raise AssertionError(f"broadcast: {answer.status_code} {answer.text[:300]}")

    async def arrived() -> bool:
        return received_share(index, sent) >= 1.0

    await wait_for(arrived, WITHIN, "every guardian's message", poll=0.2)
    seconds = time.perf_counter() - started
    peaks = read_peaks(pids)
    ours = next(e for e in index.entries() if e["message_id"] in expected)
    message = (config.mail_dir / str(ours["file"])).read_bytes()
    payloads = [copy_message(message, n) for n in range(len(guardians))]
    raw = await raw_smtp(config.ports["smtp"], payloads, CONNECTIONS)
    return Step("broadcast", len(guardians), "messages", seconds, raw, peaks)


async def answers(platform: Platform, schools: Sequence[Region], count: int) -> Step:
    config, pids = platform.config, service_pids(platform)
    asks = await _ask(platform, schools, count)
    key = dev_guardian_key(config.keys_dir)
    tokens = [link_token(key, schools[0].tenant, ask) for ask in asks]  # before the clock
    proofs = [confirmed(config.guardian_secret, schools[0].tenant, ask) for ask in asks]

    async def answer(http: httpx.AsyncClient, n: int) -> None:
        status = await answer_consent(http, asks[n], tokens[n], proofs[n])
        if status != 303:
            raise AssertionError(f"answer {n} not recorded: {status}")

    async def live(http: httpx.AsyncClient, n: int) -> None:
        (await http.get("/health/live")).raise_for_status()

    reset_peaks(pids)
    seconds = await concurrently(config.url("consent"), len(asks), answer)
    peaks = read_peaks(pids)
    raw = await concurrently(config.url("consent"), len(asks), live)
    return Step("consent_answers", len(asks), "answers", seconds, raw, peaks)


async def due_scan(server: str, pupils: int) -> Step:
    """One OPP per pupil, the scan's query as the plans job runs it beside its raw SQL."""
    ours = {"bench": os.getpid()}
    reset_peaks(ours)
    scan = await bench_plans_due_scan.run(pupils, server=server)
    return Step(
        "due_scan",
        pupils,
        "opps",
        scan["scan_seconds"],
        scan["raw_sql_seconds"],
        read_peaks(ours),
        {"due_timers": scan["due_timers"]},
    )


# --- answering ---------------------------------------------------------------------


async def answer_consent(
    http: httpx.AsyncClient, ask: Ask, token: str, proof: dict[str, str]
) -> int:
    """One guardian's "ja" through the parents' page, as the link in their e-mail sends it
    (as tests/e2e/faults/faults_answers.py does), by a guardian who has confirmed with
    their code (`proof`: the step-up flow's cost is not part of this step); the status
    (303: recorded)."""
    http.cookies.clear()  # every answer is a fresh click on a fresh link
    http.cookies.update(proof)
    answer = await http.post(
        f"/ouders/toestemming/{ask.request_id}/antwoord",
        data={"token": token, "antwoord": "ja", "taal": "nl"},
        headers={"Accept": "application/json"},
    )
    return answer.status_code


def confirmed(secret: str, tenant: str, ask: Ask) -> dict[str, str]:
    """The step-up proof cookie a guardian holds after typing their code."""
    return step_up_cookie(
        secret, guardian_id=ask.guardian_id, tenant=tenant, now=SystemClock().now()
    )


def link_token(key: Any, tenant: str, ask: Ask) -> str:
    return mint_guardian_token(
        key,
        guardian_id=ask.guardian_id,
        pupil_id=ask.pupil_id,
        item=GuardianItem.of("consent_request", ask.request_id),
        tenant=tenant,
        now=SystemClock().now(),
        ttl=timedelta(hours=2),
    )


async def _ask(platform: Platform, schools: Sequence[Region], count: int) -> list[Ask]:
    """Staff ask consent for `count` pupils taken from the schools in turn; one guardian
    of each request answers."""
    pupils: list[list[UUID]] = [[] for _ in schools]
    taken, depth = 0, 0
    while taken < count:
        before = taken
        for n, region in enumerate(schools):
            if taken < count and depth < len(region.rows):
                pupils[n].append(region.rows[depth].pupil_id)
                taken += 1
        if taken == before:
            raise ValueError(f"the region has fewer than {count} pupils")
        depth += 1
    limit = asyncio.Semaphore(SCHOOLS_AT_ONCE)

    async def ask(region: Region, its: list[UUID]) -> list[Ask]:
        async with limit:
            return await ask_consent(platform, region, its) if its else []

    found = await asyncio.gather(*(ask(r, p) for r, p in zip(schools, pupils, strict=True)))
    asked = [a for some in found for a in some]
    return list({a.request_id: a for a in reversed(asked)}.values())  # the first guardian


async def concurrently(
    base: str, count: int, one: Callable[[httpx.AsyncClient, int], Awaitable[None]]
) -> float:
    """`count` calls of `one` over `WORKERS` clients, each taking the next number; seconds."""
    numbers = iter(range(count))

    async def worker() -> None:
        async with httpx.AsyncClient(base_url=base, timeout=60) as http:
            for n in numbers:
                await one(http, n)

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(WORKERS)))
    return time.perf_counter() - started


# --- the platform and its databases ------------------------------------------------


def service_pids(platform: Platform) -> dict[str, int]:
    return {c.name: c.process.pid for c in platform.components if c.process is not None}


async def _query(config: PlatformConfig, service: str, sql: str, *args: Any) -> Any:
    conn = await asyncpg.connect(asyncpg_dsn(config.database_url(service)))
    try:
        return await conn.fetch(sql, *args)
    finally:
        await conn.close()


def _applied(config: PlatformConfig, tenant: str, guardians: int) -> Callable[[], Awaitable[bool]]:
    async def applied() -> bool:
        sql = "SELECT count(*) FROM roster_guardianship WHERE tenant = $1"
        return int((await _query(config, "notifications", sql, tenant))[0][0]) >= guardians

    return applied


async def _outbox_mark(config: PlatformConfig, service: str) -> int:
    rows = await _query(config, service, "SELECT coalesce(max(id), 0) FROM outbox")
    return int(rows[0][0])


async def _outbox_since(config: PlatformConfig, service: str, mark: int) -> tuple[int, bytes]:
    """How many events the service wrote after `mark`, and one of median size."""
    count = int(
        (await _query(config, service, "SELECT count(*) FROM outbox WHERE id > $1", mark))[0][0]
    )
    rows = await _query(
        config,
        service,
        "SELECT value FROM outbox WHERE id > $1 ORDER BY id LIMIT $2",
        mark,
        SAMPLE_EVENTS,
    )
    values = sorted((bytes(row[0]) for row in rows), key=len)
    return count, values[len(values) // 2] if values else b""


# --- the run -----------------------------------------------------------------------


async def run(
    sizes: Sequence[int],
    *,
    bootstrap: str,
    server: str,
    boards: int = BOARDS,
    schools: int = SCHOOLS,
    answers_count: int = ANSWERS,
) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="bench-region-") as folder:
        config = e2e_config(bootstrap, server, "bench.", Path(folder))
        platform = Platform(config)
        try:
            states = await platform.start_all()
            failed = [name for name, ready in states.items() if not ready]
            if failed:
                raise RuntimeError(f"not ready: {failed}")
            measured = [
                await _one_size(platform, Shape.of(size, boards, schools), answers_count, server)
                for size in sizes
            ]
        finally:
            await platform.stop_all()
            await drop_databases(config)
    steps = [steps for _, steps in measured]
    return {
        "benchmark": "region",
        "boards": boards,
        "schools": schools,
        "sizes": [
            {**shape.__dict__, "steps": {n: s.as_dict() for n, s in steps.items()}}
            for shape, steps in measured
        ],
        "growth": growth(list(sizes), steps),
        "load_average": [round(n, 2) for n in os.getloadavg()],
    }


async def _one_size(
    platform: Platform, shape: Shape, answers_count: int, server: str
) -> tuple[Shape, dict[str, Step]]:
    schools = region_schools(shape)
    measuring: tuple[Callable[[], Awaitable[Step]], ...] = (
        lambda: import_roster(platform, schools),
        lambda: broadcast(platform, schools),
        lambda: answers(platform, schools, min(answers_count, shape.pupils)),
        lambda: due_scan(server, shape.pupils),
    )
    steps: list[Step] = []
    for measure in measuring:
        steps.append(step := await measure())
        # As it goes, on stderr: a run at full size takes hours, and a stopped one keeps
        # what it measured.
        progress = {"pupils": shape.pupils, "step": step.name, **step.as_dict()}
        print(json.dumps(progress), file=sys.stderr, flush=True)
    return shape, {step.name: step for step in steps}


def table(result: dict[str, Any]) -> str:
    head = f"{'pupils':>8} {'step':<16} {'count':>8} {'s':>8} {'per s':>9} {'raw per s':>10}"
    lines = [head + f" {'ratio':>6}  peak RSS (largest process)"]
    for size in result["sizes"]:
        for name, step in size["steps"].items():
            largest = max(step["peak_mib"].items(), key=lambda item: item[1])
            raw = step["raw_per_second"]
            lines.append(
                f"{size['pupils']:>8} {name:<16} {step['count']:>8} {step['seconds']:>8.2f} "
                f"{step['per_second']:>9.1f} {'' if raw is None else f'{raw:.1f}':>10} "
                f"{step['ratio_to_raw'] or '':>6}  {largest[1]:.0f} MiB ({largest[0]})"
            )
    for name, factors in result["growth"].items():
        lines.append(f"growth {name:<16} " + " ".join(f"×{f}" for f in factors))
    return "\n".join(lines)


def main() -> int:
    configure_logging(json=True, level="WARNING")
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--sizes", default=",".join(str(s) for s in SIZES), help="pupils")
    parser.add_argument("--boards", type=int, default=BOARDS)
    parser.add_argument("--schools", type=int, default=SCHOOLS)
    parser.add_argument("--answers", type=int, default=ANSWERS)
    add_infra_arguments(parser)
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    result = asyncio.run(
        run(
            sizes,
            bootstrap=args.kafka,
            server=args.server,
            boards=args.boards,
            schools=args.schools,
            answers_count=args.answers,
        )
    )
    print(table(result))
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
