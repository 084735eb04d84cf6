"""The Keycloak launcher: one server however often it is started, ready when the realm
answers, stopped without a trace but its data. A private instance on free ports in a
temporary state folder, so the team's Keycloak (18080) is never touched."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from samen_kit.access.roles import Role
from samen_kit.localinfra import KeycloakServer, free_ports
from samen_kit.localinfra.process import is_alive
from samen_kit.localinfra.realm import StaffAccount
from samen_kit.testing.keycloak import SignInRefused, staff_token

pytestmark = pytest.mark.integration

ONLY = StaffAccount("only.one", "6f1c2a34-0000-4000-8000-000000000001", Role.IB, "swv-x")


async def test_started_twice_it_runs_once_signs_in_from_its_realm_and_stops_cleanly(
    tmp_path: Path,
) -> None:
    port, management = free_ports(2)
    server = KeycloakServer(
        port, tmp_path / "keycloak", management_port=management, accounts=[ONLY], url=""
    )
    try:
        await asyncio.gather(server.start(), server.start())
        first = server.pid()
        assert first is not None
        await server.wait_ready(600)
        await server.start()  # harmless while it runs
        assert server.pid() == first
        status = await server.status()
        assert (status.ready, status.owned, status.address) == (True, True, f"127.0.0.1:{port}")
        assert server.realm_path.is_file()

        assert await staff_token("only.one", url=server.url)
        with pytest.raises(SignInRefused):  # the demo region is not in this realm
            await staff_token("ib.brede-school-de-linde", url=server.url)
    finally:
        await server.stop()

    assert server.pid() is None
    assert first is not None and not is_alive(first)
    assert not (await server.status()).running
    assert (server.data_dir / "h2").is_dir()  # the data stays for the next start
