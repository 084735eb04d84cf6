"""SIGKILL in the middle of a broadcast, then a restart: every guardian gets their
message (counted at the SMTP server by Message-ID); a repeat can only be a message that
was in flight, carries the same Message-ID, and is bounded by the leased batches."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

import httpx
import pytest
from samen_kit.access import Role, mint_staff_token
from samen_kit.access.devkeys import DEV_STAFF_ISSUER, public_jwks
from samen_kit.access.testing import new_signing_key
from samen_kit.clock import SystemClock
from samen_kit.localinfra.mailserver import MailServer
from samen_kit.localinfra.process import die_with_parent
from samen_kit.migrations import upgrade
from samen_kit.testing.server import free_port
from samen_kit.testing.waiting import wait_for
from samen_notifications.domain.rules import Channel
from samen_notifications.domain.scheduling import message_key
from samen_notifications.migrations import MIGRATIONS

from tests.bench.bench_broadcast import seed_school

pytestmark = pytest.mark.e2e

GUARDIANS = 1000
BATCH, WORKERS = 100, 2


def _start(env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("ab") as out:
        return subprocess.Popen(
            [sys.executable, "-m", "samen_notifications"],
            env=env,
            stdout=out,
            stderr=out,
            preexec_fn=die_with_parent,  # a killed test run leaves no service behind
        )


async def _ready(base: str) -> bool:
    try:
        async with httpx.AsyncClient() as http:
            return (await http.get(f"{base}/health/ready")).status_code == 200
    except httpx.HTTPError:
        return False


async def test_a_broadcast_killed_midway_and_restarted_loses_no_message(
    make_database: Any, kafka_bootstrap: str, topic_prefix: str, tmp_path: Path
) -> None:
    database = make_database("kill")
    await asyncio.to_thread(upgrade, database, MIGRATIONS)
    tenant, school, broadcast_id = f"swv-{uuid.uuid4().hex[:8]}", uuid.uuid4(), uuid.uuid4()
    guardians = await seed_school(database, tenant, school, GUARDIANS, languages=("nl",))
    staff_key = new_signing_key()
    jwks = tmp_path / "staff.jwks.json"
    jwks.write_text(json.dumps(public_jwks(staff_key)), "utf-8")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    async with MailServer(tmp_path / "mail") as mail:
        env = {
            **os.environ,
            "SAMEN_DATABASE_URL": database,
            "SAMEN_KAFKA_BOOTSTRAP": kafka_bootstrap,
            "SAMEN_TOPIC_PREFIX": topic_prefix,
            "SAMEN_HTTP_PORT": str(port),
            "SAMEN_PUBLIC_BASE_URL": base,
            "SAMEN_SMTP_PORT": str(mail.port),
            "SAMEN_STAFF_JWKS": str(jwks),
            "SAMEN_KEYS_DIR": str(tmp_path / "keys"),
            "SAMEN_DISPATCH_BATCH_SIZE": str(BATCH),
            "SAMEN_DISPATCH_WORKERS": str(WORKERS),
            "SAMEN_DISPATCH_LEASE_SECONDS": "3",
            "SAMEN_LOG_JSON": "true",
            "SAMEN_LOG_LEVEL": "WARNING",
        }
        process = _start(env, tmp_path / "service.log")
        try:
            await wait_for(lambda: _ready(base), within=120)
            token = mint_staff_token(
                staff_key,
                subject="ib-1",
                role=Role.DIRECTOR,
                tenant=tenant,
                issuer=DEV_STAFF_ISSUER,
                now=SystemClock().now(),
                schools=[str(school)],
            )
            body = {
                "broadcast_id": str(broadcast_id),
                "scope": "school",
                "scope_id": str(school),
                "sender_name": "De Regenboog",
                "texts": {"nl": {"subject": "Ouderavond", "body": "Welkom op de ouderavond."}},
            }
            async with httpx.AsyncClient(base_url=base, timeout=60) as http:
                sent = await http.post(
                    "/v1/broadcasts", json=body, headers={"Authorization": f"Bearer {token}"}
                )
            assert sent.status_code == 202 and sent.json()["recipients"] == GUARDIANS
            # A bound for a broken broadcast, not a speed: on a loaded machine the first
            # third can take minutes, and the kill only has to come somewhere mid-way.
            await wait_for(lambda: mail.accepted >= GUARDIANS // 3, within=240, every=0.01)
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=10)
            at_kill = mail.accepted
            assert at_kill < GUARDIANS, "the kill came in the middle of the broadcast"
            process = _start(env, tmp_path / "service.log")
            await wait_for(lambda: _all_arrived(mail, GUARDIANS), within=180)
        except AssertionError as failure:
            log = (tmp_path / "service.log").read_text("utf-8", errors="replace")
            raise AssertionError(f"{failure}\nservice log (end):\n{log[-3000:]}") from failure
        finally:
            process.kill()
            process.wait(timeout=10)
        arrived = [entry.message_id for entry in mail.folder.entries()]

    expected = {message_key(broadcast_id, g, Channel.EMAIL).message_id for g in guardians}
    repeats = len(arrived) - len(set(arrived))
    print(json.dumps({"guardians": GUARDIANS, "at_kill": at_kill, "repeats": repeats}))
    assert set(arrived) == expected  # nobody lost, nothing foreign
    assert repeats <= BATCH * WORKERS  # only what was leased at the kill could go twice


def _all_arrived(mail: MailServer, count: int) -> bool:
    return len({entry.message_id for entry in mail.folder.entries()}) >= count
