"""Everything the dispatcher needs to compose one batch of messages, read at once."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from uuid import UUID

from samen_contract.events.notifications import RecipientKind
from sqlalchemy.ext.asyncio import AsyncSession

from samen_notifications.adapters import broadcasts, contacts, messages, roster
from samen_notifications.adapters.recipients import guardian_contact_point, staff_contact_point
from samen_notifications.adapters.tables import (
    BroadcastRow,
    GuardianContactRow,
    MessageRow,
    NotificationRow,
    SchoolRow,
    StaffContactRow,
)
from samen_notifications.domain.contact import ContactPoint, QuietHours
from samen_notifications.domain.evening import InvitedEvent
from samen_notifications.handlers.composer import Addressee, Broadcast, School

Key = tuple[str, UUID]


@dataclass(frozen=True, slots=True)
class FallbackSchool:
    name: str
    phone: str
    email: str


@dataclass
class Batch:
    notifications: dict[UUID, NotificationRow]
    guardians: dict[Key, GuardianContactRow] = field(default_factory=dict)
    staff: dict[Key, StaffContactRow] = field(default_factory=dict)
    pupils: dict[Key, roster.PupilOnFile] = field(default_factory=dict)
    schools: dict[Key, SchoolRow] = field(default_factory=dict)
    broadcasts: dict[UUID, BroadcastRow] = field(default_factory=dict)

    def point(self, n: NotificationRow, quiet: QuietHours) -> ContactPoint | None:
        if n.recipient_kind == RecipientKind.STAFF:
            return staff_contact_point(self.staff.get((n.tenant, n.recipient_id)))
        return guardian_contact_point(self.guardians.get((n.tenant, n.recipient_id)), quiet)

    def recipient(self, n: NotificationRow, quiet: QuietHours) -> Addressee | None:
        point = self.point(n, quiet)
        if point is None:
            return None
        pupil = self.pupils.get((n.tenant, n.pupil_id)) if n.pupil_id else None
        first_name = pupil.first_name if pupil else None
        return Addressee(point.email, point.mobile, point.language, first_name)

    def school(self, n: NotificationRow, fallback: FallbackSchool) -> School:
        broadcast = self.broadcast(n)
        row = self.schools.get((n.tenant, n.school_id)) if n.school_id else None
        name = broadcast.sender_name if broadcast else (row.name if row and row.name else None)
        return School(
            name=name or fallback.name,
            phone=(row.phone if row and row.phone else None) or fallback.phone,
            email=(row.email if row and row.email else None) or fallback.email,
            address=row.address if row else None,
            official_name=row.name if row and row.name else None,
        )

    def broadcast(self, n: NotificationRow) -> BroadcastRow | None:
        if n.command != "broadcast":
            return None
        return self.broadcasts.get(n.cause_id)

    def broadcast_words(self, n: NotificationRow) -> Broadcast | None:
        """What the composer needs of the broadcast: texts, and the event it invites to."""
        row = self.broadcast(n)
        if row is None:
            return None
        event = None if row.event is None else InvitedEvent.from_json(row.event)
        return Broadcast(row.texts, event, row.created_at)


async def load_batch(session: AsyncSession, claimed: Sequence[MessageRow]) -> Batch:
    notes = await messages.notifications_by_id(session, {m.notification_id for m in claimed})
    batch = Batch(notes)
    by_tenant: dict[str, dict[str, set[UUID]]] = defaultdict(lambda: defaultdict(set))
    for n in notes.values():
        ids = by_tenant[n.tenant]
        ids[n.recipient_kind].add(n.recipient_id)
        if n.pupil_id:
            ids["pupil"].add(n.pupil_id)
        if n.school_id:
            ids["school"].add(n.school_id)
    for tenant, ids in by_tenant.items():
        await _load_tenant(session, batch, tenant, ids)
    batch.broadcasts = await broadcasts.by_id(
        session, {n.cause_id for n in notes.values() if n.command == "broadcast"}
    )
    return batch


async def _load_tenant(
    session: AsyncSession, batch: Batch, tenant: str, ids: dict[str, set[UUID]]
) -> None:
    guardians = await contacts.guardian_contacts(session, tenant, ids[RecipientKind.GUARDIAN])
    staff = await contacts.staff_contacts(session, tenant, ids[RecipientKind.STAFF])
    pupils = await roster.pupils(session, tenant, ids["pupil"])
    schools = await roster.schools(session, tenant, ids["school"])
    batch.guardians |= {(tenant, k): v for k, v in guardians.items()}
    batch.staff |= {(tenant, k): v for k, v in staff.items()}
    batch.pupils |= {(tenant, k): v for k, v in pupils.items()}
    batch.schools |= {(tenant, k): v for k, v in schools.items()}
