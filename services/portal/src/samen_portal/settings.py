"""The portal's settings (environment prefix `SAMEN_`)."""

from pathlib import Path
from typing import ClassVar

from pydantic import Field, SecretStr
from samen_kit.localinfra.realm import DEV_PORTAL_SECRET, PORTAL_CLIENT
from samen_kit.settings import ParentPagesSettings

# Where `npm ci` puts the NL Design System CSS and htmx (services/portal/assets).
ASSETS = Path(__file__).resolve().parents[2] / "assets" / "node_modules"


class PortalSettings(ParentPagesSettings):
    service: str = "portal"
    database_url: str = "postgresql+asyncpg://samen:samen@127.0.0.1:15432/samen_portal"
    http_port: int = 8108
    public_base_url: str = "http://127.0.0.1:8108"
    # Staff sign in at the identity provider: production names its issuer and this
    # client's secret besides the session secret and the staff keys.
    production_requires: ClassVar[tuple[str, ...]] = (
        "session_secret",
        "staff_jwks",
        "oidc_issuer",
        "oidc_client_secret",
    )
    # OpenID Connect: the Keycloak realm's URL (discovery under /.well-known/...).
    oidc_issuer: str | None = None
    oidc_client_id: str = PORTAL_CLIENT
    # The local realm's development secret; production refuses it (production_requires).
    oidc_client_secret: SecretStr | None = SecretStr(DEV_PORTAL_SECRET)
    # A sign-in lasts at most this long, however often the tokens are refreshed.
    session_hours: float = Field(default=8.0, gt=0, le=24)
    # The owning services' APIs, called with the signed-in user's own token.
    consent_base_url: str = "http://127.0.0.1:8101"
    notifications_base_url: str = "http://127.0.0.1:8102"
    meetings_base_url: str = "http://127.0.0.1:8103"
    disputes_base_url: str = "http://127.0.0.1:8104"
    audit_base_url: str = "http://127.0.0.1:8105"
    plans_base_url: str = "http://127.0.0.1:8106"
    admissions_base_url: str = "http://127.0.0.1:8107"
    assets_dir: Path = ASSETS
    # How often old access records are purged (a five-year period: hourly is plenty).
    sweep_seconds: float = Field(default=3600.0, gt=0)

    def base_url(self, service: str) -> str:
        value = getattr(self, f"{service}_base_url")
        assert isinstance(value, str)
        return value.rstrip("/")
