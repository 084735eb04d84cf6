"""Dutch words for the codes the report shows (GLOSSARY.md)."""

CONSENTS = {
    "asked": "gevraagd",
    "given": "gegeven",
    "refused": "geweigerd",
    "withdrawn": "ingetrokken",
    "expired": "verlopen",
}
MEETING_KINDS = {
    "intake": "Startgesprek",
    "progress_talk": "Voortgangsgesprek",
    "support_team": "Schoolondersteuningsteam (SOT)",
    "mdo": "Multidisciplinair overleg (MDO)",
    "opp_evaluation": "Evaluatie van het OPP",
    "agreement_evaluation": "Evaluatie van afspraken",
}
MEETING_STATES = {"scheduled": "gepland", "held": "gehouden", "cancelled": "geannuleerd"}
EVALUATIONS = {"on_time": "op tijd", "late": "te laat", "missing": "ontbreekt"}
OPPS_SET = {
    "on_time": "binnen 6 weken vastgesteld",
    "late": "later vastgesteld",
    "missing": "niet vastgesteld, termijn voorbij",
}
DISPUTE_ENDINGS = {
    "resolved": "opgelost",
    "decided": "besloten door het bestuur",
    "withdrawn": "ingetrokken",
}
MESSAGES = {
    "sent": "verstuurd",
    "delivered": "afgeleverd",
    "failed": "mislukt",
    "unreachable": "ouder onbereikbaar",
}
UNKNOWN_SCHOOL = "(school onbekend)"


def meeting_kind(code: str) -> str:
    return MEETING_KINDS.get(code, code)


def school(code: str | None) -> str:
    return code or UNKNOWN_SCHOOL
