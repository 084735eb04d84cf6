"""Evidence and the consent receipt a parent or the inspectie can keep."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from uuid import uuid4

import pytest
from samen_consent.domain.codes import DefaultPurpose
from samen_consent.domain.errors import InvalidEvidence
from samen_consent.domain.evidence import Act, Channel, Evidence
from samen_consent.domain.parties import Pupil
from samen_consent.domain.purposes import default_purpose, revise
from samen_consent.domain.receipt import consent_receipt, receipt_digest
from samen_consent.domain.request import evidence_for
from samen_consent.domain.texts import translation

from services.consent.tests.consent_factories import asked, with_authority

pytestmark = pytest.mark.unit

NOW = datetime(2025, 11, 3, 19, 30, tzinfo=UTC)
MUM = uuid4()
SHARE = default_purpose(DefaultPurpose.SHARE_FILE)


def polish_agreement() -> Evidence:
    request = asked(SHARE, with_authority(MUM), at=NOW, pupil=Pupil(uuid4(), date(2015, 9, 9)))
    return evidence_for(
        request,
        party_id=MUM,
        act=Act.AGREE,
        at=NOW + timedelta(days=1),
        channel=Channel.GUARDIAN_PAGE,
        language="pl",
        token_id="jti-123",
    )


def test_the_receipt_says_who_when_how_and_which_words() -> None:
    evidence = polish_agreement()
    receipt = consent_receipt(evidence)
    polish = SHARE.text_in("pl")
    assert polish is not None
    assert receipt["request_id"] == str(evidence.request_id)
    assert receipt["act"] == "agree"
    assert receipt["at"] == "2025-11-04T19:30:00+00:00"
    assert receipt["party"] == {"id": str(MUM), "role": "guardian", "witness_id": None}
    assert receipt["channel"] == {"kind": "guardian_page", "token_id": "jti-123"}
    assert receipt["purpose"] == {
        "code": "share_file",
        "text_version": 1,
        "binding_language": "nl",
        "binding_sha256": SHARE.dutch.sha256,
    }
    assert receipt["shown"] == {"language": "pl", "sha256": polish.sha256, "reviewed": False}


def test_the_receipt_is_plain_json() -> None:
    receipt = consent_receipt(polish_agreement(), SHARE)
    assert json.loads(json.dumps(receipt)) == receipt


def test_with_the_purpose_the_receipt_carries_the_binding_and_the_shown_words() -> None:
    receipt = consent_receipt(polish_agreement(), SHARE)
    texts = receipt["texts"]
    assert isinstance(texts, dict)
    assert texts["binding"] == {
        "language": "nl",
        "title": SHARE.dutch.title,
        "body": SHARE.dutch.body,
    }
    shown = texts["shown"]
    assert isinstance(shown, dict) and shown["language"] == "pl"


def test_the_digest_detects_a_changed_receipt() -> None:
    receipt = consent_receipt(polish_agreement())
    assert receipt["digest"] == receipt_digest(receipt)
    tampered = {**receipt, "act": "refuse"}
    assert tampered["digest"] != receipt_digest(tampered)


def test_a_receipt_with_the_words_of_another_version_is_refused() -> None:
    newer = revise(SHARE, [translation("pl", "Nowy", "Mogą Państwo odmówić.")])
    with pytest.raises(InvalidEvidence):
        consent_receipt(polish_agreement(), newer)


def test_evidence_from_the_guardian_page_needs_the_token_id_and_no_witness() -> None:
    evidence = polish_agreement()
    with pytest.raises(InvalidEvidence):
        replace(evidence, token_id=None)
    with pytest.raises(InvalidEvidence):
        replace(evidence, witness_id=uuid4())


def test_staff_recording_a_guardians_answer_name_themselves_as_witness() -> None:
    evidence = polish_agreement()
    recorded = replace(
        evidence, channel=Channel.RECORDED_BY_STAFF, token_id=None, witness_id=uuid4()
    )
    assert consent_receipt(recorded)["channel"] == {"kind": "recorded_by_staff", "token_id": None}
    with pytest.raises(InvalidEvidence):
        replace(recorded, witness_id=None)


def test_evidence_times_are_kept_in_utc_and_naive_times_are_refused() -> None:
    evidence = polish_agreement()
    from zoneinfo import ZoneInfo

    local = replace(evidence, at=datetime(2025, 11, 4, 20, 30, tzinfo=ZoneInfo("Europe/Amsterdam")))
    assert local.at == evidence.at and local.at.tzinfo is UTC
    with pytest.raises(ValueError):
        replace(evidence, at=datetime(2025, 11, 4, 20, 30))
