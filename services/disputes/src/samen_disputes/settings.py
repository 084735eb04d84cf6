"""The disputes service's settings (environment prefix `SAMEN_`)."""

from samen_kit.settings import ParentPagesSettings


class DisputesSettings(ParentPagesSettings):
    service: str = "disputes"
    database_url: str = "postgresql+asyncpg://samen:samen@127.0.0.1:15432/samen_disputes"
    http_port: int = 8104
