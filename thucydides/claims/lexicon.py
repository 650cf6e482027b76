"""The claims lexicons (`data/claims.yaml`) as lookup tables built once."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from thucydides import data


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
    reporting_verbs: frozenset[str]
    attribution_phrases: tuple[tuple[str, ...], ...]
    voice_claimant_kinds: frozenset[str]
    armed_kinds: frozenset[str]
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
    owner_words: dict[str, str] = field(default_factory=dict)
    """lower-cased word before an attack noun -> actor id ("Turkish shelling": Turkey)."""
    backer_suffixes: tuple[str, ...] = ()
    restating_nouns: frozenset[str] = frozenset()
    travel_verbs: frozenset[str] = frozenset()
    weak_presence: frozenset[str] = frozenset()
    sending_verbs: frozenset[str] = frozenset()
    structural_triggers: frozenset[str] = frozenset()
    captivity_nouns: frozenset[str] = frozenset()
    displaced_nouns: frozenset[str] = frozenset()

    @classmethod
    def from_data(cls, raw: dict) -> ClaimLexicon:
        phrases: dict[tuple[str, ...], str] = {}
        for unit, words in raw["units"].items():
            for w in words:
                phrases.setdefault(tuple(str(w).lower().split()), unit)
        return cls(
            unit_phrases=phrases,
            conversions={k: (str(v[0]), float(v[1])) for k, v in (raw.get("conversions") or {}).items()},
            person_triggers=_invert(raw["person_triggers"]),
            area_triggers=_invert(raw["area_triggers"]),
            onset_verbs=data.word_set(raw, "onset_verbs"),
            distance_followers=data.word_set(raw, "distance_followers"),
            territory_nouns=data.word_set(raw, "territory_nouns"),
            aggregate_verbs=data.word_set(raw, "aggregate_verbs"),
            count_nouns=data.word_set(raw, "count_nouns"),
            loss_triggers=data.word_set(raw, "loss_triggers"),
            reporting_verbs=data.word_set(raw, "reporting_verbs"),
            attribution_phrases=tuple(tuple(p.lower().split()) for p in raw.get("attribution_phrases") or ()),
            voice_claimant_kinds=data.word_set(raw, "voice_claimant_kinds"),
            armed_kinds=data.word_set(raw, "armed_kinds"),
            designators=data.word_set(raw, "designators"),
            non_count_followers=data.word_set(raw, "non_count_followers"),
            distance_nouns=data.word_set(raw, "distance_nouns"),
            anaphoric_speakers=data.word_set(raw, "anaphoric_speakers"),
            idioms=tuple(tuple(str(p).lower().split()) for p in raw.get("idioms") or ()),
            event_counts=data.word_set(raw, "event_counts"),
            state_nouns=data.word_set(raw, "state_nouns"),
            state_kinds=data.word_set(raw, "state_kinds"),
            sibling_nouns=data.word_set(raw, "sibling_nouns"),
            responsibility_verbs=data.word_set(raw, "responsibility_verbs"),
            responsibility_objects=data.word_set(raw, "responsibility_objects"),
            verb_only_triggers=data.word_set(raw, "verb_only_triggers"),
            distance_preceders=data.word_set(raw, "distance_preceders"),
            masthead_claimant_kinds=data.word_set(raw, "masthead_claimant_kinds"),
            attack_nouns=data.word_set(raw, "attack_nouns"),
            owner_words={str(k).lower(): str(v) for k, v in (raw.get("owner_words") or {}).items()},
            backer_suffixes=tuple(str(w).lower() for w in raw.get("backer_suffixes") or ()),
            restating_nouns=data.word_set(raw, "restating_nouns"),
            travel_verbs=data.word_set(raw, "travel_verbs"),
            weak_presence=data.word_set(raw, "weak_presence"),
            sending_verbs=data.word_set(raw, "sending_verbs"),
            structural_triggers=data.word_set(raw, "structural_triggers"),
            captivity_nouns=data.word_set(raw, "captivity_nouns"),
            displaced_nouns=data.word_set(raw, "displaced_nouns"),
        )

    @property
    def max_unit_words(self) -> int:
        return max(len(k) for k in self.unit_phrases)


@lru_cache(maxsize=1)
def lexicon() -> ClaimLexicon:
    return ClaimLexicon.from_data(data.load("claims.yaml"))
