"""The fitted place ranker: a conditional logit over a mention's candidates, and an admit model.

Each candidate gets a score w·x from its features (`features.py`, the hand-set resolver's score among
them); a softmax over a mention's candidates, sharpened or softened by a fitted temperature, gives each
a calibrated probability of being the place meant. Mentions the hand-set gates (`handset.py`) would
leave out are resolved only when a logistic admit model, over the mention's and its best candidate's
features, is confident enough. The weights, the temperature, the admit threshold and the provenance of
the fit live in `data/geo_ranker.json`, written by `python -m thucydides.learn.places` (which the
runtime never imports).
"""

from __future__ import annotations

import json
import math
import operator
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from thucydides.geo.context import NEAR_LIMIT_KM
from thucydides.knowledge import KnowledgeError, data_path
from thucydides.knowledge.logistic import logistic
from thucydides.knowledge.settings import SettingsError, section


@dataclass(frozen=True, slots=True)
class GateSettings:
    """`stages.places.gates`: the hand-set gates' bounds (`handset.py`), which decide which candidates a mention may
    mean at all (the hand-set score's own constants are a feature of the fitted ranker, fitted with it)."""

    alone_population: int
    """A town at least this big stands alone: a strong mention may mean it outside the report's focus."""
    theatre_population: int
    """With no other place to go by, a town outside the countries of the report's actors, or one named with no
    cue, must be at least this big."""
    holder_population: int
    """A town named first in an organisation's name ("X Department of ...") at least this big may be meant."""
    known_town_population: int
    """A town after a locative word, where no other place of the report places it, at least this big."""
    near_km: float
    """A candidate this near one of the report's places fits it (at most `context.NEAR_LIMIT_KM`)."""
    close_km: float
    """... this near: fits it closely (the gate of names met only in a list or after an ambiguous cue)."""
    lone_town: bool
    """A town after a locative word whose places by that name all lie in one country may be meant however small,
    where no town of the report lies elsewhere (`handset.lone_country`)."""
    obscure_abroad: bool
    """A strong name that stands alone is no small or alternately named place in a country the report never implies
    (`handset.obscure_abroad`)."""
    seed_at_home: bool
    """The first pass's seeds are no small or alternately named places abroad (`resolve.first_guess`)."""


@dataclass(frozen=True, slots=True)
class PlacesSettings:
    """`stages.places` in settings.yaml, which alone holds the values (no defaults here to drift from it)."""

    ranker: str
    """The fitted weights, a data file name."""
    admit_below: float | None
    """A mention the hand-set gates would not resolve is resolved when the fitted admit model's probability
    reaches this; None: the threshold fitted with the ranker (stored in the ranker file)."""
    max_candidates: int
    """Candidates scored per mention (main names first, then by population)."""
    passes: int
    """Resolution passes: the second scores each mention against the places the first one chose."""
    foreign_town_population: int
    """A town smaller than this, in a country the report never implies, is not considered when the report
    implies any country at all (the candidate inside wins, or the mention stays unresolved)."""
    far_village_vote: float
    """A report whose top country (in a mention's view) has at least this vote is firmly placed: there a village
    smaller than `far_village_population`, in a country the report never implies, is no answer even where the
    hand-set gates admit it (`resolve.far_village`: "the Karrada district of Baghdad" is not a Turkish village of
    that key); 0 turns it off."""
    far_village_population: int
    """The population below which `far_village_vote` rules a candidate out."""
    qualifier_country: bool
    """ "A, B" (no list): A's place lies in B's country unless the rest of the report implies A's; else A takes its
    best-ranked candidate there, or stays unresolved (`qualified.held_by_qualifier`)."""
    word_alias_population: int
    """A town met by an alternate name that is an English word spaCy does not read as a place is the answer only
    when at least this big (`resolve.pickable`: "Calcutta" for Kolkata, but not "Day" for Dayton)."""
    respelt_penalty: float
    """Hand-set penalty on a candidate met only through folding where another bears the name as written
    (`handset.respelt`: "Haarlem" is not Harlem); 0 turns it off."""
    skeleton_match: float
    """Least similarity of a spelling met only through its consonant skeleton (Woldiya for Weldiya)."""
    feature_population: int
    """A hand-listed region or river (`geo_places.yaml`: a sea, a range, a region), which counts no people, counts as
    this many in the priors (`priors.prior_population`), so that a town named after it does not win on people
    alone ("Pacific", "the Red Sea"); 0: as listed."""
    same_name_same_place: bool
    """One sense per discourse: a mention left unresolved, or resolved with less confidence than
    `same_place_below`, takes the place another mention of its (folded) name in the report was resolved to
    with at least `same_place_confidence` ("the town of Gori" ... "Gori-based")."""
    same_place_confidence: float
    """Least confidence of the mention whose place the others of its name take."""
    same_place_below: float
    """A mention resolved with less confidence than this yields to the confident one of its name."""
    coded_namesakes_km: float
    """A name in a report nothing else places ("protesters gathered in Brest"), resolved to a namesake that no
    conflict record places, takes its best-ranked candidate that one does (`resolve.coded_namesake`: ACLED's
    train locations, `priors.coded_places`) when such a record lies within this many km of it; 0 turns it off."""
    coded_namesake_population: int
    """A place at least this big keeps a name `coded_namesakes_km` would move ("Delhi", "Lome": a record codes
    the capital under another name or as a unit, a village of the name elsewhere as a location); 0: no limit."""
    namesake_units: bool
    """ "the Eastern Region": a unit the gazetteer knows by the name with its unit noun in one country only (an
    alternate name) is one of every first- or second-level unit of the bare name (`resolve.namesake_units`)."""
    told_as_unit: bool
    """A name told with a unit noun ("Oromiya region") means one of its units where it has one, not a town
    (`resolve.told_as_unit`)."""
    lost_units: bool
    """A name that can only be a unit, chained inside a state or country that holds none of its units ("North
    Western, Tigray"), keeps no candidate (`resolve.lost_unit`)."""
    other_state_km: float
    """A town none of whose places lies in the state it is chained to ("Walewale (Northern)") keeps those in the
    state's country within this many km of the state's point rather than none (`resolve.pinned`); 0: off."""
    told_unit_name: bool
    """A name told with its unit noun is first looked up with it, as a unit's name (`resolve.told_unit`)."""
    self_qualified_unit: bool
    """A town qualified by its own name ("San Juan (San Juan)") whose units of that name lie in several countries
    lies in the most populous of them (`resolve.self_qualified`)."""
    coded_in_country: bool
    """`coded_namesakes_km` among the namesakes of the country the report names, when it names not their province."""
    coded_unresolved_km: float
    """A name the text says is a place, left unresolved in a report nothing else places ("explosions near X", X a
    name many villages bear), takes its best-ranked candidate a conflict record places within this many km
    (`resolve.coded_unresolved`); 0 turns it off."""
    coded_unresolved_untold: bool
    """`coded_unresolved` also for a name the text does not call a place ("downtown X", "X Governor's office", spaCy
    reading X as an organisation's or a person's name), in a report nothing else places, when the report never
    gives the name to a person."""
    coded_over_alias_km: float
    """A name in a report nothing else places, resolved to a place that bears it only as an alternate name, takes its
    best-ranked candidate bearing it as its own that a conflict record places within this many km
    (`resolve.coded_over_alias`); 0 turns it off."""
    respelt_unplaced_km: float
    """A small town met only through another spelling, in a country the rest of the report does not imply, stays
    unresolved unless a conflict record places the name within this many km of it (`resolve.respelt_unplaced`);
    0 turns it off."""
    list_kind_quorum: int
    """A name of a list ("Missouri, New York and Virginia") resolved to a town takes its state (or country)
    candidate when at least this many other names of the list are states of one country (or countries);
    0 turns it off."""
    person_name_population: int
    """A name the report also gives a person stays a place only as a country, a state or a city at least this big,
    in a country the rest of the report implies."""
    big_alias_population: int
    """A place at least this big, known by the name as an alternate one, is kept when a name's candidates are
    capped (`resolve.capped`: Washington, D.C. among the many towns called Washington)."""
    province_seat_km: float
    """ "X, P", P known only as a town its source places in a province of its name: X's candidates within this many km
    of it are the ones meant (`resolve.in_province_named`); 0 turns it off."""
    container_hops: int
    """How many names a chain "Village, Sector (Territory, Province)" may climb to find a state or a country."""
    one_place_km: float
    """Candidates this close to the first are one place under several units ("Fotokol" the town and its district:
    `resolve.only_place_of_its_name`)."""
    lone_name_over_peoples: bool
    """A name with one place, introduced as a place, keeps it where only people's adjectives and actors place the
    report elsewhere (`resolve.only_place_of_its_name`)."""
    one_place_votes: bool
    """Sum a candidate's probability with those of the entries that are the same place (`resolve.one_place_votes`)."""
    anchor_km: float
    """ "X, south of Y" with no distance: how far from Y X may lie (`resolve.bound_by_anchors`)."""
    anchor_slack: float
    """ "X, 45 km south of Y": X may lie this many times the distance from Y, plus half `anchor_km`."""
    spread_limit: int
    """A strong town name whose candidates lie in at most this many countries votes for them in the report's
    geography (`document.name_evidence`)."""
    town_share: float
    """That vote's share of a container name's: towns share names across borders more often."""
    unpin_vote: float
    """The least vote (a demonym, an actor, a state or country named) by which the rest of a report implies a country
    that undoes a chain's pin abroad (`resolve.unpin_abroad`)."""
    gates: GateSettings
    """The hand-set gates' bounds."""
    demonym_mentions: bool
    """Report a country's people's word ("Georgian", "the Palestinians") as a mention of the country
    (`geo/demonyms.py`), apart from the place names."""


@lru_cache(maxsize=1)
def places_settings() -> PlacesSettings:
    settings = section("stages.places", PlacesSettings)
    if max(settings.gates.near_km, settings.gates.close_km) > NEAR_LIMIT_KM:
        raise SettingsError(f"stages.places.gates: near_km and close_km must be at most {NEAR_LIMIT_KM:g} km, the "
                            "farthest the nearest other place is looked for (geo/context.NEAR_LIMIT_KM)")
    return settings


def admit_threshold(model: Ranker, settings: PlacesSettings) -> float:
    """The settings' admit threshold when set, else the one fitted with the ranker."""
    return settings.admit_below if settings.admit_below is not None else model.admit_below


@dataclass(frozen=True, slots=True)
class Ranker:
    """A conditional logit over a mention's candidates, and a logistic model of whether to resolve a mention
    the hand-set gates would not have resolved (a name the text barely marks as a place)."""

    candidate_features: tuple[str, ...]
    candidate_weights: tuple[float, ...]
    temperature: float
    admit_features: tuple[str, ...] = ()
    admit_weights: tuple[float, ...] = ()
    admit_below: float = 1.0
    """A mention outside the hand-set gates is resolved when its admit probability reaches this (1: never)."""

    def static_scores(self, rows: Sequence[Sequence[float]]) -> list[float]:
        """The part of each candidate's score that does not depend on the rest of the document (computed once)."""
        weights = self.candidate_weights[:len(rows[0])] if rows else ()
        return [_dot(weights, row) for row in rows]

    def probabilities(self, static: Sequence[float], context_rows: Sequence[Sequence[float]]) -> list[float]:
        """Probability of each candidate being the one meant, given that one of them is."""
        weights = self.candidate_weights[len(self.candidate_weights) - len(context_rows[0]):] if context_rows else ()
        scores = [(s + _dot(weights, row)) / self.temperature for s, row in zip(static, context_rows, strict=True)]
        top = max(scores, default=0.0)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return [e / total for e in exps]

    def admit(self, row: Sequence[float]) -> float:
        """Probability that a mention outside the gates names a place and its best candidate is the one."""
        if not self.admit_weights:
            return 0.0
        z = _dot(self.admit_weights, row)
        return logistic(z)


def _dot(weights: Sequence[float], row: Sequence[float]) -> float:
    return sum(map(operator.mul, weights, row))


@lru_cache(maxsize=2)
def ranker(name: str | None = None) -> Ranker:
    """The shipped ranker (or the data file `name`); its feature names must be the ones the code computes."""
    from thucydides.geo.features import ADMIT_FEATURES, CANDIDATE_FEATURES

    path = data_path(name or places_settings().ranker)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        model = Ranker(tuple(raw["candidate_features"]), tuple(float(w) for w in raw["candidate_weights"]),
                       float(raw.get("temperature", 1.0)), tuple(raw.get("admit_features") or ()),
                       tuple(float(w) for w in raw.get("admit_weights") or ()), float(raw.get("admit_below", 1.0)))
    except (OSError, ValueError, KeyError) as exc:
        raise KnowledgeError(f"{path}: cannot read the place ranker: {exc}") from exc
    if model.candidate_features != CANDIDATE_FEATURES or model.admit_features not in ((), ADMIT_FEATURES):
        raise KnowledgeError(f"{path}: fitted on other features than the code computes; "
                             "refit with `python -m thucydides.learn.places`")
    return model
