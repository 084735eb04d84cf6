"""What every use case needs: sessions, the outbox writer, the clock and the signing key."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import tzinfo

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from samen_archive.signing import key_id
from samen_kit.clock import Clock
from samen_kit.outbox import EventWriter
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker


@dataclass(frozen=True)
class AuditContext:
    sessions: async_sessionmaker[AsyncSession]
    writer: EventWriter
    clock: Clock
    signing_key: Ed25519PrivateKey
    zone: tzinfo  # the time zone in which a report's days are counted
    # Per-tenant retention periods (settings.retention_overrides), for the policy route.
    retention_overrides: Mapping[str, Mapping[str, int]] = field(default_factory=dict)
    key_id: str = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "key_id", key_id(self.signing_key.public_key()))
