"""Who controls each place over time, with the evidence for every change.

Reports rarely say "X controls Y from date A to date B". They say a town was captured, that a group
still holds some villages, that the last pocket lies between two places, that only 4 km² are left.
This module turns such *statements* into a *timeline* per place: segments of control
`{controller, from, until, confidence, evidence, claimants, contested_by}`.

Statements come from three readers: takeover events (ACLED's sub-event types for territory changing
hands), territory claims (an actor holds an area at a place; an area was taken), and control phrases in
the text (`thucydides.corpus.control_text`, read on the spaCy parse). The rules that join them:
- a takeover ends every earlier segment of another controller and opens one for the taker; the loser,
  when named, is known to have held the place before;
- a statement that the holder of the current segment still holds the place supports that segment;
- an account that someone else holds the place, with no takeover in between, contradicts it: both
  segments are kept side by side, each naming the other in `contested_by` — never averaged;
- a siege names the besieger in `contested_by` of whoever holds the place.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cached_property
from typing import TYPE_CHECKING, Literal

from thucydides.knowledge.acled import TERRITORY_CHANGES
from thucydides.knowledge.settings import section
from thucydides.model import Claim, Document, Event, Evidence, Interval, Place

if TYPE_CHECKING:
    from thucydides.knowledge.actors import ActorBase

StatementKind = Literal["takeover", "holds", "lost", "contests"]

TERRITORY_METRICS = ("territory_held", "share_held", "territory_taken")
"""Claims that say who holds or took ground."""



@dataclass(frozen=True)
class ControlSettings:
    """How much each kind of statement is believed, and how close in time two reports count as one moment."""

    same_moment_days: int = 7
    event_confidence: float = 0.8
    text_confidence: float = 0.6
    enclave_confidence: float = 0.4
    claim_confidence: float = 0.5
    implied_confidence: float = 0.5
    """A takeover 'from X' says X held the place before: believed this much of the takeover's confidence."""
    place_kinds: tuple[str, ...] = ("populated_place", "admin1", "admin2", "facility", "other")
    """Kinds of place a timeline is built for (a country or a river has no single controller)."""
    non_controller_kinds: tuple[str, ...] = ("civilians", "monitor", "outlet", "agency", "person")
    """Actor kinds that report on or live in a place but do not hold it."""
    irrealis_reach: int = 3
    """Heads up from a cue word searched for a word of intent ('plans to take'), which makes it no fact."""
    reporter_reach: int = 4
    """Heads up from a cue word searched for a verb of telling, whose subject says it ('X said ...')."""


def control_settings() -> ControlSettings:
    return section("control", ControlSettings)


@dataclass(frozen=True)
class ControlStatement:
    """One account of control at a place: who took, holds, lost or contests it, when, and where it is said."""

    place: str
    kind: StatementKind
    actor: str | None
    """The taker (takeover), holder (holds), loser (lost) or besieger (contests)."""
    evidence: Evidence
    when: Interval | None = None
    previous: str | None = None
    """For a takeover: who lost the place, when the report says so."""
    claimant: str | None = None
    confidence: float = 0.5
    claim: str | None = None
    """The territory claim this statement comes from ("only 4 km² left"), if any."""

    @property
    def day(self) -> date | None:
        """The earliest day the statement can refer to: a change is placed at the start of its window."""
        return (self.when.start or self.when.end) if self.when else None


@dataclass
class Segment:
    """A stretch of time during which, by the accounts gathered, `controller` holds the place."""

    controller: str
    start: Interval | None
    """When control began (the window of the change); None: before the first report."""
    until: Interval | None = None
    """When it ended; None: still held as far as the reports go."""
    statements: list[ControlStatement] = field(default_factory=list)
    contested_by: set[str] = field(default_factory=set)
    implied: bool = False
    """Known only because a later takeover names this controller as the loser."""

    @property
    def evidence(self) -> list[Evidence]:
        return list(dict.fromkeys(s.evidence for s in self.statements))

    @property
    def claimants(self) -> list[str | None]:
        return list(dict.fromkeys(s.claimant for s in self.statements))

    @property
    def claims(self) -> list[str]:
        return list(dict.fromkeys(s.claim for s in self.statements if s.claim))

    @cached_property
    def support(self) -> float:
        """Independent reports agreeing: noisy-or of the strongest statement of each document (read once built)."""
        best: dict[str, float] = {}
        for s in self.statements:
            best[s.evidence.doc] = max(best.get(s.evidence.doc, 0.0), s.confidence)
        doubt = 1.0
        for value in best.values():
            doubt *= 1.0 - value
        return 1.0 - doubt

    def covers(self, day: date) -> bool:
        begin = _first_day(self.start)
        end = _first_day(self.until)
        return (begin is None or begin <= day) and (end is None or day < end)

    def overlaps(self, other: Segment) -> bool:
        """Could both be in force on some day? (An open end reaches as far as it may.)"""
        a0, a1 = _first_day(self.start) or date.min, _first_day(self.until) or date.max
        b0, b1 = _first_day(other.start) or date.min, _first_day(other.until) or date.max
        return a0 < b1 and b0 < a1 or a0 == b0


@dataclass
class PlaceTimeline:
    place: Place
    segments: list[Segment]
    confidences: dict[int, float] = field(default_factory=dict, repr=False)
    """Each segment's confidence by id(segment), computed once the timeline is built."""

    def confidence(self, segment: Segment) -> float:
        if id(segment) not in self.confidences:
            self.confidences[id(segment)] = confidence(segment, self.segments)
        return self.confidences[id(segment)]

    def at(self, day: date | None) -> list[Segment]:
        """Segments in force on `day` (several when accounts disagree), best supported first; None: the latest."""
        if day is None:
            chosen = [s for s in self.segments if s.until is None]
        else:  # a segment with neither end dated cannot be placed on a given day
            chosen = [s for s in self.segments if s.covers(day) and (s.start or s.until)]
        return sorted(chosen, key=lambda s: -self.confidence(s))


def _first_day(interval: Interval | None) -> date | None:
    return (interval.start or interval.end) if interval else None


def confidence(segment: Segment, rivals: Sequence[Segment]) -> float:
    """Support, shared with the contradicting accounts for the same time (each keeps its own share)."""
    own = segment.support
    contest = sum(r.support for r in rivals if r is not segment and r.controller in segment.contested_by
                  and r.overlaps(segment)) if segment.contested_by else 0.0
    return round(own * own / (own + contest) if own + contest else 0.0, 3)


# --- statements from stored records ---------------------------------------------------------------------

def statements_from_events(events: Iterable[Event], published: dict[str, Interval | None],
                           settings: ControlSettings) -> list[ControlStatement]:
    """Takeover events: actor 1 takes the place, actor 2 (when named) loses it."""
    out = []
    for event in events:
        if event.sub_event_type not in TERRITORY_CHANGES or not event.place or not event.actor1:
            continue
        for evidence in event.evidence:
            when = event.date or published.get(evidence.doc)
            out.append(ControlStatement(event.place, "takeover", event.actor1, evidence, when,
                                        previous=event.actor2, confidence=settings.event_confidence))
    return out


def statements_from_claims(claims: Iterable[Claim], published: dict[str, Interval | None],
                           settings: ControlSettings) -> list[ControlStatement]:
    """Territory claims: the subject holds an area at the place; an area taken by an agent changed hands."""
    out = []
    for claim in claims:
        if not claim.place or not claim.subject:
            continue
        when = claim.time if claim.time and claim.time.end else published.get(claim.doc)
        if claim.metric in ("territory_held", "share_held"):
            out.append(ControlStatement(claim.place, "holds", claim.subject, claim.evidence, when,
                                        claimant=claim.claimant, confidence=settings.claim_confidence,
                                        claim=claim.id))
        elif claim.metric == "territory_taken" and claim.agent and claim.agent != claim.subject:
            out.append(ControlStatement(claim.place, "takeover", claim.agent, claim.evidence, when,
                                        previous=claim.subject, claimant=claim.claimant,
                                        confidence=settings.claim_confidence, claim=claim.id))
    return out


def not_told_twice(text: Iterable[ControlStatement], events: Sequence[ControlStatement]) -> list[ControlStatement]:
    """Text statements less the changes of hands a takeover event already records from the same words."""
    told = {(s.evidence.doc, s.place, s.actor): s.evidence for s in events if s.kind == "takeover"}
    out = []
    for s in text:
        seen = told.get((s.evidence.doc, s.place, s.actor))
        if s.kind == "takeover" and seen and seen.start < s.evidence.end and s.evidence.start < seen.end:
            continue
        out.append(s)
    return out


def published_dates(documents: Iterable[Document]) -> dict[str, Interval | None]:
    return {d.id: d.published for d in documents}


# --- statements to timelines ----------------------------------------------------------------------------

@dataclass
class _Builder:
    """Folds one place's statements, oldest first, into segments."""

    window: timedelta
    implied_share: float
    segments: list[Segment] = field(default_factory=list)

    def open_segments(self, day: date | None) -> list[Segment]:
        return [s for s in self.segments if s.until is None and _not_after(s.start, day)]

    def of(self, controller: str | None) -> Segment | None:
        found = [s for s in self.segments if s.controller == controller and s.until is None]
        return found[-1] if found else None

    def add(self, st: ControlStatement) -> None:
        if st.day is None:
            self._undated(st)
            return
        handler = {"takeover": self._takeover, "holds": self._holds, "lost": self._lost,
                   "contests": self._contests}[st.kind]
        handler(st)

    def _undated(self, st: ControlStatement) -> None:
        """A statement with no date supports what it agrees with and moves no boundary."""
        actor = st.actor
        if actor is None or st.kind == "contests":
            return
        if st.kind == "lost":  # 'X was driven out of Y', undated: X held Y at some time
            st = replace(st, kind="holds")
        same = [s for s in self.segments if s.controller == actor]
        if same:
            same[-1].statements.append(st)
        else:
            self.segments.append(Segment(actor, None, statements=[st]))

    def _takeover(self, st: ControlStatement) -> None:
        assert st.actor is not None
        current = self.of(st.actor)
        if current is not None and _near(current.start, st.when, self.window):
            current.statements.append(st)  # the same capture, told again
            current.start = _narrower(current.start, st.when)
            return
        self._note_loser(st)
        for seg in self.open_segments(st.day):
            if seg.controller != st.actor:
                seg.until = st.when
        self.segments.append(Segment(st.actor, st.when, statements=[st]))

    def _note_loser(self, st: ControlStatement) -> None:
        """'Taken from X': X held the place until then, even if no report said so before."""
        if not st.previous or st.previous == st.actor:
            return
        if any(s.controller == st.previous for s in self.segments):
            return
        implied = ControlStatement(st.place, "holds", st.previous, st.evidence, None, claimant=st.claimant,
                                   confidence=st.confidence * self.implied_share)
        self.segments.append(Segment(st.previous, None, statements=[implied], implied=True))

    def _holds(self, st: ControlStatement) -> None:
        assert st.actor is not None
        own = self.of(st.actor)
        if own is not None:
            own.statements.append(st)
            return
        rivals = self.open_segments(st.day)
        segment = Segment(st.actor, st.when, statements=[st])
        for rival in rivals:  # someone else holds it by other accounts: both stand, each contested
            rival.contested_by.add(st.actor)
            segment.contested_by.add(rival.controller)
        self.segments.append(segment)

    def _lost(self, st: ControlStatement) -> None:
        assert st.actor is not None
        own = self.of(st.actor)
        if own is None:
            self.segments.append(Segment(st.actor, None, st.when, statements=[st], implied=True))
            return
        own.until = st.when
        own.statements.append(st)

    def _contests(self, st: ControlStatement) -> None:
        for seg in self.open_segments(st.day):
            if seg.controller != st.actor and st.actor:
                seg.contested_by.add(st.actor)
                seg.statements.append(st)


def _not_after(start: Interval | None, day: date | None) -> bool:
    first = _first_day(start)
    return first is None or day is None or first <= day


def _near(a: Interval | None, b: Interval | None, window: timedelta) -> bool:
    x, y = _first_day(a), _first_day(b)
    if x is None or y is None:
        return True
    return abs(x - y) <= window


def _narrower(a: Interval | None, b: Interval | None) -> Interval | None:
    if a is None or b is None:
        return a or b
    return a if (a.days or 10**6) <= (b.days or 10**6) else b


_ORDER = {"takeover": 0, "lost": 1, "holds": 2, "contests": 3}


def _sort_key(st: ControlStatement) -> tuple[date, int, str, int]:
    return (st.day or date.max, _ORDER[st.kind], st.evidence.doc, st.evidence.start)


def _same_words(one: ControlStatement, other: ControlStatement) -> bool:
    a, b = one.evidence, other.evidence
    return one.place == other.place and a.doc == b.doc and a.start < b.end and b.start < a.end


def told_once(statements: Sequence[ControlStatement]) -> list[ControlStatement]:
    """One change of hands told in the same words by a takeover event and by the text's roles is one statement:
    the actor the text names where the event gave only a generic one ('Unidentified Armed Group (Syria)' for
    'the SDF was able to liberate Hajin'), the event's date (the text reader dates by publication), the narrower
    evidence of the two, and the loser either names."""
    from thucydides.actors.recognize import registry

    base = registry().base
    generic = [s for s in statements if s.kind == "takeover" and base.generic_key(s.actor) is not None]
    merged: dict[int, ControlStatement] = {}
    dropped: set[int] = set()
    for vague in generic:
        twin = _named_twin(statements, vague, base)
        if twin is not None:
            merged[twin] = _joined(merged.get(twin, statements[twin]), vague)
            dropped.add(id(vague))
    return [merged.get(i, s) for i, s in enumerate(statements) if id(s) not in dropped]


def _named_twin(statements: Sequence[ControlStatement], vague: ControlStatement, base: ActorBase) -> int | None:
    """Where the takeover told in the same words as `vague` by an actor named, not generic, stands, if any."""
    return next((i for i, s in enumerate(statements) if s.kind == "takeover" and _same_words(s, vague)
                 and s.actor and base.generic_key(s.actor) is None), None)


def _joined(named: ControlStatement, vague: ControlStatement) -> ControlStatement:
    """The statement naming the actor, with the date, the loser and the narrower evidence of its generic twin."""
    return replace(named, when=vague.when or named.when, previous=named.previous or vague.previous,
                   evidence=min(named.evidence, vague.evidence, key=lambda e: e.end - e.start),
                   confidence=max(named.confidence, vague.confidence))


def _armed(statements: Iterable[ControlStatement], settings: ControlSettings) -> Iterator[ControlStatement]:
    """Statements whose actor can hold ground; a non-holder named as the loser is dropped from it."""
    from thucydides.actors.recognize import registry

    reg = registry()
    excluded = set(settings.non_controller_kinds)
    for st in statements:
        if st.actor and reg.kind(st.actor) in excluded:
            continue
        if st.previous and reg.kind(st.previous) in excluded:
            st = replace(st, previous=None)
        yield st


def build_timelines(statements: Iterable[ControlStatement], places: Iterable[Place],
                    settings: ControlSettings | None = None) -> list[PlaceTimeline]:
    """One timeline per place some statement is about, places in name order, segments oldest first."""
    settings = settings or control_settings()
    by_id = {p.id: p for p in places if p.kind in settings.place_kinds}
    grouped: dict[str, list[ControlStatement]] = {}
    for st in _armed(told_once(list(statements)), settings):
        if st.place in by_id:
            grouped.setdefault(st.place, []).append(st)
    out = []
    for place_id, items in grouped.items():
        builder = _Builder(timedelta(days=settings.same_moment_days), settings.implied_confidence)
        for st in sorted(items, key=_sort_key):
            builder.add(st)
        segments = sorted(builder.segments, key=lambda s: (_first_day(s.start) or date.min, s.controller))
        timeline = PlaceTimeline(by_id[place_id], segments)
        for s in segments:  # once, here, rather than on every read
            timeline.confidence(s)
        out.append(timeline)
    return sorted(out, key=lambda t: (t.place.name, t.place.id))


def filter_timelines(timelines: Sequence[PlaceTimeline], place: str | None = None,
                     bbox: tuple[float, float, float, float] | None = None) -> list[PlaceTimeline]:
    """Timelines of places whose id or name matches `place` (case-insensitive) and inside `bbox`."""
    out = list(timelines)
    if place:
        wanted = _folded(place)
        out = [t for t in out if wanted == t.place.id.casefold() or wanted in _folded(t.place.name)]
    if bbox:
        west, south, east, north = bbox
        out = [t for t in out if west <= t.place.lon <= east and south <= t.place.lat <= north]
    return out


def _folded(name: str) -> str:
    """Lower case without diacritics, so 'Hajin' finds 'Hajīn'."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).casefold()
