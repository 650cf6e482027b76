"""From anchored candidates to ACLED events: roles, place, date and toll read by named steps, ACLED's
coding rules applied by the actors' inter codes, and one event per happening within a report."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import timedelta

from spacy.tokens import Token

from thucydides.events import sides, tolls
from thucydides.events.actorbase import CIVILIANS, ActorBase
from thucydides.events.detect import Candidate
from thucydides.events.means import means_sub_type
from thucydides.events.roles import CIVILIANS_KEY, RoleContext, anchor_arguments
from thucydides.events.roles_recode import SideContext, SideRecoding, Sides, clause_mentions
from thucydides.events.when import DateContext, Dated
from thucydides.events.where import PlaceContext, PointContext, carried_place, country_capital, offset_point
from thucydides.geo.distance import km
from thucydides.geo.located import Located, holds, refine
from thucydides.knowledge.acled import Taxonomy
from thucydides.knowledge.lexicons import Lexicons, lexicons
from thucydides.knowledge.type_prior import PriorRetyping
from thucydides.knowledge.units import sub_event_units
from thucydides.ling.clauses import clause_head, clause_tokens
from thucydides.ling.context import DocContext
from thucydides.ling.tokens import ancestors, forms, span_head
from thucydides.model import Claim, Event, Evidence, Happening, Interval, Toponym, stable_id
from thucydides.steps import Steps
from thucydides.time.lexicon import lexicon as time_lexicon

STRATEGIC = "Strategic developments"
"""ACLED's disorder type of happenings that are no violence: none of its 1,196 rows holding civilians as actor 2 is
flagged as civilian targeting."""


@dataclass(frozen=True)
class Merging:
    """How the sightings of a report are told apart or taken for one happening (settings `stages.events`)."""

    distinct_sub_types: frozenset[str] = frozenset()
    """Event types whose sub-event types are different happenings: sightings of two of them never merge."""
    actor_sides: bool = False
    """Actors agree when the doer one sighting names is a side the other names ('forces killed the attackers'
    and 'the attackers stormed the hotel' tell one clash), not only when both name the same actor 1."""
    guessed_actors: bool = True
    """An actor 1 only guessed from around a sighting (`Readers.guessed_actor1_steps`) can keep it apart."""
    back_references: bool = True
    """A sighting naming its happening by a noun that points back ('died in the attack', 'their abduction') joins
    the happening of its type told last before it, wherever and whenever that was told."""
    own_dates_only: bool = True
    """Only dates read in both sightings' own clauses keep them apart: a date read from the sentence around
    ('kidnapped in A were freed Tuesday'), the paragraph or the publication is no date of the happening."""
    retellings: bool = False
    """A sighting that re-tells a happening told before (a speaker's or witness's account, 'the attack') joins it
    as another account where no other rule joined it (`retold_home`)."""
    retell_km: float = 0.0
    """... where its own place lies within this of the happening's (or in the area it is told in)."""
    retell_families: tuple[frozenset[str], ...] = ()
    """... and its type is the happening's or of one family with it (one happening told as a clash by one
    witness and as an attack by another)."""
    distinct_weekdays: bool = False
    """Sightings whose own clauses name different weekdays ('last Wednesday, militants ...', 'on Saturday,
    militants ...') are different happenings even where no publication date places those days (`weekdays_differ`)."""
    back_reference_own_place: bool = False
    """A sighting pointing back ('during their demonstration', 'in the attack') whose own clause places it outside
    the area of the happening it would point back to tells a happening of its own (`placed_elsewhere`)."""
    home: Steps[Joining, list[Sighting]] | None = None
    """Which of the happenings a sighting may join it joins, by the named steps of `HOME_STEPS` in order (None:
    `first_home` alone)."""


@dataclass(frozen=True)
class Readers:
    """The configured step chains of the stage."""

    actor1: Steps[RoleContext, str]
    actor1_first_default: Steps[RoleContext, str]
    actor2: Steps[RoleContext, str]
    actor2_alone: Steps[RoleContext, str]
    place: Steps[PlaceContext, Located]
    date: Steps[DateContext, Dated]
    anaphora_reach: int
    undated_window_days: int
    background_days: int
    toll_reach: int
    opponent_years: int = 2
    """Years from a likely opponent's period within which it holds (`likely_opponent`)."""
    opponent_silent: frozenset[str] = frozenset()
    """Sub-event types in which `likely_opponent` names none."""
    side_threshold: float = 0.5
    """The probability the learned side model's best side must reach (`events.sides.side_model`)."""
    members_as_civilians: bool = False
    """An unarmed side harmed where ACLED's actor 2 is always civilians is the civilians (`as_civilians`)."""
    sub_event_units: bool = False
    """Actor 1 read as a state force is the unit ACLED names for the sub-event type (`unit_of`)."""
    side_recoding: SideRecoding = SideRecoding(())
    """Recodes the sides read (events/roles_recode: a member to the main actor ACLED names; none: as read)."""
    members_civilian_wide: bool = False
    """`as_civilians` in data/acled.yaml member_civilian_sub_events, not only civilian_only_sub_events."""
    organisations_as_civilians: bool = False
    """`as_civilians` takes an organisation of no inter code (kind 'organisation'), not only a record of no kind."""
    guessed_actor1_steps: frozenset[str] = frozenset()
    """Steps whose actor 1 is a guess from around the happening, not its told doer: no recoding rests on it."""
    state_reach: int = 0
    custody_sub_events: frozenset[str] = frozenset()
    retyping: PriorRetyping | None = None
    """Re-choose the sub-event type by the actors' inter codes with the learned prior (None: not)."""
    coding_rules: bool = True
    """Apply the hand-written coding rules of data/acled.yaml after that."""
    prior_absent_unknown: bool = True
    """To the prior, an actor not read is an unknown code (else ACLED's 0, no actor)."""
    place_vouch_km: float | None = None
    """A place no other place of the report lies this near is chosen last (`where.unvouched`; None: not)."""
    place_by_attachment: bool = False
    """Among equally specific places, the one hanging from the fewest nouns below the anchor first."""
    date_carry_reach: int | None = None
    date_carry_main_first: bool = False
    date_sentence_main_first: bool = False
    """The sentence date step takes a date not told in a clause describing a noun first (`when.told_aside`)."""
    date_names_skipped: bool = False
    """A date inside an actor's name ('the March 23 Movement') dates nothing (`when.inside_a_name`)."""
    date_governing: bool = False
    """The clause date step reads the clause a participle anchor hangs on and the verb it is joined to
    (`when.clause_heads`)."""
    """The paragraph date step carries a date told on its sentence's main line first (`when.told_aside`)."""
    """Sentences back the paragraph date step may carry a date from (None: the whole paragraph)."""
    date_telling_apart: bool = False
    """The sentence and paragraph date steps pass over a date told on a verb of telling (`when.told_on`)."""
    background_coarse_days: int | None = None
    """With no publication date, a happening dated only to a longer span is background (`unpublished_history`)."""
    place_first_named: bool = False
    """Among places of a unit still tied, the first named ('in A (B district, C region)'), not the nearest."""
    place_qualifiers: bool = False
    """Among equally specific places, the one qualified by its areas first ('in A village (B, C)')."""
    place_origins_last: bool = False
    """A place told as where someone comes from ('traders from A') comes after every other."""
    place_governing_first: bool = False
    """A participle or infinitive anchor takes the place of the clause it hangs on first (`where.governing_clause`)."""
    place_doubt_own_line: bool = False
    """A place in a side clause below the anchor makes no clause place doubtful (`where.doubtful_in_its_sentence`)."""
    place_telling_apart: bool = False
    """A place told by a verb of telling's clause does not place the happening it tells (`where.speakers_place`)."""
    place_offset_km: tuple[float, float] | None = None
    """A landmark told this far from the happening places it at the distance and bearing told (`where.offset_point`)."""
    place_country_capital: bool = False
    """A happening placed at a country whose smaller places the report does not name goes to its capital
    (`where.country_capital`)."""
    place_point: Steps[PointContext, Located] = field(default_factory=lambda: Steps("events.place_point_steps", ()))
    """Steps that set a happening placed at a wide area at the point conflict records code it at
    (`where.POINT_STEPS`); none: left at the area's own point."""
    place_point_snap_km: float = 5.0
    """A gazetteer town of the point's name this near stands for the point (`where.unit_point`)."""
    place_seat_max_km: float | None = None
    """Neither `where.unit_point` nor `where.unit_seat` moves a happening farther than this from the unit's point."""
    typed_by: str = "lead"
    """Which sighting of a happening gives its type: 'lead' (the first told), 'surest' (the coder's surest),
    'deadliest' (the surest of those whose words tell people killed, if any)."""
    merging: Merging = field(default_factory=lambda: Merging())
    """How sightings are taken for one happening."""


@dataclass
class Sighting(Happening):
    """One unit of a report read as one happening: the coded fields of `Happening`, and what reading it left."""

    candidate: Candidate
    background: bool = False
    why: dict[str, str] = field(default_factory=dict)
    """Which step decided each field, for the audit trail (event notes)."""
    actor1_guessed: bool = False
    """Actor 1 was guessed from around the happening (`Readers.guessed_actor1_steps`), not told as its doer."""
    account: bool = False
    """Joined its happening as a re-telling (`retold_home`): its evidence, not its type, place, date or doer."""


def read_sightings(ctx: DocContext, candidate: Candidate, readers: Readers, base: ActorBase,
                   taxonomy: Taxonomy) -> list[Sighting]:
    """The unit's happening, one per place when it names several coordinated places ('took the towns of A
    and B', 'clashes in A and B'): ACLED codes one event per location."""
    first = read_sighting(ctx, candidate, readers, base, taxonomy)
    out = [first]
    for other in conjoined_places(ctx, first):
        out.append(read_sighting(ctx, candidate, readers, base, taxonomy, other))
    return out


def read_sighting(ctx: DocContext, candidate: Candidate, readers: Readers, base: ActorBase,
                  taxonomy: Taxonomy, at: Toponym | None = None) -> Sighting:
    s = Sighting(candidate, event_type=candidate.event_type, sub_event_type=candidate.sub_event_type)
    if candidate.retyped:
        s.why["retyped"] = candidate.retyped
    if at is None:
        _read_place(ctx, s, readers)
    else:
        s.place, s.geo_precision, s.why["place"] = at.place, 1, "conjoined"
    place = ctx.places.get(s.place or "")
    country = place.country if place and place.country else ctx.country
    _read_date(ctx, s, readers)  # before the roles: a learned opponent holds for the years of its war
    _read_roles(ctx, s, readers, base, taxonomy, country)
    s.why["date"] = s.why.pop("date")  # the trace keeps its order: roles, then date
    s.claims = [c.id for c in tolls.unit_claims(ctx.claims, candidate.start, candidate.end)]
    _recoded(s, base, taxonomy, country, readers)
    return s


def _recoded(s: Sighting, base: ActorBase, taxonomy: Taxonomy, country: str | None, readers: Readers) -> None:
    """`_recode`, then the civilian targeting flag of the type it leaves."""
    _recode(s, base, taxonomy, country, readers)
    s.civilian_targeting = base.inter(s.actor2, country) == CIVILIANS \
        and taxonomy.disorder_types.get(s.event_type) != STRATEGIC  # ACLED: no arrest is civilian targeting


def typed_as(ctx: DocContext, s: Sighting, typed: Sighting, readers: Readers, base: ActorBase,
             taxonomy: Taxonomy) -> Sighting:
    """The sighting `s`, with the place, date and actor 2 its unit was read to tell, typed as `typed` (its unit
    re-typed by the whole report's reading, `events.report_type`) with the actor 1 read for that type (a generic actor
    1 follows the type: rioters, not protesters), recoded by ACLED's rules with those roles."""
    place = ctx.places.get(s.place or "")
    country = place.country if place and place.country else ctx.country
    s.candidate, s.event_type, s.sub_event_type = typed.candidate, typed.candidate.event_type, \
        typed.candidate.sub_event_type
    s.actor1, s.assoc_actor1, s.actor1_guessed = typed.actor1, typed.assoc_actor1, typed.actor1_guessed
    s.why.pop("recoded", None)
    s.why.update({"actor1": typed.why.get("actor1", "-"), "retyped": typed.candidate.retyped})
    _recoded(s, base, taxonomy, country, readers)
    return s


def _read_roles(ctx: DocContext, s: Sighting, readers: Readers, base: ActorBase, taxonomy: Taxonomy,
                country: str | None) -> None:
    args = anchor_arguments(ctx, s.candidate.anchor)
    rc = RoleContext(ctx, s.candidate, args, base, taxonomy, readers.anaphora_reach, country,
                     year=_year(ctx, s), opponent_years=readers.opponent_years,
                     opponent_silent=readers.opponent_silent, side_threshold=readers.side_threshold)
    defaults = taxonomy.defaults_for(s.event_type, s.sub_event_type)
    chain = readers.actor1_first_default if defaults and defaults.first else readers.actor1
    s.actor1, step1 = chain.first(rc)
    rc = replace(rc, actor1=s.actor1)
    s.actor2, step2 = readers.actor2_alone.first(rc) if defaults and defaults.alone else readers.actor2.first(rc)
    step2 = step2 or ("alone" if defaults and defaults.alone else None)
    step1, step2 = _recode_sides(ctx, s, readers, base, country, (step1, step2))
    if readers.sub_event_units:
        s.actor1 = unit_of(base, s.actor1, country, s.sub_event_type)
    if base.civilian_group(s.actor2) or (readers.members_as_civilians and as_civilians(s, base, taxonomy, country,
                                                                                        readers)):
        s.assoc_actor2, s.actor2 = s.actor2, base.generic("civilians", country)  # Civilians (Syria), Farmers associated
    s.why.update(actor1=step1 or "-", actor2=step2 or "-")
    sides.record(rc, s.actor2, step2)
    s.actor1_guessed = step1 in readers.guessed_actor1_steps


def _recode_sides(ctx: DocContext, s: Sighting, readers: Readers, base: ActorBase, country: str | None,
                  steps: tuple[str | None, str | None]) -> tuple[str | None, str | None]:
    """The sides read recoded by the chosen steps (`side_recode_steps`, events/roles_recode), with the actors its
    clause names; returns the steps that read actor 1 and actor 2 (`steps`), or the recoding step that changed
    them."""
    if not readers.side_recoding.chosen:
        return steps
    start, end = s.candidate.sentence.start, s.candidate.sentence.end
    side = SideContext(base, country, s.event_type, s.sub_event_type, clause_mentions(ctx, s.candidate.anchor),
                       ctx.doc.text[start:end])
    out, step1, step2 = readers.side_recoding(side, Sides(s.actor1, s.assoc_actor1, s.actor2, s.assoc_actor2))
    s.actor1, s.assoc_actor1, s.actor2, s.assoc_actor2 = out.actor1, out.associated1, out.actor2, out.associated2
    return step1 or steps[0], step2 or steps[1]


def unit_of(base: ActorBase, actor: str | None, country: str | None, sub_event_type: str) -> str | None:
    """'Russian forces struck Kharkiv' from the air: a state force read as actor 1 is the unit ACLED's coders name
    for the event's country and sub-event type (data/actors/sub_event_units.csv: Military Forces of Russia (2000-)
    Air Force in Ukraine), where the base knows that unit."""
    record = base.base.get(actor)
    name = sub_event_units().get((record.name, country or "", sub_event_type)) if record else None
    unit = base.base.lookup(name) if name else None
    return unit.id if unit else actor


GOVERNMENT_KIND = "government"
"""The kind of a state's offices (a ministry, a mayor's municipality), as against its forces."""


ORGANISATION_KINDS = frozenset({None, "organisation"})
"""Kinds of a side with no inter code that may stand for people harmed: no kind, or an organisation the base lacks."""


def as_civilians(s: Sighting, base: ActorBase, taxonomy: Taxonomy, country: str | None,
                 readers: Readers | None = None) -> bool:
    """'Gunmen attacked a member of the NUP', 'armed men killed the mayor', 'police arrested members of the X
    party': in the sub-event types whose actor 2 ACLED codes as civilians (data/acled.yaml civilian_only_sub_events;
    with `members_civilian_wide`, member_civilian_sub_events), a side read as actor 2 that ACLED gives no inter code
    of its own (a party, an association: named only as associated) or a government office (not a force) stands for
    the people harmed, the country's civilians; an armed or state side stays (the coding rules may make a clash)."""
    wide = readers is not None and readers.members_civilian_wide
    subs = taxonomy.member_civilian_subs if wide else taxonomy.civilian_only_subs
    if s.actor2 is None or s.sub_event_type not in subs:
        return False
    actor = base.base.get(s.actor2)
    if actor is None or base.generic_key(actor.id) == CIVILIANS_KEY:
        return False
    kinds = ORGANISATION_KINDS if readers is not None and readers.organisations_as_civilians else {None}
    return actor.kind == GOVERNMENT_KIND or (actor.kind in kinds and base.base.inter_in(actor, country) is None)


def _year(ctx: DocContext, s: Sighting) -> int | None:
    """The year of the happening's date, else of the report's publication (None: neither told)."""
    published = ctx.analysis.document.published
    for interval in (s.date, published):
        day = (interval.end or interval.start) if interval else None
        if day:
            return day.year
    return None


def conjoined_places(ctx: DocContext, s: Sighting) -> list[Toponym]:
    """The other places coordinated with the sighting's own in its unit ('A and B', 'A, B and C'); not the
    province the place lies in, which the parse often reads as one ('in Tegucigalpa, Francisco Morazan')."""
    own = next((t for t in ctx.toponyms.within(s.candidate.start, s.candidate.end) if t.place == s.place), None)
    if own is None or s.why.get("place") != "clause" or s.geo_precision != 1:
        return []  # one event per town; regions named together are one wider event
    head = span_head(ctx.doc, own.start, own.end)
    if head is None:
        return []
    partners = {t.i for t in head.conjuncts}
    found: list[Toponym] = []
    for t in ctx.toponyms.within(s.candidate.start, s.candidate.end):
        other = span_head(ctx.doc, t.start, t.end)
        if other is not None and other.i in partners and _another_place(ctx, own, t, found):
            found.append(t)
    return found


def _another_place(ctx: DocContext, own: Toponym, t: Toponym, found: Sequence[Toponym]) -> bool:
    """A place not yet counted, neither the sighting's own nor an area holding it."""
    return t.place != own.place and t.place not in {f.place for f in found} and not holds(ctx, t, own)


def _read_place(ctx: DocContext, s: Sighting, readers: Readers) -> None:
    vouch, attach = readers.place_vouch_km, readers.place_by_attachment
    qualifiers, origins = readers.place_qualifiers, readers.place_origins_last
    carried = carried_place(ctx, s.candidate, vouch, attach, qualifiers, origins, readers.place_telling_apart)
    located, step = readers.place.first(PlaceContext(ctx, s.candidate, carried, vouch, attach,
                                                     readers.place_first_named, qualifiers, origins,
                                                     readers.place_governing_first, readers.place_doubt_own_line,
                                                     readers.place_telling_apart))
    if located is not None:
        _add_unnamed(ctx, located)
        located = refine(ctx, located)
        if readers.place_country_capital:
            located = country_capital(ctx, located)
            _add_unnamed(ctx, located)
        located = _at_point(ctx, s, located, readers)
        located = offset_point(ctx, located, readers.place_offset_km)
        _add_unnamed(ctx, located)
        s.place, s.geo_precision = located.toponym.place, located.geo_precision
    s.why["place"] = step or "-"


def _at_point(ctx: DocContext, s: Sighting, located: Located, readers: Readers) -> Located:
    """The happening at the point a `place_point` step gives, the area the text told kept in the trail."""
    moved, step = readers.place_point.first(PointContext(ctx, located, readers.place_point_snap_km,
                                                            readers.place_seat_max_km))
    if moved is None:
        return located
    _add_unnamed(ctx, moved)
    s.why["place_point"] = f"{step} (told: {ctx.place_of(located.toponym).name})"
    return moved


def _add_unnamed(ctx: DocContext, located: Located) -> None:
    """The owner of the analysis adds a place a step found but the report does not name (`where.actors_capital`,
    `where.offset_point`): steps only read the analysis."""
    if located.unnamed is not None:
        ctx.analysis.places.setdefault(located.unnamed.id, located.unnamed)


def _read_date(ctx: DocContext, s: Sighting, readers: Readers) -> None:
    dated, step = readers.date.first(DateContext(ctx, s.candidate, readers.undated_window_days,
                                                    readers.state_reach, readers.custody_sub_events,
                                                    readers.date_carry_reach, readers.date_carry_main_first,
                                                    readers.date_sentence_main_first, readers.date_names_skipped,
                                                    readers.date_governing, readers.date_telling_apart))
    if dated is not None:
        s.date, s.time_precision = dated.interval, dated.time_precision
    s.why["date"] = step or "-"
    published = ctx.analysis.document.published
    if step != "publication" and s.date and s.date.end and published and published.start:
        s.background = s.date.end < published.start - timedelta(days=readers.background_days)
    elif unpublished_history(s, published, readers.background_coarse_days):
        s.background = True


def unpublished_history(s: Sighting, published: Interval | None, coarse_days: int | None) -> bool:
    """ "The single biggest attack, in 2009, killed 25", "The station held migrants from 1910 to 1940. ... He was
    detained there for a year.": with no publication date to tell history from news by, a happening dated only
    to a span longer than `coarse_days` (a year, decades) is background; news is told by its day or weekday."""
    unknown = published is None or published.start is None
    return unknown and coarse_days is not None and s.date is not None and (s.date.days or 0) > coarse_days


def _toll(ctx: DocContext, units: Sequence[tuple[int, int]], taxonomy: Taxonomy) -> tuple[int | None, list[str]]:
    """An event's toll by the one fatalities policy (`events.tolls`) from the killed claims of its units
    (parts of a figure left out), else from what the words tell; and the claims it rests on."""
    told = list({c.id: c for lo, hi in units for c in tolls.unit_claims(ctx.claims, lo, hi)}.values())
    toll = _claims_toll(ctx, told, taxonomy)
    if toll:
        toll = tolls.share(toll, max(tolls.told_share(ctx.doc, lo, hi) for lo, hi in units))  # 'split over 2 days'
    if toll is None:
        counts = [t for lo, hi in units if (t := tolls.told_toll(ctx.doc, lo, hi, taxonomy.vague_fatalities))]
        toll = max(counts) if counts else None
    return toll, [c.id for c in told]


def _claims_toll(ctx: DocContext, told: Sequence[Claim], taxonomy: Taxonomy) -> int | None:
    """The toll the killed claims `told` give by the fatalities policy, figures that are parts of another or count
    the killers left out."""
    left_out = tolls.parts(ctx.doc, told) | tolls.doers(ctx.doc, told)
    whole = [c for c in told if c.id not in left_out]
    return tolls.report_toll(whole, taxonomy.vague_fatalities, tolls.groups(ctx.doc, whole),
                             tolls.shares(ctx.doc, whole))


def actor_toll(ctx: DocContext, s: Sighting, taxonomy: Taxonomy) -> int:
    """The people the sighting's own unit tells its actor 1 killed, by the fatalities policy (the killed claims
    told there whose agent is actor 1): 0 when it tells none, or no actor 1 is read."""
    if s.actor1 is None:
        return 0
    own = [c for c in tolls.unit_claims(ctx.claims, s.candidate.start, s.candidate.end) if c.agent == s.actor1]
    return (_claims_toll(ctx, own, taxonomy) or 0) if own else 0


def continuation(ctx: DocContext, members: Sequence[Sighting], taken: set[int], reach: int) -> list[tuple[int, int]]:
    """The sentences after a happening's last one, in its paragraph, that tell no happening of their own
    ('Gunmen stormed the village. Two people were killed.'): its toll may be told there."""
    last = max(members, key=lambda m: m.candidate.start).candidate.sentence
    out = []
    for sentence in ctx.segments.sentences[last.index + 1:last.index + 1 + reach]:
        if sentence.paragraph != last.paragraph or sentence.index in taken:
            break
        out.append((sentence.start, sentence.end))
    return out


def _recode(s: Sighting, base: ActorBase, taxonomy: Taxonomy, country: str | None, readers: Readers) -> None:
    """The sub-event type re-chosen by the actors' inter codes (the learned prior), then ACLED's coding rules;
    an actor 1 only guessed ('Authorities said the girls were kidnapped': the authorities did not kidnap them)
    changes no type by the rules and is an unknown code to the prior."""
    guessed = s.why.get("actor1") in readers.guessed_actor1_steps
    inter1 = None if guessed else base.inter(s.actor1, country)
    inter2 = base.inter(s.actor2, country)
    if readers.retyping is not None:
        absent = None if readers.prior_absent_unknown else 0
        sub = readers.retyping.rechoose(s.candidate.readings, absent if s.actor1 is None else inter1,
                                        absent if s.actor2 is None else inter2)
        if sub is not None and sub != s.sub_event_type:
            s.sub_event_type, s.event_type = sub, taxonomy.event_type_of(sub)
            s.why["retyped"] = "prior"
    sub, rule = taxonomy.recode(s.sub_event_type, inter1, inter2) if readers.coding_rules else (s.sub_event_type, None)
    if rule is not None:
        s.sub_event_type, s.event_type = sub, taxonomy.event_type_of(sub)
        s.why["recoded"] = rule
    _retype_by_means(s, taxonomy)


def _retype_by_means(s: Sighting, taxonomy: Taxonomy) -> None:
    """Violence against civilians done with a means of remote violence is that explosion (events/means.py)."""
    means = means_sub_type(s.candidate.anchor, s.sub_event_type)
    if means is not None:
        s.sub_event_type, s.event_type = means, taxonomy.event_type_of(means)
        s.why["retyped"] = "means"


def _same_happening(ctx: DocContext, members: Sequence[Sighting], b: Sighting, rules: Merging = Merging()) -> bool:
    """A sighting tells the happening of a group when type, place and date agree with its lead and neither
    names a different actor 1 than the group's (a headline restates the story below it, whatever place it
    names)."""
    a = members[0]
    if a.event_type != b.event_type or a.background != b.background:
        return False
    if a.sub_event_type != b.sub_event_type and a.event_type in rules.distinct_sub_types:
        return False
    if a.candidate.headline or b.candidate.headline:
        return True
    if not _dates_agree(a, b, rules) or not _same_area(ctx, a, b):
        return False
    if rules.distinct_weekdays and weekdays_differ(members, b):
        return False
    return actors_agree(members, b, rules)


def own_weekdays(s: Sighting) -> frozenset[int]:
    """The weekdays named in the sighting's own clause (time.yaml's weekday names), placed or not."""
    names = time_lexicon().weekdays
    return frozenset(names[t.text] for t in clause_tokens(clause_head(s.candidate.anchor)) if t.text in names)


def weekdays_differ(members: Sequence[Sighting], b: Sighting) -> bool:
    """ "Last Wednesday, militants tied six men to a car ... On Saturday, militants shot three women": a report
    with no publication date cannot place either day, yet two happenings told on different weekdays are two; the
    sighting's own weekdays and those of the happening's sightings both told and none shared. With a publication
    date the days are placed and compared as dates already (`_dates_agree`): then this changes nothing."""
    own = own_weekdays(b)
    if not own:
        return False
    told = frozenset().union(*(own_weekdays(m) for m in members))
    return bool(told) and not told & own


OWN_DATE_STEPS = frozenset({"clause", "custody", "sequel"})
"""Date steps that read a happening's date from its own clause ('the next day' counts from the day told last)."""


def _dates_agree(a: Sighting, b: Sighting, rules: Merging) -> bool:
    if rules.own_dates_only and not {a.why.get("date"), b.why.get("date")} <= OWN_DATE_STEPS:
        return True
    return _overlap(a.date, b.date)


def refers_back(s: Sighting) -> bool:
    """'Their abduction triggered outrage', 'died in the attack': the unit names its happening by a noun that
    points back to one told before (a determiner or a pronoun), with no figure or date of its own ('the 2014
    attack', 'the biggest attack, in 2009' tell another)."""
    return bool(pointing_nouns(s))


def pointing_nouns(s: Sighting) -> list[Token]:
    """The nouns by which the unit names its happening as one told before (`refers_back`)."""
    words = lexicons()
    return [n for n in _argument_nouns(s.candidate.anchor)
            if n.lemma_.lower() in words.happening_nouns and _points_back(n, words)]


def _argument_nouns(anchor: Token) -> list[Token]:
    """The anchor, its subject and object, and the objects of its prepositions."""
    out = [anchor]
    for c in anchor.children:
        if c.dep_ in {"nsubj", "nsubjpass", "dobj"}:
            out.append(c)
        elif c.dep_ == "prep":
            out += [o for o in c.children if o.dep_ == "pobj"]
    return [t for t in out if t.pos_ == "NOUN"]


def _points_back(noun: Token, words: Lexicons) -> bool:
    """Determined by 'the', 'this', a pronoun's 'their', and nothing of its own: no number, date or named owner."""
    if any(t.like_num or t.ent_type_ in {"DATE", "TIME", "CARDINAL"} for t in _modifiers(noun)):
        return False
    marks = [c for c in noun.children if c.dep_ in {"det", "poss"}]
    return bool(marks) and all(c.lower_ in words.anaphoric_determiners or c.lower_ in words.group_pronouns
                               for c in marks)


def actors_agree(members: Sequence[Sighting], b: Sighting, rules: Merging) -> bool:
    """No actor 1 the text names for the sighting contradicts the group's; with `actor_sides`, a doer named as
    the other side of the group's happening (or the group's doer as the sighting's other side) agrees."""
    named, own = _group_actor1(members, rules), _doer(b, rules)
    if named is None or own is None or named == own:
        return True
    if not rules.actor_sides:
        return False
    return own in {m.actor2 for m in members} or named == b.actor2


def _doer(s: Sighting, rules: Merging) -> str | None:
    """The sighting's actor 1 as far as merging goes: named by the text, and told rather than guessed unless
    `guessed_actors` lets a guess count."""
    return None if s.actor1_guessed and not rules.guessed_actors else _named_actor1(s)


def _group_actor1(members: Sequence[Sighting], rules: Merging = Merging()) -> str | None:
    """The actor 1 a group's event takes: the first its sightings name."""
    return next((d for m in members if (d := _doer(m, rules))), None)


def to_actor1(members: Sequence[Sighting]) -> str | None:
    """The actor 1 a happening's event takes: the first its sightings tell as the doer, else the lead's; a guess
    from around one sighting ('the judge' before 'a journalist arrested') does not outrank the lead's reading."""
    told = next((m.actor1 for m in members if _named_actor1(m) and not m.actor1_guessed), None)
    return told or members[0].actor1


def _fixed_actor1(typed: Sighting, taxonomy: Taxonomy) -> str | None:
    """The typed sighting's actor 1 where its type is one ACLED always codes with the generic actor 1 (protesters,
    rioters: default_actors `first`), which a doer another sentence tells ('police arrested three') does not
    replace."""
    defaults = taxonomy.defaults_for(typed.event_type, typed.sub_event_type)
    return typed.actor1 if defaults and defaults.first else None


def _borrowed_place(s: Sighting) -> bool:
    """The place came from the paragraph or the report, not from the sighting's own sentence."""
    return s.why.get("place") in {"paragraph", "document"}


def _named_actor1(s: Sighting) -> str | None:
    """Actor 1 as the text names it; ACLED's generic default names nobody in particular."""
    return None if s.why.get("actor1") in {"default", "-"} else s.actor1


def _same_area(ctx: DocContext, a: Sighting, b: Sighting) -> bool:
    """Same place, or one told only as the wider area (region, country) the other lies in, or one whose
    sentence names no place of its own (a retelling) in the other's country."""
    if a.place == b.place or a.place is None or b.place is None:
        return True
    if _borrowed_place(a) or _borrowed_place(b):
        return ctx.places[a.place].country == ctx.places[b.place].country
    return _wider_holds(ctx, a, b)


def _wider_holds(ctx: DocContext, a: Sighting, b: Sighting) -> bool:
    """The less precisely placed of two sightings is told only as an area (region, country) the other lies in."""
    wide, narrow = (a, b) if a.geo_precision >= b.geo_precision else (b, a)
    if wide.geo_precision < 3:
        return False
    outer, inner = ctx.places[wide.place or ""], ctx.places[narrow.place or ""]
    if outer.kind == "country":
        return outer.country == inner.country
    return outer.country == inner.country and outer.admin1 is not None and outer.admin1 == inner.admin1


def _overlap(a: Interval | None, b: Interval | None) -> bool:
    if a is None or b is None or None in (a.start, a.end, b.start, b.end):
        return True
    return not (a.end < b.start or b.end < a.start)  # type: ignore[operator]


def is_echo(s: Sighting) -> bool:
    """'Al-Shabaab claimed responsibility for the attack': a claim of a happening told before, which names
    its doer but is no happening of its own."""
    words = lexicons().responsibility_nouns
    return any(c.dep_ == "dobj" and c.lemma_.lower() in words for c in s.candidate.anchor.children)


def _continues(group: Sequence[Sighting], s: Sighting) -> bool:
    """'Gunmen stormed the village on Monday. Two people were killed.': the next sentence of the paragraph,
    naming no place and no date of its own, goes on telling the same happening (whatever its type)."""
    last = group[-1].candidate.sentence
    here = s.candidate.sentence
    own = s.why.get("place") in {"clause", "sentence"} or s.why.get("date") in {"clause", "sentence"}
    return here.index == last.index + 1 and here.paragraph == last.paragraph and not own


def group(ctx: DocContext, sightings: Sequence[Sighting], rules: Merging = Merging()) -> list[list[Sighting]]:
    """One group per happening; a group is led by its first body sighting (a headline joins later); an
    echo joins the happening told last before it (and is dropped when none was); a sentence that goes on
    telling the happening before it joins it."""
    ordered = sorted(sightings, key=lambda s: (s.candidate.headline, s.candidate.start))
    groups: list[list[Sighting]] = []
    for s in ordered:
        if is_echo(s):
            _join_echo(groups, s)
            continue
        home = _home(ctx, groups, s, rules)
        if home is None:
            groups.append([s])
        else:
            home.append(s)
    return groups


def _join_echo(groups: Sequence[list[Sighting]], s: Sighting) -> None:
    """An echo joins the news happening told last before it; with none, it is dropped."""
    earlier = [g for g in groups if g[0].candidate.start < s.candidate.start and not g[0].background]
    if earlier:
        max(earlier, key=lambda g: g[-1].candidate.start).append(s)


def _home(ctx: DocContext, groups: Sequence[list[Sighting]], s: Sighting, rules: Merging) -> list[Sighting] | None:
    """The happening a sighting joins: the one it refers back to, else the one the home steps choose among those
    it goes on telling or agrees with, else the one it retells."""
    home = _told_before(groups, s) if rules.back_references and refers_back(s) else None
    if home is not None and rules.back_reference_own_place and placed_elsewhere(ctx, home, s):
        home = None
    if home is None:
        joining = Joining(ctx, groups, s, rules)
        home = rules.home.first(joining)[0] if rules.home is not None else first_home(joining)
    if home is None and rules.retellings:
        home = retold_home(ctx, groups, s, rules)
        s.account = home is not None
    return home


def placed_elsewhere(ctx: DocContext, members: Sequence[Sighting], s: Sighting) -> bool:
    """ "Members of A clashed with police in B during their demonstration": the sighting's own clause names its
    place, outside the phrase of the noun pointing back, and it lies outside the area of the happening that noun
    would point back to (`_same_area`): the noun names something of its own clause, not the one told before. A
    place told inside the noun's phrase ('their abduction, resembling the one from C') describes it."""
    if s.why.get("place") != "clause" or _same_area(ctx, members[0], s):
        return False
    inside = {t.i for n in pointing_nouns(s) for t in n.subtree}
    heads = [span_head(ctx.doc, t.start, t.end) for t in ctx.toponyms.within(s.candidate.start, s.candidate.end)
             if t.place == s.place]
    return any(h is not None and h.i not in inside for h in heads)


@dataclass(frozen=True)
class Joining:
    """What choosing the happening a sighting joins reads: the report, the happenings told so far (in the order
    their first sightings were told), the sighting and the merging rules."""

    ctx: DocContext
    groups: Sequence[list[Sighting]]
    sighting: Sighting
    rules: Merging


def first_home(j: Joining) -> list[Sighting] | None:
    """The first happening told that the sighting goes on telling (`_continues`) or agrees with
    (`_same_happening`)."""
    return next((g for g in j.groups if _continues(g, j.sighting) or _same_happening(j.ctx, g, j.sighting, j.rules)),
                None)


def continued_home(j: Joining) -> list[Sighting] | None:
    """'Troops stormed a camp near A. The assault left six fighters dead.': the happening whose last sentence is
    the one right before the sighting's, in its paragraph (`_continues`), before any happening told earlier that
    the sighting only agrees with (a sentence naming no place of its own agrees with every happening of its type in
    the report's country)."""
    return next((g for g in j.groups if _continues(g, j.sighting)), None)


def latest_home(j: Joining) -> list[Sighting] | None:
    """'Troops stormed a camp near A. Residents heard the shooting. The assault left six dead.': of the happenings
    the sighting agrees with (`_same_happening`), the one told last before it, as a pronoun points to the nearest
    fitting antecedent: the report has moved on from those told earlier. A headline restates the lead story: its
    choice is left to the steps after this one."""
    if j.sighting.candidate.headline:
        return None
    agreeing = [g for g in j.groups if _same_happening(j.ctx, g, j.sighting, j.rules)]
    return max(agreeing, key=_last_told) if agreeing else None


def _last_told(members: Sequence[Sighting]) -> int:
    return max(m.candidate.start for m in members)


HOME_STEPS: Mapping[str, Callable[[Joining], list[Sighting] | None]] = {
    "continued": continued_home, "latest": latest_home, "first": first_home}
"""The named steps choosing the happening a sighting joins (settings `stages.events.merge_home_steps`)."""


def retold_home(ctx: DocContext, groups: Sequence[list[Sighting]], s: Sighting,
                rules: Merging) -> list[Sighting] | None:
    """A re-telling of a happening told before ('"our forces killed the attackers," he said', 'witnesses said
    gunmen stormed the hotel', 'died in the attack'): the last news happening told before it whose type is its
    own or of its family, whose dates agree with it, whose place is its own, nearby or the area it lies in, and
    whose doer or target is its own (a quoted account need neither: a witness names the sides as they saw them);
    a sighting told flat, or with no such happening before it, is a happening of its own."""
    if s.background or not retells(s):
        return None
    quoted = _quoted(s.candidate.anchor)
    earlier = [g for g in groups if not g[0].background and g[0].candidate.start < s.candidate.start
               and _kin_types(g[0].event_type, s.event_type, rules) and _dates_agree(g[0], s, rules)
               and _near(ctx, g[0], s, rules.retell_km)
               and (quoted or actors_agree(g, s, rules) or _same_target(g, s))]
    return max(earlier, key=lambda g: g[-1].candidate.start) if earlier else None


def retells(s: Sighting) -> bool:
    """The sighting is told as someone's account (inside a quotation, under a verb of telling, after 'according
    to') or names its happening by a noun pointing back ('the attack')."""
    anchor = s.candidate.anchor
    words = lexicons()
    sentence = anchor.sent
    quoted = _quoted(anchor)
    telling = any(forms(t) & words.reporting_verbs and t.pos_ in {"VERB", "AUX"} for t in ancestors(anchor))
    asides = any(c.dep_ == "parataxis" and forms(c) & words.reporting_verbs for c in anchor.children)
    cited = any(sentence.text.lower().find(p + " ") >= 0 for p in words.attribution_phrases if " " in p)
    return quoted or telling or asides or cited or refers_back(s)


def _quoted(anchor: Token) -> bool:
    """The anchor lies inside a quotation: a speaker's own words, whoever they make the doer."""
    return sum(1 for t in anchor.sent if t.i < anchor.i and t.is_quote) % 2 == 1


def _same_target(members: Sequence[Sighting], s: Sighting) -> bool:
    """The sighting's anchor names as its object a thing the happening's sentences name ('attacked a hotel' after
    'laid siege to a hotel'): one target, whoever each account makes the doer."""
    told = {t.lemma_.lower() for m in members for t in m.candidate.anchor.sent if t.pos_ == "NOUN"}
    return bool(told & {t.lemma_.lower() for t in _objects(s.candidate.anchor)})


def _objects(anchor: Token) -> list[Token]:
    """The nouns the anchor acts on: its object, its passive subject and the objects of its prepositions."""
    out = [c for c in anchor.children if c.dep_ in {"dobj", "nsubjpass"}]
    out += [o for c in anchor.children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"]
    return [t for t in out if t.pos_ == "NOUN"]


def _kin_types(a: str, b: str, rules: Merging) -> bool:
    return a == b or any(a in family and b in family for family in rules.retell_families)


def _near(ctx: DocContext, a: Sighting, b: Sighting, reach_km: float) -> bool:
    """Same area (`_same_area`), or a place of its own within `reach_km` of the other's."""
    if _same_area(ctx, a, b):
        return True
    pa, pb = ctx.places[a.place or ""], ctx.places[b.place or ""]
    return km(pa.lat, pa.lon, pb.lat, pb.lon) <= reach_km


def _modifiers(noun: Token) -> list[Token]:
    """The words that tell which happening a noun names: its own modifiers and the objects of its prepositions,
    not a clause describing it ('their abduction, resembling the 2014 one')."""
    out = []
    for c in noun.children:
        if c.dep_ in {"acl", "relcl", "appos", "punct", "cc", "conj"}:
            continue
        out.append(c)
        if c.dep_ == "prep":
            out += [o for o in c.subtree if o is not c]
    return out


def _told_before(groups: Sequence[list[Sighting]], s: Sighting) -> list[Sighting] | None:
    """The news happening of the sighting's type told last before it, if any."""
    earlier = [g for g in groups if g[0].event_type == s.event_type and not g[0].background
               and g[0].candidate.start < s.candidate.start and not s.background]
    return max(earlier, key=lambda g: g[-1].candidate.start) if earlier else None


def to_event(members: Sequence[Sighting], ctx: DocContext, evidence_max: int, taxonomy: Taxonomy,
             follow: Sequence[tuple[int, int]] = (), typed_by: str = "lead", date_steps: Sequence[str] = (),
             place_steps: Sequence[str] = (), typed_actor1: bool = False) -> Event:
    """One event from the sightings of one happening; `follow` are sentences after it that may tell its toll;
    with `date_steps`, the date is the one read by the first of those steps among its sightings; with
    `typed_actor1`, a type whose generic actor 1 ACLED always codes takes the typed sighting's actor 1."""
    lead = members[0]
    told = _told(members)
    typed = typed_sighting(told, typed_by)
    dated = dating_sighting(told, date_steps) if date_steps else lead
    placed = placing_sighting(told, place_steps) if place_steps else lead
    document = ctx.analysis.document
    evidence = [Evidence.of(document, m.candidate.start, min(m.candidate.end, m.candidate.start + evidence_max))
                for m in members]
    fatalities, claims = _toll(ctx, _toll_units(members, taxonomy) + list(follow), taxonomy)
    actor1 = (_fixed_actor1(typed, taxonomy) if typed_actor1 else None) or to_actor1(told)
    return Event(
        id=stable_id("event", document.id, typed.sub_event_type, lead.place, lead.candidate.start),
        docs=[document.id],
        event_type=typed.event_type,
        sub_event_type=typed.sub_event_type,
        evidence=evidence,
        actor1=actor1,
        actor2=lead.actor2 or next((m.actor2 for m in told if m.actor2), None),
        assoc_actor1=_associated_with(told, actor1),
        assoc_actor2=lead.assoc_actor2,
        place=placed.place or next((m.place for m in told if m.place), None),
        geo_precision=placed.geo_precision,
        date=dated.date,
        time_precision=dated.time_precision,
        fatalities=fatalities,
        claims=claims,
        civilian_targeting=any(m.civilian_targeting for m in told),
        notes=_notes(lead),
    )


def _associated_with(told: Sequence[Sighting], actor1: str | None) -> str | None:
    """The actor associated with the event's actor 1 by a sighting that read it (a member recoded to its front)."""
    return next((m.assoc_actor1 for m in told if m.actor1 == actor1 and m.assoc_actor1), None)


def _told(members: Sequence[Sighting]) -> list[Sighting]:
    """The sightings that shape a happening's event: all but the accounts joined as re-tellings, which add their
    evidence and toll only."""
    return [m for m in members if not m.account] or list(members)


def step_rank(steps: Sequence[str], slot: str) -> Callable[[Sighting], int]:
    """How early in `steps` comes the step that read a sighting's `slot` (its `why` entry: "date", "place"); an
    unnamed or unlisted step ranks after them all."""
    rank = {name: i for i, name in enumerate(steps)}
    return lambda m: rank.get(m.why.get(slot, "-"), len(rank))


def dating_sighting(members: Sequence[Sighting], date_steps: Sequence[str]) -> Sighting:
    """The sighting whose date the happening takes: the one dated by the earliest step of `date_steps` (its own
    clause before the sentence around it, the paragraph, the publication); the first told on a tie."""
    return min(members, key=step_rank(date_steps, "date"))


def placing_sighting(members: Sequence[Sighting], place_steps: Sequence[str]) -> Sighting:
    """The sighting whose place the happening takes: the one placed by the earliest step of `place_steps` (its own
    clause before its sentence, the paragraph, the report), then the most precisely; the first told on a tie."""
    rank = step_rank(place_steps, "place")
    placed = [m for m in members if m.place] or list(members)
    return min(placed, key=lambda m: (rank(m), m.geo_precision))


def typed_sighting(members: Sequence[Sighting], typed_by: str) -> Sighting:
    """The sighting whose type the happening takes, by the `typed_by` choice (`Readers.typed_by`)."""
    if typed_by == "lead":
        return members[0]
    if typed_by == "vote":
        return voted_sighting(members)
    return typing_sighting(members, deaths_first=typed_by == "deadliest")


def voted_sighting(members: Sequence[Sighting]) -> Sighting:
    """The surest sighting of the sub-event type its sightings read most surely together (the coder's confidence
    summed per type): one sure sentence does not outvote a story that tells the happening another way again and
    again."""
    votes: dict[str, float] = {}
    for m in members:
        votes[m.sub_event_type] = votes.get(m.sub_event_type, 0.0) + m.candidate.confidence
    chosen = max(votes, key=lambda sub: votes[sub])
    return typing_sighting([m for m in members if m.sub_event_type == chosen])


def typing_sighting(members: Sequence[Sighting], deaths_first: bool = False) -> Sighting:
    """The sighting whose type the happening takes: the one the coder reads most surely (the first on a tie);
    with `deaths_first`, among those whose words tell people killed, if any."""
    return max(members, key=lambda m: (deaths_first and bool(m.claims), m.candidate.confidence))


def _toll_units(members: Sequence[Sighting], taxonomy: Taxonomy) -> list[tuple[int, int]]:
    """The units whose words may tell a happening's toll. ACLED codes no deaths for a peaceful protest (protesters
    killed make it another sub-event type): the deaths the sentence that tells it names are what it is about ('a
    vigil for two men killed in a raid'); only the sentences after it (what happened at it) may tell a toll."""
    units = [(m.candidate.start, m.candidate.end) for m in members]
    return units[1:] if members[0].sub_event_type in taxonomy.fatality_free else units


def _notes(lead: Sighting) -> str:
    steps = ", ".join(f"{k} by {v}" for k, v in lead.why.items())
    return f"{lead.sub_event_type} (coder confidence {lead.candidate.confidence:.2f}; {steps})"
