"""`Platform` runs several instances of a service: same database, topics and consumer
groups, ports of their own, and parent sessions that hold at whichever instance and
service answers."""

from pathlib import Path

import pytest
from samen_cli.platform import Platform, PlatformConfig

pytestmark = pytest.mark.unit

PORTS = {
    "consent": 9101,
    "notifications": 9102,
    "meetings": 9103,
    "disputes": 9104,
    "audit": 9105,
    "plans": 9106,
    "admissions": 9107,
    "portal": 9108,
    "smtp": 9125,
    "sms": 9199,
}


def config(**changes: object) -> PlatformConfig:
    settings: dict[str, object] = {
        "kafka_bootstrap": "127.0.0.1:29192,127.0.0.1:29193,127.0.0.1:29194",
        "server_url": "postgresql+asyncpg://samen:samen@127.0.0.1:25432/postgres",
        "state_dir": Path("/tmp/samen-platform-instances"),
        "ports": PORTS,
        "topic_prefix": "t.",
    } | changes
    return PlatformConfig(**settings)  # type: ignore[arg-type]


def test_a_second_meetings_instance_shares_database_and_topics_on_a_port_of_its_own() -> None:
    platform = Platform(config(more_instances={"meetings": (9203,)}))
    first, second = platform.component("meetings"), platform.component("meetings-2")

    same = ("SAMEN_DATABASE_URL", "SAMEN_TOPIC_PREFIX", "SAMEN_KAFKA_BOOTSTRAP", "SAMEN_SERVICE")
    assert {key: first.env[key] for key in same} == {key: second.env[key] for key in same}
    assert (first.env["SAMEN_HTTP_PORT"], second.env["SAMEN_HTTP_PORT"]) == ("9103", "9203")
    assert second.ready_url == "http://127.0.0.1:9203/health/ready"
    # Links in messages name the first address, where a load balancer would stand.
    assert second.env["SAMEN_PUBLIC_BASE_URL"] == "http://127.0.0.1:9103"


def test_services_without_more_instances_run_once() -> None:
    platform = Platform(config(more_instances={"meetings": (9203,)}))
    names = [component.name for component in platform.components]

    assert names.count("consent") == 1
    assert not any(name.startswith("consent-") for name in names)


def test_every_instance_of_a_service_signs_parent_sessions_with_the_same_key() -> None:
    platform = Platform(config(more_instances={"meetings": (9203,)}, session_secret="s" * 48))
    first, second = platform.component("meetings"), platform.component("meetings-2")

    key = first.env["SAMEN_GUARDIAN_SESSION_SECRET"]
    assert key == second.env["SAMEN_GUARDIAN_SESSION_SECRET"] == second.env["SAMEN_SESSION_SECRET"]
    assert len(key.encode()) >= 32  # what the services' settings demand


def test_every_service_signs_guardian_sessions_with_the_one_key() -> None:
    platform = Platform(config(session_secret="s" * 48))

    keys = {platform.component(s).env["SAMEN_SESSION_SECRET"] for s in ("consent", "meetings")}
    assert keys == {"s" * 48}  # one sign-in and one step-up proof for every parent page


def test_without_a_platform_secret_one_is_made_and_kept_in_the_state_folder(
    tmp_path: Path,
) -> None:
    first = Platform(config(state_dir=tmp_path)).component("meetings").env
    again = Platform(config(state_dir=tmp_path)).component("consent").env

    assert first["SAMEN_SESSION_SECRET"] == again["SAMEN_GUARDIAN_SESSION_SECRET"]
    assert len(first["SAMEN_SESSION_SECRET"].encode()) >= 32
    assert (
        Platform(config(state_dir=tmp_path / "other"))
        .component("meetings")
        .env["SAMEN_SESSION_SECRET"]
        != first["SAMEN_SESSION_SECRET"]
    )
