"""Every code a disputes page can show has a phrase, in all six languages."""

from __future__ import annotations

import pytest
from samen_disputes.domain.deadlines import DeadlineKind
from samen_disputes.domain.rights_texts import OPTION, STAND, WAITING
from samen_disputes.domain.stages import Ending, Stage
from samen_disputes.domain.subjects import SchoolKind
from samen_disputes.entrypoints.page_models import MOVES, SUBJECTS, for_school
from samen_disputes.entrypoints.pages import PHRASES
from samen_kit.pages import LANGUAGES, Catalogue

pytestmark = pytest.mark.unit


def test_every_subject_stage_ending_move_and_deadline_has_a_phrase() -> None:
    keys = Catalogue.of(PHRASES).keys  # complete in all six languages, or it raises
    wanted = (
        {f"subject_{s}" for s in SUBJECTS}
        | {f"stage_{s}" for s in Stage}
        | {f"ending_{e}" for e in Ending}
        | {f"move_{m}" for m in MOVES}
        | {f"deadline_{k}" for k in DeadlineKind}
    )
    assert wanted <= keys, sorted(wanted - keys)


def test_a_private_school_has_its_own_phrase_for_every_label_naming_the_objection() -> None:
    keys = Catalogue.of(PHRASES).keys
    labels = {"deadline_objection_filing", "move_enter:objection"}
    private = {for_school(label, SchoolKind.PRIVATE) for label in labels}
    assert private.isdisjoint(labels) and private <= keys
    assert {for_school(label, SchoolKind.PUBLIC) for label in labels} == labels


def test_every_rights_text_of_the_domain_is_a_phrase_in_every_language() -> None:
    catalogue = Catalogue.of(PHRASES)
    wanted = (
        {f"dispute.stand.{k}" for k in STAND}
        | {f"dispute.option.{k}" for k in OPTION}
        | {f"dispute.waiting.{k}" for k in WAITING}
        | {"dispute.term_passed", "dispute.overdue"}
    )
    for language in LANGUAGES:
        assert wanted <= set(catalogue.texts[language]), language
    assert catalogue.texts["en"]["dispute.stand.conversation"] == STAND["conversation"][1]
