"""The facts the audit service owns: its signed tree heads and its exports.

Hashes, sizes, ids, codes and dates only. The envelope's `tenant` names the log (the
tenant's own, or `platform` for records whose tenant could not be read); `subject` is
that tenant, since neither fact is about a pupil.

- `TreeHeadSigned`: the tenant's log held `tree_size` leaves with root `root_hash` (RFC
  9162 Merkle tree hash, hex) when the service signed it at `signed_at` with the key
  whose id is `key_id` (SHA-256 of the raw Ed25519 public key, hex). `signature` is the
  Ed25519 signature (base64) over the tree head statement, so anyone reading the bus
  can check it with the published key.
- `AuditExported`: someone with role `exporter_role` exported the entries of `scope`
  (`tenant`, `board` or `school`, with `board_id` / `school_id`) for the days
  `period_from` to `period_to`, against the signed tree of `tree_size` leaves.
  `entry_count` entries were selected. Who exported stays in the envelope's `actor`
  (a role and a pseudonymous id); no name travels.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated
from uuid import UUID

from pydantic import Field

from samen_contract.events.base import Event
from samen_contract.fields import UtcDatetime

HexHash = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
Base64Signature = Annotated[str, Field(pattern=r"^[A-Za-z0-9+/]{86}==$")]
Size = Annotated[int, Field(ge=0)]


class TreeHeadSigned(Event):
    """The service signed the tenant log's size and root hash at a moment."""

    __service__ = "audit"

    tree_size: Size
    root_hash: HexHash
    signed_at: UtcDatetime
    key_id: HexHash
    signature: Base64Signature


class ExportScopeKind(StrEnum):
    TENANT = "tenant"
    BOARD = "board"
    SCHOOL = "school"


class ExporterRole(StrEnum):
    """The roles that may export (the audit service's permission table)."""

    INSPECTIE = "inspectie"
    SWV_ADMIN = "swv_admin"


class AuditExported(Event):
    """An export archive of the tenant's log was made; the export itself is on record."""

    __service__ = "audit"

    export_id: UUID
    scope: ExportScopeKind
    board_id: UUID | None = None
    school_id: UUID | None = None
    period_from: date
    period_to: date
    tree_size: Size
    entry_count: Size
    exporter_role: ExporterRole
    consistency_from: Size | None = None
