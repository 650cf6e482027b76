"""A fallback for happenings the learned coder is known to miss in news sentences: captures of places,
arrests, abductions (rare in ACLED's notes it learnt from, common in news). Consulted only for a sentence the
coder reads as no event; a predicate from `fallback_predicates` (data/acled.yaml) counts only with the right
kind of object — a place for a capture ('captured the town of X'), 'control of' a place, people for an
abduction, people of a kind ACLED codes the arrest of for an arrest (journalists, protesters, militants: not
crime suspects) — and only if its clause passes the same filters as the coder's readings. A predicate may be told as a
noun of the same lemma ('led to the arrest of five people'), with its 'of' phrase as the object, when its clause
reports it rather than comments on it (not its subject: 'the arrest of X drew condemnation'). A custody told
with the date it runs from ('in detention since 30 September', object kind `since`) tells the arrest that began
it."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from thucydides.knowledge.acled import FallbackPredicate, Taxonomy
from thucydides.ling.arguments import SUBJECT_DEPS, arguments
from thucydides.ling.context import DocContext
from thucydides.ling.tokens import VERBAL, children, lemma, span_head


def _is_place(ctx: DocContext, token: Token, taxonomy: Taxonomy) -> bool:
    """A toponym, a place noun ('the town'), or a place noun naming one ('the town of X')."""
    if ctx.toponyms.overlapping(token.idx, token.idx + len(token.text)):
        return True
    return lemma(token) in taxonomy.place_nouns


def _objects(head: Token) -> tuple[Token, ...]:
    """Who or what undergoes the predicate: a verb's object (its subject when passive), a noun's 'of' phrase
    ('the arrest of five people')."""
    args = arguments(head)
    if head.pos_ not in VERBAL:
        return tuple(o for p, o in args.preps if p == "of")
    return args.subjects if args.passive else args.objects


def _fits(ctx: DocContext, head: Token, predicate: FallbackPredicate, taxonomy: Taxonomy) -> bool:
    if predicate.object == "since":
        return _held_since(ctx, head)
    objects = _objects(head)
    if predicate.object == "place":
        # a place name straight after the verb is its object, however the parser hung it ('recaptured Mosul')
        named = [c for c in children(head, "advmod", "npadvmod") if c.i == head.i + 1]
        return any(_is_place(ctx, o, taxonomy) for o in (*objects, *named))
    if predicate.object == "control":
        controlled = [p for o in objects if lemma(o) == "control" for p in children(o, "prep")]
        return any(_is_place(ctx, obj, taxonomy) for p in controlled for obj in children(p, "pobj"))
    return _are_people(ctx, objects, taxonomy, political=predicate.object == "political")


def _are_people(ctx: DocContext, objects: tuple[Token, ...], taxonomy: Taxonomy, political: bool) -> bool:
    """Whether the objects are people, not places; with `political`, people ACLED codes the arrest of."""
    if not objects or any(_is_place(ctx, o, taxonomy) for o in objects):
        return False
    if not political:
        return True
    return _tells_armed_politics(ctx, taxonomy) or any(_is_political(ctx, o, taxonomy) for o in objects)


def _tells_armed_politics(ctx: DocContext, taxonomy: Taxonomy) -> bool:
    """Whether the report names an actor of a political or armed kind anywhere (militants, a rebel group,
    protesters): there, people arrested ('led to the arrest of five people' after a raid on militants) are
    taken in that conflict; a local crime report names none."""
    return any(m.kind in taxonomy.political_kinds for m in ctx.actors.items)


def _is_political(ctx: DocContext, token: Token, taxonomy: Taxonomy) -> bool:
    """Whether the people `token` names, with the words hung on it ('four members of the party', 'Ali, a
    blogger'), are of a kind ACLED codes an arrest of: a political noun, or an actor of a political or armed
    kind; an ordinary crime suspect ('a 24-year-old man', 'the suspect') is neither."""
    words = token.doc[token.left_edge.i:token.right_edge.i + 1]
    if any(lemma(w) in taxonomy.political_nouns for w in words):
        return True
    mentions = ctx.actors.overlapping(words.start_char, words.end_char)
    return any(m.kind in taxonomy.political_kinds for m in mentions)


def _held_since(ctx: DocContext, word: Token) -> bool:
    """'in pretrial detention since 30 September': a state of being held, told on the same verb as the date it
    runs from, which is when the arrest that began it happened (the events stage's custody date step dates it);
    a date hung on anything else ('three in detention, five serving sentences since 2020') is not the custody's."""
    verb = _verb_of(word)
    if verb is None:
        return False
    sentence = word.sent
    for t in ctx.times.within(sentence.start_char, sentence.end_char):
        head = span_head(ctx.doc, t.start, t.end)
        if t.role == "since" and head is not None and (held := _verb_of(head)) is not None and held.i == verb.i:
            return True
    return False


def _verb_of(token: Token) -> Token | None:
    """The verb `token` is told on, through prepositions only ('been in detention', 'held since May'); None when
    it hangs on something else."""
    while token.pos_ not in VERBAL and token.dep_ in {"pobj", "prep"} and token.head.i != token.i:
        token = token.head
    return token if token.pos_ in VERBAL else None


def _told_as_news(noun: Token) -> bool:
    """Whether a noun naming a happening is what its clause reports ('led to the arrest of five', 'announced the
    capture of the town'), not the topic it comments on ('the arrest of X sent a chilling message'): it is no
    subject, nor inside one, below its clause's verb."""
    token = noun
    while token.pos_ not in VERBAL and token.head.i != token.i:
        if token.dep_ in SUBJECT_DEPS:
            return False
        token = token.head
    return token.pos_ in VERBAL


def readings(ctx: DocContext, span: Span, taxonomy: Taxonomy, nouns: bool = True) -> Iterator[tuple[Token, str]]:
    """(predicate token, sub-event type) for every fallback predicate of the span that has its object: a verb,
    or (with `nouns`) a noun of the same lemma that its clause reports ('the arrest of five people')."""
    for token in span:
        if token.pos_ not in VERBAL and not (nouns and token.pos_ == "NOUN" and _told_as_news(token)):
            continue
        for predicate in taxonomy.fallback_predicates:
            if lemma(token) in predicate.lemmas and _fits(ctx, token, predicate, taxonomy):
                yield token, predicate.sub_event_type
                break
