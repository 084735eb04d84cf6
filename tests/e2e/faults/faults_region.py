"""The load's region: one school whose roll has 2,500 pupils with two guardians each
(5,000 guardians, every one with e-mail, every fifth with a mobile too), imported through
the services' own routes in the shapes `samen roster import` sends."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from uuid import UUID, uuid4

import httpx
from samen_cli.roster_csv import Guardian, Numbering, Row, consent_payload, contacts_payload
from samen_kit.access import Role, mint_staff_token
from samen_kit.access.devkeys import DEV_STAFF_ISSUER, dev_staff_key
from samen_kit.clock import SystemClock

from tests.e2e.faults.faults_stack import Running

PUPILS = 2_500
LANGUAGES = ("nl", "nl", "en", "ar", "tr", "pl", "uk")
CHUNK = 500  # rows per import call: one transaction each on the service's side
TOKEN_TTL = timedelta(hours=1)


@dataclass(frozen=True)
class Region:
    tenant: str
    board_id: UUID
    school_id: UUID
    rows: tuple[Row, ...]

    @property
    def guardians(self) -> list[Guardian]:
        return [g for row in self.rows for g in row.guardians]

    def email_of(self) -> dict[UUID, str]:
        return {g.guardian_id: g.email for g in self.guardians if g.email is not None}


def make_region(
    pupils: int = PUPILS,
    *,
    guardians: int | None = None,
    tenant: str | None = None,
    board_id: UUID | None = None,
) -> Region:
    """One school of `pupils`, with `guardians` in all (two per pupil when None): the
    first `guardians - pupils` pupils have two, the others one. A school of a region of
    many passes the region's tenant and the school's board."""
    guardians = 2 * pupils if guardians is None else guardians
    if not pupils <= guardians <= 2 * pupils:
        raise ValueError("every pupil has one or two guardians")
    tenant, school_id = tenant or f"swv-{uuid4().hex[:8]}", uuid4()
    numbering = Numbering(tenant, school_id)
    today = SystemClock().now().date()
    two = guardians - pupils
    rows = tuple(_row(n, numbering, today, 2 if n < two else 1) for n in range(pupils))
    return Region(tenant, board_id or uuid4(), school_id, rows)


def _row(n: int, numbering: Numbering, today: date, slots: int) -> Row:
    guardians = tuple(_guardian(2 * n + slot, numbering) for slot in range(slots))
    return Row(
        line=n + 2,  # the header is line 1
        pupil_id=numbering.pupil(f"L{n:05d}"),
        first_name="Noor",
        birth_date=today.replace(year=today.year - 8, day=1),
        enrolled_on=today.replace(year=today.year - 3, day=1),
        left_on=None,
        guardians=guardians,
    )


def _guardian(n: int, numbering: Numbering) -> Guardian:
    return Guardian(
        guardian_id=numbering.guardian(f"O{n:05d}"),
        authority=True,
        email=f"ouder{n:05d}@example.nl",
        mobile=f"+3161{n:07d}" if n % 5 == 0 else None,
        language=LANGUAGES[n % len(LANGUAGES)],
        do_not_contact=False,
    )


def staff_token(stack: Running, region: Region, role: Role = Role.DIRECTOR) -> str:
    return mint_staff_token(
        dev_staff_key(stack.config.keys_dir),
        subject=str(uuid4()),
        role=role,
        tenant=region.tenant,
        issuer=DEV_STAFF_ISSUER,
        now=SystemClock().now(),
        schools=[str(region.school_id)],
        boards=[str(region.board_id)],
        ttl=TOKEN_TTL,
    )


async def import_region(stack: Running, region: Region) -> None:
    """Consent first (it emits the roll and the guardianships), then the contact points."""
    headers = {"Authorization": f"Bearer {staff_token(stack, region)}"}
    async with httpx.AsyncClient(headers=headers, timeout=120) as http:
        for chunk in _chunks(region.rows):
            payload = consent_payload(region.school_id, region.board_id, chunk)
            await _post_rows(http, f"{stack.config.url('consent')}/v1/roster", payload)


async def import_contacts(stack: Running, region: Region) -> None:
    """The notifications service's share: the school's details, then the contact points."""
    headers = {"Authorization": f"Bearer {staff_token(stack, region)}"}
    base = stack.config.url("notifications")
    async with httpx.AsyncClient(headers=headers, timeout=120) as http:
        school = {"board_id": str(region.board_id), "name": "OBS De Regenboog"}
        answer = await http.put(f"{base}/v1/schools/{region.school_id}", json=school)
        answer.raise_for_status()
        for chunk in _chunks(region.rows):
            payload = contacts_payload(region.school_id, chunk)
            await _post_rows(http, f"{base}/v1/roster/contacts", payload)


def _chunks(rows: tuple[Row, ...]) -> list[tuple[Row, ...]]:
    return [rows[start : start + CHUNK] for start in range(0, len(rows), CHUNK)]


async def _post_rows(http: httpx.AsyncClient, url: str, payload: dict[str, object]) -> None:
    answer = await http.post(url, json=payload)
    answer.raise_for_status()
    report = answer.json()
    if report["errors"]:
        raise AssertionError(f"{url} refused rows: {report['errors'][:5]}")
