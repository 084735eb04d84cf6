"""`python -m samen_kit.localinfra up|down|status|fetch`: one line per component."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from samen_kit.localinfra.fetch import fetch_kafka, fetch_keycloak
from samen_kit.localinfra.infra import (
    InfraConfig,
    InfraStatus,
    infra_down,
    infra_status,
    infra_up,
    run_blocking,
)
from samen_kit.localinfra.process import InfraError


def main(argv: Sequence[str] | None = None) -> None:
    """Run one command; exits non-zero (SystemExit) when the wanted state is not reached.

    `up` and `status` succeed when all answer (Kafka, PostgreSQL, Keycloak); `down` when
    none runs.
    """
    parser = argparse.ArgumentParser(prog="python -m samen_kit.localinfra", description=__doc__)
    parser.add_argument("command", choices=("up", "down", "status", "fetch"))
    parser.add_argument(
        "--cluster", action="store_true", help="three Kafka nodes instead of one broker"
    )
    arguments = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    try:
        code = _run(arguments.command, InfraConfig(identity=True, cluster=arguments.cluster))
    except InfraError as error:
        print(f"error: {error}", file=sys.stderr)
        code = 1
    if code:
        raise SystemExit(code)


def _run(command: str, config: InfraConfig) -> int:
    if command == "fetch":
        print(f"kafka libs     {run_blocking(fetch_kafka())}")
        print(f"keycloak home  {run_blocking(fetch_keycloak())}")
        return 0
    if command == "up":
        status = run_blocking(infra_up(config))
        return _report(status, status.ready)
    if command == "down":
        status = run_blocking(infra_down(config))
        return _report(status, status.stopped)
    status = run_blocking(infra_status(config))
    return _report(status, status.ready)


def _report(status: InfraStatus, success: bool) -> int:
    for line in status.lines():
        print(line)
    return 0 if success else 3
