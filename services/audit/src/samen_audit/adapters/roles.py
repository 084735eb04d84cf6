"""The database roles of the audit log.

Three roles keep the log honest:

- the owner (the migration's connection) owns the tables and runs migrations, nothing else;
- `samen_audit_writer` (NOLOGIN) may read and insert the log and nothing more: no
  UPDATE, DELETE or TRUNCATE is granted, and triggers refuse them even to the owner;
- a login role (`samen_audit` by default) is what the service connects as; it holds
  nothing but membership of the writer role, so its password can be rotated, or a
  second service login added, without touching a grant.

Erasing a body after its retention is the one change the writer may make, and only
through `erase_body()` (SECURITY DEFINER): it records the erasure first, and the body
table's trigger lets a body go only when its erasure is on record. The leaf — the hash
the tree commits to — stays, so every proof still holds.

Roles belong to the cluster, not the database: creating them needs CREATEROLE, which
`provision` takes as an administrator's connection (the migration creates the writer
role itself when its owner may).
"""

import re
import zlib

import asyncpg
from samen_kit.db import asyncpg_dsn

WRITER_ROLE = "samen_audit_writer"
_ROLE_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")
# Several instances start together: PostgreSQL's check of a new role's name is no guard
# against two CREATE ROLE at once (the loser fails on pg_authid's unique index), so they
# take turns. Held on the administrator's database, where every instance connects.
PROVISION_LOCK = zlib.crc32(b"samen.audit.roles")


class ProvisioningRefused(RuntimeError):
    """The administrator's connection may not create or grant the roles."""


async def provision(admin_url: str, login: str, password: str) -> None:
    """Create the writer role and the service's login role (idempotent)."""
    _check_name(login)
    connection = await asyncpg.connect(asyncpg_dsn(admin_url))
    try:
        await connection.execute("SELECT pg_advisory_lock($1)", PROVISION_LOCK)  # closing frees it
        await _ensure_role(connection, WRITER_ROLE, "NOLOGIN")
        # DDL takes no parameters: the name is checked above, the password quoted.
        literal = "'" + password.replace("'", "''") + "'"
        await _ensure_role(connection, login, f"LOGIN PASSWORD {literal}")
        await connection.execute(f"GRANT {WRITER_ROLE} TO {login}")
    except asyncpg.InsufficientPrivilegeError as error:
        raise ProvisioningRefused(f"cannot provision the audit roles: {error}") from error
    finally:
        await connection.close()


async def _ensure_role(connection: asyncpg.Connection, name: str, attributes: str) -> None:
    exists = await connection.fetchval("SELECT 1 FROM pg_roles WHERE rolname = $1", name)
    verb = "ALTER" if exists else "CREATE"
    try:
        await connection.execute(f"{verb} ROLE {name} {attributes}")
    except asyncpg.DuplicateObjectError:
        await connection.execute(f"ALTER ROLE {name} {attributes}")


def _check_name(name: str) -> None:
    if not _ROLE_NAME.fullmatch(name) or name == WRITER_ROLE:
        raise ValueError(f"not a plain login role name: {name!r}")
