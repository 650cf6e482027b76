"""Generic actors settled by a report's country once places are known.

"Security forces", "gunmen" or "protesters" name ACLED's generic actors of some country: the recogniser settles
them when their own phrase says which ("Nigerian troops"); otherwise the "settle" stage (after "places") calls
`settle_analysis`, and each such mention becomes the actor of the same family named just before it or of the
report's country (gunmen in a Nigerian
report: Unidentified Armed Group (Nigeria)). A family with members per country settles the same way ("Islamic
State" in a Syrian report: Islamic State (Syria)). Nothing is assumed where no country is known.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from thucydides.knowledge.actors import NON_STATE_ARMED_KINDS, Actor, ActorBase, actor_base, actor_config
from thucydides.knowledge.demonyms import neighbours
from thucydides.knowledge.state_forces import StateForceReading, state_force_nouns, state_force_readings
from thucydides.knowledge.unnamed import LikelyGroup, likely_groups, unnamed_modifiers
from thucydides.ling.context import actors_country
from thucydides.model import ActorMention, Analysis, Toponym
from thucydides.pipeline import StageFn, stage


def settle(mention: ActorMention, country: str | None, base: ActorBase | None = None) -> ActorMention:
    """The mention with its generic actor replaced by that actor's member for `country` (unchanged when the
    mention is not generic or no country is given); a people's militia ACLED names in one country only takes
    that country where none is given, and where it has no member in `country` as `home_over_country` says."""
    base = base or actor_base()
    home = base.home(mention.actor) if mention.generic else None
    if home and (not country or _home_abroad(mention.actor, home, country, base)):
        country = home
    if not mention.generic or not country:
        return mention
    member = base.member(mention.actor, country)
    if member is None:
        return mention
    return replace(mention, actor=member.id, kind=member.kind, country=country, generic=False)


def _home_abroad(family: str, home: str, country: str, base: ActorBase) -> bool:
    """Whether a people's militia of one home keeps it in a report on `country`, where it has no member
    ('Arab Ethnic Militia (Sudan)' in a report on Iraq: not with 'neighbours', as Sudan does not border Iraq)."""
    mode = actor_config().home_over_country
    if mode == "never" or base.members.get((family, country)) is not None:
        return False
    return mode == "always" or home in neighbours(country)


def settle_all(mentions: Iterable[ActorMention], country: str | None,
               base: ActorBase | None = None) -> list[ActorMention]:
    """Every mention settled: a generic one by the country of a mention just before it with the same family and
    head noun ('the Turkish army ... the army': Turkey's), else by `country`."""
    base = base or actor_base()
    window = actor_config().coreference_window
    last: dict[tuple[str, str], tuple[int, str]] = {}
    out = []
    for m in sorted(mentions, key=lambda m: m.start):
        actor = base.get(m.actor)
        head = m.text.lower().split()[-1] if m.text.split() else ""
        told = _country_told(m, actor)
        if told is not None and actor is not None and actor.family:
            last[(actor.family, head)] = (m.end, told)
        near = last.get((m.actor, head)) if m.generic else None
        out.append(settle(m, near[1] if near and m.start - near[0] <= window else country, base))
    return out


def refer_back(mentions: Sequence[ActorMention], base: ActorBase | None = None,
               window: int | None = None) -> list[ActorMention]:
    """A bare noun that stands for an armed group ('the rebels', `GenericKind.refer_back`) is the named armed
    non-state group the report named within `window` characters before it ('M23 seized Rubaya ... the rebels
    shelled Sake': M23, as ACLED codes it) where it named only one there; with none it stays generic (the
    country's unidentified armed group); with several it is no mention, so that the claims and events stages'
    own reading says which one 'the militants' are (not the one that only speaks)."""
    base = base or actor_base()
    window = actor_config().back_reference_window if window is None else window
    nouns = frozenset(n for kind in base.curated.generic for n in kind.refer_back)
    if not window or not nouns:
        return list(mentions)
    ordered = sorted(mentions, key=lambda m: m.start)
    named = [m for m in ordered if _named_armed_group(m, base)]
    after = actor_config().back_reference_after
    read = (_read_back(m, named, window, after) if m.generic and m.text.lower() in nouns and not m.speaker else m
            for m in ordered)
    return [m for m in read if m is not None]


def state_force_reading(mentions: Sequence[ActorMention], base: ActorBase | None = None,
                        readings: Mapping[str, StateForceReading] | None = None,
                        nouns: frozenset[str] | None = None) -> list[ActorMention]:
    """A country's military named only by a noun that says neither the army nor the police ('security forces',
    `state_force_nouns`) is the country's police where ACLED's coders there read it so (`state_force_readings`,
    learned from ACLED's train notes: Ethiopia's, not Somalia's); the events stage's protest rule reads it as the
    police in a protest anyway."""
    base = base or actor_base()
    readings = state_force_readings() if readings is None else readings
    nouns = state_force_nouns() if nouns is None else nouns
    out = []
    for m in mentions:
        police = _read_as_police(m, base, readings, nouns)
        out.append(replace(m, actor=police.id, kind=police.kind) if police is not None else m)
    return out


def _read_as_police(m: ActorMention, base: ActorBase, readings: Mapping[str, StateForceReading],
                    nouns: frozenset[str]) -> Actor | None:
    """The country's police where the mention is its military named by such a noun and the country's coders read
    the noun as the police; else None."""
    reading = readings.get(m.country or "") if base.generic_key(m.actor) == "military" else None
    if reading is None or reading.reading != "police":
        return None
    words = " ".join(m.text.lower().split())
    if not any(words == n or words.endswith(" " + n) for n in nouns):
        return None
    police = base.generic("police", m.country)
    return police if police.id != base.generic("police", None).id else None


def likely_group(mentions: Sequence[ActorMention], text: str = "", year: int | None = None,
                 base: ActorBase | None = None) -> list[ActorMention]:
    """A bare armed noun settled as its country's unidentified armed group ('militants' in a Somali report) is
    the group ACLED's coders most often name for that noun there (`likely_groups`, learned from ACLED's train
    notes: Al Shabaab), where the report names no armed non-state group at all (a named group always wins) and
    the word before it in `text` says no unknown or unnamed family ('unknown tribal militants'), for a report of
    `year` near the years of the notes it was learned from (`likely_group_years`; an undated report takes none)."""
    base = base or actor_base()
    if any(_names_armed_group(m, base) for m in mentions):
        return list(mentions)
    readings = _Readings.of(base)
    out = []
    for m in mentions:
        likely = readings.reading(m, text, year) if base.generic_key(m.actor) == "armed_group" else None
        group = base.lookup(likely.group) if likely else None
        out.append(replace(m, actor=group.id, kind=group.kind, generic=False) if group else m)
    return out


@dataclass(frozen=True)
class _Readings:
    """What `likely_group` reads a bare armed noun by: the learned table, the bare nouns, the words that keep
    one unidentified, and the years' margin."""

    table: Mapping[tuple[str, str], LikelyGroup]
    bare: frozenset[str]
    modifiers: frozenset[str]
    margin: int

    @staticmethod
    def of(base: ActorBase) -> _Readings:
        kinds = base.curated.generic
        bare = frozenset(n for kind in kinds for n in kind.refer_back)
        nouns = frozenset(n for kind in kinds if kind.refer_back for n in kind.nouns)
        return _Readings(likely_groups(), bare, unnamed_modifiers(nouns, bare), actor_config().likely_group_years)

    def reading(self, m: ActorMention, text: str, year: int | None) -> LikelyGroup | None:
        """The learned group for the mention's noun and country, if it holds for the report's year and no word
        just before the noun says the group is unknown or of an unnamed family."""
        noun = m.text.lower()
        likely = self.table.get((m.country or "", noun)) if noun in self.bare and not m.speaker else None
        before = text[max(0, m.start - 40):m.start].lower().split()[-1:]
        if likely is None or not likely.holds_in(year, self.margin) or self.modifiers.intersection(before):
            return None
        return likely


def _published_year(analysis: Analysis) -> int | None:
    """The year the report was published, where told or inferred (None: undated)."""
    published = analysis.document.published
    day = (published.end or published.start) if published else None
    return day.year if day else None


def _names_armed_group(m: ActorMention, base: ActorBase) -> bool:
    """A named armed non-state group, speaking or not (a country's unidentified one is no name)."""
    return not m.generic and base.generic_key(m.actor) is None and base.kind(m.actor) in NON_STATE_ARMED_KINDS


def _read_back(m: ActorMention, named: Sequence[ActorMention], window: int, after: int) -> ActorMention | None:
    """The armed noun as the one group named within `window` before it; unchanged with none; None with several,
    or where its own phrase names the group right after it ('militants from the X', 'rebels of the X'), which
    the claims and events stages read from the phrase."""
    near = {n.actor: n for n in named if n.end <= m.start and m.start - n.end <= window}
    if len(near) > 1 or any(m.end <= n.start <= m.end + after for n in named):
        return None
    return _as_named(m, next(iter(near.values()))) if near else m


def _named_armed_group(m: ActorMention, base: ActorBase) -> bool:
    """A named (not generic) armed non-state group, not a speaker: what a bare 'the rebels' may stand for."""
    return not m.generic and not m.speaker and base.generic_key(m.actor) is None and \
        base.kind(m.actor) in NON_STATE_ARMED_KINDS


def _as_named(m: ActorMention, named: ActorMention) -> ActorMention:
    return replace(m, actor=named.actor, kind=named.kind, country=named.country, generic=False)


def _country_told(m: ActorMention, actor: Actor | None) -> str | None:
    """The country a specific mention's actor belongs to, as the text or the base tells it; None for a generic one."""
    if m.generic or actor is None or not (m.country or actor.countries):
        return None
    return m.country or actor.countries[0]


def document_country(analysis: Analysis, start: int = 0, end: int | None = None) -> str | None:
    """The country most of the report's (or the passage's) resolved towns and regions lie in, then most of its
    places with the countries it names (a report on a train attack in Balochistan that often names Afghanistan,
    whose government denied a part in it, is about Pakistan); the first named wins a tie. A dateline's town
    says where the report was filed, not where it happened ("MOSCOW, May 3 - ... killed in Kramatorsk"): it
    counts as a country does."""
    inside: Counter[str] = Counter()
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    segments = analysis.segments
    for toponym in analysis.toponyms:
        place = analysis.places.get(toponym.place or "")
        if place is not None and place.country and start <= toponym.start and (end is None or toponym.start < end) \
                and not _namesake_in_name(toponym, place.country, analysis):
            filed = segments is not None and segments.in_dateline(toponym.start)
            counts[place.country] += 1
            inside[place.country] += place.kind != "country" and not filed
            first.setdefault(place.country, toponym.start)
    if not counts:
        return None
    return max(counts, key=lambda c: (inside[c], counts[c], -first[c]))


def _namesake_in_name(toponym: Toponym, country: str, analysis: Analysis) -> bool:
    """'Murle raiders' read with 'Murle' as a town in England: a place inside an actor's name that lies in none of
    the countries ACLED knows that actor's family in is a namesake; it says nothing of where the report is
    (`namesake_in_name`, settings; 'Kakamega youths' in Kenya still counts)."""
    if not actor_config().namesake_in_name:
        return False
    base = actor_base()
    for m in analysis.actors:
        if m.start <= toponym.start and toponym.end <= m.end:
            family = base.family_of(m.actor)
            known = base.member_countries(family) if family else frozenset()
            if known and country not in known:
                return True
    return False


def settle_analysis(analysis: Analysis, country: str | None = None, base: ActorBase | None = None) -> str | None:
    """Settle every generic mention of the analysis by `country`, or by the country of its places, or, where no
    place says one, by the country of its named actors, then read a bare armed noun as its likely group where
    the report names none (`likely_group`, switchable); returns the country used (None: mentions left
    generic)."""
    analysis.actors = refer_back(analysis.actors, base)
    chosen = country or document_country(analysis)
    if not chosen and actor_config().country_from_actors:
        chosen = actors_country(analysis.actors, base)
    if chosen:
        analysis.actors = settle_all(analysis.actors, chosen, base)
        if actor_config().state_force_reading:
            analysis.actors = state_force_reading(analysis.actors, base)
        if actor_config().likely_group:
            analysis.actors = likely_group(analysis.actors, analysis.document.analysis_text,
                                           _published_year(analysis), base)
    return chosen


@stage("settle", requires=("actors", "toponyms", "places"), assigns=("actors",))
def make_settle_stage() -> StageFn:
    """Generic actors settled by the report's country once the places stage has found it, so the claims and
    events stages read "government forces" in a report on Raqqa as Syria's forces and in one on Kano as
    Nigeria's."""
    base = actor_base()

    def settle_stage(batch: Sequence[Analysis]) -> None:
        for analysis in batch:
            settle_analysis(analysis, base=base)

    return settle_stage
