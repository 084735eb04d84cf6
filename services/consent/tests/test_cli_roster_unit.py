"""`samen roster import`: reading the school's file and splitting it between the consent
and notifications services (no network here)."""

from __future__ import annotations

import json
from pathlib import Path
from uuid import UUID

import pytest
import typer
from samen_cli.roster import dev_token, roster_import
from samen_cli.roster_csv import (
    Numbering,
    RosterFileError,
    consent_payload,
    contacts_payload,
    read_roster,
)
from samen_contract import pseudonymous_id
from samen_kit.access import FileJwks, Role, StaffTokenVerifier
from samen_kit.access.devkeys import DEV_STAFF_ISSUER, STAFF_KEY, jwks_path
from typer.testing import CliRunner

pytestmark = pytest.mark.unit

TENANT, SCHOOL = "swv-utrecht", UUID("00000000-0000-4000-8000-0000000000aa")
NUMBERING = Numbering(TENANT, SCHOOL)
HEADER = (
    "leerlingnummer;voornaam;geboortedatum;inschrijfdatum;uitschrijfdatum;"
    "ouder1_nummer;ouder1_gezag;ouder1_email;ouder1_mobiel;ouder1_taal;ouder1_niet_benaderen;"
    "ouder2_nummer;ouder2_gezag;ouder2_email;ouder2_mobiel;ouder2_taal;ouder2_niet_benaderen"
)
GOOD = (
    "4711;Sara;04-03-2017;2025-08-18;;p-1;ja;moeder@example.org;06 1234 5678;tr;nee;p-2;nee;;;;ja"
)


def roster(*rows: str) -> str:
    return "\ufeff" + "\n".join([HEADER, *rows]) + "\n"


def test_a_row_becomes_pseudonymous_ids_dates_and_guardians() -> None:
    [row] = read_roster(roster(GOOD), NUMBERING).rows

    assert row.line == 2
    assert row.pupil_id == pseudonymous_id("pupil", TENANT, str(SCHOOL), "4711")
    assert str(row.birth_date) == "2017-03-04" and str(row.enrolled_on) == "2025-08-18"
    first, second = row.guardians
    assert first.guardian_id == pseudonymous_id("guardian", TENANT, str(SCHOOL), "p-1")
    assert (first.authority, first.mobile, first.language, first.do_not_contact) == (
        True,
        "+31612345678",
        "tr",
        False,
    )
    assert (second.authority, second.email, second.language, second.do_not_contact) == (
        False,
        None,
        "nl",
        True,
    )


def test_the_consent_service_gets_no_names_and_no_contact_points() -> None:
    rows = read_roster(roster(GOOD), NUMBERING).rows

    payload = consent_payload(SCHOOL, None, rows)

    text = json.dumps(payload)
    for secret in ("Sara", "moeder@example.org", "+31612345678", "4711", "p-1"):
        assert secret not in text
    assert [g["standing"] for g in payload["rows"][0]["guardians"]] == [
        "parental_authority",
        "information_right",
    ]
    assert payload["rows"][0]["birth_date"] == "2017-03-04"


def test_the_notifications_service_gets_contact_points_but_no_dates_or_standing() -> None:
    rows = read_roster(roster(GOOD), NUMBERING).rows

    payload = contacts_payload(SCHOOL, rows)

    [row] = payload["rows"]
    assert row["pupil_first_name"] == "Sara"
    assert row["guardians"][0] == {
        "guardian_id": str(rows[0].guardians[0].guardian_id),
        "email": "moeder@example.org",
        "mobile": "+31612345678",
        "language": "tr",
        "do_not_contact": False,
    }
    text = json.dumps(payload)
    assert "2017-03-04" not in text and "parental_authority" not in text and "4711" not in text


@pytest.mark.parametrize(
    ("row", "problem"),
    [
        ("4712;Ali;2017-13-01;2025-08-18;;p-3;ja;;;;", "geboortedatum is geen datum"),
        ("4713;Noor;2017-01-01;2025-08-18;;p-4;;;;;", "ouder1_gezag ontbreekt"),
        ("4714;Bo;2017-01-01;2025-08-18;;p-5;ja;geen-adres;;;", "ouder1_email is geen e-mailadres"),
        ("4715;Eva;2017-01-01;2025-08-18;;;;a@b.nl;;;", "ouder1_nummer ontbreekt"),
        ("4716;Tim;2017-01-01;2025-08-18;;p-6;ja;;12;;", "ouder1_mobiel is geen telefoonnummer"),
        ("4717;;2017-01-01;2025-08-18;;p-7;ja;;;;", "voornaam ontbreekt"),
        ("4718;Liv;2017-01-01;2025-08-18;;p-8;ja;;;Nederlands;", "ouder1_taal is geen taalcode"),
    ],
)
def test_a_bad_row_is_reported_by_its_line_and_the_others_are_kept(row: str, problem: str) -> None:
    found = read_roster(roster(GOOD, row, GOOD.replace("4711", "4720")), NUMBERING)

    assert [r.line for r in found.rows] == [2, 4]
    assert [(b.line, problem in b.detail) for b in found.bad] == [(3, True)]


def test_comma_separated_files_and_a_file_without_guardians_are_read_too() -> None:
    text = "leerlingnummer,voornaam,geboortedatum,inschrijfdatum\n9,Jip,2016-02-29,2025-08-18\n"
    [row] = read_roster(text, NUMBERING).rows
    assert row.guardians == () and row.first_name == "Jip"


def test_the_class_group_goes_to_the_consent_service_and_not_to_notifications() -> None:
    header = "leerlingnummer;voornaam;geboortedatum;inschrijfdatum;Groep\n"
    text = header + "9;Jip;2016-02-29;2025-08-18; 7b\n"
    rows = read_roster(text, NUMBERING).rows

    assert rows[0].group == "7b"
    assert consent_payload(SCHOOL, None, rows)["rows"][0]["group"] == "7b"
    assert "group" not in contacts_payload(SCHOOL, rows)["rows"][0]


def test_a_row_without_a_group_names_none_and_a_strange_group_is_reported() -> None:
    text = (
        "leerlingnummer;voornaam;geboortedatum;inschrijfdatum;groep\n9;Jip;2016-02-29;2025-08-18;\n"
    )
    odd = "10;Ada;2016-02-28;2025-08-18;groep/7\n"

    found = read_roster(text + odd, NUMBERING)

    assert [r.group for r in found.rows] == [None]
    assert [(b.line, "groep" in b.detail) for b in found.bad] == [(3, True)]


def test_a_file_without_the_required_columns_is_refused_as_a_whole() -> None:
    with pytest.raises(RosterFileError, match="geboortedatum"):
        read_roster("leerlingnummer;voornaam;inschrijfdatum\n1;A;2025-08-18\n", NUMBERING)


def test_the_command_exits_2_on_an_unreadable_file_without_calling_any_service(
    tmp_path: Path,
) -> None:
    app = typer.Typer()
    app.command()(roster_import)
    file = tmp_path / "leerlingen.csv"
    file.write_text("naam;klas\nSara;5\n", encoding="utf-8")

    result = CliRunner().invoke(
        app,
        [
            str(file),
            "--tenant",
            TENANT,
            "--school-id",
            str(SCHOOL),
            "--consent-url",
            "http://127.0.0.1:9",
            "--token",
            "unused",
        ],
    )

    assert result.exit_code == 2
    assert "kolommen ontbreken" in result.output


async def test_without_a_token_the_command_mints_a_directors_token_for_the_school(
    tmp_path: Path,
) -> None:
    board = UUID("00000000-0000-4000-8000-0000000000bb")
    token = dev_token(TENANT, SCHOOL, board, tmp_path)

    verifier = StaffTokenVerifier(FileJwks(jwks_path(STAFF_KEY, tmp_path)), issuer=DEV_STAFF_ISSUER)
    staff = await verifier.verify(token)

    assert (staff.role, staff.tenant) == (Role.DIRECTOR, TENANT)
    assert staff.covers_school(SCHOOL) and staff.boards == {str(board)}
