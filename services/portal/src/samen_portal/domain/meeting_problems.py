"""The meetings service's refusals of a planned meeting (RFC 9457 problems, their `type`
ending in a stable code) said in plain Dutch (B1), so the planner knows what to change."""

from __future__ import annotations

from typing import Any

from samen_portal.domain.participants import ROLE_NAMES

_TEXTS: dict[str, str] = {
    "role-not-allowed": "Iemand die u koos kan niet meedoen aan dit soort gesprek.",
    "participant-from-another-school": (
        "Iemand die u koos werkt niet op de school van deze leerling."
    ),
    "participant-from-another-tenant": (
        "Iemand die u koos is hier niet bekend. Kies iemand uit de lijst."
    ),
    "duplicate-participant": "U koos dezelfde persoon twee keer. Kies voor elke rol iemand anders.",
    "no-guardian-known": (
        "Er zijn nog geen ouders bekend bij deze leerling. Zonder ouders kunt u geen gesprek"
        " plannen."
    ),
    "start-in-past": "Het gesprek begint in het verleden. Kies een latere datum of tijd.",
    "end-before-start": "Het gesprek eindigt voordat het begint. Kijk de tijden na.",
    "interpreter-language-invalid": "Deze taal kennen we niet. Schrijf de taal van de tolk anders.",
    "interpreter-language-missing": "Schrijf in welke taal de tolk moet vertalen.",
}


def problem_code(body: Any) -> str | None:
    """The code at the end of the problem's `type` (`urn:…:required-role-missing`)."""
    kind = body.get("type") if isinstance(body, dict) else None
    if not isinstance(kind, str) or not kind:
        return None
    return kind.replace("/", ":").rsplit(":", 1)[-1] or None


def meeting_refusal(body: Any) -> str | None:
    """The Dutch text for the problem, or None when it is not one the planner can fix."""
    code = problem_code(body)
    if code == "required-role-missing":
        roles = [ROLE_NAMES.get(r, r) for r in body.get("roles", []) if isinstance(r, str)]
        named = [r for r in roles if r != "guardian"]  # the parents are always invited
        if body.get("one_of"):
            return (
                "Bij dit gesprek moet iemand van de school zijn."
                " Kies een leerkracht of intern begeleider."
            )
        if named:
            return f"Voor dit gesprek is nog nodig: de {' en de '.join(named)}. Kies wie meedoet."
        return "Voor dit gesprek zijn nog deelnemers nodig. Kies wie meedoet."
    return _TEXTS.get(code or "")
