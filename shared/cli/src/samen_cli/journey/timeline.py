"""The journey told as a short timeline: one line per moment, with the events the
platform wrote for it. Lines never hold a name, an address or a token."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from samen_cli.journey.events import Seen
from samen_cli.terminal import clock_time

ACTOR_WIDTH = 13


@dataclass(frozen=True)
class Moment:
    at: datetime
    actor: str
    text: str
    events: tuple[str, ...] = ()

    def line(self) -> str:
        when = clock_time(self.at)
        told = f"  {when}  {self.actor:<{ACTOR_WIDTH}} {self.text}"
        indent = len(when) + 4 + ACTOR_WIDTH
        return f"{told}\n{'':>{indent}}→ {', '.join(self.events)}" if self.events else told


def counted(seen: Sequence[Seen]) -> tuple[str, ...]:
    """`ConsentGiven ×2` for two of a kind, in the order they first came."""
    counts = Counter(s.name for s in seen)
    return tuple(name if n == 1 else f"{name} ×{n}" for name, n in counts.items())


@dataclass
class Timeline:
    clock: Callable[[], datetime]
    out: Callable[[str], None] | None = None
    moments: list[Moment] = field(default_factory=list)

    def say(self, actor: str, text: str, seen: Sequence[Seen] = ()) -> Moment:
        moment = Moment(self.clock(), actor, text, counted(seen))
        self.moments.append(moment)
        if self.out is not None:
            self.out(moment.line())
        return moment
