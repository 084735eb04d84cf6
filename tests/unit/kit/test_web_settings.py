"""The web settings every service shares: ports, public URL, session secret, cookies."""

from __future__ import annotations

import os

import pytest
from pydantic import ValidationError
from samen_audit.settings import AuditSettings
from samen_consent.settings import ConsentSettings
from samen_disputes.settings import DisputesSettings
from samen_meetings.settings import MeetingsSettings
from samen_notifications.settings import NotificationsSettings
from samen_plans.settings import PlansSettings

pytestmark = pytest.mark.unit

SECRET = "a-secret-of-its-own-at-least-32-bytes!!"


@pytest.fixture(autouse=True)
def _no_samen_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in [n for n in os.environ if n.startswith("SAMEN_")]:
        monkeypatch.delenv(name)


@pytest.mark.parametrize(
    ("settings", "port"),
    [
        (ConsentSettings, 8101),
        (NotificationsSettings, 8102),
        (MeetingsSettings, 8103),
        (DisputesSettings, 8104),
        (AuditSettings, 8105),
        (PlansSettings, 8106),
    ],
)
def test_each_service_serves_locally_on_its_own_port(settings: type, port: int) -> None:
    configured = settings()
    assert (configured.http_host, configured.http_port) == ("127.0.0.1", port)
    assert configured.public_base_url == f"http://127.0.0.1:{port}"


def test_the_guardian_variables_keep_their_names(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAMEN_GUARDIAN_SESSION_SECRET", SECRET)
    monkeypatch.setenv("SAMEN_GUARDIAN_COOKIE_SECURE", "false")
    meetings = MeetingsSettings()
    assert meetings.session_secret_or_random() == SECRET
    assert meetings.secure_cookies is False
    assert NotificationsSettings().session_secret_or_random() == SECRET


def test_cookie_defaults_are_kept() -> None:
    assert MeetingsSettings().secure_cookies and DisputesSettings().secure_cookies
    assert not NotificationsSettings().secure_cookies
    assert ConsentSettings(public_base_url="https://ouders.example").secure_cookies


def test_no_secret_means_a_random_one_per_process() -> None:
    settings = DisputesSettings()
    assert settings.session_secret_or_random() != settings.session_secret_or_random()


@pytest.mark.parametrize(
    ("settings", "variable"),
    [
        (ConsentSettings, "SAMEN_SESSION_SECRET"),
        (MeetingsSettings, "SAMEN_GUARDIAN_SESSION_SECRET"),
        (DisputesSettings, "SAMEN_SESSION_SECRET"),
        (NotificationsSettings, "SAMEN_GUARDIAN_SESSION_SECRET"),
        (PlansSettings, "SAMEN_SESSION_SECRET"),
    ],
)
def test_production_refuses_the_development_session_secret(settings: type, variable: str) -> None:
    with pytest.raises(ValidationError, match=variable):
        settings(
            env="production",
            staff_issuer="https://idp.example",
            staff_jwks="https://idp.example/jwks",
            guardian_jwks="https://notifications.example/jwks",
        )


@pytest.mark.parametrize("settings", [ConsentSettings, DisputesSettings, PlansSettings])
def test_a_short_session_secret_is_refused(settings: type) -> None:
    with pytest.raises(ValidationError, match="32 bytes"):
        settings(session_secret="short")


def test_a_service_on_a_kafka_cluster_is_given_each_broker_address_apart(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SAMEN_KAFKA_BOOTSTRAP", "127.0.0.1:19192, 127.0.0.1:19193,127.0.0.1:19194")

    settings = ConsentSettings()

    assert settings.kafka_servers == ["127.0.0.1:19192", "127.0.0.1:19193", "127.0.0.1:19194"]


def test_a_service_on_one_broker_is_given_its_one_address() -> None:
    assert ConsentSettings().kafka_servers == ["127.0.0.1:19092"]
