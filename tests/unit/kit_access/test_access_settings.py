"""The settings every service shares for access: one required staff issuer, and the
longest lifetime of a token."""

from __future__ import annotations

from datetime import timedelta

import pytest
from pydantic import ValidationError
from samen_kit.settings import DEV_STAFF_ISSUER, ServiceSettings

pytestmark = pytest.mark.unit


@pytest.fixture(autouse=True)
def _no_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("SAMEN_ENV", "SAMEN_STAFF_ISSUER"):
        monkeypatch.delenv(name, raising=False)


def test_development_falls_back_to_the_local_development_issuer() -> None:
    settings = ServiceSettings()

    assert settings.is_development
    assert settings.required_staff_issuer == DEV_STAFF_ISSUER


@pytest.mark.parametrize("env", ["production", "acceptance", "test"])
def test_outside_development_no_service_starts_without_an_issuer(env: str) -> None:
    with pytest.raises(ValidationError, match="SAMEN_STAFF_ISSUER"):
        ServiceSettings(env=env)


def test_outside_development_the_issuer_comes_from_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SAMEN_ENV", "production")
    monkeypatch.setenv("SAMEN_STAFF_ISSUER", "https://idp.example/realms/swv")

    settings = ServiceSettings()

    assert settings.is_production
    assert settings.required_staff_issuer == "https://idp.example/realms/swv"


def test_an_empty_issuer_counts_as_none() -> None:
    with pytest.raises(ValidationError, match="SAMEN_STAFF_ISSUER"):
        ServiceSettings(env="production", staff_issuer="")


def test_the_longest_token_lifetimes_default_to_twelve_hours_and_ninety_days() -> None:
    settings = ServiceSettings()

    assert settings.staff_token_max_lifetime == timedelta(hours=12)
    assert settings.guardian_token_max_lifetime == timedelta(days=90)


def test_every_service_takes_the_issuer_from_the_kit() -> None:
    from samen_audit.settings import AuditSettings
    from samen_consent.settings import ConsentSettings
    from samen_disputes.settings import DisputesSettings
    from samen_meetings.settings import MeetingsSettings
    from samen_notifications.settings import NotificationsSettings
    from samen_plans.settings import PlansSettings

    for settings_class in (
        ConsentSettings,
        NotificationsSettings,
        MeetingsSettings,
        DisputesSettings,
        AuditSettings,
        PlansSettings,
    ):
        assert settings_class().required_staff_issuer == DEV_STAFF_ISSUER
        with pytest.raises(ValidationError, match="SAMEN_STAFF_ISSUER"):
            settings_class(env="acceptance")
