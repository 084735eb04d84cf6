"""A process to kill. Run as `python proof_worker.py MODE` with SAMEN_* settings.

- `commit-then-die`: enrolls pupils with no relay running, prints each committed id,
  then kills itself with SIGKILL: the events are committed and not yet published.
- `stream`: runs the whole service (relay active) and enrolls pupils until killed,
  printing each id after its commit.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys

from samen_kit.service import build_runtime, create_app
from samen_kit.settings import ServiceSettings

from tests.integration.kit.proofkit import enroll


async def commit_then_die(settings: ServiceSettings, tenant: str) -> None:
    runtime = build_runtime(settings)
    for _ in range(5):
        pupil = await enroll(runtime.sessions, runtime.writer, tenant)
        print(pupil, flush=True)
    os.kill(os.getpid(), signal.SIGKILL)


async def stream(settings: ServiceSettings, tenant: str) -> None:
    runtime = build_runtime(settings)
    app = create_app(runtime, title="proof worker")
    async with app.router.lifespan_context(app):
        while True:
            pupil = await enroll(runtime.sessions, runtime.writer, tenant)
            print(pupil, flush=True)


def main() -> None:
    mode, tenant = sys.argv[1], sys.argv[2]
    settings = ServiceSettings()
    runner = {"commit-then-die": commit_then_die, "stream": stream}[mode]
    asyncio.run(runner(settings, tenant))


if __name__ == "__main__":
    main()
