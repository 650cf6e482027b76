"""The claims lexicons (`data/claims.yaml`) as lookup tables built once."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from functools import cached_property, lru_cache

from thucydides import data
from thucydides.knowledge.lexicons import lexicons


def _table(raw: dict, key: str) -> dict:
    return dict(raw.get(key) or {})


def _listed(raw: dict, key: str) -> list:
    return list(raw.get(key) or ())


def _unit_phrases(units: dict[str, list[str]]) -> dict[tuple[str, ...], str]:
    """lower-cased word tuple -> unit class; the first class listing a phrase keeps it."""
    phrases: dict[tuple[str, ...], str] = {}
    for unit, words in units.items():
        for w in words:
            phrases.setdefault(tuple(str(w).lower().split()), unit)
    return phrases


def _invert(groups: dict[str, list[str]]) -> dict[str, str]:
    """{metric: [lemma...]} -> {lemma: metric}; the first metric listing a lemma keeps it."""
    out: dict[str, str] = {}
    for metric, lemmas in groups.items():
        for lemma in lemmas:
            out.setdefault(str(lemma).lower(), metric)
    return out


@dataclass(frozen=True)
class ClaimLexicon:
    unit_phrases: dict[tuple[str, ...], str]
    """lower-cased word tuple -> unit class (fighters, civilians, km2, km, m, mile, mile2, percent)."""
    conversions: dict[str, tuple[str, float]]
    person_triggers: dict[str, str]
    area_triggers: dict[str, str]
    onset_verbs: frozenset[str]
    distance_followers: frozenset[str]
    territory_nouns: frozenset[str]
    aggregate_verbs: frozenset[str]
    count_nouns: frozenset[str]
    loss_triggers: frozenset[str]
    voice_claimant_kinds: frozenset[str]
    designators: frozenset[str]
    non_count_followers: frozenset[str]
    distance_nouns: frozenset[str] = frozenset()
    anaphoric_speakers: frozenset[str] = frozenset()
    idioms: tuple[tuple[str, ...], ...] = ()
    event_counts: frozenset[str] = frozenset()
    state_nouns: frozenset[str] = frozenset()
    state_kinds: frozenset[str] = frozenset()
    sibling_nouns: frozenset[str] = frozenset()
    responsibility_verbs: frozenset[str] = frozenset()
    responsibility_objects: frozenset[str] = frozenset()
    verb_only_triggers: frozenset[str] = frozenset()
    distance_preceders: frozenset[str] = frozenset()
    masthead_claimant_kinds: frozenset[str] = frozenset()
    attack_nouns: frozenset[str] = frozenset()
    backer_suffixes: tuple[str, ...] = ()
    restating_nouns: frozenset[str] = frozenset()
    travel_verbs: frozenset[str] = frozenset()
    weak_presence: frozenset[str] = frozenset()
    sending_verbs: frozenset[str] = frozenset()
    structural_triggers: frozenset[str] = frozenset()
    captivity_nouns: frozenset[str] = frozenset()
    displaced_nouns: frozenset[str] = frozenset()
    state_capture_words: frozenset[str] = frozenset()
    presence_places: frozenset[str] = frozenset()
    source_nouns: frozenset[str] = frozenset()
    """People who speak as a source of their own ("witnesses said")."""
    media_nouns: frozenset[str] = frozenset()
    """Press cited without an outlet's name ("state media reported"): a source of its own, by its words."""
    armed_context: frozenset[str] = frozenset()
    facility_words: frozenset[str] = frozenset()
    group_nouns: frozenset[str] = frozenset()
    speaker_nouns: frozenset[str] = frozenset()
    victim_verbs: frozenset[str] = frozenset()
    """Verbs whose victim is a person whatever noun names it ("six pirates were killed")."""
    toll_nouns: frozenset[str] = frozenset()
    """Nouns of what happened to people, counted as people ("3 fatalities")."""
    destination_preps: frozenset[str] = frozenset()
    """Prepositions of where people were sent ("flown to X"): that place is not where a figure holds."""
    bearing_words: frozenset[str] = frozenset()
    """Words measuring from a landmark ("300 km north of X"): X is not where a figure holds."""
    extent_verbs: frozenset[str] = frozenset()
    """Verbs giving a thing's size ("islands covering 25 km2"): an area, not territory held, unless the thing is."""
    unrealised_modals: frozenset[str] = frozenset()
    """Modals of ability, will or duty: a figure under one is a capacity or a plan, not a count."""
    animal_nouns: frozenset[str] = frozenset()
    """Victims that are not people: livestock raided or killed is no toll ("40 cattle were slaughtered")."""
    share_holders: frozenset[str] = frozenset()
    """Nouns of an armed side, which alone holds a share of a country ("the rebels hold 30%", not "won 21%")."""
    share_fractions: dict[str, int] = field(default_factory=dict)
    """Fraction words and the parts they cut a whole into ("a third of the country": 3)."""
    open_outcome_triggers: frozenset[str] = frozenset()
    """Triggers whose outcome a joined word may settle otherwise ("shot and wounded": wounded)."""
    hedge_participles: frozenset[str] = frozenset()
    """Participles that say a sentence passes on what someone reported ("reported", "alleged")."""
    fighter_action_verbs: frozenset[str] = frozenset()
    """Verbs of fighting whose counted subject is fighters present ("300 rebels stormed the town")."""
    operation_verbs: frozenset[str] = frozenset()
    """Verbs that do so only with an attack for object ("20,000 troops launched the offensive")."""
    victim_families: frozenset[str] = frozenset()
    """Families of the actor base that name groups of people harmed, never the doer of a killing or capture."""
    gathering_verbs: frozenset[str] = frozenset()
    """Verbs of gathering reports, whose subject is the source of the reports ("received reports of")."""
    report_nouns: frozenset[str] = frozenset()
    """Nouns of reports gathered: the gatherer is their source ("has received reports of")."""
    month_names: frozenset[str] = frozenset()
    """Month names: a number beside one, capitalised, is a day ("25 January"), no figure (`month_date`)."""
    hedge_prepositions: frozenset[str] = frozenset()
    """Hedges the parser takes for a preposition ("killing around 12 of them"): the number is the verb's object
    (`hedged_object`)."""

    @classmethod
    def from_data(cls, raw: dict) -> ClaimLexicon:
        """Every word list by its field's name; the tables that are not plain lists by their own readers."""
        words = {f.name: data.word_set(raw, f.name) for f in fields(cls) if f.type == "frozenset[str]"}
        return cls(
            unit_phrases=_unit_phrases(raw["units"]),
            conversions={k: (str(v[0]), float(v[1])) for k, v in _table(raw, "conversions").items()},
            person_triggers=_invert(raw["person_triggers"]),
            area_triggers=_invert(raw["area_triggers"]),
            idioms=tuple(tuple(str(p).lower().split()) for p in _listed(raw, "idioms")),
            backer_suffixes=tuple(str(w).lower() for w in _listed(raw, "backer_suffixes")),
            share_fractions={str(k).lower(): int(v) for k, v in _table(raw, "share_fractions").items()},
            **words,
        )

    @cached_property
    def hedge_words(self) -> frozenset[str]:
        """The participles of passing on and the shared hedging adverbs (one list, `knowledge.lexicons`)."""
        return self.hedge_participles | lexicons().hedge_adverbs

    @cached_property
    def max_unit_words(self) -> int:
        """Counted once: every number of every report asks."""
        return max(len(k) for k in self.unit_phrases)


@lru_cache(maxsize=1)
def lexicon() -> ClaimLexicon:
    return ClaimLexicon.from_data(data.load("claims.yaml"))
