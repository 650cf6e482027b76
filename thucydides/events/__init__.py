"""Events stage: trigger words in the parse become ACLED-typed events.

A trigger from the lexicon (data/events.yaml) is kept only when it reports something that
happened (no negation, modal, intent or expectation governs it). Its actors come from the
dependency parse, its place from the toponym it governs (else the report's main place), its
date from the nearest dated expression in its sentence (else publication), its fatalities
from the killed claims of its sentence. Mentions of one happening become one event.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from thucydides.actors.recognize import ActorRegistry, registry
from thucydides.events import arguments as args
from thucydides.events import syntax
from thucydides.events.lexicon import TAKEOVER, Lexicon, Trigger, lexicon
from thucydides.events.merge import Sighting, build_events
from thucydides.events.syntax import is_root
from thucydides.model import Analysis, Claim, Event, TimeExpression, Toponym
from thucydides.pipeline import StageFn, stage

EVIDENCE_MAX = 320
ARMED_CLASH = "Armed clash"
VAC_ATTACK = "Attack"
BOUNDING_PREPOSITIONS = {"since", "until", "till", "before"}
HEADLINE_WINDOW = 300
DATELINE_DASH = re.compile(r" [-\u2013\u2014] ")
DATELINE_MAX = 80


@dataclass
class _Context:
    """What one document offers every trigger in it."""

    analysis: Analysis
    lex: Lexicon
    registry: ActorRegistry
    sentences: syntax.Sentences
    actors: args.ActorFinder
    places: args.PlaceFinder
    main_place: str | None
    times: list[TimeExpression]
    headline_end: int = 0

    def in_headline(self, char: int) -> bool:
        return char < self.headline_end

    @classmethod
    def of(cls, analysis: Analysis, lex: Lexicon, reg: ActorRegistry) -> _Context:
        doc = analysis.spacy_doc
        datelines = _datelines(analysis)
        toponyms = [t for t in analysis.toponyms if not _names_a_side(t, analysis)
                    and not any(lo <= t.start < hi for lo, hi in datelines)]
        places = args.PlaceFinder.of(toponyms, analysis.places, lex)
        return cls(
            analysis=analysis,
            lex=lex,
            registry=reg,
            sentences=syntax.Sentences.of(doc, analysis.document.text),
            actors=args.ActorFinder(args.SpanIndex(analysis.actors), reg, lex),
            places=places,
            main_place=places.main_place(),
            times=[t for t in _event_times(analysis, lex) if not any(lo <= t.start < hi for lo, hi in datelines)],
            headline_end=_headline_end(analysis),
        )


def _datelines(analysis: Analysis) -> list[tuple[int, int]]:
    """'BEIRUT, Dec 11, 2018 (Reuters) - ...': a paragraph opening with a place and a date before a dash
    tells where and when the report was filed, not where or when anything in its sentence happened."""
    text = analysis.document.text
    out = []
    for m in DATELINE_DASH.finditer(text):
        start = text.rfind("\n", 0, m.start()) + 1
        if m.start() - start <= DATELINE_MAX and any(start <= t.start and t.end <= m.start() for t in analysis.times):
            out.append((start, m.start()))
    return out


def _headline_end(analysis: Analysis) -> int:
    """Where the headline ends when the text opens with it: a headline restates the story it tops.
    Without a title from ingestion, a short first line standing alone above a blank line is one."""
    text = analysis.document.text
    title = (analysis.document.title or _first_block(text)).strip()
    at = text.find(title) if title else -1
    if at < 0 or text[:at].strip() and at > HEADLINE_WINDOW:
        return 0
    return at + len(title)


def _first_block(text: str) -> str:
    block = text.lstrip().split("\n\n", 1)
    if len(block) < 2 or "\n" in block[0].strip() or len(block[0]) > HEADLINE_WINDOW // 2:
        return ""
    return "" if block[0].rstrip().endswith(".") else block[0]


def _names_a_side(toponym: Toponym, analysis: Analysis) -> bool:
    """'an agreement between the SDF and Damascus': a capital listed with an actor stands for a government."""
    span = analysis.spacy_doc.char_span(toponym.start, toponym.end, alignment_mode="expand")  # type: ignore[union-attr]
    if span is None or not len(span):
        return False
    root = span.root
    partners = [c for c in root.children if c.dep_ == "conj"]
    if root.dep_ == "conj" and not is_root(root):
        partners.append(root.head)
    return any(m.start < p.idx + len(p.text) and p.idx < m.end and m.actor
               for p in partners for m in analysis.actors)


def _event_times(analysis: Analysis, lex: Lexicon) -> list[TimeExpression]:
    """Time expressions that can date a happening: not those inside 'since ...' or 'until ...' phrases."""
    doc = analysis.spacy_doc
    out = []
    for t in analysis.times:
        span = doc.char_span(t.start, t.end, alignment_mode="expand")  # type: ignore[union-attr]
        if span is None or not _inside_bounding_phrase(span.root, lex):
            out.append(t)
    return out


def _inside_bounding_phrase(token: Any, lex: Lexicon) -> bool:
    """'since Sunday' bounds a period; 'before dawn on Sunday' names the day itself."""
    for ancestor in [token, *syntax.ancestors_within_clause(token, limit=4)]:
        if ancestor.dep_ == "prep" and ancestor.lower_ in BOUNDING_PREPOSITIONS:
            return not any(syntax.lemma(o) in lex.same_day_words for o in args.children(ancestor, "pobj"))
    return False


def _takeover_place(token: Any, trig: Trigger, ctx: _Context,
                    sentence: tuple[int, int]) -> tuple[str, Toponym | None] | None:
    """Where a takeover (or a capture of people) happened; None when what was taken is not one named place."""
    if trig.takes == "sentence":
        found = ctx.places.nearest(sentence, token.idx)
        return (trig.sub, found) if found else None
    taken = args.taken_phrase(token, trig.takes)
    if taken is None:
        return None
    found = args.named_as(taken, ctx.places)
    if found is not None:
        return trig.sub, found
    named_group = any(ctx.actors.usable(m, allow_civilians=False)
                      for m in ctx.actors.mentions.overlapping(*args.token_span(taken)))
    if trig.people_sub and (args.is_people(taken, ctx.lex) or named_group):
        return trig.people_sub, ctx.places.nearest(sentence, token.idx)
    if args.is_specific_place_noun(taken, ctx.lex):
        found = ctx.places.in_phrase(taken, own_clause=True) or ctx.places.nearest_in_clause(token, sentence)
        return (trig.sub, found) if found else None
    return None


def _directed_place(token: Any, trig: Trigger, ctx: _Context) -> Toponym | None:
    """'advancing into X': the place named as the movement's goal."""
    if trig.takes == "subject":
        return ctx.places.in_phrase(next(iter(args.children(token, "nsubj", "nsubjpass")), None))
    for obj in args.prep_objects(token, trig.place_preps):
        found = ctx.places.in_phrase(obj)
        if found:
            return found
    return None


def _victims_are_civilians(token: Any, actor2: str | None, ctx: _Context) -> bool:
    """'civilians killed in the attack', 'an attack on civilians'."""
    if actor2 and ctx.registry.kind(actor2) == "civilians":
        return True
    current = token
    for _ in range(3):
        if is_root(current):
            return False
        current = current.head
        for mention in ctx.actors.mentions.overlapping(*args.token_span(current)):
            if ctx.registry.kind(mention.actor) == "civilians":
                return True
    return False


def _harms_civilians(token: Any, ctx: _Context) -> bool:
    """'raids on X, killing six civilians', 'shells hit X, where three civilians were killed': the clause
    that tells the strike tells civilians hurt by it, so they are the side acted on."""
    return any(ctx.registry.kind(a) == "civilians" for a in _hit(token, ctx))


def _hit(token: Any, ctx: _Context) -> list[str]:
    """Actors (armed or civilian) the happening's clause names as hit: at its target, killed, wounded."""
    verb = syntax.verb_of(token) or token
    out: list[str] = []
    for phrase in args.victim_phrases(token, verb, ctx.lex):
        for m in ctx.actors.mentions.overlapping(*args.subtree_span(phrase)):
            if ctx.actors.usable(m) and not m.speaker and m.actor not in out:
                out.append(m.actor)
    return out


def _told_with(token: Any, ctx: _Context) -> Any:
    """Which actor mentions may stand for an unnamed side: those told in the trigger's own clause or
    as the subject of a clause it hangs under, not one named only in another clause."""
    doc = token.doc
    subjects = [t for t in args.dominating_subjects(token) if syntax.lemma(t.head) not in ctx.lex.speech_verbs]
    spans = [args.subtree_span(t) for t in subjects]

    def keep(mention: Any) -> bool:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or not len(span):
            return True
        if any(lo <= mention.start and mention.end <= hi for lo, hi in spans):
            return True
        return syntax.in_clause_of(span.root, token)
    return keep


def _antecedent(token: Any, ctx: _Context) -> str | None:
    """'The occupation army has repeatedly targeted villages. On Sunday, it fired shells': a pronoun
    subject stands for the subject of the sentence before; a definite 'the occupation army' for the
    last actor named with those words."""
    subjects = args.subjects_of(syntax.verb_of(token) or token)
    if not subjects:
        return None
    subject = subjects[0]
    if subject.tag_ == "PRP" and subject.lower_ in {"it", "they"}:
        sentence = ctx.sentences.index(subject.idx)
        if sentence == 0:
            return None
        lo, hi = ctx.sentences.starts[sentence - 1], ctx.sentences.ends[sentence - 1]
        before = token.doc.char_span(lo, hi, alignment_mode="expand")
        root = before.root if before is not None and len(before) else None
        previous = args.subjects_of(root) if root is not None else []
        if not previous:
            return None
        subject = previous[0]
        found = ctx.actors.in_phrase(subject, allow_civilians=False)
        if found:
            return found
    owner = next(iter(args.prep_objects(subject, ["of"])), None)
    if owner is not None and syntax.lemma(subject) in ctx.lex.member_nouns:
        subject = owner  # "members of the organization"
    if not any(c.dep_ == "det" and c.lower_ in ctx.lex.anaphoric_determiners for c in subject.children):
        return None
    if syntax.lemma(subject) in ctx.lex.group_nouns:
        groups = [m for m in ctx.actors.mentions.items if m.end <= subject.idx and not m.speaker
                  and ctx.registry.kind(m.actor) in ctx.lex.group_kinds]
        return groups[-1].actor if groups else None
    content = {t.lower_ for t in subject.subtree if t.pos_ in {"NOUN", "ADJ", "PROPN"}}
    named = [m for m in ctx.actors.mentions.items if m.end <= subject.idx and ctx.actors.usable(m, False)
             and content <= set(ctx.analysis.document.text[m.start:m.end].lower().split())]
    return named[-1].actor if named else None


def _background_of_a_person(token: Any, ctx: _Context) -> bool:
    """'arrested a man who had fought for Daesh': a past-perfect clause describing a person is his
    background, not a happening told."""
    if token.dep_ != "relcl" or is_root(token):
        return False
    perfect = any(c.dep_ == "aux" and c.lower_ == "had" for c in token.children)
    return perfect and (args.is_people(token.head, ctx.lex) or token.head.pos_ == "PRON")


def _sides_include_a_crowd(token: Any, lex: Lexicon) -> bool:
    """'protesters clashed with police': the sides of a clash named as crowds."""
    sides = [*args.children(token, "nsubj"), *args.prep_objects(token, ["with", "between"])]
    if token.dep_ == "nsubj":
        sides.extend(args.prep_objects(token.head, ["with", "between"]))
    sides.extend(c for s in list(sides) for c in args.children(s, "conj"))
    sides.extend(o for s in list(sides) for o in args.prep_objects(s, ["of"]))  # "thousands of protesters"
    return any(syntax.words(s) & lex.crowd_nouns for s in sides)


def _evidence_span(token: Any, sentence: tuple[int, int], ctx: _Context) -> tuple[int, int]:
    """The clause that states the happening, or a window around the trigger when the clause runs on."""
    verb = syntax.verb_of(token) or token
    lo, hi = args.subtree_span(verb)
    lo, hi = max(lo, sentence[0]), min(hi, sentence[1])
    if hi - lo <= EVIDENCE_MAX:
        return lo, hi
    lo = max(sentence[0], token.idx - EVIDENCE_MAX // 2)
    hi = min(sentence[1], token.idx + EVIDENCE_MAX // 2)
    span = ctx.analysis.spacy_doc.char_span(lo, hi, alignment_mode="contract")  # type: ignore[union-attr]
    return (span.start_char, span.end_char) if span is not None and len(span) else (lo, hi)


def _generic(token: Any, found: args.Roles, trig: Trigger, ctx: _Context) -> bool:
    """'aerial bombardments, artillery and missile shelling': plural means with no one named are a
    manner of speaking, and so is everything listed with them."""
    if (trig.needs_actor or syntax.is_bare_plural(token)) and not found.syntactic \
            and not _aimed_at_a_named_place(token, ctx):
        return True
    current = token
    while current.dep_ == "conj" and not is_root(current):
        current = current.head
        if syntax.is_bare_plural(current) and ctx.actors.in_phrase(current) is None:
            return True
    return False


def _aimed_at_a_named_place(token: Any, ctx: _Context) -> bool:
    """'targeted the city of Mhardeh with rocket shells': weapons a past verb aimed at a named town are
    one happening even when no one is named as firing them."""
    verb = syntax.verb_of(token)
    if verb is None or verb.tag_ != "VBD":
        return False
    found = ctx.places.in_arguments(verb)
    return found is not None and ctx.analysis.places[found.place or ""].kind == "populated_place"


def _located_only_in_country(token: Any, ctx: _Context) -> bool:
    """'the battle against ISIS in Syria': placed at country scale, which ACLED does not code."""
    lo, hi = args.subtree_span(token)
    named = [t for t in ctx.analysis.toponyms if lo <= t.start and t.end <= hi and t.place in ctx.analysis.places]
    if not named:
        return False
    return all(ctx.analysis.places[t.place].kind == "country" for t in named if t.place)


def sighting(token: Any, trig: Trigger, ctx: _Context) -> Sighting | None:
    """Read one trigger token into a sighting, or None when it reports no codable happening."""
    lex = ctx.lex
    if token.ent_type_ in lex.named_entity_labels or syntax.modifies_a_noun(token, lex):
        return None
    if not syntax.is_realis(token, lex, trig.realis_heads) or syntax.is_habitual_or_aggregate(token, lex):
        return None
    if trig.past_only and not syntax.is_past_or_perfect(token):
        return None
    if _background_of_a_person(token, ctx):
        return None
    sentence = ctx.sentences.span(token.idx)
    sub = trig.sub
    toponym: Toponym | None
    own_place = True
    if trig.is_takeover or trig.people_sub:
        located = _takeover_place(token, trig, ctx, sentence)
        if located is None:
            return None
        sub, toponym = located
    elif trig.needs_place:
        toponym = _directed_place(token, trig, ctx)
        if toponym is None:
            return None
    else:
        if _located_only_in_country(token, ctx):
            return None
        toponym = ctx.places.in_phrase(token) if token.pos_ != "VERB" else ctx.places.in_arguments(token)
        if toponym is None and token.dep_ == "dobj" and not is_root(token):
            toponym = ctx.places.in_arguments(token.head)  # "launched an offensive on Raqqa"
        own_place = toponym is not None
        if toponym is None and trig.own_place_only:
            return None
        toponym = toponym or ctx.places.nearest_in_clause(token, sentence)
    if trig.takes == "sentence":
        own_place = False
    place_source = "own" if own_place else "clause" if toponym is not None else "main"
    found = args.roles(token, ctx.actors, trig.actor1_preps, taken_is_object=trig.is_takeover, lex=lex)
    if found.actor1 is None and found.anaphoric_subject:
        named = _antecedent(token, ctx)
        if named and named != found.actor2:
            found = replace(found, actor1=named, syntactic=True, anaphoric_subject=False)
    if _generic(token, found, trig, ctx):
        return None
    hit = [] if trig.is_takeover else [a for a in _hit(token, ctx) if a != found.actor1]
    if found.actor2 is None and hit and ctx.registry.kind(hit[0]) != "civilians" \
            and lex.event_type(sub if sub != TAKEOVER else "Armed clash") in lex.two_sided_types:
        found = replace(found, actor2=hit[0])
    echo = not found.syntactic and not own_place and not trig.is_takeover \
        and syntax.is_definite_mention(token, lex.anaphoric_determiners)
    civilians = trig.civilians or (sub == ARMED_CLASH and _victims_are_civilians(token, found.actor2, ctx))
    if civilians:
        sub = VAC_ATTACK
    elif sub == ARMED_CLASH and _sides_include_a_crowd(token, lex):
        sub = lex.crowd_clash
    actor2 = found.actor2
    if actor2 is None and (civilians or (lex.event_type(sub) in lex.civilian_harm_types if sub != TAKEOVER else False)
                           and _harms_civilians(token, ctx)):
        actor2 = next((a for a in ctx.registry.actors if ctx.registry.kind(a) == "civilians"), None)
    place, precision = _place_and_precision(toponym, ctx)
    when = args.event_date(ctx.times, sentence, token, lex) \
        or args.narrative_date(ctx.times, token.idx, ctx.analysis.document.published, lex, token.doc)
    event_type = "Battles" if sub == TAKEOVER else lex.event_type(sub)
    return Sighting(
        trigger_start=token.idx,
        trigger_text=token.text,
        trigger_lemma=syntax.lemma(token),
        sentence=ctx.sentences.index(token.idx),
        event_type=event_type,
        sub_event_type=sub,
        evidence=_evidence_span(token, sentence, ctx),
        actor1=found.actor1,
        actor2=actor2,
        symmetric=found.symmetric,
        place=place,
        geo_precision=precision,
        time=when,
        civilian_targeting=civilians,
        candidates=() if event_type in lex.unarmed_types else tuple(
            a for a in ctx.actors.candidates(sentence, token.idx, _told_with(token, ctx)
                                             if event_type in lex.clause_bound_types else None) if a not in hit),
        foreground=syntax.is_foreground(token),
        syntactic=found.syntactic,
        echo=echo,
        place_source=place_source,
        anaphoric_subject=found.anaphoric_subject,
        headline=ctx.in_headline(token.idx),
    )


def _place_and_precision(toponym: Toponym | None, ctx: _Context) -> tuple[str | None, int]:
    if toponym is not None and toponym.place:
        return toponym.place, toponym.geo_precision
    if ctx.main_place is None:
        return None, 3
    town = ctx.analysis.places[ctx.main_place].kind == "populated_place"
    return ctx.main_place, 2 if town else 3


def attach_claims(found: Sequence[Sighting], ctx: _Context) -> list[Sighting]:
    """Each figure of a sentence belongs to the nearest happening told in that sentence."""
    owners: dict[int, list[Claim]] = {}
    for claim in ctx.analysis.claims:
        at = claim.figure.start if claim.figure else claim.evidence.start
        here = [i for i, s in enumerate(found) if s.sentence == ctx.sentences.index(at)]
        if here:
            nearest = min(here, key=lambda i: abs(found[i].trigger_start - at))
            owners.setdefault(nearest, []).append(claim)
    out = []
    for i, s in enumerate(found):
        mine = owners.get(i, [])
        out.append(replace(s, claims=tuple(c.id for c in mine), fatalities=args.fatalities(mine, ctx.lex)))
    return out


def sightings(ctx: _Context) -> list[Sighting]:
    out: list[Sighting] = []
    taken: dict[int, str] = {}
    doc: Any = ctx.analysis.spacy_doc
    known = syntax.trigger_hashes(doc.vocab, ctx.lex)
    for token in doc:
        if token.lower not in known and token.lemma not in known:
            continue
        trig = syntax.match_trigger(token, ctx.lex)
        if trig is None or syntax.renamed_by_predicate(token, ctx.lex) \
                or syntax.instrument_of_happening(token, ctx.lex):
            continue
        if token.dep_ in {"nsubj", "nsubjpass"} and syntax.subject_trigger(token.head, ctx.lex) is not None \
                and syntax.match_trigger(token.head, ctx.lex) is not None:
            continue  # "strikes engaged ISIS units": the verb tells it, typed by this noun
        named_by_subject = syntax.subject_trigger(token, ctx.lex)
        if named_by_subject is not None:
            trig = named_by_subject[1]
        if token.dep_ == "conj" and taken.get(token.head.i) == _event_type_of(trig, ctx.lex):
            continue  # "shelling and airstrikes": one happening told with two words
        found = sighting(token, trig, ctx)
        if found is not None:
            taken[token.i] = found.event_type
            out.append(found)
            out.extend(_conjoined_takeovers(token, trig, found, ctx))
    return attach_claims(out, ctx)


def _conjoined_takeovers(token: Any, trig: Trigger, found: Sighting, ctx: _Context) -> list[Sighting]:
    """'took control of Kafr Zita and Latamneh': ACLED codes a takeover at each place taken."""
    if not trig.is_takeover or trig.takes == "sentence" or found.place is None:
        return []
    taken = args.taken_phrase(token, trig.takes)
    first = next((t for t in ctx.analysis.toponyms if t.place == found.place), None)
    if taken is None or first is None:
        return []
    return [replace(found, place=t.place, geo_precision=t.geo_precision, trigger_start=found.trigger_start + i + 1)
            for i, t in enumerate(args.also_named(taken, first, ctx.places))]


def _event_type_of(trig: Trigger, lex: Lexicon) -> str:
    return "Battles" if trig.is_takeover else lex.event_type(trig.sub)


def extract_events(analysis: Analysis, lex: Lexicon | None = None, reg: ActorRegistry | None = None) -> list[Event]:
    """All events one analysed document reports."""
    if analysis.spacy_doc is None:
        return []
    ctx = _Context.of(analysis, lex or lexicon(), reg or registry())
    events = build_events(sightings(ctx), analysis.document, ctx.lex, ctx.registry, analysis.places)
    set_fatalities(events, analysis.claims, ctx.lex)
    return events


def set_fatalities(events: Sequence[Event], claims: Sequence[Claim], lex: Lexicon) -> None:
    """Each event's toll from every figure the report attaches to it, by the one fatalities policy."""
    by_id = {c.id: c for c in claims}
    for event in events:
        event.fatalities = args.fatalities([by_id[c] for c in event.claims if c in by_id], lex)


@stage("events", requires=("spacy_doc", "actors", "toponyms", "places", "times", "claims"),
       assigns=("events",))
def make_events_stage() -> StageFn:
    lex, reg = lexicon(), registry()

    def events_stage(batch: Sequence[Analysis]) -> None:
        for analysis in batch:
            analysis.events = extract_events(analysis, lex, reg)

    return events_stage
