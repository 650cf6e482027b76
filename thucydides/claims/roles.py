"""Who a figure counts (subject), who did it (agent), who says so (claimant), where and when.

Actors come from the actor stage's mentions (`analysis.actors`), placed on the parse by their
character offsets; places and times from the places and time stages.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from thucydides.actors.recognize import ActorRegistry
from thucydides.claims.figures import Figure, Segment
from thucydides.claims.lexicon import ClaimLexicon
from thucydides.claims.metric import Reading
from thucydides.model import ActorMention, Analysis, Interval, TimeExpression, Toponym

AGENTIVE = frozenset({"killed", "wounded", "captured", "territory_taken"})
"""Metrics that have a doer."""
SUBJECT_FALLBACK = frozenset({"killed", "wounded", "captured", "surrendered", "fighters_present",
                              "territory_held", "territory_taken", "share_held"})
"""Metrics whose counted side, when unnamed, is the armed group the text was just talking about."""
_LOOKBACK_CHARS = 600
_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i"})


@dataclass
class Context:
    """What role finding needs of one document, indexed once."""

    analysis: Analysis
    lex: ClaimLexicon
    registry: ActorRegistry
    segments: Sequence[Segment]
    mentions: list[ActorMention] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)
    voice: str | None = None
    _claimants: dict[int, str | None] = field(default_factory=dict)
    _subjects: dict[int, str] = field(default_factory=dict)
    """The last subject found in each sentence, by its start: "seven others" count the same side."""

    @classmethod
    def of(cls, analysis: Analysis, lex: ClaimLexicon, registry: ActorRegistry,
           segments: Sequence[Segment]) -> Context:
        mentions = sorted(analysis.actors, key=lambda m: m.start)
        ctx = cls(analysis, lex, registry, segments, mentions, [m.start for m in mentions])
        ctx.voice = own_voice(analysis, mentions, registry, lex)
        return ctx

    def within(self, start: int, end: int) -> list[ActorMention]:
        """Actor mentions starting inside [start, end)."""
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_left(self.starts, end)
        return self.mentions[lo:hi]

    def armed(self, actor: str | None) -> bool:
        return self.registry.kind(actor) in self.lex.armed_kinds

    def segment_index(self, seg: Segment) -> int:
        return bisect.bisect_left([s.start for s in self.segments], seg.start)


def own_voice(analysis: Analysis, mentions: Sequence[ActorMention], registry: ActorRegistry,
              lex: ClaimLexicon) -> str | None:
    """The actor a report speaks for when it is a monitor's own report (masthead or outlet field)."""
    doc = analysis.document
    candidates: list[str] = []
    if doc.outlet:
        candidates += [a.id for a in registry.actors.values() if doc.outlet.lower() in
                       {n.lower() for n in (a.id, a.name, *a.aliases)}]
    text = doc.analysis_text
    line_start = len(text) - len(text.lstrip())
    line_end = text.find("\n", line_start)
    line_end = len(text) if line_end < 0 else line_end
    line = text[line_start:line_end].strip()
    for actor in _masthead_actors(line, [m for m in mentions if m.start < line_end]):
        if registry.kind(actor) in lex.masthead_claimant_kinds:
            candidates.append(actor)
    for actor in candidates:
        if registry.kind(actor) in lex.voice_claimant_kinds | lex.masthead_claimant_kinds:
            return actor
    return None


def _masthead_actors(line: str, mentions: Sequence[ActorMention]) -> list[str]:
    """Actors whose names fill the first line ("Combined Joint Task Force - Operation Inherent Resolve")."""
    covered: dict[str, int] = {}
    for m in mentions:
        covered[m.actor] = covered.get(m.actor, 0) + len(m.text)
    return [actor for actor, size in covered.items() if line and size >= 0.7 * len(line)]


def _tokens_span(tokens: Iterable[Any], seg: Segment) -> tuple[int, int] | None:
    inside = [t for t in tokens if seg.holds(t)]
    if not inside:
        return None
    return min(t.idx for t in inside), max(t.idx + len(t.text) for t in inside)


def _subtree_without(tok: Any, drop: frozenset[str]) -> list[Any]:
    """The token's subtree, minus the subtrees of children attached with a dependency in `drop`."""
    out = [tok]
    for child in tok.children:
        if child.dep_ not in drop:
            out.extend(_subtree_without(child, drop))
    return out


def _actors_under(tok: Any, ctx: Context, seg: Segment, drop: frozenset[str] = frozenset({"relcl"})) -> list[str]:
    span = _tokens_span(_subtree_without(tok, drop), seg)
    if span is None:
        return []
    found = ctx.within(*span)
    # the actor naming the phrase's head ("Coalition-backed SDF" is the SDF) comes first
    found = sorted(found, key=lambda m: 0 if m.start <= tok.idx < m.end else 1 + abs(tok.idx - m.end))
    return [m.actor for m in found]


# claimant ---------------------------------------------------------------------------------------

_QUOTE_MARKS = "\"“‘'«"
_PARAGRAPH_BREAK_RE = re.compile(r"\n[ \t\r\f\v]*\n")
_PRONOUN_REACH = 2  # sentences back to the speaker a pronoun ("she added") stands for
_ANAPHOR_REACH = 4  # sentences back to the speaker "the spokesman" stands for
_NAME_REACH = 12  # sentences back to where a speaker called by name ("Bali said") was introduced


def claimant(fig: Figure, ctx: Context) -> str | None:
    """Who states the figure: headline "X:", "according to X", "X said", a quote's speaker, or the monitor's voice."""
    seg = fig.segment
    return (segment_claimant(seg, ctx, fig.number_token) or _quoted_speaker(seg, ctx) or _first_person(seg, ctx)
            or _paragraph_claimant(seg, ctx) or ctx.voice)


_CARRY_REACH = 3  # sentences back in a paragraph whose source still speaks


def _paragraph_claimant(seg: Segment, ctx: Context) -> str | None:
    """A sentence with no source of its own goes on in the voice of the paragraph's last named source ("SOHR said
    jets killed 11. Barrel bombs killed 7 more."); a speaker the dictionary does not know ("a doctor said") stops it."""
    text = ctx.analysis.document.text
    i = ctx.segment_index(seg)
    current = seg
    for j in range(i, max(-1, i - 1 - _CARRY_REACH), -1):
        prev = ctx.segments[j]
        if j < i and _PARAGRAPH_BREAK_RE.search(text[prev.end:current.start] or ""):
            return None
        if _has_unknown_speaker(prev, ctx):
            return None
        if j < i and (found := segment_claimant(prev, ctx)):
            return found
        current = prev
    return None


def _has_unknown_speaker(seg: Segment, ctx: Context) -> bool:
    """The sentence reports someone's words, but who it is gives no actor ("a doctor said")."""
    doc: Any = ctx.analysis.spacy_doc
    for k in range(seg.first_token, seg.last_token):
        verb = doc[k]
        if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in ctx.lex.reporting_verbs:
            continue
        if any(c.dep_ == "nsubj" for c in verb.children) and segment_claimant(seg, ctx) is None:
            return True
    return False


_FIRST_PERSON = frozenset({"we", "our", "us", "ours"})


def _first_person(seg: Segment, ctx: Context) -> str | None:
    """"Two of our fighters were martyred": a statement's own voice, whose author the report named before."""
    doc: Any = ctx.analysis.spacy_doc
    if not any(doc[k].lower_ in _FIRST_PERSON for k in range(seg.first_token, seg.last_token)):
        return None
    return _claimant_before(seg, ctx, _ANAPHOR_REACH)


def _quoted_speaker(seg: Segment, ctx: Context) -> str | None:
    """A sentence that opens a quotation without attribution: the speaker of the quote next to it in the paragraph."""
    text = ctx.analysis.document.text
    if text[seg.start:seg.end].lstrip()[:1] not in _QUOTE_MARKS:
        return None
    i = ctx.segment_index(seg)
    for j in (i - 1, i + 1):
        if 0 <= j < len(ctx.segments):
            other = ctx.segments[j]
            between = text[min(other.end, seg.end):max(other.start, seg.start)]
            if "\n\n" not in between.replace("\r", "") and (found := segment_claimant(other, ctx)):
                return found
    return None


def segment_claimant(seg: Segment, ctx: Context, anchor: Any | None = None) -> str | None:
    key = seg.start if anchor is None else -1
    if key in ctx._claimants:
        return ctx._claimants[key]
    found = _headline_claimant(seg, ctx) or _according_to(seg, ctx) or _reporting_subject(seg, ctx, anchor)
    if anchor is None:
        ctx._claimants[key] = found
    return found


def _headline_claimant(seg: Segment, ctx: Context) -> str | None:
    text = ctx.analysis.document.text
    for m in ctx.within(seg.start, seg.start + 80):
        if text[seg.start:m.start].strip():
            return None
        return m.actor if text[m.end:m.end + 2].strip().startswith(":") else None
    return None


def _according_to(seg: Segment, ctx: Context) -> str | None:
    doc: Any = ctx.analysis.spacy_doc
    lowered = [doc[k].lower_ for k in range(seg.first_token, seg.last_token)]
    for phrase in ctx.lex.attribution_phrases:
        size = len(phrase)
        for k in range(len(lowered) - size + 1):
            if tuple(lowered[k:k + size]) != phrase:
                continue
            last = doc[seg.first_token + k + size - 1]
            if last.dep_ == "compound":  # "95 per cent"
                continue
            actors = _actors_under(last, ctx, seg)
            if not actors:
                end = doc[min(seg.last_token - 1, last.i + 8)]
                actors = [m.actor for m in ctx.within(last.idx, end.idx + len(end.text))]
            if actors:
                return actors[0]
            found = _anaphoric_source(last, seg, ctx)
            if found:
                return found
    return None


def _anaphoric_source(prep: Any, seg: Segment, ctx: Context) -> str | None:
    """"according to the report": the source named earlier in the report."""
    for obj in prep.children:
        if obj.dep_ == "pobj":
            return _speaker_named_before(obj, seg, ctx)
    return None


def _reporting_subject(seg: Segment, ctx: Context, anchor: Any | None) -> str | None:
    doc: Any = ctx.analysis.spacy_doc
    verbs = [doc[k] for k in range(seg.first_token, seg.last_token)
             if doc[k].pos_ in ("VERB", "AUX") and doc[k].lemma_.lower() in ctx.lex.reporting_verbs]
    ancestors = {t.i for t in anchor.ancestors} if anchor is not None else set()
    # verbs the figure hangs from come first, then the main clause's ("X said the coalition admits ...": X)
    verbs.sort(key=lambda v: (v.i not in ancestors, sum(1 for _ in v.ancestors)))
    for verb in verbs:
        for child in verb.children:
            if child.dep_ == "nsubj" or child.dep_ == "agent":
                actors = _actors_under(child, ctx, seg)
                if actors:
                    return actors[0]
                found = _speaker_named_before(child, seg, ctx)
                if found:
                    return found
    return None


def _speaker_named_before(subject: Any, seg: Segment, ctx: Context) -> str | None:
    """A speaker the report named earlier: "he explained", "the spokesman said", "Bali said"."""
    if subject.lower_ in _PRONOUNS:
        return _claimant_before(seg, ctx, _PRONOUN_REACH)
    definite = any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "that", "its", "their")
                   for c in subject.children)
    if definite and subject.lemma_.lower() in ctx.lex.anaphoric_speakers:
        return _claimant_before(seg, ctx, _ANAPHOR_REACH)
    if subject.pos_ == "PROPN":
        titled = any(c.dep_ in ("compound", "appos") and c.lemma_.lower() in ctx.lex.anaphoric_speakers
                     for c in subject.children)  # "Spokesman Yahya Rasool said"
        return _claimant_before(seg, ctx, _NAME_REACH, speaking=subject.text) or (
            _claimant_before(seg, ctx, _ANAPHOR_REACH) if titled else None)
    return None


def _spoke_in(seg: Segment, name: str, ctx: Context) -> bool:
    """The sentence has `name` as (part of) the subject of a verb: where a speaker was introduced."""
    doc: Any = ctx.analysis.spacy_doc
    for k in range(seg.first_token, seg.last_token):
        tok = doc[k]
        if tok.text != name:
            continue
        for _ in range(3):
            if tok.dep_ in ("nsubj", "nsubjpass"):
                return True
            if tok.dep_ not in ("compound", "appos", "flat") or tok.head is tok:
                break
            tok = tok.head
    return False


def _claimant_before(seg: Segment, ctx: Context, reach: int, speaking: str | None = None) -> str | None:
    """The claimant of the nearest earlier sentence that has one (and where `speaking` spoke, when given)."""
    i = ctx.segment_index(seg)
    for j in range(i - 1, max(-1, i - 1 - reach), -1):
        prev = ctx.segments[j]
        if speaking and not _spoke_in(prev, speaking, ctx):
            continue
        found = segment_claimant(prev, ctx) or _named_speaker(prev, ctx)
        if found or speaking:
            return found
    return None


def _named_speaker(seg: Segment, ctx: Context) -> str | None:
    speakers = [m.actor for m in ctx.within(seg.start, seg.end) if m.speaker]
    return speakers[0] if speakers else None


# agent and subject -------------------------------------------------------------------------------

def _governing_verb(tok: Any, seg: Segment) -> Any | None:
    for _ in range(5):
        if tok.pos_ in ("VERB", "AUX"):
            return tok
        if tok.head is tok or not seg.holds(tok.head):
            return None
        tok = tok.head
    return None


def _is_passive(verb: Any) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def _by_agent(tok: Any, ctx: Context, seg: Segment) -> list[str]:
    out: list[str] = []
    for child in tok.children:
        if child.dep_ == "agent":
            out += _actors_under(child, ctx, seg)
    return out


@dataclass(frozen=True, slots=True)
class VerbSubject:
    actors: list[str]
    losing: bool
    """The verb loses what is counted ("ISIS lost 20 km2"): its subject is the subject, not the agent."""
    pronoun: bool
    """The subject is a pronoun ("they managed to liberate"): the speaker's side."""


def _verb_subject(reading: Reading, ctx: Context, seg: Segment) -> VerbSubject:
    """Actors in the subject of the verb governing the trigger, following "managed to"-like chains up."""
    none = VerbSubject([], False, False)
    if reading.trigger is None:
        return none
    verb = _governing_verb(reading.trigger, seg)
    if verb is None or _is_passive(verb):
        return none
    losing = verb.lemma_.lower() in ctx.lex.loss_triggers or reading.trigger.lemma_.lower() in ctx.lex.loss_triggers
    for _ in range(3):
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if subjects:
            actors = [a for s in subjects for a in _actors_under(s, ctx, seg)]
            actors = actors or [a for s in subjects if (a := attack_owner(s, ctx)) is not None]
            return VerbSubject(actors, losing, any(s.lower_ in _PRONOUNS for s in subjects))
        participle = verb.dep_ == "advcl" and verb.tag_ == "VBG"  # "drones struck a car, killing two"
        if (verb.dep_ not in ("xcomp", "conj") and not participle) or not seg.holds(verb.head):
            break
        verb = verb.head
    return VerbSubject([], losing, False)


def attack_owner(tok: Any, ctx: Context) -> str | None:
    """The actor a weapon or attack stands for, from the owner word before it: "Turkish shelling" is Turkey's,
    "regime artillery" the regime's."""
    if tok.lemma_.lower() not in ctx.lex.attack_nouns and tok.lower_ not in ctx.lex.attack_nouns:
        return None
    level = [c for c in tok.children if c.dep_ in ("amod", "compound", "nmod", "poss") and c.i < tok.i]
    for _ in range(3):
        for c in level:
            actor = ctx.lex.owner_words.get(c.lower_)
            if actor is not None and ctx.registry.get(actor) is not None:
                return actor
        level = [g for c in level for g in c.children if g.dep_ in ("amod", "compound", "nmod") and g.i < c.i]
    return None


def _clause_doer(trigger: Any, subject: str | None, ctx: Context, seg: Segment) -> str | None:
    """"Five were killed when militants attacked their post": the armed subject of a when-clause on a passive toll."""
    verb = _governing_verb(trigger, seg)
    if verb is None or not _is_passive(verb) and verb.dep_ != "conj":
        return None
    verbs = [verb, *[c for c in verb.children if c.dep_ == "conj"]]
    if verb.dep_ == "conj" and seg.holds(verb.head):
        verbs.append(verb.head)
    for v in verbs:
        for clause in v.children:
            if clause.dep_ != "advcl":
                continue
            for subj in clause.children:
                if subj.dep_ != "nsubj":
                    continue
                found = _actors_under(subj, ctx, seg) or [a for a in [attack_owner(subj, ctx)] if a]
                armed = [a for a in found if ctx.armed(a) and a != subject]
                if armed:
                    return armed[0]
    return None


def _owner_in_clause(fig: Figure, subject: str | None, ctx: Context) -> str | None:
    """The owner of the attack nearest the toll in its sentence ("the toll of the Turkish attack has reached 478")."""
    doc: Any = ctx.analysis.spacy_doc
    seg = fig.segment
    found = [(abs(k - fig.number_token.i), a) for k in range(seg.first_token, seg.last_token)
             if (a := attack_owner(doc[k], ctx)) is not None and a != subject and ctx.armed(a)]
    return min(found)[1] if found else None


_PHRASE_DEPS = frozenset({"compound", "amod", "nmod", "poss", "conj", "cc", "acl", "pobj", "det", "punct"})


def _noun_phrase(tok: Any) -> list[Any]:
    """The counted noun with its modifiers and "of" phrases, without clauses or other prepositions."""
    out = [tok]
    for child in tok.children:
        if child.dep_ in _PHRASE_DEPS or (child.dep_ == "prep" and child.lower_ == "of"):
            out.extend(_noun_phrase(child))
    return out


def counted_actors(fig: Figure, ctx: Context) -> list[str]:
    """Actors named in the counted phrase: "300 ISIS militants", "wives of Daesh fighters", "of ISIS territory"."""
    if fig.unit_token is None:
        return [m.actor for m in ctx.within(fig.start, fig.unit_end) if not m.speaker]
    span = _tokens_span(_noun_phrase(fig.unit_token), fig.segment)
    start = min(fig.start, span[0]) if span else fig.start  # "the number of ISIS members ... rose to 391"
    end = max(fig.unit_end, span[1]) if span else fig.unit_end
    return [m.actor for m in ctx.within(start, end) if not m.speaker]


@dataclass(frozen=True, slots=True)
class Roles:
    subject: str | None
    agent: str | None
    claimant: str | None


HELD = frozenset({"territory_held", "share_held"})
_HOLDER_PREPS = frozenset({"under", "by"})
"""'under ISIS control', 'held by ISIS': the holder of the territory."""
_LOSER_PREPS = frozenset({"from"})
"""'took 65 km2 from ISIS': the side that lost it."""
_POSSESSIVES = frozenset({"its", "their", "our"})


def _actors_in_preps(fig: Figure, trigger: Any | None, preps: frozenset[str], ctx: Context) -> list[str]:
    """Actors in prepositional phrases headed by one of `preps` on the trigger, its verb, or the counted
    phrase up to them ("took control of an area of 65 km2 from ISIS")."""
    seg = fig.segment
    heads = []
    if trigger is not None:
        heads += [trigger] + ([trigger.head] if trigger.head is not trigger and seg.holds(trigger.head) else [])
    tok = fig.unit_token if fig.unit_token is not None else fig.number_token
    for _ in range(4):
        heads.append(tok)
        if tok.head is tok or not seg.holds(tok.head) or tok is trigger:
            break
        tok = tok.head
    return [a for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in preps
            for a in _actors_under(c, ctx, seg)]


def _own_people(fig: Figure, ctx: Context) -> bool:
    """"29 of its fighters", "their men": the counted people belong to whoever speaks."""
    if fig.unit_token is None:
        return False
    doc = fig.number_token.doc
    return any(doc[k].lower_ in _POSSESSIVES for k in range(fig.number_token.i + 1, fig.unit_token.i))


def _counted_side(fig: Figure, reading: Reading, ctx: Context, verb: VerbSubject, said_by: str | None) -> str | None:
    """Whose people or territory the figure counts, from the phrase and clause (no fallback by recency)."""
    counted = counted_actors(fig, ctx)
    if counted:
        return counted[0]
    if verb.losing and verb.actors:
        return verb.actors[0]
    trigger_lemma = reading.trigger.lemma_.lower() if reading.trigger is not None else ""
    if reading.metric in HELD:
        holder = _actors_in_preps(fig, reading.trigger, _HOLDER_PREPS, ctx)
        if holder:
            return holder[0]
        if ctx.lex.area_triggers.get(trigger_lemma) == "territory_held" and verb.actors:
            return verb.actors[0]
        if verb.pronoun and ctx.armed(said_by):  # "they now control 60 percent"
            return said_by
    if reading.metric == "territory_taken":
        loser = _actors_in_preps(fig, reading.trigger, _LOSER_PREPS, ctx)
        if loser:
            return loser[0]
    if _own_people(fig, ctx) and ctx.armed(said_by):
        return said_by
    if reading.metric == "fighters_present" and not verb.losing:  # "the army sent 300 soldiers"
        return next((a for a in verb.actors if ctx.armed(a)), None)
    return None


CASUALTIES = frozenset({"killed", "wounded"})
_RESPONSIBILITY_REACH = 3  # sentences after a toll where "X claimed responsibility" still names its doer


def _claimed_by(seg: Segment, ctx: Context) -> str | None:
    """"The Islamic State group claimed responsibility for the attack": the doer of a toll told just before."""
    doc: Any = ctx.analysis.spacy_doc
    i = ctx.segment_index(seg)
    for later in ctx.segments[i:i + 1 + _RESPONSIBILITY_REACH]:
        for k in range(later.first_token, later.last_token):
            verb = doc[k]
            if verb.lemma_.lower() not in ctx.lex.responsibility_verbs:
                continue
            if not any(c.dep_ == "dobj" and c.lemma_.lower() in ctx.lex.responsibility_objects for c in verb.children):
                continue
            actors = [a for c in verb.children if c.dep_ == "nsubj" for a in _actors_under(c, ctx, later)]
            armed = [a for a in actors if ctx.armed(a)]
            if armed:
                return armed[0]
    return None


def _same_side_as_before(fig: Figure, ctx: Context) -> bool:
    """"... and seven others were injured", "while more than 60 were wounded": the side counted just before."""
    return fig.unit_token is None or fig.unit_token.lemma_.lower() in ctx.lex.sibling_nouns


def _state_people(fig: Figure, ctx: Context) -> bool:
    """"two soldiers", "four policemen": people of a state's forces."""
    return fig.unit_token is not None and fig.unit_token.lemma_.lower() in ctx.lex.state_nouns


def roles(fig: Figure, reading: Reading, ctx: Context) -> Roles:
    """Subject, agent and claimant of one figure; only armed actors do the killing, capturing or taking."""
    seg = fig.segment
    said_by = claimant(fig, ctx)
    verb = _verb_subject(reading, ctx, seg)
    subject = _counted_side(fig, reading, ctx, verb, said_by)
    agent = None
    by = _by_agent(reading.trigger, ctx, seg) if reading.trigger is not None else []
    doers = [a for a in verb.actors if ctx.armed(a)] if not verb.losing else []
    if reading.metric in AGENTIVE:
        agent = next((a for a in by if a != subject and ctx.armed(a)), None)
        if agent is None:
            agent = next((a for a in doers if a != subject), None)
        if agent is None and verb.pronoun and ctx.armed(said_by) and said_by != subject:
            agent = said_by
    if subject is None and _same_side_as_before(fig, ctx):
        subject = ctx._subjects.get(seg.start)
    if subject is None and _state_people(fig, ctx):
        subject = said_by if ctx.registry.kind(said_by) in ctx.lex.state_kinds else \
            _recent_armed(fig, ctx, exclude={agent, *doers}, kinds=ctx.lex.state_kinds)
    if subject is None and (reading.metric in SUBJECT_FALLBACK and fig.noun_class != "civilians"):
        subject = _recent_armed(fig, ctx, exclude={agent, said_by, *doers})
    if subject is not None:
        ctx._subjects[seg.start] = subject
    if reading.metric in AGENTIVE and agent is None and reading.trigger is not None:
        agent = _clause_doer(reading.trigger, subject, ctx, seg)
    if reading.metric in CASUALTIES and agent is None:
        agent = _owner_in_clause(fig, subject, ctx)
    if reading.metric in CASUALTIES and agent is None:
        agent = _claimed_by(seg, ctx)
        agent = agent if agent != subject else None
    if reading.metric in AGENTIVE and agent is None:
        agent = _recent_armed(fig, ctx, exclude={subject, said_by}, same_segment=True)
        speaker_did_it = ctx.armed(said_by) and said_by != subject and fig.noun_class != "civilians"
        if agent is None and speaker_did_it:
            agent = said_by
    return Roles(subject, agent, said_by)


def _recent_armed(fig: Figure, ctx: Context, exclude: set[str | None], same_segment: bool = False,
                  kinds: frozenset[str] | None = None) -> str | None:
    """The armed actor (of one of `kinds`, when given) most recently named before the figure (coreference by
    recency: "the group")."""
    start = fig.segment.start if same_segment else max(0, fig.start - _LOOKBACK_CHARS)
    for m in reversed(ctx.within(start, fig.start)):
        if m.actor in exclude or not ctx.armed(m.actor) or m.speaker or _backer(m, ctx) or _source(m, ctx):
            continue
        if kinds is None or ctx.registry.kind(m.actor) in kinds:
            return m.actor
    return None


def _backer(m: ActorMention, ctx: Context) -> bool:
    """"U.S.-backed fighters", "SDF-held areas": the name qualifies someone or something else."""
    after = ctx.analysis.document.text[m.end:m.end + 16].lower()
    return after.startswith(ctx.lex.backer_suffixes)


def _source(m: ActorMention, ctx: Context) -> bool:
    """"The SDF put the figure at ...": an actor speaking is a source, not a side the next figure counts."""
    doc: Any = ctx.analysis.spacy_doc
    k = bisect.bisect_right([t.idx for t in doc], m.start) - 1 if doc is not None else -1
    if k < 0:
        return False
    tok = doc[k]
    for _ in range(4):
        if tok.dep_ in ("nsubj", "agent") or tok.head is tok:
            break
        if tok.dep_ not in ("compound", "amod", "flat", "appos", "det", "poss"):
            return False
        tok = tok.head
    return tok.dep_ == "nsubj" and tok.head.lemma_.lower() in ctx.lex.reporting_verbs


# place and time ----------------------------------------------------------------------------------

def place_of(fig: Figure, toponyms: Sequence[Toponym]) -> str | None:
    """The resolved toponym nearest the figure in its clause."""
    seg = fig.segment
    near = [t for t in toponyms if t.place and seg.start <= t.start < seg.end]
    if not near:
        return None
    return min(near, key=lambda t: abs(t.start - fig.start)).place


def time_of(fig: Figure, times: Sequence[TimeExpression]) -> Interval | None:
    """The period phrase nearest the figure in its clause; "since X" is open-ended."""
    seg = fig.segment
    near = [t for t in times if seg.start <= t.start < seg.end and not _in_other_clause(fig, t)]
    if not near:
        return None
    best = min(near, key=lambda t: abs(t.start - fig.start))
    if best.role == "since":
        return Interval(best.interval.start, None, best.interval.inferred)
    if best.role == "until":
        return Interval(None, best.interval.end, best.interval.inferred)
    return best.interval


def _own_clause(tok: Any) -> bool:
    """A verb with its own subject heads a clause of its own."""
    return tok.pos_ in ("VERB", "AUX") and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in tok.children)


def _in_other_clause(fig: Figure, t: TimeExpression) -> bool:
    """A time phrase in a relative clause ("the enclave, under siege since 2013") or on a clause coordinated with
    the figure's ("took the town in May and 900 are still trapped") dates something else; one in the subject both
    clauses share ("the toll since May has reached 40 killed and 90 wounded") dates both."""
    doc = fig.number_token.doc
    k = bisect.bisect_right([tok.idx for tok in doc], t.start) - 1
    if k < 0:
        return False
    above = {fig.number_token.i, *(a.i for a in fig.number_token.ancestors)}
    tok = doc[k]
    hook = tok
    while tok.i not in above:
        if tok.dep_ == "relcl" or tok.dep_ == "acl" and _own_clause(tok):
            return True
        if tok.dep_ == "conj" and _own_clause(tok):
            return True
        if tok.head.i == tok.i:
            return False
        hook, tok = tok, tok.head
    meeting = tok.i
    shared_subject = hook.dep_ in ("nsubj", "nsubjpass")
    tok = fig.number_token
    path = {tok.i}
    while tok.i != meeting and tok.head.i != tok.i:
        subjects = [c.i for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        if tok.dep_ == "conj" and subjects and (any(i not in path for i in subjects) or not shared_subject):
            return True
        tok = tok.head
        path.add(tok.i)
    return False
