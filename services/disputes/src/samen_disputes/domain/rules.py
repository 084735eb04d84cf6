"""Which moves a tenant allows, from which stages, by which roles: data, with glossary defaults.

The law's own conditions (a formal stage needs a decision on an eligible subject, the
board waits for the committee's advice, only the opener's side withdraws) live in
`guards.py` and hold whatever a tenant's table says.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from samen_disputes.domain.actors import Role
from samen_disputes.domain.moves import Action, Move
from samen_disputes.domain.stages import Stage

Row = Mapping[str, object]


@dataclass(frozen=True)
class MoveRule:
    """`move` may be made while any of `from_stages` is active, by any of `roles`."""

    move: Move
    from_stages: frozenset[Stage]
    roles: frozenset[Role]

    def __post_init__(self) -> None:
        if not self.from_stages:
            raise ValueError(f"rule for {self.move} names no stage to move from")


@dataclass(frozen=True)
class OpeningRule:
    stage: Stage
    roles: frozenset[Role]


@dataclass(frozen=True)
class TenantRules:
    moves: tuple[MoveRule, ...]
    openings: tuple[OpeningRule, ...]

    def with_roles(self, move: Move, roles: Iterable[Role]) -> "TenantRules":
        """The same table with other roles for every rule of `move`."""
        chosen = frozenset(roles)
        moves = tuple(replace(r, roles=chosen) if r.move == move else r for r in self.moves)
        return replace(self, moves=moves)

    def to_rows(self) -> dict[str, list[dict[str, object]]]:
        return {
            "moves": [_move_row(rule) for rule in self.moves],
            "openings": [_opening_row(rule) for rule in self.openings],
        }

    @classmethod
    def from_rows(cls, rows: Mapping[str, Sequence[Row]]) -> "TenantRules":
        moves = tuple(_move_rule(row) for row in rows["moves"])
        openings = tuple(_opening_rule(row) for row in rows["openings"])
        return cls(moves=moves, openings=openings)


def _move_row(rule: MoveRule) -> dict[str, object]:
    return {
        "move": str(rule.move),
        "from": sorted(rule.from_stages),
        "roles": sorted(rule.roles),
    }


def _opening_row(rule: OpeningRule) -> dict[str, object]:
    return {"stage": str(rule.stage), "roles": sorted(rule.roles)}


def _strings(value: object) -> list[str]:
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"expected a list of names, got {value!r}")
    return list(value)


def _move_rule(row: Row) -> MoveRule:
    return MoveRule(
        move=Move.parse(str(row["move"])),
        from_stages=frozenset(Stage(s) for s in _strings(row["from"])),
        roles=frozenset(Role(r) for r in _strings(row["roles"])),
    )


def _opening_rule(row: Row) -> OpeningRule:
    roles = frozenset(Role(r) for r in _strings(row["roles"]))
    return OpeningRule(stage=Stage(str(row["stage"])), roles=roles)


GUARDIAN = frozenset({Role.GUARDIAN})
SCHOOL_STAFF = frozenset({Role.IB, Role.DIRECTOR, Role.BOARD_ADMIN, Role.SWV_ADMIN})
BOTH_SIDES = GUARDIAN | SCHOOL_STAFF
# Guardians file objections and committee requests; the board records those that arrive on paper.
FILERS = GUARDIAN | {Role.BOARD_ADMIN}
BOARD = frozenset({Role.BOARD_ADMIN})

_C, _M, _E = Stage.CONVERSATION, Stage.MEDIATION, Stage.EDUCATION_CONSULTANT
_O, _G = Stage.OBJECTION, Stage.DISPUTES_COMMITTEE
ALL_STAGES = frozenset(Stage)


def _rule(move: Move, from_stages: set[Stage], roles: frozenset[Role]) -> MoveRule:
    return MoveRule(move, frozenset(from_stages), roles)


DEFAULT_RULES = TenantRules(
    moves=(
        _rule(Move.enter(_C), {_M, _E}, BOTH_SIDES),
        _rule(Move.enter(_M), {_C, _E}, BOTH_SIDES),
        # The onderwijsconsulent comes after talks with the school.
        _rule(Move.enter(_E), {_C, _M}, BOTH_SIDES),
        # Objection and committee may run side by side, so each may follow the other.
        _rule(Move.enter(_O), {_C, _M, _E, _G}, FILERS),
        _rule(Move.enter(_G), {_C, _M, _E, _O}, FILERS),
        # The committee's letters reach the board (or the samenwerkingsverband): they record.
        _rule(Move(Action.REQUEST_DEFENCE), {_G}, BOARD | {Role.SWV_ADMIN}),
        _rule(Move(Action.RECORD_DEFENCE), {_G}, BOARD),
        _rule(Move(Action.RECORD_ADVICE), {_G}, BOARD | {Role.SWV_ADMIN}),
        _rule(Move(Action.DECIDE), {_O, _G}, BOARD),
        _rule(Move(Action.RESOLVE), set(ALL_STAGES), BOTH_SIDES),
        _rule(Move(Action.WITHDRAW), set(ALL_STAGES), BOTH_SIDES),
    ),
    openings=(
        OpeningRule(_C, BOTH_SIDES),
        # Only for a pupil at home longer than four weeks (the law's condition, guards.py).
        OpeningRule(_E, BOTH_SIDES),
        OpeningRule(_O, FILERS),
        OpeningRule(_G, FILERS),
    ),
)
