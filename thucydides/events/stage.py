"""The events stage: units of a report the learned coder reads as ACLED events, with their actors,
place, date and toll read from the linguistic layer by named steps, recoded by ACLED's rules, and one
event per happening.

Filters (settings `stages.events.filters`) drop what did not happen: a negated, modal, conditional or
intended clause ('realis').
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from thucydides.events import tolls
from thucydides.events.actorbase import ActorBase
from thucydides.events.build import (
    HOME_STEPS,
    Merging,
    Readers,
    Sighting,
    actor_toll,
    continuation,
    group,
    read_sighting,
    read_sightings,
    to_event,
    typed_as,
)
from thucydides.events.detect import Candidate, Coder, Detection, detect, report_shape
from thucydides.events.evidence import EvidenceRule
from thucydides.events.offences import is_crime_story, is_ordinary_offence, is_private_arrest, is_quiet_arrest
from thucydides.events.report_type import ReportTypeSettings, report_type_settings, report_type_steps, report_typed
from thucydides.events.roles import ACTOR1_STEPS, ACTOR2_STEPS
from thucydides.events.roles_recode import SideRecoding
from thucydides.events.seizures import is_thing_taken
from thucydides.events.sides import SIDE_STEPS
from thucydides.events.statements import is_statement, is_told_as_stance
from thucydides.events.when import DATE_STEPS
from thucydides.events.where import PLACE_STEPS, POINT_STEPS
from thucydides.knowledge import KnowledgeError
from thucydides.knowledge.acled import Taxonomy, taxonomy
from thucydides.knowledge.fatal_shares import DEFAULT_SHARES, fatal_shares
from thucydides.knowledge.settings import section
from thucydides.knowledge.type_prior import DEFAULT_PRIOR, PriorRetyping, type_prior
from thucydides.ling.arguments import arguments
from thucydides.ling.clauses import heads_clause, is_accident, is_aggregate, is_bare_plural, is_realis, tense
from thucydides.ling.context import DocContext
from thucydides.ling.frames import frame_steps
from thucydides.ling.tokens import ancestors
from thucydides.model import Analysis, Event
from thucydides.pipeline import StageFn, stage
from thucydides.steps import Filters, Steps


@dataclass(frozen=True)
class EventsConfig:
    model: str | None
    """The event coder's artefact (.npz); null: the one shipped with the package."""
    threshold: float
    """The coder's probability of an event below which a unit is not taken for one."""
    single_threshold: float | None
    """For a report with no unit above its threshold: the probability at which its likeliest unit is taken
    (null: none is)."""
    context_weight: float
    """How much the neighbouring sentences' reading weighs in the type of each sentence (0: none)."""
    context_sentences: int | None
    """Sentences either side of a sentence, within its paragraph, read as its context (null: the paragraph)."""
    fallback_below: float
    """A coder reading of its sub-event type less sure than this yields to a fallback predicate's."""
    fallback_confidence: float
    """What a fallback predicate's reading is worth next to the coder's calibrated ones (not a probability)."""
    clause_events: bool
    """A clause the coder reads on its own words as another type of event is a second event of its sentence."""
    clause_min_tokens: int
    """The fewest words of such a clause."""
    clause_sentence_tokens: int
    """The fewest tokens of a sentence whose clauses are so read (0: any)."""
    fallback: bool
    """Consult the fallback predicates (data/acled.yaml) for sentences the coder reads as no event."""
    filters: tuple[str, ...]
    actor1_steps: tuple[str, ...]
    guessed_actor1_steps: tuple[str, ...]
    """Actor 1 steps that guess from around the happening: ACLED's recoding by actor 1 does not rest on them."""
    actor2_steps: tuple[str, ...]
    actor2_alone_steps: tuple[str, ...]
    """Actor 2 steps still tried where the sub-event type has actor 1 alone (a peaceful protest met by a
    counter-protest has protesters on both sides)."""
    place_steps: tuple[str, ...]
    date_steps: tuple[str, ...]
    anaphora_reach: int
    """Sentences back a pronoun may point."""
    undated_window_days: int
    toll_reach: int
    """Sentences after a happening, in its paragraph, that may tell its toll."""
    state_reach: int
    """Sentences after a happening, in its paragraph, that may tell the state it left ('held since ...')."""
    custody_sub_events: tuple[str, ...]
    """Sub-event types that leave someone held: dated by when the custody is told to have begun."""
    background_days: int
    """A happening dated this many days before publication is background: never merged with the news."""
    keep_background: bool
    """Report background happenings as events too (false: a report that tells news leaves its history out)."""
    evidence_max: int
    """Characters of a unit quoted as evidence."""
    members_as_civilians: bool = True
    """In the sub-event types whose actor 2 ACLED always codes as civilians (data/acled.yaml civilian_only_sub_events),
    an actor 2 with no inter code of its own (a party, an association) or a government office is the country's
    civilians, with it associated (`build.as_civilians`; off: the side as read)."""
    actor1_default_first_steps: tuple[str, ...] = ("crowd_nationality", "default")
    """The steps that lead actor 1's chain for the event types ACLED codes with a generic actor 1 (protests, riots:
    data/acled.yaml default_actors with first), the rest of `actor1_steps` after them."""
    sub_event_units: bool = True
    """Actor 1 read as a state force is the unit ACLED's coders name for the sub-event type (data/actors/
    sub_event_units.csv: Russia's air strikes to its air force; `build.unit_of`)."""
    side_recode_steps: tuple[str, ...] = ("umbrella", "state_force", "named_group")
    """Steps recoding each side read, in order (events/roles_recode: `umbrella`, a member ACLED names only as
    associated with one main actor in the country's events of the type is coded as that actor)."""
    members_as_civilians_wide: bool = True
    """Use the wider list (data/acled.yaml member_civilian_sub_events: also looting, arrests, explosions and air
    strikes, where ACLED codes a group named apart for actor 2 as the civilians, it associated), not only the
    civilian-only sub-event types."""
    organisations_as_civilians: bool = True
    """An organisation of no inter code (a church, a party the base lacks, read as kind 'organisation') is such an
    unarmed side too, not only a record of no kind at all."""
    likely_opponent_years: int = 2
    """A learned likely opponent holds for an event dated (else published) at most this many years from the
    period of train rows it was learned from (`likely_opponent`)."""
    likely_opponent_silent: tuple[str, ...] = ()
    """Sub-event types in which `likely_opponent` names no actor 2 (ACLED leaves it empty in most such rows)."""
    side_model_threshold: float = 0.5
    """The probability the learned side model's best side must reach to be actor 2 (`events.sides.side_model`)."""
    date_carry_reach: int | None = 3
    date_carry_main_first: bool = True
    date_sentence_main_first: bool = True
    """The sentence date step takes a date not told in a clause describing a noun first (events.when.told_aside)."""
    date_names_skipped: bool = True
    """A date inside an actor's name ('the March 23 Movement') dates nothing (events.when.inside_a_name)."""
    date_governing: bool = True
    """The clause date step reads the clause a participle or infinitive anchor hangs on first, and the verb the
    anchor is joined to after its own (events.when.clause_heads)."""
    """The paragraph date step carries the last date told on its sentence's main line, not one in a clause
    describing a noun ('a mural that was removed on Saturday'; events.when.told_aside)."""
    """Sentences back, within the paragraph, the `paragraph` date step carries a date from (null: any)."""
    date_telling_apart: bool = True
    """The sentence and paragraph date steps pass over a date told on a verb of telling ('police said Tuesday that
    ...'): it dates the telling, read by the `telling` date step (events.when.told_on)."""
    background_coarse_days: int | None = 31
    """With no publication date, a happening dated only to a span longer than this ('in 2009') is background
    (events.build.unpublished_history; None: off)."""
    place_first_named: bool = True
    """Among a unit's places still tied after specificity and attachment, the first named, not the nearest to
    the anchor ('in A (B district, C region)': the areas holding a place come after it)."""
    place_qualifiers: bool = True
    """Among equally specific places, qualifiers read across a place noun and report-wide, and a place whose
    areas are told after it first (`geo.located.qualifier_rank`)."""
    place_origins_last: bool = True
    """A place told as where someone comes from ('traders from A') comes after every other (`told_as_origin`)."""
    place_governing_first: bool = True
    """An anchor that is a participle or infinitive hanging on another clause ('rallied in A, demanding ... in B')
    takes the place of that clause first (`where.governing_clause`)."""
    place_doubt_own_line: bool = True
    """A clause place is doubtful only against a place not told in an infinitive or active participle below the
    anchor, nor as an origin (`where.doubtful_in_its_sentence`)."""
    place_telling_apart: bool = True
    """A place told by a verb of telling's clause ('officials in A said') does not place the happening it tells
    (`where.speakers_place`)."""
    place_offset_km: tuple[float, float] | None = (5.0, 300.0)
    """A town told as a landmark a distance away ('a village 45 km south of A') places the happening at the point
    that distance and bearing give, for distances in this range (`where.offset_point`; null: at the landmark)."""
    place_country_capital: bool = True
    """A happening placed at a country whose smaller places the report does not name goes to its capital, at a
    region-level precision (`where.country_capital`)."""
    place_point_steps: tuple[str, ...] = ("unit_point", "unit_seat")
    """Steps that set a happening placed at a wide area at the point conflict records code it at
    (`where.POINT_STEPS`: unit_point); empty: off."""
    place_point_snap_km: float = 5.0
    """A gazetteer town of the learned point's name this near stands for it (`where.unit_point`)."""
    place_seat_max_km: float | None = 100.0
    """Neither `where.unit_point` nor `where.unit_seat` moves a happening farther than this from the unit's own point
    (null: any)."""
    retrospective_max_sentences: int | None = 8
    """A report all of whose happenings are background keeps them when it has at most this many sentences (a
    note filed late, a brief about an old happening); a longer one is a feature telling history, left out like
    any report's history (null: any report keeps them)."""
    lead_threshold: float | None = None
    """The coder's probability of an event at which a unit of the lead (headline, first sentences) is taken."""
    lead_sentences: int = 1
    """Sentences after the headline that make the lead."""
    single_max_sentences: int | None = 8
    """The longest report, in sentences, that `single_threshold` applies to (null: any)."""
    catchall_rescue_max_sentences: int | None = 4
    """The longest report, in sentences, whose rescue by `single_threshold` may keep a catch-all reading below its
    `sub_min_confidence` floor (null: as `single_max_sentences`)."""
    recode_steps: tuple[str, ...] = ("fatalities", "rules")
    """How an event is re-typed, in order: 'fatalities' (a sub-type ACLED codes with no deaths yields, where its
    unit tells its actor killing people, to the coder's likeliest reading that carries them; applied as detection
    keeps a reading), 'prior' (the learned type prior), 'rules' (the hand-written coding rules of data/acled.yaml)."""
    fatal_shares: str | None = None
    """The ACLED fatal shares table (.json); null: the one shipped with the package."""
    fatal_max_share: float = 0.01
    """A sub-event type at most this share of whose ACLED train rows carry fatalities carries none ('fatalities')."""
    fatal_min_rows: int = 50
    """... counted only for a sub-event type with at least this many ACLED train rows."""
    prior_weight: float = 0.5
    """The exponent of the type prior's lift, P(sub | inter codes) / P(sub), against the coder's probabilities."""
    type_prior: str | None = None
    """The type prior's artefact (.json); null: the one shipped with the package."""
    prior_absent_unknown: bool = True
    """An actor the text was not read to name is an unknown code to the prior (false: ACLED's 0, no actor)."""
    mention_threshold: float = 0.5
    """The coder's probability of an event at which a noun told as unrealised names a happening."""
    reread_mentions: bool = True
    """Drop a sentence that reads as an event only by happenings it names as not happening ('threat of')."""
    place_vouch_km: float | None = 150.0
    """An event's place that no other place of the report lies this near yields to one that has such a
    neighbour (a namesake of a quarter or a square read as a far town); null: no such check."""
    place_by_attachment: bool = True
    """Among equally specific places, the one hanging from the fewest nouns below the anchor first ('rallied in
    A in support of strikes in B': A), before the nearest to it."""
    sub_min_confidence: Mapping[str, float] = field(
        default_factory=lambda: {"Other": 0.7, "Change to group/activity": 0.9, "Disrupted weapons use": 0.7})
    """Sub-event types taken only when the coder is this sure of the sub-type (ACLED's catch-all types)."""
    typed_by: str = "surest"
    """Which sentence of a happening told in several gives its type: 'lead' (the first), 'surest' (the one the
    coder reads most surely), 'deadliest' (the surest of those telling people killed, if any)."""
    distinct_sub_types: tuple[str, ...] = ()
    """Event types whose sub-event types are different happenings: sentences of two of them are two events."""
    anchor_threshold: float = 0.5
    """The coder's probability of an event at which a clause's own words can tell its sentence's happening."""
    long_sentence_tokens: int = 20
    """A sentence of at least this many tokens read as no event is read again clause by clause (0: never)."""
    long_clause_threshold: float | None = 0.99
    """The probability of an event at which such a clause's reading becomes its sentence's (None: the unit's)."""
    long_told_only: bool = True
    """Read only what a verb of telling reports, told as happening (news attributes; the coder's notes seldom do)."""
    catchall_clauses: bool = True
    """A sentence read surely as an event but as a catch-all sub-type below its floor is typed by its clause read
    most surely as another sub-type of event (events.detect.specific_clause)."""
    headline_lead: bool = True
    """A lead read as no event surely enough alone is read with its headline (events.detect.with_headline)."""
    coded_view: tuple[str, ...] = ("told", "raised", "attributed", "hedged")
    """Frame steps (ling.frames) whose words a sentence read as no event is read again without (empty: none)."""
    view_eventless_only: bool = True
    """... only in a report where no sentence is read as an event without them."""
    view_threshold: float | None = None
    """The probability of an event at which such a coded view's reading becomes its sentence's (None: the unit's)."""
    mentions_own_words: bool = True
    """Re-read for mentions only a unit taken by its own words' reading, not by a part's (events.detect)."""
    evidence_threshold: float | None = 0.7
    """The probability of an event at which a unit telling a toll with its doer, place or date is taken
    (events.evidence; None: only at its threshold)."""
    evidence_metrics: tuple[str, ...] = ("killed", "wounded")
    """Claim metrics whose toll in a unit is such evidence."""
    evidence_armed_kinds: tuple[str, ...] = ("state_forces", "rebel_group", "political_militia", "identity_militia",
                                             "external_force")
    """Actor kinds whose mention in the unit is its doer."""
    evidence_signals: int = 1
    """The fewest of doer, place and date a unit must tell beside its toll."""
    evidence_needs: tuple[str, ...] = ()
    """Signals ('toll', 'doer', 'place', 'date') a unit must tell for its evidence to count."""
    evidence_harm_types: tuple[str, ...] = ("Battles", "Explosions/Remote violence", "Violence against civilians")
    """Event types whose reading is the evidence's core as a toll is (empty: only a toll)."""
    evidence_eventless_only: bool = True
    second_reading: bool = False
    """In a report where nothing is read as an event, take the sentences the second reading takes (`events.recall`,
    its model and threshold in the `event_recall` settings)."""
    """... only in a report where no unit is read as an event without the evidence."""
    merge_actor_sides: bool = False
    """Sentences of a report whose doers are the two sides of one happening ('forces killed the attackers', 'the
    attackers stormed the hotel') may tell one happening (false: only the same actor 1 or none)."""
    merge_guessed_actors: bool = True
    """An actor 1 only guessed (`guessed_actor1_steps`) keeps sentences apart like a told one (false: it does not)."""
    merge_back_references: bool = True
    """A sentence naming its happening by a noun pointing back ('died in the attack', 'their abduction') tells
    the happening of its type told last before it (lexicons happening_nouns)."""
    merge_own_dates_only: bool = True
    """Only dates read in both sentences' own clauses keep them apart (not one read from around them)."""
    merge_retellings: bool = True
    """A sentence re-telling a happening told before (a speaker's or witness's account, 'the attack'), of its type
    or its family (merge_retell_families), its dates and its place or one within merge_retell_km, joins it as
    another account (events.build.retold_home)."""
    merge_retell_km: float = 0.0
    merge_retell_families: tuple[tuple[str, ...], ...] = ()
    merge_distinct_weekdays: bool = True
    """Sentences whose own clauses name different weekdays tell different happenings, placed or not
    (events.build.weekdays_differ)."""
    merge_back_reference_own_place: bool = True
    """A sentence pointing back ('during their demonstration') whose own clause names a place outside the area of
    the happening it would point back to tells its own (events.build.placed_elsewhere)."""
    merge_home_steps: tuple[str, ...] = ("latest", "first")
    """How a sentence chooses, among the happenings it goes on telling or agrees with, the one it joins, by named
    steps in order (events.build.HOME_STEPS): 'continued' (the one told in the sentence right before it, in its
    paragraph), 'latest' (of those it agrees with, the one told last before it), 'first' (the first it goes on
    telling or agrees with)."""
    place_by_step: bool = True
    """A happening told in several sentences takes the place read by the first place step among them (a
    sentence's own clause first, then the most precise), not the first sentence's."""
    date_by_step: bool = True
    """A happening told in several sentences takes the date read by the first date step among them (its own
    clause first), not the first sentence's."""
    typed_actor1: bool = True
    """A happening of a type ACLED always codes with its generic actor 1 (protests, riots: data/acled.yaml
    default_actors `first`) takes the actor 1 of the sentence that gives its type, not a doer another sentence tells
    ('police arrested three' after 'students rioted': the rioters)."""
    judged_nouns: bool = True
    """A sentence read as no event is read again by the happenings its verbs of judgement name as nouns."""
    judging_types: tuple[str, ...] = ("Protests", "Riots")
    """Event types a verb of judgement tells itself ('marched condemning the killing'): not anchored on the noun."""
    fallback_over: tuple[str, ...] = ("Disrupted weapons use", "Arrests", "Abduction/forced disappearance")
    """Sub-event types of taking that a fallback predicate's reading of another sub-type comes before."""


@dataclass(frozen=True)
class Reading:
    """A candidate reading of a unit, with its document, for the filters."""

    doc: DocContext
    candidate: Candidate


def _realis(r: Reading) -> bool:
    return is_realis(r.candidate.anchor)


def _specific(r: Reading) -> bool:
    """One happening, not a pattern: not told as a count or a wave ('several attacks', 'a wave of
    strikes'), nor as what has gone on since a date ('have intensified attacks since May'), nor in the
    simple present with nothing particular to it ('militants attack villages': no date, place or number;
    a headline's present tells news, and so does a report of one sentence, its own headline, unless it tells
    happenings in general as a bare plural)."""
    c = r.candidate
    if is_aggregate(c.anchor):
        return False
    if c.headline or tense(c.anchor) != "present":
        return True
    if any(is_bare_plural(o) for o in arguments(c.anchor).objects):
        return _dated_to_a_day(r)  # 'militants carry out attacks near X'; 'On 3 May, gunmen set cars on fire' is news
    return len(r.doc.segments.sentences) == 1 or _particular(r)


@dataclass(frozen=True)
class SpecificSettings:
    """The `specific` filter's choices (`event_specific` in the settings)."""

    dated_present: bool = True
    """A clause in the simple present telling happenings as a bare plural ('police prevent teachers from ...', 'gunmen
    set vehicles on fire', where 'set' reads as present) tells one happening when its unit dates it to a day ('On 28
    June 2022'): a note's or a headline's present, not a habit (false: never)."""


def _dated_to_a_day(r: Reading) -> bool:
    """With `event_specific.dated_present`, whether the anchor's own clause (the words it governs) tells a date of one
    day that dates what it tells: not one told of another clause ('the minister said on Monday that militants raid
    villages' dates the saying)."""
    if not section("event_specific", SpecificSettings).dated_present:
        return False
    a = r.candidate.anchor
    lo, hi = a.left_edge.idx, a.right_edge.idx + len(a.right_edge.text)
    return any(t.precision == 1 and t.dates for t in r.doc.times.within(lo, hi))


def _particular(r: Reading) -> bool:
    """A date, a named place or a number told in the unit."""
    c = r.candidate
    if r.doc.times.within(c.start, c.end) or r.doc.toponyms.within(c.start, c.end):
        return True
    return any(t.like_num for t in c.anchor.subtree)


def _caused(r: Reading) -> bool:
    """Someone did it: not a mishap that befell a vehicle or a building ('the plane crashed in the hills'),
    nor a clause that describes what befell it ('a plane used to carry troops crashed')."""
    anchor = r.candidate.anchor
    return not any(is_accident(t) for t in (anchor, *ancestors(anchor)) if heads_clause(t))


def _not_statement(r: Reading) -> bool:
    """Not a government's or an organisation's statement read as a protest (events.statements)."""
    return not is_statement(r.doc, r.candidate.event_type, r.candidate.anchor)


def _not_stance(r: Reading) -> bool:
    """Not a happening told only under a verb of stance ('insisted', 'alleged'; events.statements)."""
    return not is_told_as_stance(r.candidate.event_type, r.candidate.anchor)


def _person_taken(r: Reading) -> bool:
    """Not a thing taken read as an arrest or abduction (events.seizures)."""
    return not is_thing_taken(r.doc, r.candidate.sub_event_type, r.candidate.anchor)


def _not_offence(r: Reading) -> bool:
    """Not an arrest for an ordinary offence, which is police work (events.offences)."""
    c = r.candidate
    return not is_ordinary_offence(r.doc, c.sub_event_type, c.start, c.end)


def _not_private(r: Reading) -> bool:
    """Not an arrest of private persons named by their names alone, with nothing political told (events.offences)."""
    c = r.candidate
    return not is_private_arrest(r.doc, c.sub_event_type, c.start, c.end)


def _not_quiet(r: Reading) -> bool:
    """Not an arrest told in a story that says nothing political anywhere (events.offences)."""
    return not is_quiet_arrest(r.doc, r.candidate.sub_event_type)


def _not_crime(r: Reading) -> bool:
    """Not violence or an arrest told in a story of ordinary crime (events.offences)."""
    return not is_crime_story(r.doc, r.candidate.sub_event_type)


FILTERS: Mapping[str, Callable[[Reading], bool]] = {"realis": _realis, "specific": _specific, "caused": _caused,
                                                     "statement": _not_statement, "stance": _not_stance,
                                                     "person_taken": _person_taken,
                                                     "offence": _not_offence, "private_arrest": _not_private,
                                                     "quiet_story": _not_quiet, "crime_story": _not_crime}


ACTOR2_AND_SIDE_STEPS = {**ACTOR2_STEPS, **SIDE_STEPS}
"""The actor 2 steps of events/roles and the learned side model (events/sides)."""


TYPED_BY = ("lead", "surest", "deadliest", "vote")


def readers(config: EventsConfig) -> Readers:
    if config.typed_by not in TYPED_BY:
        raise KnowledgeError(f"stages.events.typed_by: unknown choice {config.typed_by!r}; known: {TYPED_BY}")
    lead = config.actor1_default_first_steps
    first_default = (*lead, *(s for s in config.actor1_steps if s not in lead))
    return Readers(
        actor1=Steps.of("events.actor1_steps", ACTOR1_STEPS, config.actor1_steps),
        actor1_first_default=Steps.of("events.actor1_steps", ACTOR1_STEPS, first_default),
        actor2=Steps.of("events.actor2_steps", ACTOR2_AND_SIDE_STEPS, config.actor2_steps),
        actor2_alone=Steps.of("events.actor2_alone_steps", ACTOR2_AND_SIDE_STEPS, config.actor2_alone_steps),
        place=Steps.of("events.place_steps", PLACE_STEPS, config.place_steps),
        date=Steps.of("events.date_steps", DATE_STEPS, config.date_steps),
        anaphora_reach=config.anaphora_reach,
        opponent_years=config.likely_opponent_years,
        opponent_silent=frozenset(config.likely_opponent_silent),
        side_threshold=config.side_model_threshold,
        members_as_civilians=config.members_as_civilians,
        members_civilian_wide=config.members_as_civilians_wide,
        sub_event_units=config.sub_event_units,
        side_recoding=SideRecoding.of(config.side_recode_steps),
        organisations_as_civilians=config.organisations_as_civilians,
        undated_window_days=config.undated_window_days,
        background_days=config.background_days,
        toll_reach=config.toll_reach,
        state_reach=config.state_reach,
        custody_sub_events=frozenset(config.custody_sub_events),
        guessed_actor1_steps=frozenset(config.guessed_actor1_steps),
        retyping=_retyping(config),
        coding_rules="rules" in config.recode_steps,
        prior_absent_unknown=config.prior_absent_unknown,
        place_vouch_km=config.place_vouch_km,
        place_by_attachment=config.place_by_attachment,
        date_carry_reach=config.date_carry_reach,
        date_carry_main_first=config.date_carry_main_first,
        date_sentence_main_first=config.date_sentence_main_first,
        date_names_skipped=config.date_names_skipped,
        date_governing=config.date_governing,
        date_telling_apart=config.date_telling_apart,
        background_coarse_days=config.background_coarse_days,
        place_first_named=config.place_first_named,
        place_qualifiers=config.place_qualifiers,
        place_origins_last=config.place_origins_last,
        place_governing_first=config.place_governing_first,
        place_doubt_own_line=config.place_doubt_own_line,
        place_telling_apart=config.place_telling_apart,
        place_offset_km=config.place_offset_km,
        place_country_capital=config.place_country_capital,
        place_point=Steps.of("events.place_point_steps", POINT_STEPS, config.place_point_steps),
        place_point_snap_km=config.place_point_snap_km,
        place_seat_max_km=config.place_seat_max_km,
        typed_by=config.typed_by,
        merging=Merging(frozenset(config.distinct_sub_types), config.merge_actor_sides, config.merge_guessed_actors,
                        config.merge_back_references, config.merge_own_dates_only, config.merge_retellings,
                        config.merge_retell_km, tuple(frozenset(f) for f in config.merge_retell_families),
                        config.merge_distinct_weekdays, config.merge_back_reference_own_place,
                        Steps.of("events.merge_home_steps", HOME_STEPS, config.merge_home_steps)),
    )


RECODE_STEPS = ("prior", "rules", "fatalities")


def _retyping(config: EventsConfig) -> PriorRetyping | None:
    """The prior step when `recode_steps` asks for it (it runs before the rules, whatever the order given; the
    fatalities step runs before both, as detection keeps a reading)."""
    unknown = set(config.recode_steps) - set(RECODE_STEPS)
    if unknown:
        raise KnowledgeError(f"stages.events.recode_steps: unknown step(s) {sorted(unknown)}; known: {RECODE_STEPS}")
    if "prior" not in config.recode_steps:
        return None
    prior = type_prior(Path(config.type_prior) if config.type_prior else DEFAULT_PRIOR)
    kinds = taxonomy()
    return PriorRetyping(prior, config.prior_weight, {s: kinds.event_type_of(s) for s in kinds.sub_event_types})


@dataclass(frozen=True)
class EventCoderStage:
    coder: Coder
    config: EventsConfig
    readers: Readers
    filters: Filters[Reading]
    base: ActorBase
    taxonomy: Taxonomy
    report_typing: ReportTypeSettings = field(default_factory=report_type_settings)
    """How a short report's lead is typed by the whole report (settings `event_report_type`)."""

    @property
    def detection(self) -> Detection:
        """The settings detection reads, by name: a field added to both can never shift the others."""
        c = self.config
        return Detection(
            threshold=c.threshold, single_threshold=c.single_threshold, context_weight=c.context_weight,
            context_sentences=c.context_sentences, fallback_below=c.fallback_below, clause_events=c.clause_events,
            clause_min_tokens=c.clause_min_tokens, lead_threshold=c.lead_threshold, lead_sentences=c.lead_sentences,
            single_max_sentences=c.single_max_sentences,
            catchall_rescue_max_sentences=c.catchall_rescue_max_sentences, mention_threshold=c.mention_threshold,
            reread_mentions=c.reread_mentions, clause_sentence_tokens=c.clause_sentence_tokens,
            sub_min_confidence=c.sub_min_confidence, anchor_threshold=c.anchor_threshold,
            fallback_confidence=c.fallback_confidence, fallback_over=c.fallback_over,
            judged_nouns=c.judged_nouns, judging_types=c.judging_types,
            long_sentence_tokens=c.long_sentence_tokens,
            long_clause_threshold=c.long_clause_threshold, long_told_only=c.long_told_only,
            catchall_clauses=c.catchall_clauses, headline_lead=c.headline_lead, coded_view=c.coded_view,
            view_threshold=c.view_threshold, view_eventless_only=c.view_eventless_only,
            mentions_own_words=c.mentions_own_words,
            evidence=EvidenceRule(c.evidence_threshold, frozenset(c.evidence_metrics),
                                  frozenset(c.evidence_armed_kinds), c.evidence_signals,
                                  frozenset(c.evidence_needs),
                                  frozenset(c.evidence_harm_types), c.evidence_eventless_only),
            second_reading=c.second_reading)

    def events(self, analysis: Analysis) -> list[Event]:
        ctx = DocContext.of(analysis)
        candidates = detect(ctx, self.coder, self.detection, lambda c: self.admits(ctx, c),
                            self.taxonomy if self.config.fallback else None, lambda c: self.fatal_reading(ctx, c))
        typing = report_typed(report_shape(ctx), candidates, self.coder, lambda c: self.admits(ctx, c),
                              self.config.sub_min_confidence, self.report_typing)
        candidates = typing.candidates
        sightings = [s for c in candidates for s in self.sightings(ctx, c, typing.read_as(c))]
        taken = {c.sentence.index for c in candidates}
        groups = group(ctx, sightings, self.readers.merging)
        if not self.config.keep_background:
            groups = without_background(groups, self._retrospective(ctx))
        return [to_event(g, ctx, self.config.evidence_max, self.taxonomy,
                         continuation(ctx, g, taken, self.config.toll_reach), self.readers.typed_by,
                         self.readers.date.names if self.config.date_by_step else (),
                         self.readers.place.names if self.config.place_by_step else (),
                         self.config.typed_actor1) for g in groups]

    def sightings(self, ctx: DocContext, c: Candidate, read_as: Candidate | None = None) -> list[Sighting]:
        """The candidate's sightings; with `read_as`, their place, date and actor 2 as read for that candidate, and
        typed as `c` with its actor 1 (a lead re-typed by its whole report, `events.report_type`)."""
        if read_as is None:
            return read_sightings(ctx, c, self.readers, self.base, self.taxonomy)
        typed = read_sightings(ctx, c, self.readers, self.base, self.taxonomy)
        own = read_sightings(ctx, read_as, self.readers, self.base, self.taxonomy)
        if len(own) != len(typed):  # its places read otherwise: as typed
            return typed
        return [typed_as(ctx, s, t, self.readers, self.base, self.taxonomy) for s, t in zip(own, typed, strict=True)]

    def admits(self, ctx: DocContext, c: Candidate) -> bool:
        """Whether every filter passes the candidate."""
        return self.filters.failing(Reading(ctx, c)) is None

    def fatal_reading(self, ctx: DocContext, c: Candidate) -> Candidate:
        """The 'fatalities' step: a coder's reading of a sub-type ACLED codes with no deaths (`never_fatal`, from
        its train rows) whose unit tells its actor 1 killing people ('troops advanced on the town, killing 40
        militants') is re-typed to the coder's likeliest reading of a sub-type that carries them: ACLED codes the
        deadly happening (a clash), not the movement. Others are returned as they are."""
        never = never_fatal(self.config)
        if "fatalities" not in self.config.recode_steps or c.source != "coder" or c.sub_event_type not in never:
            return c
        if not any(claim.agent for claim in tolls.unit_claims(ctx.claims, c.start, c.end)):
            return c
        if actor_toll(ctx, read_sighting(ctx, c, self.readers, self.base, self.taxonomy), self.taxonomy) <= 0:
            return c
        sub, p = next(((sub, p) for sub, p in c.readings if sub not in never), (None, 0.0))
        if sub is None:
            return c
        return replace(c, event_type=self.taxonomy.event_type_of(sub), sub_event_type=sub, confidence=p,
                       retyped="fatalities")

    def _retrospective(self, ctx: DocContext) -> bool:
        """Whether the report is short enough that, telling only old happenings, it is about them."""
        most = self.config.retrospective_max_sentences
        return most is None or len(ctx.segments.sentences) <= most

    def __call__(self, batch: Sequence[Analysis]) -> None:
        for analysis in batch:
            analysis.events = self.events(analysis)


def never_fatal(config: EventsConfig) -> frozenset[str]:
    """The sub-event types ACLED codes with no fatalities, by the shares table and the config's bounds."""
    return _never_fatal(config.fatal_shares, config.fatal_max_share, config.fatal_min_rows)


@cache
def _never_fatal(path: str | None, max_share: float, min_rows: int) -> frozenset[str]:
    return fatal_shares(Path(path) if path else DEFAULT_SHARES).never_fatal(max_share, min_rows)


def without_background(groups: list[list[Sighting]], retrospective: bool = True) -> list[list[Sighting]]:
    """A report that tells news tells its history as background: those happenings are the news of their own
    day's reports. A report all of whose happenings lie long before it (a retrospective, a note filed late)
    is about them, and keeps them when `retrospective` says so."""
    news = [g for g in groups if not g[0].background]
    return news or (groups if retrospective else [])


def load_coder(model: str | None) -> Coder:
    from thucydides.events.coder import EventCoder

    return EventCoder.load(Path(model) if model else None)


@stage("events", requires=("spacy_doc", "segments", "actors", "toponyms", "places", "times", "claims"),
       assigns=("events", "places"), config=EventsConfig)  # places: the capital where.actors_capital places at
def make_events_stage(config: EventsConfig) -> StageFn:
    frame_steps(config.coded_view)  # an unknown step name fails here, not on the first report
    report_typing = report_type_settings()
    report_type_steps(report_typing)  # ... and here
    return EventCoderStage(
        coder=load_coder(config.model),
        config=config,
        readers=readers(config),
        filters=Filters.of("events.filters", FILTERS, config.filters),
        base=ActorBase(),
        taxonomy=taxonomy(),
        report_typing=report_typing,
    )
