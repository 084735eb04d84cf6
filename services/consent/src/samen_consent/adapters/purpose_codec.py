"""A purpose version as stored: texts, rule, validity and age rule as JSON values."""

from __future__ import annotations

from typing import Any

from samen_consent.adapters.tables import PurposeVersionRow
from samen_consent.domain.parties import AgeRule
from samen_consent.domain.purposes import Purpose
from samen_consent.domain.rules import ConsentRule
from samen_consent.domain.texts import DUTCH, PurposeText
from samen_consent.domain.validity import ForMonths, UntilSchoolYearEnd, UntilWithdrawn, Validity


def text_json(text: PurposeText) -> dict[str, Any]:
    return {
        "language": text.language,
        "title": text.title,
        "body": text.body,
        "reviewed": text.reviewed,
    }


def text_of(value: dict[str, Any]) -> PurposeText:
    return PurposeText(
        language=str(value["language"]),
        title=str(value["title"]),
        body=str(value["body"]),
        reviewed=bool(value["reviewed"]),
    )


def validity_json(validity: Validity) -> dict[str, Any]:
    match validity:
        case UntilSchoolYearEnd(last_month=month, last_day=day):
            return {"kind": "until_school_year_end", "last_month": month, "last_day": day}
        case ForMonths(months=months):
            return {"kind": "for_months", "months": months}
        case UntilWithdrawn():
            return {"kind": "until_withdrawn"}


def validity_of(value: dict[str, Any]) -> Validity:
    kind = value.get("kind")
    if kind == "until_school_year_end":
        return UntilSchoolYearEnd(int(value["last_month"]), int(value["last_day"]))
    if kind == "for_months":
        return ForMonths(int(value["months"]))
    if kind == "until_withdrawn":
        return UntilWithdrawn()
    raise ValueError(f"unknown validity kind {kind!r}")


def age_rule_json(rule: AgeRule) -> dict[str, Any]:
    return {"pupil_beside_from": rule.pupil_beside_from, "pupil_alone_from": rule.pupil_alone_from}


def age_rule_of(value: dict[str, Any]) -> AgeRule:
    return AgeRule(value.get("pupil_beside_from"), value.get("pupil_alone_from"))


def purpose_of(row: PurposeVersionRow) -> Purpose:
    texts = [text_of(text) for text in row.texts]
    dutch = next(text for text in texts if text.language == DUTCH)
    return Purpose(
        code=row.code,
        version=row.version,
        dutch=dutch,
        translations=tuple(text for text in texts if text.language != DUTCH),
        rule=ConsentRule(row.rule),
        validity=validity_of(row.validity),
        age_rule=age_rule_of(row.age_rule),
    )


def row_values(purpose: Purpose) -> dict[str, Any]:
    """The columns of `purpose` (without tenant and creation time)."""
    return {
        "code": purpose.code,
        "version": purpose.version,
        "texts": [text_json(text) for text in purpose.texts],
        "rule": purpose.rule.value,
        "validity": validity_json(purpose.validity),
        "age_rule": age_rule_json(purpose.age_rule),
    }
