"""A request bound to one version of a document: which purposes need one, how versions
replace each other, and that an answer proves the words were shown."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from uuid import uuid4

import pytest
from samen_consent.domain.codes import DefaultPurpose
from samen_consent.domain.errors import (
    DocumentNotShown,
    RequestAlreadyOpen,
    SubjectMismatch,
    SubjectRequired,
)
from samen_consent.domain.evidence import Act
from samen_consent.domain.parties import Guardianship, PartyRole, Pupil, Standing
from samen_consent.domain.purposes import default_purpose
from samen_consent.domain.receipt import consent_receipt
from samen_consent.domain.request import ConsentRequest, RequestState, open_request, superseded_by
from samen_consent.domain.subject import OPP_ACTION_PART, Subject

from services.consent.tests.consent_factories import asked, on_the_page

pytestmark = pytest.mark.unit

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
MUM, DAD, STAFF = uuid4(), uuid4(), uuid4()
CHILD = Pupil(uuid4(), date(2015, 5, 1))
PARENTS = (
    Guardianship(MUM, Standing.PARENTAL_AUTHORITY),
    Guardianship(DAD, Standing.PARENTAL_AUTHORITY),
)
ACTION_PART = default_purpose(DefaultPurpose.OPP_ACTION_PART)
OPP = uuid4()


def version(number: int) -> Subject:
    return Subject(OPP_ACTION_PART, OPP, number, f"{number:064x}")


def ask(
    subject: Subject | None, existing: tuple[ConsentRequest, ...] = (), pupil: Pupil = CHILD
) -> ConsentRequest:
    return asked(
        ACTION_PART, PARENTS, at=NOW, pupil=pupil, by=STAFF, existing=existing, subject=subject
    )


def test_the_action_part_is_only_asked_about_one_named_version() -> None:
    with pytest.raises(SubjectRequired):
        ask(None)


def test_another_purpose_takes_no_document() -> None:
    with pytest.raises(SubjectMismatch):
        open_request(
            request_id=uuid4(),
            pupil=CHILD,
            purpose=default_purpose(DefaultPurpose.ENGAGE_SWV),
            guardianships=PARENTS,
            requested_by=STAFF,
            now=NOW,
            existing=(),
            subject=version(1),
        )


def test_a_document_is_named_by_its_hash() -> None:
    with pytest.raises(SubjectMismatch):
        Subject(OPP_ACTION_PART, OPP, 1, "not-a-hash")


def test_the_same_version_is_not_asked_twice() -> None:
    first = ask(version(1))
    with pytest.raises(RequestAlreadyOpen):
        ask(version(1), (first,))


def test_an_open_question_about_an_old_version_is_replaced_not_left_beside_the_new() -> None:
    first = ask(version(1))

    assert superseded_by(version(2), [first], NOW) == [first]
    with pytest.raises(RequestAlreadyOpen):  # the caller cancels it first
        ask(version(2), (first,))


def test_consent_given_to_an_old_version_stays_while_the_new_one_is_asked() -> None:
    given = replace(ask(version(1)), state=RequestState.GIVEN, given_at=NOW)

    assert superseded_by(version(2), [given], NOW) == []
    assert ask(version(2), (given,)).subject == version(2)


def test_from_eighteen_the_pupil_alone_consents_to_the_action_part() -> None:
    adult = Pupil(uuid4(), date(2007, 1, 1))
    request = ask(version(1), pupil=adult)
    assert request.parties.pupil == adult.pupil_id
    assert request.parties.guardians == frozenset()


def test_an_answer_needs_the_language_the_words_were_shown_in() -> None:
    request = ask(version(1))
    with pytest.raises(DocumentNotShown):
        on_the_page(request, MUM, Act.AGREE, NOW + timedelta(hours=1), language="tr")


def test_the_receipt_names_the_version_hash_and_language_read() -> None:
    request = ask(version(3))
    at = NOW + timedelta(hours=1)
    evidence = on_the_page(
        request, MUM, Act.AGREE, at, language="tr", token_id="jti-1", document_language="tr"
    )

    receipt = consent_receipt(evidence)

    assert evidence.role is PartyRole.GUARDIAN
    assert receipt["document"] == {
        "kind": OPP_ACTION_PART,
        "id": str(OPP),
        "version": 3,
        "sha256": version(3).sha256,
        "language": "tr",
    }
