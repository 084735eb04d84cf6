"""The service's settings: local defaults, and what production needs of them (the session
secret rules every service shares are in tests/unit/kit/test_web_settings.py)."""

from __future__ import annotations

import os

import pytest
from pydantic import ValidationError
from samen_consent.settings import DEV_SESSION_SECRET, ConsentSettings

pytestmark = pytest.mark.unit


def test_the_defaults_serve_locally_on_port_8101_with_the_development_keys(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in [n for n in os.environ if n.startswith("SAMEN_")]:
        monkeypatch.delenv(name)
    settings = ConsentSettings()
    assert (settings.service, settings.http_port) == ("consent", 8101)
    assert settings.database_url.endswith("/samen_consent")
    assert settings.staff_jwks is None and settings.guardian_jwks is None
    assert (settings.reminder_after_days, settings.reminder_max) == (7, 2)
    assert settings.secure_cookies is False  # http://127.0.0.1:8101


def test_production_needs_both_key_sets() -> None:
    with pytest.raises(ValidationError, match="JWKS"):
        ConsentSettings(env="production", staff_issuer="https://idp", session_secret="x" * 40)


def test_production_runs_with_a_secret_and_key_sets_of_its_own() -> None:
    settings = ConsentSettings(
        env="production",
        staff_issuer="https://idp.example",
        session_secret="a-real-secret-of-at-least-32-bytes!!",
        staff_jwks="https://idp.example/jwks",
        guardian_jwks="https://notifications.example/jwks",
        public_base_url="https://ouders.example",
    )
    assert settings.is_production and settings.secure_cookies


def test_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAMEN_HTTP_PORT", "9101")
    monkeypatch.setenv("SAMEN_REMINDER_AFTER_DAYS", "3")
    settings = ConsentSettings()
    assert (settings.http_port, settings.reminder_after_days) == (9101, 3)
    assert settings.session_secret.get_secret_value() == DEV_SESSION_SECRET
