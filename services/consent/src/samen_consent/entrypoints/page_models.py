"""What a parent page shows, worked out from the request and the guardian's place in it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from uuid import UUID

from samen_kit.pages import direction

from samen_consent.adapters.documents import ShownWords
from samen_consent.adapters.requests import StoredRequest
from samen_consent.domain.dutch_time import local_date
from samen_consent.domain.evidence import Act
from samen_consent.domain.parties import Standing
from samen_consent.domain.purposes import text_to_show
from samen_consent.domain.request import RequestState, effective_state
from samen_consent.domain.support_needs import SupportNeedKind
from samen_consent.domain.texts import DUTCH, PurposeText
from samen_consent.handlers.guardian_queries import GuardianView


@dataclass(frozen=True)
class HistoryLine:
    key: str
    date: date


@dataclass(frozen=True)
class SupportChoice:
    value: str
    checked: bool


@dataclass(frozen=True)
class RequestPage:
    base: str
    dutch: PurposeText
    shown: PurposeText | None  # the parent's language, when it is not Dutch
    state_key: str
    valid_until: date | None = None
    answer_by: date | None = None
    history: list[HistoryLine] = field(default_factory=list)
    waiting_for_others: bool = False
    notice: str | None = None
    can_answer: bool = False
    can_withdraw: bool = False
    has_receipts: bool = False
    support_kinds: list[SupportChoice] = field(default_factory=list)
    support_saved: date | None = None
    support_note: str | None = None
    document: ShownWords | None = None  # the words a bound request asks about
    document_version: int | None = None  # set when the request is about a document

    @property
    def document_direction(self) -> str:
        return direction(self.document.language) if self.document else "ltr"

    @property
    def shown_direction(self) -> str:
        return direction(self.shown.language) if self.shown else "ltr"


def request_page(
    view: GuardianView,
    guardian_id: UUID,
    language: str,
    now: datetime,
    words: ShownWords | None = None,
) -> RequestPage:
    """`words`: the document's words, for a request about one; without them the parent
    cannot answer (nobody agrees to words they did not see)."""
    request = view.stored.request
    unseen = request.subject is not None and words is None
    state = effective_state(request, now)
    shown = text_to_show(request.purpose, language)
    is_party = guardian_id in request.parties.guardians
    with_authority = view.standing is Standing.PARENTAL_AUTHORITY
    said = request.answer_of(guardian_id)
    withdrew = request.withdrawal is not None and request.withdrawal.party_id == guardian_id
    agreed = said is not None and said.act is Act.AGREE and not withdrew
    may_act = is_party and with_authority
    return RequestPage(
        base=f"/ouders/toestemming/{request.request_id}",
        dutch=request.purpose.dutch,
        shown=shown if shown.language != DUTCH else None,
        state_key=f"state_{state.value}",
        valid_until=_last_day(request.expires_at) if state is RequestState.GIVEN else None,
        answer_by=_last_day(request.expires_at) if state is RequestState.OPEN else None,
        history=_history(view.stored, guardian_id),
        waiting_for_others=state is RequestState.OPEN and agreed,
        notice="document_unavailable" if unseen else _notice(view, guardian_id, is_party),
        can_answer=may_act and state is RequestState.OPEN and said is None and not unseen,
        can_withdraw=may_act and agreed and state in (RequestState.OPEN, RequestState.GIVEN),
        has_receipts=said is not None or withdrew,
        support_kinds=_support_kinds(view),
        support_saved=local_date(view.support.at) if view.support else None,
        support_note=view.support.note if view.support else None,
        document=words,
        document_version=None if request.subject is None else request.subject.version,
    )


def _last_day(end: datetime | None) -> date | None:
    return None if end is None else local_date(end - timedelta(microseconds=1))


def _history(stored: StoredRequest, guardian_id: UUID) -> list[HistoryLine]:
    request = stored.request
    lines = []
    said = request.answer_of(guardian_id)
    if said is not None:
        key = "you_agreed" if said.act is Act.AGREE else "you_refused"
        lines.append(HistoryLine(key, local_date(said.at)))
    withdrawal = request.withdrawal
    if withdrawal is not None and withdrawal.party_id == guardian_id:
        lines.append(HistoryLine("you_withdrew", local_date(withdrawal.at)))
    return lines


def _notice(view: GuardianView, guardian_id: UUID, is_party: bool) -> str | None:
    parties = view.stored.request.parties
    if is_party and view.standing is not Standing.PARENTAL_AUTHORITY:
        return "no_authority"
    if not is_party and not parties.guardians and parties.pupil is not None:
        return "pupil_decides"
    if not is_party:
        return "not_asked"
    return None


def _support_kinds(view: GuardianView) -> list[SupportChoice]:
    chosen = set(view.support.kinds) if view.support else set()
    return [SupportChoice(kind.value, kind.value in chosen) for kind in SupportNeedKind]


@dataclass(frozen=True)
class OverviewItem:
    title: str
    shown_title: str | None
    state_key: str
    valid_until: date | None
    link: str | None


def overview_item(
    stored: StoredRequest, language: str, now: datetime, link: str | None
) -> OverviewItem:
    request = stored.request
    state = effective_state(request, now)
    shown = text_to_show(request.purpose, language)
    return OverviewItem(
        title=request.purpose.dutch.title,
        shown_title=shown.title if shown.language != DUTCH else None,
        state_key=f"state_{state.value}",
        valid_until=_last_day(request.expires_at) if state is RequestState.GIVEN else None,
        link=link,
    )
