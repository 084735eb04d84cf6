"""An OPP version on paper: the basis, the action part and the consent receipt (who
consented or refused when, and how, and the action part's SHA-256), in Dutch, with
Dutch dates and hyphenation (WeasyPrint; it needs pango from the OS)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from samen_kit.pages import Catalogue
from samen_kit.pages.dates import day_in

from samen_plans.domain.calendar import AMSTERDAM
from samen_plans.entrypoints.sections import action_part_sections
from samen_plans.handlers.views import VersionFile

STATUS = {
    "drafting": "in voorbereiding",
    "offered": "voorgelegd aan de ouders",
    "set": "vastgesteld",
    "not_set": "niet vastgesteld",
}
OUTCOME = {
    "given": "toestemming gegeven",
    "not_set": "geen toestemming (geweigerd, verlopen, gestopt of ingetrokken)",
    "stale": "toestemming voor een versie die niet meer de laatste was",
    None: "nog open",
}
ANSWER = {"agree": "stemt in", "refuse": "weigert"}
ROLE = {"guardian": "ouder", "pupil": "leerling"}
CHANNEL = {
    "guardian_page": "eigen pagina van de ouder",
    "recorded_by_staff": "vastgelegd door school",
}

_ENV = Environment(
    loader=PackageLoader("samen_plans", "entrypoints/templates"),
    autoescape=True,
    undefined=StrictUndefined,
)


def _moment(at: datetime) -> str:
    local = at.astimezone(AMSTERDAM)
    return f"{day_in('nl', local.date())}, {local:%H.%M} uur"


def print_context(file: VersionFile, catalogue: Catalogue) -> dict[str, Any]:
    version = file.version
    sections = [
        {
            "label": catalogue.text("nl", s.key, s.values),
            "text": day_in("nl", s.day) if s.day else s.text,
        }
        for s in action_part_sections(version.action_part)
    ]
    in_force = file.opp.set_version == version.version
    return {
        "opp": file.opp,
        "version": version,
        "written_on": day_in("nl", version.written_at.astimezone(AMSTERDAM).date()),
        "status": "in werking" if in_force else STATUS.get(file.opp.status, file.opp.status),
        "sections": sections,
        "receipts": [
            {
                "request_id": r.link.request_id,
                "outcome": OUTCOME.get(r.link.outcome, r.link.outcome),
                "answers": [
                    {
                        "party_id": a.party_id,
                        "role": ROLE.get(a.party_role, a.party_role),
                        "answer": ANSWER.get(a.answer, a.answer),
                        "at": _moment(a.answered_at),
                        "channel": CHANNEL.get(a.channel, a.channel),
                    }
                    for a in r.answers
                ],
            }
            for r in file.consent
        ],
    }


def opp_pdf(file: VersionFile, catalogue: Catalogue) -> bytes:
    """Blocking (layout takes a while): call it in a worker thread."""
    from weasyprint import HTML  # imported here: it loads pango when first used

    html = _ENV.get_template("opp_print.html").render(**print_context(file, catalogue))
    pdf: bytes = HTML(string=html).write_pdf()
    return pdf
