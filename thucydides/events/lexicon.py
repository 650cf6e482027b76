"""The event lexicon (`data/events.yaml`) as typed, validated objects."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from thucydides import data

TAKEOVER = "takeover"
OVERTAKES = "Non-state actor overtakes territory"
REGAINS = "Government regains territory"


@dataclass(frozen=True)
class Trigger:
    """One lexicon entry: which tokens it fits and what they become."""

    lemmas: frozenset[str]
    sub: str
    pos: frozenset[str] = frozenset({"NOUN", "VERB"})
    child: frozenset[str] = frozenset()
    exclude_child: frozenset[str] = frozenset()
    head: frozenset[str] = frozenset()
    head_dep: frozenset[str] = frozenset()
    exclude_head: frozenset[str] = frozenset()
    takes: str | None = None
    people_sub: str | None = None
    needs_place: bool = False
    needs_actor: bool = False
    place_preps: frozenset[str] = frozenset()
    actor1_preps: frozenset[str] = frozenset()
    symmetric: bool = False
    past_only: bool = False
    civilians: bool = False
    own_place_only: bool = False
    """a campaign word ('offensive') is only a codable happening where its own phrase names the place"""
    head2: frozenset[str] = frozenset()
    """the head's head has one of these lemmas ('took to the streets')"""
    realis_heads: frozenset[str] = frozenset()
    """verbs under which this trigger's infinitive still happened ('gathered to protest')"""
    victims: frozenset[str] = frozenset()
    subject_of_head: frozenset[str] = frozenset()
    needs_subject: bool = False
    """only a finite verb with its own subject tells it ('gunmen shot dead'), not 'killing six' or 'were killed'"""
    """the head verb's subject has one of these lemmas ('warplanes carried out raids')"""
    """the object (or passive subject) must be one of these nouns ('shot dead two shepherds')"""

    @property
    def is_takeover(self) -> bool:
        return self.sub == TAKEOVER


@dataclass(frozen=True)
class Lexicon:
    event_type_of: dict[str, str]
    """sub-event type -> event type"""
    disorder_types: dict[str, str]
    triggers: tuple[Trigger, ...]
    by_lemma: dict[str, tuple[Trigger, ...]]
    people_nouns: frozenset[str]
    place_nouns: frozenset[str]
    unlocated_nouns: frozenset[str]
    locative_heads: frozenset[str]
    irrealis_cues: frozenset[str]
    modal_auxiliaries: frozenset[str]
    realis_controls: frozenset[str]
    absorbed_by_battle: frozenset[str]
    government_kinds: frozenset[str]
    armed_kinds: frozenset[str]
    event_place_kinds: frozenset[str]
    vague_fatalities: dict[str, int]
    plausible_years: tuple[int, int]
    two_sided_types: frozenset[str]
    needs_named_actor: frozenset[str]
    crowd_nouns: frozenset[str]
    crowd_clash: str
    unarmed_types: frozenset[str]
    named_entity_labels: frozenset[str]
    anaphoric_determiners: frozenset[str] = frozenset()
    force_nouns: frozenset[str] = frozenset()
    defence_verbs: frozenset[str] = frozenset()
    generic_modifiers: frozenset[str] = frozenset()
    same_day_words: frozenset[str] = frozenset()
    duration_units: frozenset[str] = frozenset()
    broad_area_nouns: frozenset[str] = frozenset()
    harm_verbs: frozenset[str] = frozenset()
    civilian_harm_types: frozenset[str] = frozenset()
    harm_nouns: frozenset[str] = frozenset()
    target_preps: frozenset[str] = frozenset()
    modifier_actors: dict[str, str] = field(default_factory=dict)
    armed_means: frozenset[str] = frozenset()
    speech_verbs: frozenset[str] = frozenset()
    clause_bound_types: frozenset[str] = frozenset()
    member_nouns: frozenset[str] = frozenset()
    group_nouns: frozenset[str] = frozenset()
    group_kinds: frozenset[str] = frozenset()
    """'Russian air strikes', 'regime artillery': a modifier word that names the side acting"""
    unnamed_actor_subs: frozenset[str] = frozenset()
    """sub-event types coded even when no actor is named ('gunmen looted shops')"""
    operation_nouns: frozenset[str] = frozenset()
    """'during a raid ... arrested': a ground operation told with an arrest is the arrest"""

    def event_type(self, sub_event_type: str) -> str:
        return self.event_type_of[sub_event_type]


def _trigger(entry: dict[str, Any], known_subs: set[str], index: int) -> Trigger:
    sub = str(entry.get("sub", ""))
    if sub != TAKEOVER and sub not in known_subs:
        raise data.DataFileError(f"events.yaml: trigger {index} has unknown sub-event type {sub!r}")
    people_sub = entry.get("people_sub")
    if people_sub is not None and people_sub not in known_subs:
        raise data.DataFileError(f"events.yaml: trigger {index} has unknown people_sub {people_sub!r}")
    return Trigger(
        lemmas=data.word_set(entry, "lemmas"),
        sub=sub,
        pos=frozenset(entry.get("pos") or ("NOUN", "VERB")),
        child=data.word_set(entry, "child"),
        exclude_child=data.word_set(entry, "exclude_child"),
        head=data.word_set(entry, "head"),
        head_dep=data.word_set(entry, "head_dep"),
        exclude_head=data.word_set(entry, "exclude_head"),
        takes=entry.get("takes"),
        people_sub=people_sub,
        needs_place=bool(entry.get("needs_place")),
        needs_actor=bool(entry.get("needs_actor")),
        place_preps=data.word_set(entry, "place_preps"),
        actor1_preps=data.word_set(entry, "actor1_preps"),
        symmetric=bool(entry.get("symmetric")),
        past_only=bool(entry.get("past_only")),
        civilians=bool(entry.get("civilians")),
        own_place_only=bool(entry.get("own_place_only")),
        head2=data.word_set(entry, "head2"),
        realis_heads=data.word_set(entry, "realis_heads"),
        victims=data.word_set(entry, "victims"),
        subject_of_head=data.word_set(entry, "subject_of_head"),
        needs_subject=bool(entry.get("needs_subject")),
    )



def from_data(raw: dict[str, Any]) -> Lexicon:
    vocabulary: dict[str, list[str]] = raw["vocabulary"]
    event_type_of = {sub: etype for etype, subs in vocabulary.items() for sub in subs}
    triggers = tuple(_trigger(e, set(event_type_of), i) for i, e in enumerate(raw.get("triggers") or ()))
    by_lemma: dict[str, list[Trigger]] = {}
    for trig in triggers:
        for lemma in trig.lemmas:
            by_lemma.setdefault(lemma, []).append(trig)
    low, high = raw.get("plausible_years") or (1900, 2100)
    return Lexicon(
        event_type_of=event_type_of,
        disorder_types=dict(raw.get("disorder_types") or {}),
        triggers=triggers,
        by_lemma={k: tuple(v) for k, v in by_lemma.items()},
        people_nouns=data.word_set(raw, "people_nouns"),
        place_nouns=data.word_set(raw, "place_nouns"),
        unlocated_nouns=data.word_set(raw, "unlocated_nouns"),
        locative_heads=data.word_set(raw, "locative_heads"),
        irrealis_cues=data.word_set(raw, "irrealis_cues"),
        modal_auxiliaries=data.word_set(raw, "modal_auxiliaries"),
        realis_controls=data.word_set(raw, "realis_controls"),
        absorbed_by_battle=frozenset(raw.get("absorbed_by_battle") or ()),
        government_kinds=data.word_set(raw, "government_kinds"),
        armed_kinds=data.word_set(raw, "armed_kinds"),
        event_place_kinds=data.word_set(raw, "event_place_kinds"),
        vague_fatalities={str(k).lower(): int(v) for k, v in (raw.get("vague_fatalities") or {}).items()},
        plausible_years=(int(low), int(high)),
        two_sided_types=frozenset(raw.get("two_sided_types") or ()),
        needs_named_actor=frozenset(raw.get("needs_named_actor") or ()),
        crowd_nouns=data.word_set(raw, "crowd_nouns"),
        crowd_clash=str(raw.get("crowd_clash") or "Violent demonstration"),
        unarmed_types=frozenset(raw.get("unarmed_types") or ()),
        named_entity_labels=frozenset(raw.get("named_entity_labels") or ()),
        anaphoric_determiners=data.word_set(raw, "anaphoric_determiners"),
        force_nouns=data.word_set(raw, "force_nouns"),
        defence_verbs=data.word_set(raw, "defence_verbs"),
        generic_modifiers=data.word_set(raw, "generic_modifiers"),
        same_day_words=data.word_set(raw, "same_day_words"),
        duration_units=data.word_set(raw, "duration_units"),
        broad_area_nouns=data.word_set(raw, "broad_area_nouns"),
        harm_verbs=data.word_set(raw, "harm_verbs"),
        civilian_harm_types=frozenset(raw.get("civilian_harm_types") or ()),
        harm_nouns=data.word_set(raw, "harm_nouns"),
        target_preps=data.word_set(raw, "target_preps"),
        modifier_actors={str(k).lower(): str(v) for k, v in (raw.get("modifier_actors") or {}).items()},
        armed_means=data.word_set(raw, "armed_means"),
        speech_verbs=data.word_set(raw, "speech_verbs"),
        clause_bound_types=frozenset(raw.get("clause_bound_types") or ()),
        member_nouns=data.word_set(raw, "member_nouns"),
        group_nouns=data.word_set(raw, "group_nouns"),
        group_kinds=data.word_set(raw, "group_kinds"),
        unnamed_actor_subs=frozenset(raw.get("unnamed_actor_subs") or ()),
        operation_nouns=data.word_set(raw, "operation_nouns"),
    )


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    return from_data(data.load("events.yaml"))
