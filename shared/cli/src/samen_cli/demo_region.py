"""The demo samenwerkingsverband: two boards, three schools, a few hundred pupils.

Pure and seeded: the same region every time, written as the schools' own roster files
(docs/roster.md) so that loading it goes through `samen roster import` like real data.
Guardians read Dutch, Arabic, Turkish, Polish, Ukrainian or English; some pupils have two
guardians with authority, some a second parent with only the right to information.
Contact points are fictitious (`.invalid` addresses, numbers in a range that no
operator issues for real customers).
"""

from __future__ import annotations

import csv
import io
import random
from dataclasses import dataclass
from datetime import date, timedelta
from uuid import UUID

from samen_contract import pseudonymous_id

TENANT = "swv-demo-regio"
LANGUAGES = (("nl", 55), ("ar", 12), ("tr", 11), ("pl", 9), ("uk", 8), ("en", 5))
FIRST_NAMES = (
    "Sara",
    "Daan",
    "Noor",
    "Liam",
    "Yara",
    "Sem",
    "Fatima",
    "Milan",
    "Zeynep",
    "Lucas",
    "Mila",
    "Adam",
    "Olena",
    "Jakub",
    "Emma",
    "Mohammed",
    "Lotte",
    "Ayşe",
    "Bram",
    "Zofia",
    "Ibrahim",
    "Julia",
    "Taras",
    "Elif",
    "Finn",
    "Amira",
    "Oliwia",
    "Levi",
    "Sofiia",
    "Tess",
)


@dataclass(frozen=True)
class School:
    number: str
    name: str
    board_id: UUID
    school_id: UUID
    pupils: int


@dataclass(frozen=True)
class Region:
    tenant: str
    boards: dict[str, UUID]
    schools: tuple[School, ...]


def region(pupils_per_school: int = 100) -> Region:
    boards = {
        "Stichting Samen Leren": pseudonymous_id("board", TENANT, "samen-leren"),
        "Stichting De Brug": pseudonymous_id("board", TENANT, "de-brug"),
    }
    first, second = boards.values()
    specs = (
        ("brede-school-de-linde", "Brede School De Linde", first),
        ("obs-het-kompas", "OBS Het Kompas", first),
        ("sbo-de-brug", "SBO De Brug", second),
    )
    schools = tuple(
        School(number, name, board, pseudonymous_id("school", TENANT, number), pupils_per_school)
        for number, name, board in specs
    )
    return Region(TENANT, boards, schools)


def roster_csv(school: School, today: date, seed: int = 2026) -> str:
    """The school's roster file, in the format `samen roster import` reads."""
    rng = random.Random(f"{seed}:{school.number}")
    out = io.StringIO()
    columns = ["leerlingnummer", "voornaam", "geboortedatum", "inschrijfdatum", "uitschrijfdatum"]
    for slot in (1, 2):
        columns += [
            f"ouder{slot}_{f}"
            for f in ("nummer", "gezag", "email", "mobiel", "taal", "niet_benaderen")
        ]
    writer = csv.DictWriter(out, columns, delimiter=";", lineterminator="\n")
    writer.writeheader()
    for n in range(1, school.pupils + 1):
        writer.writerow(_pupil(rng, school, n, today))
    return out.getvalue()


def _pupil(rng: random.Random, school: School, n: int, today: date) -> dict[str, str]:
    age_days = rng.randint(4 * 365 + 30, 15 * 365)
    born = today - timedelta(days=age_days)
    fourth_birthday = born + timedelta(days=4 * 365 + 1)  # pupils start school at four
    enrolled = max(fourth_birthday, today - timedelta(days=rng.randint(60, 1500)))
    language = rng.choices([c for c, _ in LANGUAGES], [w for _, w in LANGUAGES])[0]
    row = {
        "leerlingnummer": f"{school.number[:3].upper()}{n:04d}",
        "voornaam": rng.choice(FIRST_NAMES),
        "geboortedatum": born.isoformat(),
        "inschrijfdatum": enrolled.isoformat(),
        "uitschrijfdatum": "",
    }
    row |= _guardian(rng, school, n, 1, language, authority=True)
    draw = rng.random()
    if draw < 0.45:  # two parents with authority
        row |= _guardian(rng, school, n, 2, language, authority=True)
    elif draw < 0.55:  # a parent with only the right to information
        row |= _guardian(rng, school, n, 2, language, authority=False)
    return row


def _guardian(
    rng: random.Random, school: School, n: int, slot: int, language: str, *, authority: bool
) -> dict[str, str]:
    number = f"{school.number[:3].upper()}{n:04d}-{slot}"
    has_mobile = rng.random() < 0.7
    return {
        f"ouder{slot}_nummer": number,
        f"ouder{slot}_gezag": "ja" if authority else "nee",
        f"ouder{slot}_email": f"ouder-{number.lower()}@demo-ouders.invalid",
        # 06-12345xxx: a block kept for fiction, never dialled by the simulator
        f"ouder{slot}_mobiel": f"06{rng.randint(12340000, 12349999)}" if has_mobile else "",
        f"ouder{slot}_taal": language,
        f"ouder{slot}_niet_benaderen": "nee",
    }
