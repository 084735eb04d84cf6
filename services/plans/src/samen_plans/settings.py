"""The plans service's settings (environment prefix `SAMEN_`)."""

from samen_kit.settings import ParentPagesSettings


class PlansSettings(ParentPagesSettings):
    service: str = "plans"
    database_url: str = "postgresql+asyncpg://samen:samen@127.0.0.1:15432/samen_plans"
    http_port: int = 8106
