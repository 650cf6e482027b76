"""ACLED's actor 1 (who acts) and actor 2 (who is acted on), read from the anchor clause's arguments.

Each role is decided by named steps tried in order (settings `stages.events.actor1_steps` and
`actor2_steps`): the actors among the clause's doers (or undergoers); the owner of the weapon or attack
that does it ('Israeli strikes killed...'); a pronoun's antecedent; and ACLED's generic actor for the
event type and country ('Unidentified Armed Group (Sudan)', 'Civilians (Somalia)'). For the event types
ACLED always codes with a generic actor 1 (protests, riots) the default comes first.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace

from spacy.tokens import Token

from thucydides.events import tolls
from thucydides.events.actorbase import ActorBase
from thucydides.events.detect import Candidate
from thucydides.knowledge.acled import TERRITORY_CHANGES, Taxonomy
from thucydides.knowledge.actors import INTER_BY_KIND, STATE_KINDS
from thucydides.knowledge.coded_sides import coded_sides
from thucydides.knowledge.demonyms import countries
from thucydides.knowledge.lexicons import lexicons
from thucydides.knowledge.opponents import likely_opponents, opponent_in, without_years
from thucydides.knowledge.unnamed import unnamed_actors, unnamed_cues
from thucydides.ling.anaphora import antecedent, is_definite_back_reference, is_pronoun
from thucydides.ling.arguments import (
    OBJECT_DEPS,
    SUBJECT_DEPS,
    Arguments,
    accused_deed,
    arguments,
    noun_arguments,
    verb_arguments,
)
from thucydides.ling.clauses import heads_clause, is_passive
from thucydides.ling.context import DocContext
from thucydides.ling.segments import Sentence
from thucydides.ling.tokens import NOMINAL, VERBAL, ancestors, children, forms
from thucydides.model import ActorMention

MEMBER_PREPOSITIONS = frozenset({"of", "from"})
PAIR_PREPOSITIONS = ("between", "among")
"""'clashes between X and Y': both sides named, neither as the subject."""
OPPONENT_PREPOSITIONS = ("with", "against", "from")
"""'clashed with X', 'fought against X', 'captured the town from X': the other side."""
FINITE_VERB_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
SUBJECT_OR_ROOT = frozenset({"nsubj", "ROOT"})
"""Where a misparsed clause's doer still sits: an active subject, or the noun the parse made the root."""
PHRASE_INTERNAL = frozenset({"compound", "amod", "nmod", "poss", "appos", "det", "nummod"})
CIVILIANS_KEY = "civilians"
"""The actor base's generic key for ACLED's civilians (never a side that attacks or repels)."""
AFFILIATION_WORDS = frozenset({"loyal", "affiliated", "linked", "allied", "belonging", "close"})


NAMED, GENERIC, VAGUE = 0, 1, 2
"""How exactly a mention says who acted: a named actor, a country's generic one ('troops'), a vague one ('gunmen')."""


@dataclass(frozen=True)
class RoleContext:
    doc: DocContext
    candidate: Candidate
    args: Arguments
    base: ActorBase
    taxonomy: Taxonomy
    anaphora_reach: int
    country: str | None
    """The event's country (its place's, else the report's): generic actors are named for it."""
    actor1: str | None = None
    """Once chosen, actor 2 steps never return it again."""
    year: int | None = None
    """The year of the event's date, else of the report's publication (None: undated)."""
    opponent_years: int = 2
    """Years from a likely opponent's period within which it holds."""
    opponent_silent: frozenset[str] = frozenset()
    """Sub-event types in which no likely opponent is named (`likely_opponent`)."""
    side_threshold: float = 0.5
    """The probability the learned side model's best side must reach to be actor 2 (events/sides)."""

    def exactness(self, mention: ActorMention) -> int:
        """NAMED, GENERIC ('troops') or VAGUE ('gunmen': someone unnamed acted; a named actor beside it wins)."""
        key = self.base.generic_key(mention.actor)
        if key is None:
            return NAMED
        return VAGUE if key in self.taxonomy.vague_generics else GENERIC


def _named(_: ActorMention) -> int:
    return NAMED


def phrase_actor(ctx: DocContext, token: Token,
                 exactness: Callable[[ActorMention], int] = _named) -> ActorMention | None:
    """The actor a noun phrase names: one a bracket right after its head names ('militiamen (identified as X)'),
    else a mention in the phrase up to its head ('the Somali army'; a named one before a vague one: 'Al-Shabaab
    gunmen'), or in its member or affiliation complement ('fighters of X', 'forces loyal to X') or a name in
    apposition ('the militant group X')."""
    bracketed = _bracketed(ctx, token, exactness)
    if bracketed is not None:
        return bracketed
    found = ctx.actors.overlapping(token.left_edge.idx, token.idx + len(token.text))
    if found:
        coordinated = coordinated_names(ctx, token)
        return coordinated[0] if coordinated else max(found, key=lambda m: (exactness(m) != VAGUE, m.end))
    for complement in (*_complements(token), *_appositions(token)):
        inner = ctx.actors.overlapping(complement.left_edge.idx, complement.idx + len(complement.text))
        if inner:
            return inner[0]
    return None


def _appositions(token: Token) -> Iterable[Token]:
    """'the militant group al-Shabaab', 'the rebels, the M23,': a name set beside a phrase that names no actor
    says who it is."""
    return children(token, "appos")


def coordinated_names(ctx: DocContext, token: Token) -> list[ActorMention]:
    """'the Konkomba and Dagomba groups', 'Hamas and PIJ fighters': names coordinated inside one phrase, in the
    order the phrase gives them (the first named is the side ACLED puts first); none where the phrase holds
    fewer than two."""
    found = [m for m in ctx.actors.overlapping(token.left_edge.idx, token.idx + len(token.text)) if not m.speaker]
    if len(found) < 2:
        return []
    first = ctx.token_at(found[0].start)
    if first is None:
        return []
    joined = {t.i for t in first.conjuncts}
    rest = [m for m in found[1:] if (t := ctx.token_at(m.start)) is not None and t.i in joined]
    return [found[0], *rest] if rest else []


def _bracketed(ctx: DocContext, token: Token, exactness: Callable[[ActorMention], int]) -> ActorMention | None:
    """'gunmen (believed to be X)', 'armed men, riding on camels (likely X)': a bracket after a phrase, before
    any other actor or finite verb, says more exactly who it is (its first actor named outright, a generic one
    only where it names no other)."""
    opening = _bracket_after(ctx, token)
    if opening is None:
        return None
    closing = next((t for t in token.doc[opening.i + 1:opening.sent.end] if t.text == ")"), None)
    if closing is None:
        return None
    inside = [m for m in ctx.actors.within(opening.idx, closing.idx) if not m.speaker]
    return min(inside, key=lambda m: (exactness(m), m.start)) if inside else None


def _bracket_after(ctx: DocContext, token: Token) -> Token | None:
    for nxt in token.doc[token.i + 1:token.sent.end]:
        if nxt.text == "(":
            return nxt
        if nxt.tag_ in FINITE_VERB_TAGS or ctx.actors.overlapping(nxt.idx, nxt.idx + len(nxt.text)):
            return None
    return None


def _complements(token: Token) -> Iterable[Token]:
    for prep in children(token, "prep"):
        if prep.lower_ in MEMBER_PREPOSITIONS:
            yield from children(prep, "pobj")
    for mod in children(token, "amod", "acl"):
        if mod.lower_ in AFFILIATION_WORDS:
            for prep in children(mod, "prep"):
                yield from children(prep, "pobj")


def _settled(rc: RoleContext, mention: ActorMention | None) -> str | None:
    if mention is None:
        return None
    actor = _as_coded(rc, rc.base.settle(mention, rc.country))
    if actor == rc.actor1 or rc.base.kind(actor) in rc.taxonomy.non_participant_kinds:
        return None
    return actor


def _as_coded(rc: RoleContext, actor: str) -> str:
    """An unnamed attacker ('gunmen', 'armed men') read as actor 1 is the family ACLED's coders use for one in
    the event's country and type ('Unidentified Gang (Brazil)', 'Sole Perpetrator (United States)'), as where no
    attacker is named at all (`default_actor1`)."""
    if rc.base.generic_key(actor) != "armed_group":
        return actor
    return _unnamed_member(rc, told_only=rc.actor1 is not None) or actor


def _unnamed_member(rc: RoleContext, told_only: bool = False) -> str | None:
    """The member for the event's country of the family ACLED's coders give an unnamed attacker there: the one
    the event's paragraph names by its words ('gang members', `unnamed_cues`) where ACLED codes that family in
    that country, else (unless `told_only`) the one learned for the country and event type."""
    sentence = rc.candidate.sentence
    text = " ".join(rc.doc.text[s.start:s.end] for s in rc.doc.segments.sentences
                    if s.paragraph == sentence.paragraph).lower()
    for cue in unnamed_cues():
        member = rc.base.coded_member(cue.family, rc.country) if cue.words.search(text) else None
        if member is not None:
            return member
    family = None if told_only else unnamed_actors().get((rc.country or "", rc.candidate.event_type))
    return rc.base.member_named(family, rc.country) if family else None


def in_label(token: Token) -> bool:
    """'Movement of forces: On 3 May, ...': words without a verb before a colon that opens a sentence label what
    follows; they name no side of it."""
    sent = token.sent
    colon = next((t for t in sent if t.text == ":" or t.pos_ in VERBAL or t.pos_ == "AUX"), None)
    return colon is not None and colon.text == ":" and token.i < colon.i < sent.end - 1


def _first_actor(rc: RoleContext, tokens: Iterable[Token]) -> str | None:
    for token in tokens:
        if in_label(token):
            continue
        actor = _settled(rc, phrase_actor(rc.doc, token, rc.exactness))
        if actor is not None:
            return actor
    return None


def doers(rc: RoleContext) -> str | None:
    """The actors the clause names as doing it: subjects, the agent of a passive, a noun's owner."""
    return _first_actor(rc, rc.args.doers)


def country_doer(rc: RoleContext) -> str | None:
    """'Russia shelled the town', 'the camp was struck by Israel': a country named as the doer of a violent happening
    (data/acled.yaml country_doer_event_types) and as no actor stands for its military, as ACLED codes a state's
    violence."""
    if rc.candidate.event_type not in rc.taxonomy.country_doer_event_types:
        return None
    for token in rc.args.doers:
        country = None if in_label(token) else _country_named(rc, token)
        if country is not None:
            return _settled_id(rc, rc.base.generic("military", country))
    return None


def _country_named(rc: RoleContext, token: Token) -> str | None:
    """The country a doer token names as a place ('Russia'), where no actor is named there."""
    if rc.doc.actors.overlapping(token.idx, token.idx + len(token.text)):
        return None
    for toponym in rc.doc.toponyms.overlapping(token.idx, token.idx + len(token.text)):
        place = rc.doc.places.get(toponym.place or "")
        if place is not None and place.kind == "country" and place.country:
            return place.country
    return None


def _settled_id(rc: RoleContext, actor: str | None) -> str | None:
    return None if actor == rc.actor1 else actor


def means_owner(rc: RoleContext) -> str | None:
    """'Israeli strikes killed 25', 'drones operated by the army struck', 'a bomb planted by X exploded': a weapon
    or an attack that does it stands for whoever owns, operates or placed it."""
    means = [t for t in rc.args.doers if t.pos_ in NOMINAL and phrase_actor(rc.doc, t) is None]
    return _first_actor(rc, (d for m in means for d in (*noun_arguments(m).doers, *_participle_agents(m))))


def means_before(rc: RoleContext) -> str | None:
    """'X conducted 15 strikes ... Near A, two strikes destroyed a bridge': a weapon or attack with no owner in
    its clause is one of those an earlier sentence of the report has a side make or use (the same noun, its
    object), the nearest first; never civilians, ACLED's victims."""
    lemmas = {t.lemma_.lower() for t in rc.args.doers if t.pos_ in NOMINAL and phrase_actor(rc.doc, t) is None}
    if not lemmas:
        return None
    for before in reversed(rc.doc.segments.sentences[:rc.candidate.sentence.index]):
        span = rc.doc.doc.char_span(before.start, before.end, alignment_mode="expand")
        for verb in dict.fromkeys(t.head for t in span or () if t.dep_ == "dobj" and t.lemma_.lower() in lemmas):
            actor = _first_actor(rc, anchor_arguments(rc.doc, verb).doers) if verb.pos_ in VERBAL else None
            if actor is not None and rc.base.generic_key(actor) != CIVILIANS_KEY:
                return actor
    return None


def _participle_agents(noun: Token) -> list[Token]:
    """'an attack launched by X', 'a mine planted by X': the agent of a participle on the noun."""
    return [a for v in children(noun, "acl") for a in verb_arguments(v).agents]


def pronoun(rc: RoleContext) -> str | None:
    """'They stormed the village': a pronoun or 'the group' stands for the actor named just before."""
    for token in rc.args.doers:
        if is_pronoun(token) or is_definite_back_reference(token):
            before = rc.doc.actors.before(token.idx)
            found = antecedent(token, before, rc.doc.segments, rc.anaphora_reach, lambda m: not m.speaker)
            actor = _settled(rc, found)
            if actor is not None:
                return actor
    return None


def governor(rc: RoleContext) -> str | None:
    """'Russian forces shelled the town, whereby several homes were hit': a clause that names no doer
    of its own was done by the doers of the clause it hangs on (up to a verb of telling or judging), or of a
    happening noun it hangs on ('condemns X's attacks in A, which killed ...': X)."""
    lex = lexicons()
    for head in ancestors(rc.candidate.anchor):
        if head.pos_ in NOMINAL and forms(head) & lex.happening_nouns:
            found = _first_actor(rc, noun_arguments(head).doers)  # 'X's attacks, which killed ...': X's
            if found is not None:
                return found
        if head.pos_ not in VERBAL or not heads_clause(head):
            continue
        if forms(head) & (lex.reporting_verbs | lex.judgement_verbs):
            return None  # who tells or judges a happening is no party to it
        found = _first_actor(rc, arguments(head).doers)
        if found is not None:
            return found
    return None


def action_nouns(rc: RoleContext) -> str | None:
    """'Two soldiers were killed following an ambush by the Taliban', '... during clashes with the TPLF': the
    'by' agent of an action the clause names in a prepositional phrase (or of a participle on it: 'killed in a raid
    conducted by X') or, where the clause tells what its subject underwent, the side that subject fought with; an
    anchor read as a verb that takes an object like a preposition ('wounded following an attack by X') counts its
    object (a noun's modifiers are left out: 'at an SDF checkpoint' names the target, not the doer)."""
    objects = (*(o for _, o in rc.args.preps), *children(rc.candidate.anchor, "pobj"))
    nouns = [o for o in objects if o.pos_ in NOMINAL]
    found = _first_actor(rc, (d for n in nouns for d in (*noun_arguments(n).agents, *_participle_agents(n))))
    if found is not None or not rc.args.passive:
        return found
    return _first_actor(rc, (o for n in nouns for o in noun_arguments(n).prep_objects(*OPPONENT_PREPOSITIONS)))


def preceding(rc: RoleContext) -> str | None:
    """'A Taliban sniper shot and killed a policeman' read as one long noun: where the parse gives the clause no
    doer, the nearest actor named before the anchor in its sentence as an active subject, or inside the noun
    the parse made the sentence's root (never civilians, ACLED's victims)."""
    anchor = rc.candidate.anchor
    for mention in reversed(rc.doc.actors.within(anchor.sent.start_char, anchor.idx)):
        token = rc.doc.token_at(mention.start)
        if mention.speaker or token is None or in_label(token) or _phrase_head(token).dep_ not in SUBJECT_OR_ROOT \
                or _judges(_phrase_head(token)):
            continue
        actor = _settled(rc, mention)
        if actor is not None and rc.base.generic_key(actor) != CIVILIANS_KEY:
            return actor
    return None


def previous(rc: RoleContext) -> str | None:
    """'Soldiers fired on a crowd near the market. Two men were killed.': a clause that names no doer of its own
    goes on telling the sentence before it in its paragraph; the doers of that sentence's main clause did it
    (never civilians, ACLED's victims)."""
    here = rc.candidate.sentence
    if here.index == 0 or any(phrase_actor(rc.doc, t) for t in rc.args.doers):
        return None
    before = rc.doc.segments.sentences[here.index - 1]
    span = rc.doc.doc.char_span(before.start, before.end, alignment_mode="expand")
    if before.paragraph != here.paragraph or span is None:
        return None
    for root in dict.fromkeys(t.sent.root for t in span):
        if root.pos_ not in VERBAL:
            continue
        actor = _first_actor(rc, anchor_arguments(rc.doc, root).doers)
        if actor is not None and rc.base.generic_key(actor) != CIVILIANS_KEY:
            return actor
    return None


def _judges(subject: Token) -> bool:
    """'The ministry condemns the attack': the subject of a verb of judgement (lexicons judgement_verbs) judges the
    happening, it is no party to it."""
    return subject.dep_ in SUBJECT_DEPS and bool(forms(subject.head) & lexicons().judgement_verbs)


def _phrase_head(token: Token) -> Token:
    """The head of the noun phrase a token sits in ('Taliban' in 'a Taliban sniper': 'sniper')."""
    while token.dep_ in PHRASE_INTERNAL and token.head is not token:
        token = token.head
    return token


def topic(rc: RoleContext) -> str | None:
    """'Troops were deployed to X', 'residents were evacuated from Y': for an event type ACLED gives no generic
    actor 1 (strategic developments), the side a passive clause is about is its actor 1."""
    defaults = rc.taxonomy.defaults_for(rc.candidate.event_type, rc.candidate.sub_event_type)
    if (defaults and defaults.actor1) or not rc.args.passive:
        return None
    return _first_actor(rc, rc.args.subjects)


def undergoers(rc: RoleContext) -> str | None:
    """The actors the clause names as acted on: objects, a passive's subject, the targets of 'on',
    'against', 'at'; an attack named as the object ('launched an attack on X') passes on its own target."""
    direct = _first_actor(rc, rc.args.undergoers)
    if direct is not None:
        return direct
    nested = (t for u in rc.args.undergoers if u.pos_ in NOMINAL for t in noun_arguments(u).undergoers)
    return _first_actor(rc, nested)


def _pair(rc: RoleContext) -> list[str]:
    """The sides named by 'between X and Y', on the anchor, on the noun that is its subject or object, or on a
    fight its prepositions name ('killed during a firefight between X and Y')."""
    tokens = list(rc.args.prep_objects(*PAIR_PREPOSITIONS))
    nouns = rc.args.subjects + rc.args.objects + tuple(o for _, o in rc.args.preps)
    for noun in (t for t in nouns if t.pos_ in NOMINAL):
        tokens += noun_arguments(noun).prep_objects(*PAIR_PREPOSITIONS)
    sides: list[str] = []
    for token in tokens:
        one = phrase_actor(rc.doc, token, rc.exactness)
        mentions = coordinated_names(rc.doc, token) or ([one] if one else [])
        for actor in (rc.base.settle(m, rc.country) for m in mentions):
            if actor not in sides:
                sides.append(actor)
    return sides


def pair_first(rc: RoleContext) -> str | None:
    sides = _pair(rc)
    return sides[0] if sides else None


def pair_second(rc: RoleContext) -> str | None:
    return next((a for a in _pair(rc) if a != rc.actor1), None)


def co_doers(rc: RoleContext) -> str | None:
    """'JNIM fighters and soldiers exchanged fire', 'Hamas and PIJ fighters clashed': in a fight told with both
    sides as its doers (data/acled.yaml reciprocal_sub_events), the side named after actor 1 is actor 2 when it is
    armed: not rioters, protesters or civilians ('herders and farmers clashed': ACLED codes both as communal
    militias, not an attack on civilians; 'protesters and police clashed' is no battle's second side)."""
    if rc.candidate.sub_event_type not in rc.taxonomy.reciprocal_subs:
        return None
    for token in rc.args.doers:
        one = phrase_actor(rc.doc, token, rc.exactness)
        found = coordinated_names(rc.doc, token) or ([one] if one else [])
        for actor in (_settled(rc, m) for m in found):
            if actor is not None and rc.base.inter(actor, rc.country) not in UNARMED_INTERS:
                return actor
    return None


ARMED_INTERS = frozenset(INTER_BY_KIND[k] for k in ("state_forces", "rebel_group", "political_militia",
                                                     "identity_militia", "external_force"))
"""ACLED's inter codes of the sides that fight: state forces, rebels, militias and forces abroad."""


STATE_INTERS = frozenset(INTER_BY_KIND[k] for k in ("state_forces", "external_force"))
UNNAMED_PREFIX = "Unidentified "
"""How ACLED names its families of groups no report names ('Unidentified Gang', 'Unidentified Tribal Militia')."""


def _armed(rc: RoleContext, actor: str | None) -> bool:
    return actor is not None and rc.base.inter(actor, rc.country) in ARMED_INTERS


def other_armed(rc: RoleContext) -> str | None:
    """'IS militants attacked a post ... three soldiers died': a fight has two sides (every armed clash of
    ACLED's train split codes an actor 2), so where no step read the second, it is the first other armed actor
    the event's paragraph names, from its sentence on, then before it (not a mention that reads as actor 1:
    'gunmen' coded as a country's unnamed tribal militia). So in the other sub-event types ACLED codes with an armed
    actor 2 (data/acled.yaml two_sided_sub_events: 'troops seized an arms cache of the NPA', a town handed over)."""
    two_sided = rc.candidate.sub_event_type in rc.taxonomy.two_sided_subs
    if not (two_sided or rc.candidate.sub_event_type in rc.taxonomy.reciprocal_subs) or not _armed(rc, rc.actor1):
        return None
    segments = rc.doc.segments
    paragraph = rc.candidate.sentence.paragraph
    start, end = segments.paragraphs[paragraph] if 0 <= paragraph < len(segments.paragraphs) \
        else (rc.candidate.sentence.start, rc.candidate.end)
    here = rc.candidate.sentence.start
    mentions = rc.doc.actors.within(start, max(end, rc.candidate.end))
    ordered = [m for m in mentions if m.start >= here] + [m for m in mentions if m.start < here]
    as_first = replace(rc, actor1=None)
    for mention in ordered:
        actor = None if mention.speaker else _settled(rc, mention)
        if _armed(rc, actor) and _as_coded(as_first, rc.base.settle(mention, rc.country)) != rc.actor1 \
                and not (two_sided and _same_state(rc, actor, rc.actor1)):
            return actor
    return None


def _same_state(rc: RoleContext, one: str | None, other: str | None) -> bool:
    """Two state actors of one country (its army and its police, a ministry, a unit of either): one side of a
    weapons seizure or a handover, never the two (a clash between them is ACLED's, and left to the reciprocal
    sub-event types)."""
    a, b = rc.base.base.get(one), rc.base.base.get(other)
    if a is None or b is None or a.kind not in STATE_KINDS or b.kind not in STATE_KINDS:
        return False
    return bool(set(a.countries) & set(b.countries)) or a.parent == b.id or b.parent == a.id


def unnamed_side(rc: RoleContext) -> str | None:
    """'Soldiers clashed with local militiamen', 'exchanged fire with armed youths': in a clash (data/acled.yaml
    reciprocal_sub_events), the side it was fought with, named by a noun of unnamed fighting men (unnamed_sides) and by
    no actor, is the country's unidentified group of that kind (coded like an unnamed attacker: `_as_coded`)."""
    if rc.candidate.sub_event_type not in rc.taxonomy.reciprocal_subs or not rc.country:
        return None
    tokens = (*rc.args.prep_objects(*OPPONENT_PREPOSITIONS, *PAIR_PREPOSITIONS), *rc.args.undergoers)
    for token in tokens:
        kind = rc.taxonomy.unnamed_sides.get(token.lower_) if token.pos_ in NOMINAL else None
        if kind is None or in_label(token) or phrase_actor(rc.doc, token, rc.exactness) is not None:
            continue
        actor = _as_coded(rc, rc.base.generic(kind, rc.country) or "")
        return actor if actor and actor != rc.actor1 else None
    return None


def counter_side(rc: RoleContext) -> str | None:
    """'Counter-protesters gathered across the street': a protest or riot whose paragraph tells of a counter-
    gathering is coded with the event type's generic side (Protesters, Rioters of the country) as actor 2 too,
    unless a force stepped in where ACLED codes that force as actor 2 (`intervener`)."""
    defaults = rc.taxonomy.defaults_for(rc.candidate.event_type, rc.candidate.sub_event_type)
    if not defaults or defaults.actor1 not in COUNTER_KINDS or not _counter_told(rc) or intervener(rc) is not None:
        return None
    return rc.base.generic(defaults.actor1, rc.country)


COUNTER_KINDS = frozenset({"protesters", "rioters"})
"""The generic sides ACLED codes on both ends of a gathering met by a counter-gathering."""


def _counter_told(rc: RoleContext) -> bool:
    words = lexicons().counter_gatherings
    sentence = rc.candidate.sentence
    for s in rc.doc.segments.sentences:
        if s.paragraph == sentence.paragraph:
            for match in _COUNTER.finditer(rc.doc.text, s.start, s.end):
                if match.group(1).lower() in words:
                    return True
    return False


_COUNTER = re.compile(r"\bcounter[- ]?([a-z]+)", re.IGNORECASE)


def same_side(rc: RoleContext) -> str | None:
    """'Rival gangs clashed', 'clan militias fought each other': a fight whose only side named is an unnamed
    group of a kind (a generic actor) is fought among that kind's members; ACLED codes it on both sides."""
    if rc.candidate.sub_event_type not in rc.taxonomy.reciprocal_subs or not _armed(rc, rc.actor1) \
            or rc.base.inter(rc.actor1, rc.country) in STATE_INTERS:
        return None
    return rc.actor1 if _unnamed_group(rc, rc.actor1) else None


def likely_opponent(rc: RoleContext) -> str | None:
    """'Russian forces attempted an offensive near X', 'coalition aircraft destroyed a bridge': a battle or strike
    whose report names only the side that acted was fought against the side ACLED's coders most often name against
    that actor in the country (data/actors/likely_opponents.csv, learned from ACLED's train split; tried last), in
    the period of years nearest the event's (within `likely_opponent_years`; an undated one takes none); none in
    the sub-event types ACLED mostly codes with no actor 2 that the settings name (`likely_opponent_silent`)."""
    record = rc.base.base.get(rc.actor1)
    if record is None or not rc.country or rc.candidate.event_type not in rc.taxonomy.opponent_event_types \
            or rc.candidate.sub_event_type in rc.opponent_silent:
        return None
    periods = likely_opponents().get((rc.country, without_years(rc.base.base.name_in(record, rc.country))), ())
    learned = opponent_in(periods, rc.year, rc.opponent_years)
    opponent = rc.base.base.lookup(learned.actor2) if learned else None
    return opponent.id if opponent is not None and opponent.id != rc.actor1 else None


def _unnamed_group(rc: RoleContext, actor: str | None) -> bool:
    """A generic actor ('Unidentified Armed Group (Kenya)') or one of ACLED's families of unnamed groups
    ('Unidentified Clan Militia (Lebanon)', 'Unidentified Gang (Brazil)')."""
    record = rc.base.base.get(actor)
    return record is not None and (rc.base.generic_key(actor) is not None
                                   or record.name.startswith(UNNAMED_PREFIX))


STATE_FORCES_INTER = INTER_BY_KIND["state_forces"]
"""ACLED's inter code of a state's forces: the side that steps in."""


def intervener(rc: RoleContext) -> str | None:
    """'Protesters gathered ... Police later dispersed them': in the sub-event types whose actor 2 is the force
    that stepped in (data/acled.yaml intervention_sub_events), the first state force the paragraph names from
    the event on, other than actor 1: a force (police, army) before an office of the state that ACLED codes
    alike ('protested outside the government building ... police dispersed them': the police)."""
    if rc.candidate.sub_event_type not in rc.taxonomy.intervention_subs:
        return None
    segments = rc.doc.segments
    paragraph = rc.candidate.sentence.paragraph
    end = segments.paragraphs[paragraph][1] if 0 <= paragraph < len(segments.paragraphs) else rc.candidate.end
    state = []
    for mention in rc.doc.actors.within(rc.candidate.sentence.start, max(end, rc.candidate.end)):
        actor = None if mention.speaker else _crowd_force(rc, mention, _settled(rc, mention))
        if actor is not None and rc.base.inter(actor, rc.country) == STATE_FORCES_INTER:
            state.append(actor)
    forces = [a for a in state if rc.base.kind(a) == FORCE_KIND]
    chosen = forces or state
    return chosen[0] if chosen else None


def intervention_default(rc: RoleContext) -> str | None:
    """'The rally was dispersed and 12 protesters were detained': a protest some force stepped into that the report
    does not name has ACLED's default actor 2 for the sub-event type (data/acled.yaml default_actors: the police),
    before anyone the clause acts on (ACLED train: Protest with intervention actor 2 police 0.85, civilians none)."""
    if rc.candidate.sub_event_type not in rc.taxonomy.intervention_subs:
        return None
    return default_actor2(rc)


def _crowd_force(rc: RoleContext, mention: ActorMention, actor: str | None) -> str | None:
    """'Security forces fired tear gas at the demonstrators': a force named by a noun that does not say which one
    (data/acled.yaml crowd_police_nouns), read as the military, is the police ACLED codes where it steps into a
    protest or riot."""
    if actor is None or rc.base.generic_key(actor) != "military":
        return actor
    words = " ".join(rc.doc.text[mention.start:mention.end].lower().split())
    if not any(words == n or words.endswith(" " + n) for n in rc.taxonomy.crowd_police_nouns):
        return actor
    return rc.base.generic("police", rc.country) or actor


FORCE_KIND = "state_forces"
"""The kind of a state's armed forces and police, as against its offices (kind 'government', same inter code)."""


def opponent(rc: RoleContext) -> str | None:
    """The other side of a fight or a capture: 'clashed with X', 'captured the town from X'."""
    return _first_actor(rc, rc.args.prep_objects(*OPPONENT_PREPOSITIONS))


def _repelled(rc: RoleContext) -> bool:
    return bool(forms(rc.candidate.anchor) & lexicons().defence_verbs)


def _attack_doers(rc: RoleContext) -> list[Token]:
    """Who made the attack a repelling verb stops: its 'by' agent, owner, or the agent of a participle on it
    ('an attack launched by X')."""
    return [d for attack in rc.args.objects if attack.pos_ in NOMINAL for d in _doers_of(attack)]


def _doers_of(attack: Token) -> list[Token]:
    """An attack's 'by' agent or possessor and the agent of a participle on it."""
    return [*noun_arguments(attack).doers, *_participle_agents(attack)]


def attacker_repelled(rc: RoleContext) -> str | None:
    """'The army repelled an attack by militants', 'militants were repelled by the army': the attackers are
    actor 1."""
    if not _repelled(rc):
        return None
    return _first_actor(rc, rc.args.subjects if rc.args.passive else _attack_doers(rc))


def _repeller_tokens(rc: RoleContext) -> tuple[Token, ...]:
    return rc.args.agents if rc.args.passive else rc.args.subjects


def _defence_verbs(rc: RoleContext) -> list[Token]:
    """The anchor if it is a repelling verb, and the repelling verbs coordinated with it ('thwarted and clashed with
    X': the clash is the attack they stopped)."""
    anchor = rc.candidate.anchor
    defence = lexicons().defence_verbs
    return [v for v in (anchor, *anchor.conjuncts) if v.pos_ in VERBAL and forms(v) & defence]


def _repelling_side(rc: RoleContext) -> str | None:
    return _first_actor(rc, _repeller_tokens(rc))


def _not_repeller(rc: RoleContext) -> Callable[[ActorMention], bool]:
    """A mention that may stand for the attackers: not a speaker, not civilians (ACLED's victims) and not the side
    that repelled them."""
    repelling = _repelling_side(rc)

    def fits(mention: ActorMention) -> bool:
        actor = rc.base.settle(mention, rc.country)
        return not mention.speaker and actor != repelling and rc.base.generic_key(actor) != CIVILIANS_KEY
    return fits


def _attacker_told(rc: RoleContext, tokens: Iterable[Token]) -> str | None:
    """The first actor the tokens name, a pronoun standing for the nearest side named before it that is not the
    repeller ('Afghan forces repulsed his attack': the one whose attack it was)."""
    fits = _not_repeller(rc)
    for token in tokens:
        found = None
        if is_pronoun(token):  # not 'the attack': a definite noun here names the happening, not a side
            before = rc.doc.actors.before(token.idx)
            found = _settled(rc, antecedent(token, before, rc.doc.segments, rc.anaphora_reach, fits))
        found = found or _first_actor(rc, [token])
        if found is not None:
            return found
    return None


def _owners(attacks: Iterable[Token]) -> list[Token]:
    """Whose attack it was: its 'by' agent or possessor ('their attack'), the agent of a participle on it, else
    the attack's own phrase ('Ukrainian attacks', 'the attack of X')."""
    return [t for attack in attacks if attack.pos_ in NOMINAL for t in (*_doers_of(attack), attack)]


def attacker_owner(rc: RoleContext) -> str | None:
    """'Soldiers repulsed their attack', 'repelled the attack of X', 'their attack was repulsed by police', 'They
    were repelled by Y', 'X thwarted and clashed with Y': the side whose attack a repelling verb stops, read
    from the attack's owner, a pronoun's antecedent that is not the repeller, or the side the repeller fought."""
    defence = _defence_verbs(rc)
    if not defence:
        return None
    anchor = rc.candidate.anchor
    told = [t for v in defence for t in _stopped(rc.args if v is anchor else verb_arguments(v))]
    fought = (o for v in (anchor, *anchor.conjuncts) if v.pos_ in VERBAL
              for o in verb_arguments(v).prep_objects(*OPPONENT_PREPOSITIONS))
    return _attacker_told(rc, (*told, *_owners(told), *fought))


def _stopped(args: Arguments) -> tuple[Token, ...]:
    """What a repelling verb stopped: its object, or a passive's subject."""
    return args.subjects if args.passive else args.objects


def attacker_before(rc: RoleContext) -> str | None:
    """'Militants attacked a post. The army repelled the attack.': where the clause does not name the attackers,
    they are the nearest side named before it as the subject of a clause, within the anaphora reach, that is
    not the repeller."""
    if not _defence_verbs(rc):
        return None
    anchor = rc.candidate.anchor
    before = rc.doc.actors.before(anchor.idx)
    fits = _not_repeller(rc)

    def acting(mention: ActorMention) -> bool:
        token = rc.doc.token_at(mention.start)
        return token is not None and _phrase_head(token).dep_ in SUBJECT_OR_ROOT and fits(mention)
    return _settled(rc, antecedent(anchor, before, rc.doc.segments, rc.anaphora_reach, acting))


def repeller(rc: RoleContext) -> str | None:
    """... and the side that repelled it (or that stopped it and fought: 'thwarted and clashed with X') is actor
    2."""
    return _repelling_side(rc) if _defence_verbs(rc) else None


def _lost(rc: RoleContext) -> bool:
    """A change of territory told by the side that lost it ('lost control of the town')."""
    return rc.candidate.sub_event_type in TERRITORY_CHANGES and bool(forms(rc.candidate.anchor) & lexicons().loss_verbs)


def taker(rc: RoleContext) -> str | None:
    """'The militia lost the town to the army': who took what a losing verb's subject lost is actor 1 (its 'to'
    object), else ACLED's generic actor: never the loser."""
    if not _lost(rc):
        return None
    return _first_actor(rc, rc.args.prep_objects("to")) or default_actor1(rc)


def loser(rc: RoleContext) -> str | None:
    """... and the side that lost it is actor 2."""
    if not _lost(rc):
        return None
    return _first_actor(rc, rc.args.agents if rc.args.passive else rc.args.subjects)


def victims(rc: RoleContext) -> str | None:
    """'..., killing four civilians', 'the death of four civilians': the people a harming verb or a death of
    the unit names are acted on."""
    tokens = _candidate_tokens(rc)
    dead = [o for t in tokens if t.pos_ == "NOUN" and forms(t) & lexicons().death_words
            for p in children(t, "prep") if p.lower_ == "of" for o in children(p, "pobj")]
    return _first_actor(rc, [*_harmed(tokens), *dead])


def killed_side(rc: RoleContext) -> str | None:
    """'Army Retakes Hill, Killing 30 Rebel Fighters': the armed side the unit's killed claims count as dead, killed
    by actor 1 (the claims stage reads a figure's victims and killers where a headline's capitals mislead the parse).
    Unarmed victims are the unnamed_people and default steps' to read: a claim's reading of them is a guess."""
    if rc.actor1 is None:
        return None
    told = tolls.unit_claims(rc.doc.claims, rc.candidate.start, rc.candidate.end)
    sides = [c.subject for c in told if c.agent == rc.actor1 and c.subject and c.subject != rc.actor1]
    return next((s for s in sides if _armed(rc, s)), None)


def _candidate_tokens(rc: RoleContext) -> list[Token]:
    """The tokens of the candidate's unit (its characters widened to whole tokens)."""
    span = rc.doc.doc.char_span(rc.candidate.start, rc.candidate.end, alignment_mode="expand")
    return list(span or ())


def _harmed(tokens: Iterable[Token]) -> list[Token]:
    """Who the harming verbs among `tokens` act on ('killing four civilians')."""
    harm = lexicons().harm_verbs
    return [u for t in tokens if t.pos_ in VERBAL and forms(t) & harm for u in verb_arguments(t).undergoers]


UNARMED_INTERS = frozenset(INTER_BY_KIND[k] for k in ("rioters", "protesters", "civilians"))
"""ACLED's inter codes of rioters, protesters and civilians: never a side of an armed clash."""


def _civilian_words(rc: RoleContext) -> frozenset[str]:
    """The nouns, people words and targets of the actor base's generic civilians ('residents', 'driver', 'woman',
    'house')."""
    spec = rc.base.base.generics.get(CIVILIANS_KEY)
    return frozenset(w.lower() for w in (*spec.nouns, *spec.people, *spec.targets)) if spec else frozenset()


def _acted_on(rc: RoleContext) -> list[Token]:
    """What the clause acts on: its undergoers, those of an attack it names, and the people a harming verb in the
    candidate acts on (`victims` reads the same harmed people, and deaths besides)."""
    nested = [t for u in rc.args.undergoers if u.pos_ in NOMINAL for t in noun_arguments(u).undergoers]
    return [*rc.args.undergoers, *nested, *_harmed(_candidate_tokens(rc))]


def unnamed_people(rc: RoleContext) -> str | None:
    """'a mob beat a suspected thief', 'strikes hit a house', 'killing two Afghans': someone acted on (or what is
    theirs: 'a house') who is named by a word for a person or a people and by no actor is ACLED's civilians of
    their nationality, else of the country, in the sub-event types where ACLED codes such people so
    (data/acled.yaml civilian_victim_sub_events)."""
    if rc.candidate.sub_event_type not in rc.taxonomy.civilian_victim_subs:
        return None
    words, foreign = _civilian_words(rc), rc.taxonomy.foreigner_words
    for token in _acted_on(rc):
        people = demonym_people(token)
        if in_label(token) or not (people or (token.pos_ == "NOUN" and forms(token) & (words | foreign))):
            continue
        if phrase_actor(rc.doc, token, rc.exactness) is None:
            return _foreigners(rc, token) or rc.base.generic(CIVILIANS_KEY, people or nationality(token) or rc.country)
    return None


def _foreigners(rc: RoleContext, token: Token) -> str | None:
    """'Detained 40 migrants', 'migrants from Niger, Mali and Chad', 'Russian and Ukrainian sailors': people of several
    nationalities, or foreigners (data/acled.yaml foreigner_words) of none told, are ACLED's Civilians
    (International)."""
    told = nationalities(token)
    if len(told) < 2 and (told or not forms(token) & rc.taxonomy.foreigner_words):
        return None
    record = rc.base.base.lookup(rc.taxonomy.international_civilians)
    return record.id if record else None


def off_duty(rc: RoleContext) -> str | None:
    """'An off-duty policeman was shot dead': a member of a state force acted on out of service (data/acled.yaml
    off_duty_words) is ACLED's civilians of the country, not the force."""
    words = rc.taxonomy.off_duty_words
    for token in _acted_on(rc):
        before = " ".join(rc.doc.text[token.left_edge.idx:token.idx].lower().split())
        if token.pos_ in NOMINAL and any(w in before for w in words):
            return rc.base.generic(CIVILIANS_KEY, rc.country)
    return None


def crowd_clash(rc: RoleContext) -> str | None:
    """'Two groups of students clashed', 'a brawl between supporters of two candidates': a crowd fighting another
    crowd, told by a word of fighting in the unit, in the sub-event types where ACLED codes rioters on both sides
    (data/acled.yaml crowd_clash_sub_events), whoever the fight hurt ('injuring five students'); never where the unit
    names a force or an armed side ('clashed with police': the opponent), unless only by its followers ('supporters
    of X': `_followers`)."""
    if rc.candidate.sub_event_type not in rc.taxonomy.crowd_clash_subs or rc.actor1 is None \
            or rc.base.generic_key(rc.actor1) != "rioters":
        return None
    told = {t.lemma_.lower() for t in _candidate_tokens(rc) if t.pos_ in VERBAL or t.pos_ == "NOUN"}
    if not told & rc.taxonomy.crowd_clash_words:
        return None
    named = (_settled(rc, m) for m in rc.doc.actors.within(rc.candidate.start, rc.candidate.end)
             if not m.speaker and not _followers(rc, m))
    return None if any(_armed(rc, a) for a in named) else rc.actor1


def _followers(rc: RoleContext, mention: ActorMention) -> bool:
    """'UML supporters', 'cadres of the NC': a side named by its followers (data/actors.yaml follower_nouns) is a
    crowd, not the party's or movement's armed side."""
    token = rc.doc.token_at(mention.start)
    if token is None:
        return False
    nouns = rc.base.base.curated.follower_nouns
    head = _phrase_head(token)
    if head.lower_ in nouns:
        return True
    return head.dep_ == "pobj" and head.head.lower_ in MEMBER_PREPOSITIONS and head.head.head.lower_ in nouns


def acted_on_civilians(rc: RoleContext) -> str | None:
    """'A mob beat him', 'rioters torched the town hall': in the sub-event types where ACLED codes whoever a crowd
    acted on as civilians (data/acled.yaml acted_on_civilian_sub_events), someone or something acted on that no actor
    names and no place name is the country's civilians (unnamed_people reads only person words)."""
    if rc.candidate.sub_event_type not in rc.taxonomy.acted_on_civilian_subs:
        return None
    for token in _acted_on(rc):
        placed = rc.doc.toponyms.overlapping(token.idx, token.idx + len(token))
        if token.pos_ not in NOMINAL or in_label(token) or placed:
            continue
        if phrase_actor(rc.doc, token, rc.exactness) is None:
            return rc.base.generic(CIVILIANS_KEY, nationality(token) or rc.country)
    return None


def demonym_people(token: Token) -> str | None:
    """'killing two Palestinians': a plural demonym names people of its country (ACLED: that country's
    civilians)."""
    if token.pos_ not in NOMINAL or not token.text[:1].isupper() or not token.text.endswith("s"):
        return None
    table = countries()
    code = table.code_of(token.text[:-1])
    country = table.get(code)
    return code if country is not None and token.text[:-1] in country.demonyms else None


def nationality(token: Token) -> str | None:
    """'Syrian migrants', 'a Turkish refugee', 'refugees from Sudan': the country a people word's phrase gives
    its people (ACLED codes victims by their nationality: Civilians (Syria) arrested in Turkey)."""
    told = nationalities(token)
    return told[0] if told else None


def nationality_word(token: Token) -> str | None:
    """The country a capitalised word names its people by ('Pakistani'; the parse may hang it apart from its noun:
    'dozens of Pakistani pilgrims')."""
    return countries().code_of(token.text) if token.text[:1].isupper() else None


def nationalities(token: Token) -> list[str]:
    """The countries a people word's phrase gives its people, in order ('Russian and Ukrainian sailors', 'migrants
    from Niger, Mali and Chad': three)."""
    table = countries()
    told = [*children(token, "amod", "compound", "nmod"),
            *(o for p in children(token, "prep") if p.lower_ == "from" for o in children(p, "pobj"))]
    words = [w for t in told for w in (t, *t.conjuncts)]
    codes = (table.code_of(t.text) for t in words if t.text[:1].isupper())
    return list(dict.fromkeys(c for c in codes if c))


DEVICE_NOUNS = frozenset({"ied", "ieds", "mine", "mines", "landmine", "landmines", "bomb", "explosive", "explosives",
                          "device"})
RUN_INTO_VERBS = frozenset({"hit", "strike", "run", "step", "drive", "trigger"})
"""'A vehicle hit an IED', 'a farmer stepped on a mine': who runs into a device placed before is its victim."""
RUN_INTO_PREPOSITIONS = ("over", "on", "onto", "into")


def _device_run_into(rc: RoleContext) -> Token | None:
    """The explosive device the clause's subject ran into ('struck an IED', 'ran over a mine', 'was hit by a
    roadside bomb'), if that is what the clause tells."""
    if rc.candidate.anchor.lemma_.lower() not in RUN_INTO_VERBS:
        return None
    agents = rc.args.agents if rc.args.passive else ()
    told = (*rc.args.objects, *rc.args.prep_objects(*RUN_INTO_PREPOSITIONS), *agents)
    return next((t for t in told if t.lower_ in DEVICE_NOUNS), None)


def planter(rc: RoleContext) -> str | None:
    """'An army vehicle struck an IED planted by JNIM', 'their car hit a Taliban-planted bomb': who placed the
    device ran into is actor 1, ACLED's unnamed armed group where the report does not say."""
    device = _device_run_into(rc)
    if device is None:
        return None
    placed = _first_actor(rc, [*noun_arguments(device).doers, *_participle_agents(device)])
    return placed or _settled(rc, phrase_actor(rc.doc, device, rc.exactness)) or default_actor1(rc)


def ran_into(rc: RoleContext) -> str | None:
    """... and who ran into it is actor 2 ('a Malian army vehicle': Mali's military)."""
    if _device_run_into(rc) is None:
        return None
    return _first_actor(rc, rc.args.subjects)


CLAIM_VERBS = frozenset({"claim", "take", "accept", "admit", "assume"})
"""Verbs whose subject owns a happening by the responsibility it takes ('X claimed responsibility')."""


def claimed(rc: RoleContext) -> str | None:
    """'Gunmen stormed the hotel ... Al-Shabaab claimed responsibility for the attack': where the clause names no
    attacker of its own (nor the owner of its weapon, nor a pronoun standing for one), the group that took
    responsibility for it, in its paragraph or the sentences just after, is actor 1, as ACLED codes a claimed
    attack."""
    if not _attacker_untold(rc):
        return None
    for sentence in _claim_scope(rc):
        span = rc.doc.doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
        for verb in dict.fromkeys(t.head for t in span or () if _takes_responsibility(t)):
            actor = _first_actor(rc, arguments(verb).doers)
            if actor is not None and rc.base.generic_key(actor) is None:
                return actor
    return None


def _attacker_untold(rc: RoleContext) -> bool:
    """An attack (ACLED's default actor 1 is an unnamed armed group) whose clause names its doer vaguely or not
    at all."""
    defaults = rc.taxonomy.defaults_for(rc.candidate.event_type, rc.candidate.sub_event_type)
    if not defaults or defaults.actor1 != "armed_group":
        return False
    if any(child.dep_ == "poss" for t in rc.args.doers for child in t.children):
        return False  # 'its soldiers raided': the doer is told, by its owner
    told = (phrase_actor(rc.doc, t, rc.exactness) for t in rc.args.doers)
    return not any(m is not None and rc.exactness(m) != VAGUE for m in told) \
        and means_owner(rc) is None and pronoun(rc) is None


def _takes_responsibility(token: Token) -> bool:
    return token.dep_ == "dobj" and token.lemma_.lower() in lexicons().responsibility_nouns \
        and token.head.lemma_.lower() in CLAIM_VERBS


def _claim_scope(rc: RoleContext) -> list[Sentence]:
    """The sentences of the happening's paragraph, its own first and then the nearest, and the few just after
    it in later paragraphs (`anaphora_reach`)."""
    here = rc.candidate.sentence
    sentences = rc.doc.segments.sentences
    after = sentences[here.index + 1:here.index + 1 + rc.anaphora_reach]
    near = [s for s in sentences if s.paragraph == here.paragraph or s in after]
    return sorted(near, key=lambda s: abs(s.index - here.index))


def crowd_nationality(rc: RoleContext) -> str | None:
    """'About 200 Ukrainians rallied in Nicosia', 'Pakistani pilgrims chanted slogans', 'dozens of migrants blocked
    the road': in the event types ACLED codes with a generic crowd as actor 1 (protesters, rioters), a crowd its
    doer names by one nationality other than the event's country is that country's crowd (Protesters (Ukraine)), and
    one of several nationalities, none the country's, or foreigners of none told (data/acled.yaml foreigner_words),
    the International one; a crowd of the country itself, or of no nationality told, is left to `default_actor1`.
    Only the people noun's own words count ('employees of a Chinese company' are no Chinese crowd), and a member
    complement only after a word of number (data/acled.yaml crowd_quantity_words: 'dozens of Pakistani pilgrims')."""
    defaults = rc.taxonomy.defaults_for(rc.candidate.event_type, rc.candidate.sub_event_type)
    if not defaults or defaults.actor1 not in COUNTER_KINDS:
        return None
    for token in rc.args.doers:
        if token.pos_ not in NOMINAL or in_label(token):
            continue
        counted = forms(token) & rc.taxonomy.crowd_quantity_words
        members = (o for p in children(token, "prep") if p.lower_ in MEMBER_PREPOSITIONS for o in children(p, "pobj"))
        for people in (token, *(members if counted else ())):
            if phrase_actor(rc.doc, people, rc.exactness) is None:
                actor = _crowd_of(rc, people, defaults.actor1)
                if actor is not None:
                    return actor
    return None


def _crowd_of(rc: RoleContext, token: Token, kind: str) -> str | None:
    """The generic crowd of `kind` for the people `token` names by nationality, where that is not the event's
    country (None: no nationality told, or the country's own among them)."""
    told = _own_nationalities(token)
    people = demonym_people(token)
    if rc.country in told:
        return None
    if len(told) > 1 or (not told and not people and forms(token) & rc.taxonomy.foreigner_words):
        record = rc.base.base.lookup(f"{rc.base.base.generic(kind, None).name} (International)")
        return record.id if record else None
    code = people or (told[0] if told else None)
    if code is None or code == rc.country:
        return None
    return rc.base.generic(kind, code)


def _own_nationalities(token: Token) -> list[str]:
    """The countries the words on a people noun itself name ('Syrian and Afghan refugees': two); an adjective the
    parse left alone ('dozens of Pakistani pilgrims' read with 'Pakistani' as the object) names its own."""
    if token.pos_ == "ADJ":
        code = nationality_word(token)
        return [code] if code else []
    words = [w for t in children(token, "amod", "compound") for w in (t, *t.conjuncts)]
    return list(dict.fromkeys(c for w in words if (c := nationality_word(w))))


def default_actor1(rc: RoleContext) -> str | None:
    """ACLED's generic actor 1 for the event type, named for the country; an unnamed attacker is the family
    ACLED's coders use in that country where it is not the armed group ('Unidentified Gang (Haiti)')."""
    defaults = rc.taxonomy.defaults_for(rc.candidate.event_type, rc.candidate.sub_event_type)
    if not defaults or not defaults.actor1:
        return None
    unnamed = _unnamed_member(rc) if defaults.actor1 == "armed_group" else None
    return unnamed or rc.base.generic(defaults.actor1, rc.country)


def default_actor2(rc: RoleContext) -> str | None:
    defaults = rc.taxonomy.defaults_for(rc.candidate.event_type, rc.candidate.sub_event_type)
    return rc.base.generic(defaults.actor2, rc.country) if defaults and defaults.actor2 else None


def coded_side(rc: RoleContext) -> str | None:
    """'Warplanes struck a house in Gaza, killing one': where no clause names a side acted on, the generic side
    ACLED's coders most often name as actor 2 for the event's country and sub-event type (Palestine's civilians;
    data/actors/coded_sides.csv, learned from ACLED train), unless it is actor 1 itself."""
    kind = coded_sides().get((rc.country or "", rc.candidate.sub_event_type)) if rc.country else None
    actor = rc.base.generic(kind, rc.country) if kind else None
    return actor if actor and actor != rc.actor1 else None


ACTOR1_STEPS: Mapping[str, Callable[[RoleContext], str | None]] = {
    "repelled": attacker_repelled, "repelled_owner": attacker_owner, "repelled_before": attacker_before,
    "doers": doers, "means_owner": means_owner, "pronoun": pronoun, "country_doer": country_doer,
    "governor": governor, "action_nouns": action_nouns, "pair": pair_first, "preceding": preceding,
    "previous": previous, "means_before": means_before,
    "topic": topic, "claimed": claimed, "planter": planter, "default": default_actor1,
    "taker": taker, "crowd_nationality": crowd_nationality,
}
ACTOR2_STEPS: Mapping[str, Callable[[RoleContext], str | None]] = {
    "repeller": repeller, "ran_into": ran_into, "undergoers": undergoers, "pair": pair_second, "opponent": opponent,
    "victims": victims, "default": default_actor2, "loser": loser, "unnamed_people": unnamed_people,
    "co_doers": co_doers, "intervener": intervener, "other_armed": other_armed, "same_side": same_side,
    "counter_side": counter_side, "killed_side": killed_side, "intervention_default": intervention_default,
    "crowd_clash": crowd_clash, "acted_on_civilians": acted_on_civilians, "off_duty": off_duty,
    "likely_opponent": likely_opponent, "unnamed_side": unnamed_side, "coded_side": coded_side,
}


def _passive_unmarked(verb: Token, args: Arguments) -> bool:
    """A verb the parse reads as active that is passive: one with a 'by' agent ('was struck and killed by X'), or
    a past participle coordinated with a passive verb, with no subject or object of its own ('he was targeted and
    killed': the parse gives it its head's subject as if it were active)."""
    if args.passive or args.head.pos_ not in VERBAL:
        return False
    return bool(children(verb, "agent")) or (verb.dep_ == "conj" and verb.tag_ == "VBN" and is_passive(verb.head)
                                             and not children(verb, *SUBJECT_DEPS, *OBJECT_DEPS))


def anchor_arguments(ctx: DocContext, anchor: Token) -> Arguments:
    """The anchor's arguments, read again where the parse misleads: a verb with a 'by' agent is passive even
    where its auxiliary sits on the verb before it ('was struck and killed by X'); an auxiliary that is part of
    an actor's name ('IS militants attacked', 'IS' read as 'is') makes no passive; a passive with no agent of its
    own shares the agent of the passive verb coordinated with it ('was shot and wounded by X'); so does a
    participle coordinated with a passive verb whose subject it shares ('he was targeted and killed in a raid': he
    was killed, he did not kill)."""
    deed = accused_deed(anchor)
    if deed is not None:
        return deed  # 'blamed X for the bombing of a market': X bombed the market
    args = arguments(anchor)
    if _passive_unmarked(anchor, args):
        args = replace(args, passive=True)  # 'was struck and killed by X': the 'by' agent makes 'killed' passive
    if not args.passive or args.head.pos_ not in VERBAL:
        return args
    auxiliaries = children(anchor, "auxpass")
    if auxiliaries and all(ctx.actors.overlapping(a.idx, a.idx + len(a.text)) for a in auxiliaries) \
            and children(anchor, "nsubj"):
        return replace(args, passive=False)
    if not args.agents:
        shared = tuple(a for c in anchor.conjuncts if c.pos_ in VERBAL for a in verb_arguments(c).agents)
        return replace(args, agents=shared)
    return args
