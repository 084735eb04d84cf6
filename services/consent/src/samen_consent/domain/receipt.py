"""The consent receipt: evidence as a JSON-ready dict a parent or the inspectie can keep.

`digest` is the SHA-256 of the receipt's canonical JSON without the digest itself, so a
copy can be checked for changes. With the purpose, the receipt also carries the words:
the binding Dutch text and the text that was shown.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from datetime import UTC
from typing import TypeAlias

from samen_consent.domain.errors import InvalidEvidence
from samen_consent.domain.evidence import Evidence
from samen_consent.domain.purposes import Purpose
from samen_consent.domain.request import ConsentRequest, party_role
from samen_consent.domain.texts import DUTCH, PurposeText

JSON: TypeAlias = dict[str, "JSON"] | list["JSON"] | str | int | float | bool | None

RECEIPT_TYPE = "samen.consent.receipt"
RECEIPT_VERSION = 1


def consent_receipt(
    evidence: Evidence,
    purpose: Purpose | None = None,
    context: Mapping[str, JSON] | None = None,
) -> dict[str, JSON]:
    """`context` describes the request the act belongs to (see `request_context`)."""
    receipt: dict[str, JSON] = {
        "type": RECEIPT_TYPE,
        "version": RECEIPT_VERSION,
        "request_id": str(evidence.request_id),
        "act": evidence.act.value,
        "at": evidence.at.astimezone(UTC).isoformat(),
        "party": _party(evidence),
        "channel": {"kind": evidence.channel.value, "token_id": evidence.token_id},
        "purpose": {
            "code": evidence.purpose_code,
            "text_version": evidence.text_version,
            "binding_language": DUTCH,
            "binding_sha256": evidence.dutch_sha256,
        },
        "shown": {
            "language": evidence.shown.language,
            "sha256": evidence.shown.sha256,
            "reviewed": evidence.shown.reviewed,
        },
    }
    if evidence.document is not None:
        shown = evidence.document
        receipt["document"] = {
            "kind": shown.subject.kind,
            "id": str(shown.subject.subject_id),
            "version": shown.subject.version,
            "sha256": shown.subject.sha256,
            "language": shown.language,
        }
    if purpose is not None:
        receipt["texts"] = _texts(evidence, purpose)
    if context is not None:
        receipt["request"] = dict(context)
    receipt["digest"] = receipt_digest(receipt)
    return receipt


def request_context(request: ConsentRequest) -> dict[str, JSON]:
    """Who asked whom, when, under which rule: the request an act answered."""
    end = request.expires_at
    parties: list[JSON] = [
        {"id": str(party), "role": party_role(request, party).value}
        for party in sorted(request.parties.all)
    ]
    return {
        "pupil_id": str(request.pupil_id),
        "requested_at": request.requested_at.astimezone(UTC).isoformat(),
        "requested_by": str(request.requested_by),
        "parties": parties,
        "rule": request.purpose.rule.value,
        "expires_at": None if end is None else end.astimezone(UTC).isoformat(),
    }


def receipt_digest(receipt: dict[str, JSON]) -> str:
    """SHA-256 over canonical JSON (sorted keys, no spaces, UTF-8), `digest` left out."""
    body = {key: value for key, value in receipt.items() if key != "digest"}
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _party(evidence: Evidence) -> JSON:
    witness = None if evidence.witness_id is None else str(evidence.witness_id)
    return {"id": str(evidence.party_id), "role": evidence.role.value, "witness_id": witness}


def _texts(evidence: Evidence, purpose: Purpose) -> JSON:
    shown = purpose.text_in(evidence.shown.language)
    if shown is None or not _same_words(evidence, purpose, shown):
        raise InvalidEvidence("the purpose given is not the version the evidence points at")
    return {"binding": _words(purpose.dutch), "shown": _words(shown)}


def _same_words(evidence: Evidence, purpose: Purpose, shown: PurposeText) -> bool:
    pinned = (evidence.purpose_code, evidence.text_version, evidence.dutch_sha256)
    return (purpose.code, purpose.version, purpose.dutch.sha256) == pinned and (
        shown.sha256 == evidence.shown.sha256
    )


def _words(text: PurposeText) -> JSON:
    return {"language": text.language, "title": text.title, "body": text.body}
