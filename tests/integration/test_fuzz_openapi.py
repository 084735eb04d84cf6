"""Every operation of every service, fuzzed from its own OpenAPI document, answers
without a server error and as its document says (status, content type, schema).

The six services run as processes (the platform `make run` starts) on their own
databases and topic prefix over the shared Kafka and PostgreSQL. Each operation gets a
bounded number of generated requests, valid and invalid ones, with a staff token of a
tenant-wide role, so the routes behind sign-in are reached too.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from samen_cli.platform import DEMO_ENV, Platform
from samen_contract.topics import SERVICES
from samen_kit.access import Role, mint_staff_token
from samen_kit.access.devkeys import DEV_STAFF_ISSUER, dev_staff_key
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.e2e.conftest import e2e_config, platform_running

#: Generated requests per operation and generation mode: 103 operations stay within
#: about two minutes on two slow cores.
EXAMPLES = 6
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]
MODES = (schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE)
TENANT = "swv-fuzz"


@pytest.fixture(scope="module")
async def platform(
    request: pytest.FixtureRequest,
    kafka_bootstrap: str,
    postgres_server_url: str,
    topic_prefix: str,
    tmp_path_factory: pytest.TempPathFactory,
) -> AsyncIterator[Platform]:
    state_dir = tmp_path_factory.mktemp("fuzz")
    config = e2e_config(kafka_bootstrap, postgres_server_url, topic_prefix, state_dir)
    # The demo's settings as they are: the fuzzer needs no short scans or quiet hours off.
    async with platform_running(request, replace(config, extra_env=DEMO_ENV)) as running:
        yield running


def staff_headers(platform: Platform) -> dict[str, str]:
    token = mint_staff_token(
        dev_staff_key(platform.config.keys_dir),
        subject="fuzz-admin",
        role=Role.SWV_ADMIN,
        tenant=TENANT,
        issuer=DEV_STAFF_ISSUER,
        now=datetime.now(UTC),
    )
    return {"Authorization": f"Bearer {token}"}


def fuzz(base_url: str, headers: dict[str, str]) -> tuple[int, int, list[str]]:
    """Run every operation of the service at `base_url`; (operations, requests, failures)."""
    schema = schemathesis.openapi.from_url(f"{base_url}/openapi.json")
    session = requests.Session()
    failures: list[str] = []
    operations = sent = 0
    for result in schema.get_all_operations():
        operation = result.ok()
        operations += 1
        sent += fuzz_operation(operation, base_url, session, headers, failures)
    return operations, sent, failures


def fuzz_operation(
    operation: Any,
    base_url: str,
    session: requests.Session,
    headers: dict[str, str],
    failures: list[str],
) -> int:
    """Send generated requests (valid and invalid) to one operation; collect failures."""
    strategy = st.one_of(*(operation.as_strategy(generation_mode=mode) for mode in MODES))
    sent = 0

    @settings(
        max_examples=EXAMPLES * len(MODES),
        phases=[Phase.explicit, Phase.generate],
        deadline=None,
        database=None,
        derandomize=True,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=strategy)
    def run(case: Any) -> None:
        nonlocal sent
        sent += 1
        try:
            case.call_and_validate(
                base_url=base_url, session=session, headers=headers, checks=CHECKS
            )
        except (Exception, BaseExceptionGroup) as error:  # collect all: one run shows every fault
            if not any(f.startswith(f"{operation.label}: ") for f in failures):
                failures.append(f"{operation.label}: {error}"[:3000])  # the first per operation

    run()
    return sent


@pytest.mark.integration
@pytest.mark.timeout(600)
async def test_no_operation_of_any_service_answers_a_server_error_or_off_its_document(
    platform: Platform,
) -> None:
    headers = staff_headers(platform)
    report: dict[str, tuple[int, int]] = {}
    failures: list[str] = []
    running = {component.name for component in platform.components}
    for service in (s for s in SERVICES if s in running):
        operations, sent, found = await asyncio.to_thread(
            fuzz, platform.config.url(service), headers
        )
        report[service] = (operations, sent)
        failures += [f"[{service}] {failure}" for failure in found]

    print(
        {service: f"{ops} operations, {sent} requests" for service, (ops, sent) in report.items()}
    )
    assert all(ops > 0 for ops, _ in report.values()), report
    assert not failures, f"{len(failures)} failures:\n" + "\n\n".join(failures[:40])
