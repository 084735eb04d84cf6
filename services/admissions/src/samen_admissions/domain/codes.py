"""The catalogues of a request: its kind, category, the experts' disciplines and advice."""

from enum import StrEnum


class RequestKind(StrEnum):
    ARRANGEMENT = "arrangement"  # extra support in the pupil's own school
    TLV = "tlv"  # toelaatbaarheidsverklaring for special (primary) education


class Status(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    GRANTED = "granted"
    REFUSED = "refused"


class Discipline(StrEnum):
    ORTHOPEDAGOOG = "orthopedagoog"
    PSYCHOLOGIST = "psychologist"
    OTHER = "other"  # a second expert "depending on the question" (field names it)


#: Wpo art. 18a: the samenwerkingsverband decides on a TLV after advice from two experts,
#: one of them an orthopedagoog or a psychologist.
BEHAVIOURAL = frozenset({Discipline.ORTHOPEDAGOOG, Discipline.PSYCHOLOGIST})


class Advice(StrEnum):
    POSITIVE = "positive"
    NEGATIVE = "negative"


class ObjectionAdvice(StrEnum):
    """The national advisory committee's advice on a TLV objection."""

    WELL_FOUNDED = "well_founded"
    UNFOUNDED = "unfounded"
    INADMISSIBLE = "inadmissible"


class ObjectionOutcome(StrEnum):
    REVISED = "revised"
    UPHELD = "upheld"
    INADMISSIBLE = "inadmissible"


class ObjectionStage(StrEnum):
    LODGED = "lodged"  # waiting for the advisory committee (TLV) or the decision
    ADVISED = "advised"
    DECIDED = "decided"


#: The categories a samenwerkingsverband commonly uses; a tenant may use its own codes.
CATEGORIES: dict[RequestKind, frozenset[str]] = {
    RequestKind.TLV: frozenset({"sbo", "so_low", "so_middle", "so_high"}),
    RequestKind.ARRANGEMENT: frozenset({"light", "medium", "intensive"}),
}


class RegistrationOutcome(StrEnum):
    PLACED = "placed"
    PLACED_ELSEWHERE = "placed_elsewhere"
    NOT_PLACED = "not_placed"
