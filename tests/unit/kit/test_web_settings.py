"""Every service trusts exactly one staff-token issuer, and says which outside development."""

from __future__ import annotations

import pytest
from pydantic import ValidationError
from samen_audit.settings import AuditSettings
from samen_consent.settings import ConsentSettings
from samen_disputes.settings import DisputesSettings
from samen_kit.access.devkeys import DEV_STAFF_ISSUER
from samen_kit.settings import WebSettings
from samen_meetings.settings import MeetingsSettings
from samen_notifications.settings import NotificationsSettings

pytestmark = pytest.mark.unit

EVERY_SERVICE: list[type[WebSettings]] = [
    ConsentSettings,
    NotificationsSettings,
    MeetingsSettings,
    DisputesSettings,
    AuditSettings,
]


@pytest.fixture(autouse=True)
def _no_samen_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SAMEN_ENV", raising=False)
    monkeypatch.delenv("SAMEN_STAFF_ISSUER", raising=False)


@pytest.mark.parametrize("settings", EVERY_SERVICE, ids=lambda s: s.__name__)
def test_in_development_every_service_checks_the_development_issuer(
    settings: type[WebSettings],
) -> None:
    assert settings().staff_issuer == DEV_STAFF_ISSUER


@pytest.mark.parametrize("settings", EVERY_SERVICE, ids=lambda s: s.__name__)
def test_outside_development_no_service_starts_without_an_issuer(
    settings: type[WebSettings], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SAMEN_ENV", "acceptance")

    with pytest.raises(ValidationError, match="SAMEN_STAFF_ISSUER"):
        settings()


def test_an_issuer_given_outside_development_is_the_one_checked(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("SAMEN_ENV", "acceptance")
    monkeypatch.setenv("SAMEN_STAFF_ISSUER", "https://login.example.nl/realms/swv")

    assert MeetingsSettings().staff_issuer == "https://login.example.nl/realms/swv"


def test_an_empty_issuer_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAMEN_STAFF_ISSUER", "")

    with pytest.raises(ValidationError, match="may not be empty"):
        WebSettings()
