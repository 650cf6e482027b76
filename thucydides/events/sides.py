"""A learned chooser of actor 2 among the sides a happening's paragraph names (step `side_model`).

The hand-written actor 2 steps read the anchor clause's grammar; where none of them reads a side, the sides the
paragraph names still hold ACLED's actor 2 more often than not ('government security forces (X) ... followed by an
exchange of gunfire with Y': the first armed mention, 'government', is no side). Each side named is described by
a few coarse features (its grammatical role, where it stands against the anchor, its inter code beside actor 1's,
how exactly it is named, the sub-event type) and scored by a logistic model fitted on ACLED's train notes with
ACLED's actor 2 as the label (`python -m thucydides.learn.side_model`, data/models/side_model.json). The best
side is actor 2 where its probability reaches `stages.events.side_model_threshold`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextvars import ContextVar
from dataclasses import dataclass

from spacy.tokens import Token

from thucydides.events.roles import CIVILIANS_KEY, VAGUE, RoleContext, _phrase_head, _settled, in_label
from thucydides.knowledge.side_model import side_model as load_side_model
from thucydides.model import ActorMention

AGENT_DEPS = frozenset({"agent"})
ROLE_PREPOSITIONS = frozenset({"with", "against", "between", "by", "on", "at", "in", "near", "of", "from", "to",
                               "and", "among", "targeting", "for"})
"""Prepositions a side's phrase may hang on, each its own feature ('clashed with X', 'in the municipality of X');
any other is 'prep:other'."""
DISTANCE_BUCKETS = (3, 8, 15)
"""Token distances to the anchor told apart (within 3, 8, 15 tokens, further)."""


@dataclass(frozen=True)
class Side:
    """A side the paragraph names, as the model sees it."""

    actor: str
    """The actor it settles to for the event's country."""
    start: int
    """Where its first mention starts."""
    features: tuple[str, ...]


@dataclass(frozen=True)
class SideRecord:
    """What `side_model` saw of one sighting, kept while a learner records (`recording`)."""

    document: str
    start: int
    end: int
    sub_event_type: str
    actor1: str | None
    actor2: str | None
    step2: str | None
    sides: tuple[Side, ...]


recording: ContextVar[list[SideRecord] | None] = ContextVar("side_recording", default=None)
"""Set to a list by `learn.side_model` to collect every sighting's sides; None (the default) records nothing."""


def record(rc: RoleContext, actor2: str | None, step2: str | None) -> None:
    """Keep the sighting's sides while a learner records."""
    out = recording.get()
    if out is None:
        return
    c = rc.candidate
    out.append(SideRecord(rc.doc.analysis.document.name or "", c.start, c.end, c.sub_event_type, rc.actor1, actor2,
                          step2, tuple(sides(rc))))


def _paragraph_mentions(rc: RoleContext) -> list[ActorMention]:
    segments = rc.doc.segments
    paragraph = rc.candidate.sentence.paragraph
    start, end = segments.paragraphs[paragraph] if 0 <= paragraph < len(segments.paragraphs) \
        else (rc.candidate.sentence.start, rc.candidate.end)
    return [m for m in rc.doc.actors.within(start, max(end, rc.candidate.end)) if not m.speaker]


def sides(rc: RoleContext) -> Iterator[Side]:
    """Each actor the paragraph names that could be actor 2 (not actor 1, not a non-participant), with the features
    of its first mention, in the order named."""
    seen: set[str] = set()
    rank = 0
    for mention in _paragraph_mentions(rc):
        token = rc.doc.token_at(mention.start)
        actor = _settled(rc, mention) if token is not None and not in_label(token) else None
        if actor is None or actor in seen or token is None:
            continue
        seen.add(actor)
        yield Side(actor, mention.start, features(rc, mention, token, actor, rank))
        rank += 1


def features(rc: RoleContext, mention: ActorMention, token: Token, actor: str, rank: int) -> tuple[str, ...]:
    """The coarse features of a side named by `mention` (see the module's docstring)."""
    head = _phrase_head(token)
    anchor = rc.candidate.anchor
    sub = rc.candidate.sub_event_type
    role = _role(head, anchor)
    inter = rc.base.inter(actor, rc.country)
    inter1 = rc.base.inter(rc.actor1, rc.country) if rc.actor1 else None
    exact = ("named", "generic", "vague")[rc.exactness(mention)]
    where = _where(rc, token)
    out = [f"role:{role}", f"where:{where}", f"rank:{min(rank, 2)}", f"inter:{inter}", f"pair:{inter1}-{inter}",
           f"exact:{exact}", f"sub:{sub}", f"sub_inter:{sub}|{inter}", f"sub_role:{sub}|{role}",
           f"kind:{rc.base.kind(actor)}"]
    if rc.base.generic_key(actor) == CIVILIANS_KEY:
        out.append(f"civilians:{sub}")
    if mention.end < head.idx + len(head.text) and head.i != token.i:
        out.append("inside_phrase")  # 'government' in 'government security forces': the phrase names another
    if inter is not None and inter == inter1:
        out.append("same_inter")
    if exact == ("named", "generic", "vague")[VAGUE]:
        out.append(f"vague:{sub}")
    return tuple(out)


def _role(head: Token, anchor: Token) -> str:
    """The side's grammatical role: its phrase head's dependency, a preposition's own word, 'of the anchor' when
    it hangs on the anchor itself."""
    dep = head.dep_
    if dep == "conj":
        first = head
        while first.dep_ == "conj" and first.head is not first:
            first = first.head
        dep = first.dep_
        head = first
    if dep == "pobj":
        prep = head.head.lower_
        word = prep if prep in ROLE_PREPOSITIONS else "other"
        on_anchor = head.head.head.i == anchor.i
        return f"prep:{word}{':anchor' if on_anchor else ''}"
    if dep in AGENT_DEPS:
        return "agent"
    on_anchor = head.head.i == anchor.i and head.i != anchor.i
    kind = dep if dep in {"nsubj", "nsubjpass", "dobj", "appos", "compound", "poss", "ROOT"} else "other"
    return f"{kind}{':anchor' if on_anchor else ''}"


def _where(rc: RoleContext, token: Token) -> str:
    """Where the side stands against the anchor: its sentence before or after, or before or after the anchor in
    the same sentence, by token distance."""
    anchor = rc.candidate.anchor
    if token.sent.start != anchor.sent.start:
        return "sentence_before" if token.i < anchor.i else "sentence_after"
    distance = abs(token.i - anchor.i)
    bucket = next((str(b) for b in DISTANCE_BUCKETS if distance <= b), "far")
    return f"{'before' if token.i < anchor.i else 'after'}:{bucket}"


def side_model(rc: RoleContext) -> str | None:
    """The side the paragraph names that the learned model finds likeliest to be ACLED's actor 2, where its
    probability reaches the threshold."""
    model = load_side_model()
    best: tuple[float, str] | None = None
    for side in sides(rc):
        p = model.probability(side.features)
        if best is None or p > best[0]:
            best = (p, side.actor)
    return best[1] if best is not None and best[0] >= rc.side_threshold else None


SIDE_STEPS: Mapping[str, Callable[[RoleContext], str | None]] = {"side_model": side_model}
