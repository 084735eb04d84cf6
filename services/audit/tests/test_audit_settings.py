"""The audit service's settings refuse what would weaken the log."""

from pathlib import Path

import pytest
from pydantic import ValidationError
from samen_audit.settings import AuditSettings

pytestmark = pytest.mark.unit


def test_the_service_listens_on_8105_and_connects_apart_from_the_owner() -> None:
    settings = AuditSettings()
    assert settings.http_port == 8105
    assert settings.database_url != settings.owner_database_url


def test_connecting_as_the_owner_is_refused() -> None:
    with pytest.raises(ValidationError, match="owner"):
        AuditSettings(
            database_url="postgresql+asyncpg://o:o@h/db",
            owner_database_url="postgresql+asyncpg://o:o@h/db",
        )


def test_production_refuses_the_development_signing_key() -> None:
    with pytest.raises(ValidationError, match="SIGNING_KEY_FILE"):
        AuditSettings(
            env="production",
            staff_jwks="https://idp.example/jwks.json",
            staff_issuer="https://idp.example",
        )


def test_production_with_a_key_file_and_the_providers_keys_is_accepted(tmp_path: Path) -> None:
    settings = AuditSettings(
        env="production",
        signing_key_file=tmp_path / "key.pem",
        staff_jwks="https://idp.example/jwks.json",
        staff_issuer="https://idp.example",
    )
    assert settings.is_production
