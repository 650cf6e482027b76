"""From trigger sightings to events: ACLED's one-happening-one-event rules within a report."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from thucydides.actors.recognize import ActorRegistry
from thucydides.events.arguments import plausible
from thucydides.events.lexicon import OVERTAKES, REGAINS, TAKEOVER, Lexicon
from thucydides.model import Document, Event, Evidence, Interval, Place, TimeExpression, stable_id

BATTLES = "Battles"
ARMED_CLASH = "Armed clash"
ARRESTS = "Arrests"


@dataclass(frozen=True)
class Sighting:
    """One trigger in the text that reports a happening, with the arguments read around it."""

    trigger_start: int
    trigger_text: str
    sentence: int
    event_type: str
    sub_event_type: str
    evidence: tuple[int, int]
    actor1: str | None = None
    actor2: str | None = None
    symmetric: bool = False
    place: str | None = None
    geo_precision: int = 3
    time: TimeExpression | None = None
    fatalities: int | None = None
    claims: tuple[str, ...] = ()
    civilian_targeting: bool = False
    candidates: tuple[str, ...] = ()
    """Armed actors of the sentence, nearest first, for roles the syntax left open."""
    syntactic: bool = False
    foreground: bool = False
    """Told as the main statement of its sentence rather than in a phrase hung on another."""
    echoes: tuple[Sighting, ...] = ()
    """later definite mentions ('the fighting') that point back to this happening"""
    guessed: frozenset[str] = frozenset()
    """The roles ("actor1", "actor2") filled from the sentence rather than read from the syntax."""
    place_source: str = "own"
    """'own' (its own phrase or arguments), 'clause' (nearest in its clause) or 'main' (the report's main place)"""
    echo: bool = False
    """'the fighting': a definite mention with no actor or place of its own points back to a happening told before."""
    anaphoric_subject: bool = False
    """actor 1 told by a pronoun or 'the forces': the actor of the story so far."""
    headline: bool = False
    """told in the headline, which restates the story below it"""
    trigger_lemma: str = ""

    @property
    def is_takeover(self) -> bool:
        return self.sub_event_type in {OVERTAKES, REGAINS, TAKEOVER}


def _pick(candidates: Sequence[str], prior: Counter[str], other: Counter[str], exclude: str | None,
          required: bool) -> str | None:
    """The candidate the report most often shows in this role rather than the other, nearest on ties.

    An optional role (actor 2) is only filled by an actor the report shows in that role elsewhere.
    """
    pool = [c for c in candidates if c != exclude]
    if not required:
        pool = [c for c in pool if prior[c] > other[c]]
    if not pool:
        return None
    return max(pool, key=lambda c: (prior[c] - other[c], -pool.index(c)))


def resolve_actors(sightings: Sequence[Sighting], registry: ActorRegistry, lex: Lexicon) -> list[Sighting]:
    """Fill roles the syntax left open from the sentence's actors, guided by the roles the report
    gives them elsewhere; then name takeovers by who took the place (no taker, no takeover)."""
    acting = Counter(s.actor1 for s in sightings if s.syntactic and s.actor1)
    targeted = Counter(s.actor2 for s in sightings if s.syntactic and s.actor2)
    taker: dict[str | None, str] = {}
    for s in sightings:
        if s.sub_event_type == TAKEOVER and s.actor1:
            taker.setdefault(s.place, s.actor1)
    out = []
    story_actor: str | None = None
    for s in sightings:
        actor1 = s.actor1 or _pick(s.candidates, acting, targeted, s.actor2, required=True)
        if actor1 is None and s.sub_event_type == TAKEOVER:
            actor1 = taker.get(s.place)
        if actor1 is None and s.anaphoric_subject and story_actor != s.actor2:
            actor1 = story_actor  # "it stationed", "our forces liberated": the actor of the story so far
        if actor1:
            story_actor = actor1
        actor2 = s.actor2
        if actor2 is None and s.event_type in lex.two_sided_types:
            actor2 = _pick(s.candidates, targeted, acting, actor1, required=False)
        sub = s.sub_event_type
        if sub == TAKEOVER:
            if actor1 is None:
                continue
            sub = REGAINS if registry.kind(actor1) in lex.government_kinds else OVERTAKES
        if actor1 is None and s.event_type in lex.needs_named_actor and sub not in lex.unnamed_actor_subs:
            continue
        guessed = {role for role, before, after in (("actor1", s.actor1, actor1), ("actor2", s.actor2, actor2))
                   if before is None and after is not None}
        out.append(replace(s, actor1=actor1, actor2=actor2, sub_event_type=sub, guessed=frozenset(guessed)))
    return out


def read(s: Sighting, role: str) -> str | None:
    """An actor the syntax gave this sighting (guesses from the sentence do not count)."""
    return None if role in s.guessed else getattr(s, role)


def within(inner: str | None, outer: str | None, places: dict[str, Place]) -> bool:
    """The same place, or a place inside a first-level division the other names."""
    if inner is None or outer is None:
        return inner == outer
    if inner == outer:
        return True
    a, b = places.get(inner), places.get(outer)
    return bool(a and b and b.kind == "admin1" and a.admin1 and a.admin1 == b.admin1)


def drop_subsumed(sightings: Sequence[Sighting], lex: Lexicon, places: dict[str, Place]) -> list[Sighting]:
    """A clash that ends in a takeover is the takeover; remote violence in a battle is the battle.

    A clash goes into a takeover of the same place told in the same sentence. Remote violence
    told as background (not as the main statement) goes into a battle told in the same area
    within a sentence of it. The figures of an absorbed mention pass to the one absorbing it.
    """
    takeovers = {(s.sentence, s.place): i for i, s in enumerate(sightings) if s.is_takeover}
    battles = [(i, s) for i, s in enumerate(sightings) if s.event_type == BATTLES]
    absorbed: dict[int, list[Sighting]] = {}
    kept: list[int] = []
    for i, s in enumerate(sightings):
        here = (s.sentence, s.place)
        if s.sub_event_type == ARMED_CLASH and here in takeovers \
                and same_time(s, sightings[takeovers[here]]):
            absorbed.setdefault(takeovers[here], []).append(s)
            continue
        if s.event_type in lex.absorbed_by_battle and not s.foreground:
            battle = next((j for j, b in battles if abs(b.sentence - s.sentence) <= 1
                           and (within(s.place, b.place, places) or within(b.place, s.place, places))), None)
            if battle is not None:
                absorbed.setdefault(battle, []).append(s)
                continue
        kept.append(i)
    return [_absorb(sightings[i], absorbed.get(i, [])) for i in kept]


def fold_operations(sightings: Sequence[Sighting], lex: Lexicon) -> list[Sighting]:
    """'arrested five men during a raid on X', 'raided a village and detained three': a ground operation
    told in the sentence of an arrest is that arrest, which happened where the operation went."""
    arrests = {s.sentence: s for s in sightings if s.sub_event_type == ARRESTS}
    out: list[Sighting] = []
    moved: dict[int, Sighting] = {}
    for s in sightings:
        arrest = arrests.get(s.sentence)
        if arrest is not None and s.sub_event_type == ARMED_CLASH and s.trigger_lemma in lex.operation_nouns:
            if s.place_source == "own" and s.place:
                moved[id(arrest)] = replace(arrest, place=s.place, geo_precision=s.geo_precision, place_source="own")
            continue
        out.append(s)
    return [moved.get(id(s), s) for s in out]


def same_time(a: Sighting, b: Sighting) -> bool:
    """Undated mentions fit any date; dated ones must overlap."""
    if a.time is None or b.time is None:
        return True
    x, y = a.time.interval, b.time.interval
    if None in (x.start, x.end, y.start, y.end):
        return True
    return not (x.end < y.start or y.end < x.start)  # type: ignore[operator]


def carry_places(sightings: Sequence[Sighting]) -> list[Sighting]:
    """A happening told without a place of its own is where the story is: at the place of a happening of
    its type told in the same sentence, else (when only the report's main place stood for it) at the
    place of the happening told just before, within a sentence."""
    placed = [s for s in sightings if s.place_source == "own" and s.place]
    out = []
    for s in sightings:
        if s.place_source != "own":
            here = [o for o in placed if o.sentence == s.sentence and o.event_type == s.event_type and o is not s]
            before = [o for o in placed if o.trigger_start < s.trigger_start and s.sentence - o.sentence <= 1]
            if here:
                nearest = min(here, key=lambda o: abs(o.trigger_start - s.trigger_start))
                s = replace(s, place=nearest.place, geo_precision=nearest.geo_precision)
            elif s.place_source == "main" and before:
                s = replace(s, place=before[-1].place, geo_precision=max(2, before[-1].geo_precision))
        out.append(s)
    return out


def join_echoes(sightings: Sequence[Sighting]) -> list[Sighting]:
    """'the fighting', 'the clashes lasted two hours': a definite mention with nothing of its own goes to
    the last happening of its type told before it; with none before, it tells nothing codable."""
    out: list[Sighting] = []
    for s in sorted(sightings, key=lambda x: x.trigger_start):
        if s.echo:
            earlier = [i for i, o in enumerate(out) if o.event_type == s.event_type]
            if earlier:
                i = earlier[-1]
                out[i] = replace(out[i], echoes=(*out[i].echoes, s))
            continue
        out.append(s)
    return out


def join_headlines(groups: list[list[Sighting]]) -> list[list[Sighting]]:
    """A headline restates the story below it: a headline-only happening joins the body's happening of
    the same type (at the same place if there is one), and stands alone only when the body has none."""
    out = [g for g in groups if not all(m.headline for m in g)]
    for g in groups:
        if not all(m.headline for m in g):
            continue
        same = [h for h in out if h[0].event_type == g[0].event_type and not all(m.headline for m in h)]
        same.sort(key=lambda h: (h[0].sub_event_type != g[0].sub_event_type, h[0].place != g[0].place))
        target = same[0] if same else None
        if target is None:
            out.append(g)
        else:
            target.extend(replace(m, place=target[0].place) for m in g)
    return out


def _absorb(keeper: Sighting, absorbed: Sequence[Sighting]) -> Sighting:
    if not absorbed:
        return keeper
    claims = tuple(dict.fromkeys([*keeper.claims, *(c for s in absorbed for c in s.claims)]))
    return replace(keeper, claims=claims)  # the toll is decided from all the claims (events.set_fatalities)


def order_symmetric(sightings: Sequence[Sighting]) -> list[Sighting]:
    """'clashes between X and Y' names no initiator: take the side the report shows acting elsewhere."""
    acting = Counter(s.actor1 for s in sightings if not s.symmetric and s.actor1)
    out = []
    for s in sightings:
        if s.symmetric and s.actor1 and s.actor2 and acting[s.actor2] > acting[s.actor1]:
            s = replace(s, actor1=s.actor2, actor2=s.actor1)
        out.append(s)
    return out


def _compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


@dataclass
class _Group:
    members: list[Sighting] = field(default_factory=list)

    def fits_all(self, others: Sequence[Sighting]) -> bool:
        return all(self.fits(o) for o in others)

    def fits(self, s: Sighting) -> bool:
        if s.is_takeover:
            return True  # only the final takeover of a place is a takeover
        return all(_compatible(read(m, "actor1"), read(s, "actor1"))
                   and _compatible(read(m, "actor2"), read(s, "actor2")) for m in self.members)


def fold_regions(groups: list[list[Sighting]], places: dict[str, Place]) -> list[list[Sighting]]:
    """'Air strikes in Idlib' and 'air strikes on a town in Idlib' are one happening when the report
    tells of exactly one such happening inside that province: the precise place wins."""
    out = list(groups)
    for g in list(out):
        place = places.get(g[0].place or "")
        if place is None or place.kind != "admin1":
            continue
        inside = [h for h in out if h is not g and h[0].event_type == g[0].event_type
                  and h[0].sub_event_type == g[0].sub_event_type and h[0].place != g[0].place
                  and within(h[0].place, g[0].place, places)
                  and _Group(list(h)).fits_all(g)]
        if len(inside) == 1:
            inside[0].extend(replace(m, place=inside[0][0].place) for m in g)
            out.remove(g)
    return out


def group(sightings: Sequence[Sighting]) -> list[list[Sighting]]:
    """Sightings of one report with the same type and place and compatible actors are one happening."""
    groups: dict[tuple, list[_Group]] = {}
    for s in sorted(sightings, key=lambda x: x.trigger_start):
        kind = "takeover" if s.is_takeover else s.sub_event_type
        key = (s.event_type, kind, s.place)
        for g in groups.setdefault(key, []):
            if g.fits(s):
                g.members.append(s)
                break
        else:
            groups[key].append(_Group([s]))
    return [g.members for gs in groups.values() for g in gs]


def _final(members: Sequence[Sighting]) -> Sighting:
    """The sighting that speaks for a group: for takeovers the latest dated one, else the first told
    below the headline."""
    if not members[0].is_takeover:
        return next((m for m in members if not m.headline), members[0])
    dated = [(m.time.interval.end, m) for m in members if m.time and m.time.interval.end]
    if not dated:
        return members[0]
    return max(dated, key=lambda pair: pair[0])[1]


def _first(values: Sequence[str | None]) -> str | None:
    return next((v for v in values if v), None)


def to_event(members: Sequence[Sighting], document: Document, fallback: Interval | None = None) -> Event:
    """One event from the sightings of one happening; `fallback` dates it when no sentence does."""
    lead = _final(members)
    ordered = [lead, *(m for m in members if m is not lead)]
    actor1 = _first([read(m, "actor1") for m in ordered]) or _first([m.actor1 for m in ordered])
    dated = lead.time or next((m.time for m in members if m.time), None)
    date: Interval | None
    if dated is not None:
        date, precision = dated.interval, dated.precision
    else:
        date, precision = fallback, 3
    evidence: list[Evidence] = []
    for m in [x for member in members for x in (member, *member.echoes)]:
        ev = Evidence.of(document, *m.evidence)
        if all((e.start, e.end) != (ev.start, ev.end) for e in evidence):
            evidence.append(ev)
    claims: list[str] = []
    for m in members:
        claims.extend(c for c in m.claims if c not in claims)
    return Event(
        id=stable_id("event", document.id, lead.event_type, lead.sub_event_type, lead.place, lead.trigger_start),
        docs=[document.id],
        event_type=lead.event_type,
        sub_event_type=lead.sub_event_type,
        evidence=evidence,
        actor1=actor1,
        actor2=_first([read(m, "actor2") for m in ordered if read(m, "actor2") != actor1])
        or _first([m.actor2 for m in ordered if m.actor2 != actor1]),
        place=lead.place,
        geo_precision=min(m.geo_precision for m in members),
        date=date,
        time_precision=precision,
        fatalities=None,  # decided from the event's claims by the one policy (events.set_fatalities)
        claims=claims,
        civilian_targeting=any(m.civilian_targeting for m in members),
        notes=summary(lead, members, actor1),
    )


def summary(lead: Sighting, members: Sequence[Sighting], actor1: str | None) -> str:
    """A one-line human summary: who did what to whom, from which words."""
    who = actor1 or "unidentified actor"
    against = f" against {lead.actor2}" if lead.actor2 else ""
    words = ", ".join(dict.fromkeys(m.trigger_text for m in members))
    return f"{lead.sub_event_type}: {who}{against} (reported as: {words})"


def build_events(sightings: Sequence[Sighting], document: Document, lex: Lexicon,
                 registry: ActorRegistry, places: dict[str, Place] | None = None) -> list[Event]:
    places = places or {}
    told = carry_places(join_echoes(fold_operations(sightings, lex)))
    kept = drop_subsumed(resolve_actors(order_symmetric(told), registry, lex), lex, places)
    groups = join_headlines(fold_regions(group(kept), places))
    published = document.published if plausible(document.published, lex) else None
    return [to_event(sorted(members, key=lambda m: m.trigger_start), document, published) for members in groups]
