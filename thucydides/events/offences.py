"""Arrests for an ordinary offence: 'a man was arrested for drunk driving', 'police arrested two men for theft';
and arrests of private persons named by their names alone: 'officers arrested Smith and Jones'.

ACLED codes arrests as political disorder: of protesters, activists, journalists, party officials, members of
armed groups. Local news tells police work in the same words, and the coder, which learnt arrests from ACLED's
notes, reads it as such (bench/news_events.py: ordinary arrests are the largest share of the events written on
local news). An Arrests reading whose unit names an ordinary offence (the lexicon's `ordinary_offences`) and
nothing political, neither a political word (settings `learn.events.political_stems`, dates left out: 'March')
nor an actor of a political or armed kind (settings `event_offences`), is police work, not an ACLED event. So is
one whose every person taken is a person's name (a PERSON entity) with no public role (the lexicon's
`public_roles`: 'the opposition leader X', 'journalist X') and whose unit says nothing political either: ACLED
names the persons it codes arrests of by what they are. And so is any arrest told in a story (a report longer
than a note) none of whose sentences says anything political: a local crime story.

A crime story (settings `event_crime_stories`, filter `crime_story`) is the same test for violence: a report longer
than a note whose only sides are the police, the public and unnamed individuals (no army, armed group, crowd or foreign
force named) and which says no word of conflict or politics anywhere (the lexicon's `conflict_context_stems`; the
words of violence themselves, 'attack', 'shot', are not context) tells a shooting or a raid as ordinary crime.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from spacy.tokens import Span, Token

from thucydides.knowledge.actors import actor_base
from thucydides.knowledge.lexicons import lexicons
from thucydides.knowledge.settings import build, raw_settings, section
from thucydides.ling.clauses import describes_a_noun
from thucydides.ling.context import DocContext


@dataclass(frozen=True)
class OffenceSettings:
    """Which readings are checked, and what makes an arrest political (the words: the lexicon's ordinary_offences)."""

    sub_event_types: tuple[str, ...]
    """Readings of these sub-event types are checked (arrests)."""
    political_kinds: tuple[str, ...]
    """Actor kinds (the actor base's) whose arrest, or arrest by whom, ACLED codes whatever the charge."""
    quiet_min_sentences: int | None = 9
    """The fewest sentences of a story whose arrests, with nothing political told anywhere in it, are police work
    (None: never; ACLED's notes are shorter)."""


@dataclass(frozen=True)
class CrimeStorySettings:
    """Which readings the crime-story test checks, in which reports, and which sides make a story one of conflict."""

    sub_event_types: tuple[str, ...]
    """Readings of these sub-event types are checked."""
    min_sentences: int
    """The fewest sentences of a report checked: ACLED's notes are shorter (99.7% have at most 5 sentences)."""
    conflict_kinds: tuple[str, ...]
    """Actor kinds (the actor base's) whose naming anywhere makes a story one of conflict ..."""
    crime_families: tuple[str, ...]
    """... unless of these families (the actor base's): the police, a lone perpetrator, unnamed gunmen."""


def crime_story_settings() -> CrimeStorySettings:
    return section("event_crime_stories", CrimeStorySettings)


@dataclass(frozen=True)
class _Stems:
    political_stems: tuple[str, ...]


def offence_settings() -> OffenceSettings:
    return section("event_offences", OffenceSettings)


def political_stems() -> tuple[str, ...]:
    """The word stems that may mean politics or political violence (the event coder's training settings)."""
    learn = raw_settings().get("learn")
    events = learn.get("events") if isinstance(learn, Mapping) else None
    stems = events.get("political_stems", ()) if isinstance(events, Mapping) else ()
    return tuple(build(_Stems, {"political_stems": stems}, "learn.events").political_stems)


def is_ordinary_offence(ctx: DocContext, sub_event_type: str, start: int, end: int) -> bool:
    """Whether a reading of `sub_event_type` over the unit `start`-`end` tells an arrest for an ordinary offence."""
    s = offence_settings()
    if sub_event_type not in s.sub_event_types:
        return False
    unit = ctx.doc.char_span(start, end, alignment_mode="expand")
    if unit is None or not _names_offence(unit):
        return False
    if any(_public_role(p) for p in _taken_in(unit)):
        return False  # 'the former minister was arrested for embezzlement': ACLED codes officials' arrests
    return not _political(ctx, unit, s)


def is_private_arrest(ctx: DocContext, sub_event_type: str, start: int, end: int) -> bool:
    """Whether a reading of `sub_event_type` over the unit `start`-`end` takes only persons named by their names,
    with nothing political told."""
    s = offence_settings()
    if sub_event_type not in s.sub_event_types:
        return False
    unit = ctx.doc.char_span(start, end, alignment_mode="expand")
    if unit is None:
        return False
    taken = _taken_in(unit)
    if not taken or not all(_private_name(ctx, p) for p in taken):
        return False
    return not _political(ctx, unit, s)


def is_quiet_arrest(ctx: DocContext, sub_event_type: str) -> bool:
    """Whether a reading of `sub_event_type` is an arrest told in a story that says nothing political at all."""
    s = offence_settings()
    if sub_event_type not in s.sub_event_types or s.quiet_min_sentences is None:
        return False
    if len(ctx.segments.sentences) < s.quiet_min_sentences:
        return False
    return not _political(ctx, ctx.doc[:], s)


def is_crime_story(ctx: DocContext, sub_event_type: str) -> bool:
    """Whether a reading of `sub_event_type` is told in a crime story: a report longer than a note that names no side
    of conflict (`CrimeStorySettings`) and no word of conflict or politics."""
    s = crime_story_settings()
    if sub_event_type not in s.sub_event_types or len(ctx.segments.sentences) < s.min_sentences:
        return False
    base = actor_base()
    for mention in ctx.actors.items:
        if mention.kind in s.conflict_kinds and base.family_of(mention.actor) not in s.crime_families:
            return False
    return not any(_context_word(t.lower_) for t in ctx.doc if t.is_alpha and t.ent_type_ not in ("DATE", "TIME"))


def _context_word(word: str) -> bool:
    """A word of conflict or politics: a stem of at least 5 letters starts it, a shorter one is it or its plural
    ('war', 'wars', not 'warrant'; 'coup', not 'couple')."""
    stems = lexicons().conflict_context_stems
    return word in stems or word.endswith("s") and word[:-1] in stems or \
        any(word.startswith(s) for s in stems if len(s) >= 5)


def _taken_in(unit: Span) -> list[Token]:
    """Who the unit's verbs of taking take."""
    verbs = lexicons().taking_verbs
    return [p for t in unit if t.pos_ == "VERB" and t.lemma_.lower() in verbs for p in _taken(t)]


def _public_role(noun: Token) -> bool:
    """A public role told in the phrase naming someone taken ('the former minister', 'journalist X')."""
    roles = lexicons().public_roles
    phrase = [t for t in noun.subtree if not describes_a_noun(t)]
    return any(t.lemma_.lower() in roles or t.lower_ in roles for t in phrase)


def _taken(verb: Token) -> list[Token]:
    """Who a verb of taking takes: its object, or its passive subject, and what is coordinated with them."""
    heads = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    return [t for h in heads for t in (h, *h.conjuncts)]


def _private_name(ctx: DocContext, noun: Token) -> bool:
    """A person's name with no public role told around it ('Smith, 43, of Elm Street'), and no actor."""
    if noun.ent_type_ != "PERSON" or _public_role(noun):
        return False
    return not ctx.actors.overlapping(noun.left_edge.idx, noun.right_edge.idx + len(noun.right_edge))


def _political(ctx: DocContext, unit: Span, s: OffenceSettings) -> bool:
    """The unit names an actor of a political or armed kind, or a political word."""
    if any(a.kind in s.political_kinds for a in ctx.actors.overlapping(unit.start_char, unit.end_char)):
        return True
    return _political_words(unit)


def _names_offence(unit: Span) -> bool:
    offences = lexicons().ordinary_offences
    return any(t.lower_ in offences or t.lemma_.lower() in offences for t in unit)


def _political_words(unit: Span) -> bool:
    """A word of the unit starting with a political stem; a date's words ('March 11') are no politics."""
    stems = political_stems()
    return any(t.lower_.startswith(stems) for t in unit if t.is_alpha and t.ent_type_ not in ("DATE", "TIME"))
