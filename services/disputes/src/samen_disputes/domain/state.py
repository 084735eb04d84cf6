"""The state of one dispute: its facts, the tracks that are active, and how it ended."""

from dataclasses import dataclass, replace
from datetime import date, datetime

from samen_disputes.domain.moves import CommitteeAdvice, DecisionOutcome
from samen_disputes.domain.stages import INFORMAL_STAGES, Ending, Stage
from samen_disputes.domain.subjects import DisputeSubject, Opener


@dataclass(frozen=True)
class Track:
    """One active stage. The committee track also records the defence and the advice."""

    stage: Stage
    started_at: datetime
    defence_requested_at: datetime | None = None  # the committee asked the board
    defence_at: datetime | None = None
    advice: CommitteeAdvice | None = None
    advice_at: datetime | None = None


@dataclass(frozen=True)
class DisputeState:
    subject: DisputeSubject
    opened_by: Opener
    decision_date: date | None  # the date of the decision the dispute is about, if any
    opened_at: datetime
    last_moved_at: datetime
    tracks: tuple[Track, ...]  # active tracks, in the order they started; empty once ended
    ending: Ending | None = None
    outcome: DecisionOutcome | None = None
    ended_at: datetime | None = None

    @property
    def is_ended(self) -> bool:
        return self.ending is not None

    @property
    def stages(self) -> frozenset[Stage]:
        return frozenset(track.stage for track in self.tracks)

    def track(self, stage: Stage) -> Track | None:
        return next((t for t in self.tracks if t.stage is stage), None)

    @property
    def informal_stage(self) -> Stage | None:
        return next((t.stage for t in self.tracks if t.stage in INFORMAL_STAGES), None)

    @property
    def committee(self) -> Track | None:
        return self.track(Stage.DISPUTES_COMMITTEE)

    def with_track(self, updated: Track) -> "DisputeState":
        tracks = tuple(updated if t.stage is updated.stage else t for t in self.tracks)
        return replace(self, tracks=tracks)
