"""Who can sign in on the local platform: the demo region's Keycloak accounts, as
`samen up` lists them (username, role, school). Every password is the documented
development password; production keeps no local passwords (docs/identity.md)."""

from __future__ import annotations

from samen_kit.access.roles import Role
from samen_kit.localinfra.demo_accounts import demo_accounts
from samen_kit.localinfra.realm import DEV_PASSWORD, StaffAccount

from samen_cli.demo_region import Region


def sign_in_lines(of: Region) -> list[str]:
    """One line per demo account of the region's tenant."""
    return [
        f"{account.username:<32} {account.role.value:<18} {_where(account, of)}"
        for account in demo_accounts()
        if account.tenant == of.tenant
    ]


def _where(account: StaffAccount, of: Region) -> str:
    schools = {str(school.school_id): school.name for school in of.schools}
    boards = {str(board_id): name for name, board_id in of.boards.items()}
    if account.role is Role.BOARD_ADMIN:
        return ", ".join(boards[b] for b in account.boards if b in boards)
    if len(account.schools) == 1:
        groups = f", groep {', '.join(account.groups)}" if account.groups else ""
        return schools.get(account.schools[0], "") + groups
    return "alle scholen" if account.schools else "hele samenwerkingsverband"


def password_line() -> str:
    return f"wachtwoord (alleen voor ontwikkeling): {DEV_PASSWORD}"
