"""Control statements read from report text on spaCy's dependency parse.

The stored mentions say where actors and places are named; the parse says how they relate. A cue word
from `data/control.yaml` (hold, under ... control, X-held, captured, expelled from, withdrew from,
besieged, the last pocket of X) is read by its role pattern — who is its subject, object or agent, what
follows "from" or "under" — never by matching a sentence. Only sentences that name an actor and a place
and contain a cue are parsed, so a large store costs little.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc, Token

from thucydides.corpus.control import (
    ControlSettings,
    ControlStatement,
    PlaceTimeline,
    StatementKind,
    build_timelines,
    control_settings,
    not_told_twice,
    published_dates,
    statements_from_claims,
    statements_from_events,
)
from thucydides.knowledge.control import ControlLexicon, control_lexicon
from thucydides.knowledge.lexicons import lexicons
from thucydides.ling.arguments import SUBJECT_DEPS
from thucydides.ling.tokens import NOUN_MODIFIER_DEPS
from thucydides.model import Claim, Document, Event, Evidence, Interval, Mention, Place

SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n\s*\n|\n(?=\S)")


@dataclass(frozen=True)
class Sentence:
    """A stretch of a document that names at least one actor and one place, and the mentions in it."""

    doc: Document
    start: int
    end: int
    actors: tuple[Mention, ...]
    places: tuple[Mention, ...]


@dataclass(frozen=True)
class Reading:
    """What one cue says: its kind, the actor it is about, the places, the previous holder."""

    kind: StatementKind
    actor: str | None
    places: tuple[str, ...]
    previous: str | None = None
    weak: bool = False


class _Context:
    """Mentions of one parsed sentence, looked up by token."""

    def __init__(self, sentence: Sentence, parsed: Doc) -> None:
        self.sentence = sentence
        self.parsed = parsed

    def _refs(self, tokens: Iterable[Token], mentions: Sequence[Mention]) -> list[str]:
        out: list[str] = []
        for tok in tokens:
            begin = self.sentence.start + tok.idx
            end = begin + len(tok.text)
            for m in mentions:
                if m.ref and m.start < end and begin < m.end and m.ref not in out:
                    out.append(m.ref)
        return out

    def actors(self, tokens: Iterable[Token]) -> list[str]:
        return self._refs(tokens, self.sentence.actors)

    def places(self, tokens: Iterable[Token]) -> list[str]:
        return self._refs(tokens, self.sentence.places)


def _children(tok: Token, deps: frozenset[str] | set[str]) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def _subtree(tok: Token, skip: Token | None = None) -> list[Token]:
    """tok's subtree, less the subtree of `skip` (the cue itself, when it hangs below)."""
    dropped = {t.i for t in skip.subtree} if skip is not None else set()
    return [t for t in tok.subtree if t.i not in dropped]


def _subject(verb: Token) -> list[Token]:
    """The subject tokens of a verb: its own, a relative clause's antecedent, or a coordinated verb's."""
    own = _children(verb, SUBJECT_DEPS)
    if own:
        if own[0].tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
            return [verb.head]
        return [t for s in own for t in s.subtree]
    if verb.dep_ in ("conj", "xcomp", "advcl", "acomp") and verb.head is not verb:
        return _subject(verb.head)  # 'X was able to take Y': X, through the adjective
    if verb.dep_ == "relcl":
        return [verb.head]
    return []


def _passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def _agent(verb: Token) -> list[Token]:
    return [t for a in _children(verb, {"agent"}) for t in a.subtree]


def _objects(verb: Token) -> list[Token]:
    return [t for o in _children(verb, {"dobj", "obj", "attr", "oprd"}) for t in o.subtree]


def _core(tokens: Sequence[Token], containers: frozenset[str]) -> list[Token]:
    """An argument without the places it is said to lie in ('villages in Deir ez-Zor': the villages)."""
    ids = {t.i for t in tokens}
    dropped: set[int] = set()
    for t in tokens:
        if t.dep_ == "prep" and t.lower_ in containers and t.head.i in ids:
            dropped |= {x.i for x in t.subtree}
    return [t for t in tokens if t.i not in dropped]


def _prep_objects(tok: Token, preps: frozenset[str]) -> list[Token]:
    """Tokens under tok's prepositions in `preps` ("from Hajin", "out of Hajin")."""
    out: list[Token] = []
    for child in tok.children:
        if child.dep_ in ("prep", "prt", "advmod") and child.lower_ in preps:
            out += [t for t in child.subtree if t is not child]
    return out


def _from_on_objects(verb: Token) -> list[Token]:
    """'took the town from ISIS control' parsed with 'from' on the town: what the object is taken from."""
    return [t for o in _children(verb, {"dobj", "obj"}) for t in _prep_objects(o, frozenset({"from"}))]


def _negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" for c in tok.children)


def _irrealis(tok: Token, lex: ControlLexicon, reach: int) -> bool:
    """'an attempt to capture', 'plans to take', 'will seize': not a fact of control."""
    if any(c.dep_ == "aux" and c.lower_ in lexicons().modal_auxiliaries for c in tok.children):
        return True
    head = tok
    for _ in range(reach):
        if head.dep_ not in ("xcomp", "acl", "advcl", "pcomp", "pobj", "prep", "ccomp") or head.head is head:
            return False
        head = head.head
        if head.lemma_.lower() in lex.irrealis_heads:
            return True
    return False


class TextReader:
    """Reads control statements from sentences, one cue word at a time."""

    def __init__(self, lex: ControlLexicon, settings: ControlSettings) -> None:
        self.lex = lex
        self.settings = settings

    def _core(self, tokens: Sequence[Token]) -> list[Token]:
        return _core(tokens, self.lex.container_preps)

    def _doer(self, subject: Sequence[Token], cue: Token, ctx: _Context) -> list[str]:
        return _doer(subject, cue, ctx, self.settings.reporter_reach)

    def read(self, ctx: _Context) -> Iterator[tuple[Token, Reading]]:
        for tok in ctx.parsed:
            reading = self.read_cue(tok, ctx)
            if reading is not None and reading.places and (reading.actor or reading.previous):
                yield tok, reading

    def read_cue(self, tok: Token, ctx: _Context) -> Reading | None:
        lemma = tok.lemma_.lower()
        lex = self.lex
        if tok.pos_ in ("VERB", "AUX", "ADJ") and not _irrealis(tok, lex, self.settings.irrealis_reach):
            for words, reader in ((lex.hold_verbs, self._hold), (lex.capture_verbs, self._capture),
                                  (lex.fall_verbs, self._fall), (lex.loss_verbs, self._loss),
                                  (lex.expel_verbs, self._expel), (lex.withdraw_verbs, self._withdraw),
                                  (lex.siege_verbs, self._siege)):
                if lemma in words:
                    return reader(tok, ctx)
        if tok.pos_ in ("NOUN", "PROPN"):
            return self._noun_cue(tok, lemma, ctx)
        return None

    def _noun_cue(self, tok: Token, lemma: str, ctx: _Context) -> Reading | None:
        lex = self.lex
        if lemma in lex.control_nouns and tok.head.dep_ == "prep" and tok.head.lower_ in lex.control_preps:
            return self._under_control(tok, ctx)
        if lemma in lex.capture_nouns and not _irrealis(tok, lex, self.settings.irrealis_reach):
            return self._capture_noun(tok, ctx)
        if lemma in lex.enclave_nouns:
            return self._enclave(tok, ctx)
        return None

    # --- holding -------------------------------------------------------------------------------------------
    def _hold(self, tok: Token, ctx: _Context) -> Reading | None:
        if tok.dep_ in ("amod", "compound", "acl") and tok.head is not tok:
            return self._held_noun(tok, ctx)
        if _passive(tok):
            holder, places = ctx.actors(_agent(tok)), ctx.places(self._core(_children_subtrees(tok, {"nsubjpass"})))
        else:
            holder, places = self._doer(_subject(tok), tok, ctx), ctx.places(self._core(_objects(tok)))
        if not holder:
            return None
        return Reading("lost" if _negated(tok) else "holds", holder[0], tuple(places))

    def _held_noun(self, tok: Token, ctx: _Context) -> Reading | None:
        """'ISIS-held villages', 'the villages held by ISIS': the noun's places, the holder on the cue."""
        holder = ctx.actors(_agent(tok)) or ctx.actors([t for t in tok.subtree if t.i < tok.i])
        if not holder:
            return None
        return Reading("holds", holder[0], tuple(ctx.places(self._core(_subtree(tok.head, skip=tok)))))

    def _under_control(self, tok: Token, ctx: _Context) -> Reading | None:
        """'under ISIS control', 'in the hands of the SDF': what the prepositional phrase hangs on."""
        holder = ctx.actors(_subtree(tok))
        if not holder:
            return None
        prep = tok.head
        anchor = prep.head
        if anchor.pos_ in ("VERB", "AUX"):
            kind: StatementKind = "takeover" if anchor.lemma_.lower() in self.lex.fall_verbs else "holds"
            return Reading(kind, holder[0], tuple(ctx.places(_subject(anchor) + _objects(anchor))))
        return Reading("holds", holder[0], tuple(ctx.places(_subtree(anchor, skip=prep))))

    def _enclave(self, tok: Token, ctx: _Context) -> Reading | None:
        """'the last pocket of X lies between A and B': a weak statement that X holds what bounds it."""
        holder = ctx.actors(_enclave_holder_tokens(tok, self.lex))
        if not holder:
            return None
        places: list[str] = []
        if tok.dep_ in SUBJECT_DEPS and tok.head.lemma_.lower() in self.lex.enclave_verbs:
            places = ctx.places(_subtree(tok.head, skip=tok))
        places += ctx.places(_prep_objects(tok, self.lex.bound_preps))
        return Reading("holds", holder[0], tuple(dict.fromkeys(places)), weak=True)

    # --- changes of hands ----------------------------------------------------------------------------------
    def _capture(self, tok: Token, ctx: _Context) -> Reading | None:
        if _negated(tok):
            return None
        if _passive(tok):
            taker, places = ctx.actors(_agent(tok)), ctx.places(self._core(_children_subtrees(tok, {"nsubjpass"})))
        else:
            taker, places = self._doer(_subject(tok), tok, ctx), ctx.places(self._core(_objects(tok)))
        previous = ctx.actors(_prep_objects(tok, self.lex.source_preps) + _from_on_objects(tok))
        return _change(taker, places, previous)

    def _capture_noun(self, tok: Token, ctx: _Context) -> Reading | None:
        """'the capture of Hajin by the SDF', 'the fall of Raqqa to the SDF', 'ISIS's loss of Mosul'."""
        places = ctx.places(_prep_objects(tok, frozenset({"of"})))
        by = ctx.actors(_prep_objects(tok, frozenset({"by", "to"})))
        owner = ctx.actors(_children_subtrees(tok, {"poss"}))
        previous = ctx.actors(_prep_objects(tok, self.lex.source_preps - {"of"}))
        if tok.lemma_.lower() in self.lex.loser_nouns:
            return _change(by, places, owner)
        return _change(by or owner, places, previous)

    def _fall(self, tok: Token, ctx: _Context) -> Reading | None:
        """'Y fell to X'."""
        taker = ctx.actors(_prep_objects(tok, frozenset({"to", "into"})))
        return _change(taker, ctx.places(_subject(tok)), [])

    def _loss(self, tok: Token, ctx: _Context) -> Reading | None:
        """'X lost Y (to Z)'."""
        if _passive(tok):
            return _change(ctx.actors(_agent(tok)), ctx.places(_children_subtrees(tok, {"nsubjpass"})), [])
        taker = ctx.actors(_prep_objects(tok, frozenset({"to"})))
        return _change(taker, ctx.places(self._core(_objects(tok))), ctx.actors(_subject(tok)))

    def _expel(self, tok: Token, ctx: _Context) -> Reading | None:
        """'Z drove X out of Y'; 'X was expelled from Y (by Z)'."""
        places = ctx.places(_prep_objects(tok, self.lex.source_preps))
        if _passive(tok):
            return _change(ctx.actors(_agent(tok)), places, ctx.actors(_children_subtrees(tok, {"nsubjpass"})))
        return _change(ctx.actors(_subject(tok)), places, ctx.actors(_objects(tok)))

    def _withdraw(self, tok: Token, ctx: _Context) -> Reading | None:
        """'X withdrew from Y'."""
        places = ctx.places(_prep_objects(tok, self.lex.source_preps))
        return _change([], places, ctx.actors(_subject(tok)))

    def _siege(self, tok: Token, ctx: _Context) -> Reading | None:
        if _passive(tok):
            besieger, places = ctx.actors(_agent(tok)), ctx.places(_children_subtrees(tok, {"nsubjpass"}))
        elif tok.dep_ in ("amod", "acl") and tok.head is not tok:
            besieger, places = ctx.actors(_agent(tok)), ctx.places([tok.head])
        else:
            besieger, places = ctx.actors(_subject(tok)), ctx.places(_objects(tok))
        if not besieger:
            return None
        return Reading("contests", besieger[0], tuple(places))


def _children_subtrees(tok: Token, deps: frozenset[str] | set[str]) -> list[Token]:
    return [t for c in _children(tok, deps) for t in c.subtree]


def _enclave_holder_tokens(tok: Token, lex: ControlLexicon) -> list[Token]:
    """Who an enclave belongs to: 'ISIS's pocket', 'the ISIS pocket', 'the pocket of ISIS', 'under ISIS control'."""
    out = _children_subtrees(tok, NOUN_MODIFIER_DEPS)
    out += _prep_objects(tok, frozenset({"of"}))
    for child in tok.children:
        if child.dep_ == "relcl" or (child.dep_ == "prep" and child.lower_ in lex.control_preps):
            out += [t for t in child.subtree
                    if t.lemma_.lower() in lex.control_nouns or t.ent_type_ or t.pos_ == "PROPN"]
    return out


def _change(taker: Sequence[str], places: Sequence[str], previous: Sequence[str]) -> Reading | None:
    lost = [p for p in previous if p not in taker]
    if taker:
        return Reading("takeover", taker[0], tuple(places), lost[0] if lost else None)
    if lost:
        return Reading("lost", lost[0], tuple(places))
    return None


# --- over documents -------------------------------------------------------------------------------------------

def candidate_sentences(documents: Iterable[Document], mentions: Iterable[Mention],
                        lex: ControlLexicon) -> Iterator[Sentence]:
    """Sentences that name an actor and a place and contain a cue word: the only ones worth parsing."""
    by_doc: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.kind in ("actor", "place") and m.ref:
            by_doc.setdefault(m.doc, []).append(m)
    cue = lex.prefilter()
    for doc in documents:
        found = sorted(by_doc.get(doc.id, []), key=lambda m: m.start)
        if found:
            yield from _sentences_of(doc, found, cue)


def _sentences_of(doc: Document, found: Sequence[Mention], cue: re.Pattern[str]) -> Iterator[Sentence]:
    text = doc.analysis_text
    for start, end in _sentence_bounds(text):
        inside = [m for m in found if start <= m.start and m.end <= end]
        actors = tuple(m for m in inside if m.kind == "actor")
        places = tuple(m for m in inside if m.kind == "place")
        if actors and places and cue.search(text, start, end):
            yield Sentence(doc, start, end, actors, places)


def _sentence_bounds(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for match in SENTENCE_BREAK.finditer(text):
        if text[start:match.start()].strip():
            yield start, match.start()
        start = match.end()
    if text[start:].strip():
        yield start, len(text)


def _doer(subject: Sequence[Token], cue: Token, ctx: _Context, reach: int) -> list[str]:
    """The actors a subject names; 'its forces', 'they', 'we' stand for whoever the clause is reported from."""
    named = ctx.actors(subject)
    if named or not any(t.lower_ in lexicons().group_pronouns for t in subject):
        return named
    speaker = _reporter(cue, ctx, reach)
    return [speaker] if speaker else []


def _claimant(cue: Token, ctx: _Context, reach: int) -> str | None:
    """'according to X', or X as the subject of a reporting verb the cue's clause hangs on."""
    for tok in ctx.parsed:
        if tok.lower_ == "according":
            named = ctx.actors(_prep_objects(tok, frozenset({"to"})))
            if named:
                return named[0]
    return _reporter(cue, ctx, reach)


def _reporter(cue: Token, ctx: _Context, reach: int) -> str | None:
    """X when the cue's clause hangs on 'X said / insisted / claimed ...'."""
    head = cue
    for _ in range(reach):
        if head.head is head:
            break
        head = head.head
        if head.lemma_.lower() in lexicons().reporting_verbs:
            named = ctx.actors(_subject(head))
            return named[0] if named else None
    return None


def read_statements(documents: Sequence[Document], mentions: Iterable[Mention], nlp: Language,
                    settings: ControlSettings, lex: ControlLexicon | None = None) -> list[ControlStatement]:
    """Every control statement in the documents' text, dated by the document's publication."""
    lex = lex or control_lexicon()
    reader = TextReader(lex, settings)
    sentences = list(candidate_sentences(documents, mentions, lex))
    texts = (s.doc.analysis_text[s.start:s.end] for s in sentences)
    out: list[ControlStatement] = []
    for sentence, parsed in zip(sentences, nlp.pipe(texts, batch_size=64), strict=True):
        ctx = _Context(sentence, parsed)
        for cue, reading in reader.read(ctx):
            out += _statements(sentence, cue, reading, _claimant(cue, ctx, settings.reporter_reach), settings)
    return out


def _statements(sentence: Sentence, cue: Token, reading: Reading, claimant: str | None,
                settings: ControlSettings) -> list[ControlStatement]:
    doc = sentence.doc
    evidence = Evidence.of(doc, sentence.start, sentence.end)
    confidence = settings.enclave_confidence if reading.weak else settings.text_confidence
    when: Interval | None = doc.published
    base = ControlStatement("", reading.kind, reading.actor, evidence, when, previous=reading.previous,
                            claimant=claimant, confidence=confidence)
    return [replace(base, place=p) for p in reading.places]



def control_timelines(documents: Sequence[Document], events: Iterable[Event], claims: Iterable[Claim],
                      mentions: Iterable[Mention], places: Iterable[Place], nlp: Language | None = None,
                      settings: ControlSettings | None = None) -> list[PlaceTimeline]:
    """Timelines from stored records: takeover events, territory claims and the text's control phrases."""
    settings = settings or control_settings()
    if nlp is None:
        from thucydides.ling.spacy_model import load_model

        nlp = load_model()
    published = published_dates(documents)
    statements = statements_from_events(events, published, settings)
    statements += not_told_twice(read_statements(documents, mentions, nlp, settings), statements)
    statements += statements_from_claims(claims, published, settings)
    return build_timelines(statements, places, settings)
