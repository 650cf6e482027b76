"""The shared word lists of the linguistic layer (`data/lexicons.yaml`), as one typed object."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from thucydides.knowledge import KnowledgeError, data_path, read_yaml, strings, word_set

FILE = "lexicons.yaml"


@dataclass(frozen=True)
class Lexicons:
    """Closed-class and cue words every stage reads the same way."""

    reporting_verbs: frozenset[str]
    speech_verbs: frozenset[str]
    attribution_phrases: tuple[str, ...]
    modal_auxiliaries: frozenset[str]
    conditional_marks: frozenset[str]
    irrealis_cues: frozenset[str]
    realis_controls: frozenset[str]
    generic_modifiers: frozenset[str]
    anaphoric_determiners: frozenset[str]
    group_pronouns: frozenset[str]
    person_pronouns: frozenset[str]
    first_person_pronouns: frozenset[str]
    part_markers: frozenset[str]
    aggregate_words: frozenset[str]
    responsibility_nouns: frozenset[str]
    death_words: frozenset[str]
    vague_amounts: frozenset[str]
    harm_verbs: frozenset[str]
    defence_verbs: frozenset[str]
    loss_verbs: frozenset[str]
    blocking_verbs: frozenset[str]
    passage_nouns: frozenset[str]
    one_person_pronouns: frozenset[str]
    one_person_determiners: frozenset[str]
    dying_verbs: frozenset[str]
    body_nouns: frozenset[str]
    singular_auxiliaries: frozenset[str]
    discovery_verbs: frozenset[str]
    pair_words: frozenset[str]
    share_verbs: frozenset[str]
    share_prepositions: frozenset[str]
    shared_toll_nouns: frozenset[str]
    custody_words: frozenset[str]
    period_bounds: frozenset[str]
    irrealis_nouns: frozenset[str]
    accident_verbs: frozenset[str]
    target_prepositions: frozenset[str]
    period_prepositions: frozenset[str]
    tally_periods: frozenset[str]
    recency_words: frozenset[str]
    statement_verbs: frozenset[str]
    crowd_words: frozenset[str]
    taking_verbs: frozenset[str]
    thing_nouns: frozenset[str]
    quarter_nouns: frozenset[str] = frozenset()
    happening_nouns: frozenset[str] = frozenset()
    counter_gatherings: frozenset[str] = frozenset()
    """What a 'counter-' gathering is ('counter-protesters', 'a counter-demonstration'): ACLED codes the
    gathering it met on both sides."""
    accusing_verbs: frozenset[str] = frozenset()
    judgement_verbs: frozenset[str] = frozenset()
    ordinary_offences: frozenset[str] = frozenset()
    """Offences police arrest people for that are no politics ('drunk driving', 'theft'): events.offences."""
    public_roles: frozenset[str] = frozenset()
    """Roles that make a person arrested a public one ('the opposition leader X'): events.offences."""
    conflict_context_stems: frozenset[str] = frozenset()
    """Word stems that tell a story is one of conflict or politics ('militia', 'troops', 'protest'): events.offences."""
    stance_verbs: frozenset[str] = frozenset()
    """Verbs under which a happening is someone's claim, not news ('insisted', 'alleged'): events.statements."""
    hedge_adverbs: frozenset[str] = frozenset()
    """Words that hedge a happening told ('allegedly', 'reportedly'): a frame on it, not a part of it."""
    outcome_verbs: frozenset[str] = frozenset()
    """Verbs that tell what a happening ended in ('resulted in his death', 'leading to the death of a farmer'):
    a death noun they govern is a killing told (fatalities.told_victim_readings: death_outcome)."""
    death_nouns: frozenset[str] = frozenset()
    """Nouns of one's death ('his death', 'the killing of the mayor') counted by `death_outcome`."""
    happening_verbs: tuple[tuple[str, str], ...] = ()
    """Happening nouns' lemmas and the words of the clause that tells each ('shelling', 'shelled'), as pairs (the
    object stays hashable)."""


def _word_map(raw: Mapping[str, object], key: str, where: str) -> tuple[tuple[str, str], ...]:
    """The (word, words) pairs of the mapping under `key` (words lower-cased)."""
    value = raw.get(key)
    if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        raise KnowledgeError(f"{where}: '{key}' must map words to words")
    return tuple((k.lower(), v) for k, v in value.items())


@cache
def lexicons() -> Lexicons:
    path = data_path(FILE)
    raw = read_yaml(path)
    where = str(path)
    return Lexicons(
        reporting_verbs=word_set(raw, "reporting_verbs", where),
        speech_verbs=word_set(raw, "speech_verbs", where),
        attribution_phrases=tuple(p.lower() for p in strings(raw, "attribution_phrases", where)),
        modal_auxiliaries=word_set(raw, "modal_auxiliaries", where),
        conditional_marks=word_set(raw, "conditional_marks", where),
        irrealis_cues=word_set(raw, "irrealis_cues", where),
        realis_controls=word_set(raw, "realis_controls", where),
        generic_modifiers=word_set(raw, "generic_modifiers", where),
        anaphoric_determiners=word_set(raw, "anaphoric_determiners", where),
        group_pronouns=word_set(raw, "group_pronouns", where),
        person_pronouns=word_set(raw, "person_pronouns", where),
        first_person_pronouns=word_set(raw, "first_person_pronouns", where),
        part_markers=word_set(raw, "part_markers", where),
        aggregate_words=word_set(raw, "aggregate_words", where),
        responsibility_nouns=word_set(raw, "responsibility_nouns", where),
        death_words=word_set(raw, "death_words", where),
        vague_amounts=word_set(raw, "vague_amounts", where),
        harm_verbs=word_set(raw, "harm_verbs", where),
        defence_verbs=word_set(raw, "defence_verbs", where),
        loss_verbs=word_set(raw, "loss_verbs", where),
        blocking_verbs=word_set(raw, "blocking_verbs", where),
        passage_nouns=word_set(raw, "passage_nouns", where),
        one_person_pronouns=word_set(raw, "one_person_pronouns", where),
        one_person_determiners=word_set(raw, "one_person_determiners", where),
        dying_verbs=word_set(raw, "dying_verbs", where),
        body_nouns=word_set(raw, "body_nouns", where),
        singular_auxiliaries=word_set(raw, "singular_auxiliaries", where),
        discovery_verbs=word_set(raw, "discovery_verbs", where),
        pair_words=word_set(raw, "pair_words", where),
        share_verbs=word_set(raw, "share_verbs", where),
        share_prepositions=word_set(raw, "share_prepositions", where),
        shared_toll_nouns=word_set(raw, "shared_toll_nouns", where),
        custody_words=word_set(raw, "custody_words", where),
        period_bounds=word_set(raw, "period_bounds", where),
        irrealis_nouns=word_set(raw, "irrealis_nouns", where),
        accident_verbs=word_set(raw, "accident_verbs", where),
        target_prepositions=word_set(raw, "target_prepositions", where),
        quarter_nouns=word_set(raw, "quarter_nouns", where),
        period_prepositions=word_set(raw, "period_prepositions", where),
        tally_periods=word_set(raw, "tally_periods", where),
        recency_words=word_set(raw, "recency_words", where),
        happening_nouns=word_set(raw, "happening_nouns", where),
        statement_verbs=word_set(raw, "statement_verbs", where),
        crowd_words=word_set(raw, "crowd_words", where),
        taking_verbs=word_set(raw, "taking_verbs", where),
        thing_nouns=word_set(raw, "thing_nouns", where),
        counter_gatherings=word_set(raw, "counter_gatherings", where),
        accusing_verbs=word_set(raw, "accusing_verbs", where),
        judgement_verbs=word_set(raw, "judgement_verbs", where),
        hedge_adverbs=word_set(raw, "hedge_adverbs", where),
        ordinary_offences=word_set(raw, "ordinary_offences", where),
        public_roles=word_set(raw, "public_roles", where),
        conflict_context_stems=word_set(raw, "conflict_context_stems", where),
        stance_verbs=word_set(raw, "stance_verbs", where),
        outcome_verbs=word_set(raw, "outcome_verbs", where),
        death_nouns=word_set(raw, "death_nouns", where),
        happening_verbs=_word_map(raw, "happening_verbs", where),
    )
