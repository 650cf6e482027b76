"""Who says a figure: named, ordered steps (`stages.claims.claimant_steps`), the first that finds a source wins.

headline ("X: ..."), attribution_phrase ("according to X"), reporting_subject (the subject of the telling
verb the figure hangs from, or of the sentence's main one), quoted_speaker (a quotation's speaker in the
sentences around it), first_person ("our fighters": whoever spoke just before), paragraph_carry (a sentence
with no source of its own goes on in the voice of its paragraph), statement_carry (paragraphs after "X said:"
are X's statement), publisher (a monitor's own release).
None found: the outlet says it in its own voice. Any speaker is a source: a known actor, an office or force
described from its words, a person (resolved to the organisation the report says they speak for), or a
pronoun or "the spokesman" pointing back to the last speaker.
"""

from __future__ import annotations

from collections.abc import Mapping

from spacy.tokens import Span, Token

from thucydides.claims.cast import entity_of
from thucydides.claims.context import Context, Step
from thucydides.claims.figures import Figure, Segment
from thucydides.claims.metric import Reading
from thucydides.knowledge.actors import PERSONAL_KINDS
from thucydides.knowledge.lexicons import lexicons
from thucydides.ling.anaphora import is_definite_back_reference, is_pronoun
from thucydides.ling.arguments import SUBJECT_DEPS, subjects
from thucydides.ling.clauses import describes_a_noun
from thucydides.ling.tokens import ancestors, conjuncts, forms

_QUOTES_OPEN = "\"“‘«"
_QUOTES = "\"“”«»"


UNNAMED = ""
"""A source the text gives no name for ("a nurse said"): it speaks, so no earlier source carries over."""


def speaker_of(token: Token, seg: Segment, ctx: Context) -> str | None:
    """The source a speaker phrase stands for: named, described, or pointing back to the last speaker;
    UNNAMED when it is a speaker the text does not name."""
    if is_pronoun(token):
        return _pronoun_speaker(token, seg, ctx)
    known = ctx.cast.mention_at(token, generic=False)
    if known is not None:
        return known
    entity = _person_named_before(token) or entity_of(token)
    if entity is not None and entity.label_ == "PERSON":
        return _person(entity, seg, ctx)
    if _bare_back_reference(token):
        return _back_reference(token, seg, ctx)
    return _named_speaker(token, seg, ctx)


def _named_speaker(token: Token, seg: Segment, ctx: Context) -> str | None:
    """A speaker named by its own words ("the disaster management department": the name given before), else
    by whose they are ("its spokesman", "the group's leader")."""
    found = antecedent_holding(token, ctx) if is_definite_back_reference(token) else None
    found = found or ctx.cast.named_by(token, speaking=True) or _owner_speaks(token, seg, ctx)
    found = found or _titled_source(token, ctx)
    if found is not None:
        return found
    return UNNAMED if token.pos_ in ("NOUN", "PROPN") else None


_SOURCE_ENTITY_TYPES = frozenset({"", "ORG", "WORK_OF_ART", "LAW", "PRODUCT"})
"""Entity types a cited title may carry ("according to the Global Terrorism Index"); never a place or a date."""


def _titled_source(token: Token, ctx: Context) -> str | None:
    """'according to the Global Terrorism Index 2025': a title-case name the tagger left untagged (or took for a
    work) is a source by that name."""
    if token.pos_ != "PROPN" or token.ent_type_ not in _SOURCE_ENTITY_TYPES:
        return None
    words = [t for t in token.doc[token.left_edge.i:token.i] if t.dep_ != "det"]
    if not words or not all(w.is_title and w.pos_ == "PROPN" for w in words) \
            or any(w.ent_type_ not in _SOURCE_ENTITY_TYPES for w in words):
        return None  # one capitalised word is no title ("Kabul said")
    return ctx.cast.base.discover(ctx.doc[words[0].i:token.i + 1].text).id


def _owner_speaks(token: Token, seg: Segment, ctx: Context) -> str | None:
    """'its spokesman said', 'the group's leader said': one who speaks for an owner the text points back to
    speaks in the owner's voice."""
    owner = next((c for c in token.children if c.dep_ == "poss"), None)
    if owner is None:
        return None
    if is_pronoun(owner):
        return _pronoun_speaker(owner, seg, ctx)
    return _back_reference(owner, seg, ctx) or None if is_definite_back_reference(owner) else None


def _pronoun_speaker(token: Token, seg: Segment, ctx: Context) -> str | None:
    """'he said': the last named speaker, else the person named last; 'it said': the last speaker, else the
    subject of the sentence before, else the organisation named last."""
    found = last_speaker(seg, ctx, ctx.cfg.pronoun_reach, named=True)
    if found is not None:
        return found
    if token.lower_ in lexicons().person_pronouns:
        person = next((e for e in reversed(token.doc.ents) if e.label_ == "PERSON" and e.end <= token.i), None)
        return _person(person, seg, ctx) if person is not None else None
    return _subject_before(seg, ctx) or antecedent_group(token, ctx)


def _subject_before(seg: Segment, ctx: Context) -> str | None:
    """'The defence ministry gave no toll. It said ...': the subject of the sentence just before."""
    if seg.index == 0:
        return None
    before = ctx.segments[seg.index - 1]
    roots = [t for t in ctx.tokens(before) if t.dep_ == "ROOT"]
    subjects = [c for r in roots for c in r.children if c.dep_ in ("nsubj", "nsubjpass")]
    return next(filter(None, (ctx.cast.named_by(s, speaking=True) for s in subjects)), None)


def _person_named_before(token: Token) -> Span | None:
    """'Eguiluz told VOA', 'Alasow said': a surname spaCy did not tag here, of a person named before (tagged, or
    a name the text introduced as the head of a titled phrase)."""
    if token.pos_ != "PROPN" or token.ent_type_ == "PERSON":
        return None
    tagged = next((e for e in token.doc.ents if _names_person(e, token)), None)
    if tagged is not None or token.ent_type_:
        return tagged
    first = [t for t in token.doc[:token.i] if t.text == token.text]
    return _name_ending_at(first[0]) if first else None


def _names_person(entity: Span, token: Token) -> bool:
    return entity.label_ == "PERSON" and entity.start < token.i and any(t.text == token.text for t in entity)


def _name_ending_at(last: Token) -> Span:
    """The run of proper nouns ending at `last` ("Omar Osman Alasow"), as a person's name."""
    start = last.i
    while start > max(0, last.i - 3) and last.doc[start - 1].pos_ == "PROPN":
        start -= 1
    return Span(last.doc, start, last.i + 1, label="PERSON")


def _back_reference(token: Token, seg: Segment, ctx: Context) -> str | None:
    """'the ministry said': an earlier name holding the noun ("the Iraqi Ministry of Defence"); 'the spokesman':
    the organisation that spoke last; 'the military': the country's forces; 'the group': the organisation
    named last."""
    words = ctx.lex
    found = antecedent_holding(token, ctx) or _earlier_phrase(token, seg, ctx)
    if found is None and token.lemma_.lower() in words.speaker_nouns:
        found = last_speaker(seg, ctx, ctx.cfg.anaphor_reach, institutional=True) or None
    if found is None:
        found = ctx.cast.named_by(token, speaking=True)
    if found is None and token.lemma_.lower() in words.group_nouns:
        found = antecedent_group(token, ctx)
    return found if found is not None else UNNAMED


def _earlier_phrase(token: Token, seg: Segment, ctx: Context) -> str | None:
    """'Niger's defence ministry spoke ... The ministry added': the fuller phrase the noun was named by before."""
    for before in reversed(ctx.segments[max(0, seg.index - ctx.cfg.anaphor_reach):seg.index]):
        fuller = [t for t in ctx.tokens(before) if t.lower_ == token.lower_
                  and any(c.dep_ not in ("det", "punct") for c in t.children)]
        found = next(filter(None, (ctx.cast.named_by(t, speaking=True) for t in fuller)), None)
        if found is not None:
            return found
    return None


def antecedent_holding(token: Token, ctx: Context) -> str | None:
    """'the ministry', 'the disaster management department': an earlier name holding the noun and its modifiers
    ("Department of Disaster Management Affairs")."""
    start = max(0, token.idx - ctx.cfg.lookback_chars)
    words = {token.lower_, *(c.lower_ for c in token.children if c.dep_ in ("compound", "amod"))}
    for m in reversed(ctx.cast.within(start, token.idx)):
        if words <= set(m.text.lower().split()):
            return m.actor
    return None


def _person(entity: Span, seg: Segment, ctx: Context) -> str | None:
    """A person speaks for the organisation the report gives them; one introduced by a bare title
    ("Spokesman Yahya Rasool") for the source named just before; else for themselves."""
    found = ctx.cast.affiliation(ctx.cast.introduction(entity) or entity)
    if found is None and ctx.cast.titled(entity, ctx.lex.anaphoric_speakers):
        found = last_speaker(seg, ctx, ctx.cfg.anaphor_reach) or None
    return found or ctx.cast.person(entity)


def antecedent_group(token: Token, ctx: Context) -> str | None:
    """'the group said', 'it said': the organisation named last before, within the pronoun's reach, else the
    armed group the report is about."""
    start = max(0, token.idx - ctx.cfg.lookback_chars)
    for m in reversed(ctx.cast.within(start, token.idx)):
        if ctx.cast.kind(m.actor) not in PERSONAL_KINDS:
            return m.actor
    return ctx.cast.main_group(ctx.cfg.main_group_mentions, token.idx)


def _bare_back_reference(token: Token) -> bool:
    """'the ministry said', 'the group added': a definite noun with nothing of its own to name it by."""
    return is_definite_back_reference(token) and all(c.dep_ in ("det", "punct") for c in token.children)


def last_speaker(seg: Segment, ctx: Context, reach: int, institutional: bool = False,
                 named: bool = False) -> str | None:
    """The source of the nearest earlier sentence that names one, within `reach` sentences (`institutional`:
    an organisation, not a person or a witness; `named`: past speakers the text gives no name)."""
    i = ctx.segment_index(seg)
    for j in range(i - 1, max(-1, i - 1 - reach), -1):
        found = sentence_source(ctx.segments[j], ctx)
        if institutional and (not found or ctx.cast.kind(found) in PERSONAL_KINDS):
            continue
        if named and found == UNNAMED:
            continue
        if found is not None:
            return found
    return None


def sentence_source(seg: Segment, ctx: Context) -> str | None:
    """The source a sentence names for itself (headline, "according to", the main telling verb's subject)."""
    i = seg.index
    if i not in ctx.speakers:
        ctx.speakers[i] = None  # guards against a pronoun chain pointing back to itself
        found = _headline(seg, ctx) or _according_to(seg, ctx) or _reporting(seg, ctx, None)
        ctx.speakers[i] = found if found is not None else _spokesperson(seg, ctx) or _receiver(seg, ctx)
    return ctx.speakers[i]


def _receiver(seg: Segment, ctx: Context) -> str | None:
    """'UN staff have received reports of killings': who gathers reports is the source of those that follow."""
    for verb in ctx.tokens(seg):
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in ctx.lex.gathering_verbs:
            continue
        if not any(c.dep_ in ("dobj", "obj") and c.lemma_.lower() in ctx.lex.report_nouns for c in verb.children):
            continue
        who = [c for c in verb.children if c.dep_ == "nsubj"]
        found = speaker_of(who[0], seg, ctx) if who else None
        if found:
            return found
    return None


def _spokesperson(seg: Segment, ctx: Context) -> str | None:
    """'A Coalition spokesman spoke to reporters': a sentence that names who speaks for an actor."""
    return next((m.actor for m in ctx.cast.within(seg.start, seg.end) if m.speaker), None)


# the steps --------------------------------------------------------------------------------------


def headline(fig: Figure, reading: Reading, ctx: Context) -> str | None:
    return _headline(fig.segment, ctx)


def _headline(seg: Segment, ctx: Context) -> str | None:
    """'SDF: 40 fighters captured': a name before a colon opening the sentence speaks."""
    tokens = ctx.tokens(seg)[:12]
    colon = next((k for k, t in enumerate(tokens) if t.text == ":"), None)
    if not colon:
        return None
    span = ctx.doc[tokens[0].i:tokens[colon].i]
    return ctx.cast.named_by(span.root, speaking=True)


def attribution_phrase(fig: Figure, reading: Reading, ctx: Context) -> str | None:
    return _according_to(fig.segment, ctx)


def _according_to(seg: Segment, ctx: Context) -> str | None:
    """'..., according to the ministry', 'per witnesses', 'cited by X'."""
    tokens = ctx.tokens(seg)
    lowered = [t.lower_ for t in tokens]
    for phrase in lexicons().attribution_phrases:
        words = phrase.split()
        for k in range(len(tokens) - len(words) + 1):
            if lowered[k:k + len(words)] != words or tokens[k + len(words) - 1].dep_ == "compound":
                continue
            objects = [o for o in tokens[k + len(words) - 1].children if o.dep_ in ("pobj", "dobj", "pcomp")]
            for obj in objects:
                found = speaker_of(obj, seg, ctx)
                if found is not None:
                    return found
    return None


def reporting_subject(fig: Figure, reading: Reading, ctx: Context) -> str | None:
    return _reporting(fig.segment, ctx, fig.number_token)


def _reporting(seg: Segment, ctx: Context, anchor: Token | None) -> str | None:
    """The subject of a telling verb: the one the figure hangs from first, then the main clause's."""
    tokens = ctx.tokens(seg)
    verbs = [t for t in tokens if _verbal(t) and forms(t) & lexicons().reporting_verbs
             and not _claims_a_deed(t, anchor, ctx)]
    above = {t.i for t in ancestors(anchor)} if anchor is not None else set()
    verbs.sort(key=lambda v: (v.i not in above, len(ancestors(v))))
    for verb in verbs:
        found = _told_by(verb, seg, ctx)
        if found is not None:
            return found
    return None  # no telling verb has a subject


def _verbal(token: Token) -> bool:
    """A verb, or a root with a subject the tagger took for a noun ("Amnesty and others estimate that ...")."""
    return token.pos_ in ("VERB", "AUX") or (
        token.dep_ == "ROOT" and any(c.dep_ in SUBJECT_DEPS for c in token.children))


def _claims_a_deed(verb: Token, anchor: Token | None, ctx: Context) -> bool:
    """'IS claimed the bombing, which killed 22', 'attacks claimed by IS killed 35': who claims an attack owns
    the deed, not the toll the outlet tells of it ('IS said it killed 22', 'claimed the killing of 22' tell it)."""
    if forms(verb).isdisjoint(ctx.lex.responsibility_verbs):
        return False
    deeds = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    if _passive(verb) or verb.dep_ == "acl":
        deeds.append(verb.head)
    if not any(d.lemma_.lower() in ctx.lex.responsibility_objects | ctx.lex.attack_nouns for d in deeds):
        return False
    return anchor is None or not _told_inside(anchor, verb)


def _told_inside(anchor: Token, verb: Token) -> bool:
    """The figure hangs from the verb with no relative clause between ("claimed the killing of 22")."""
    for head in anchor.ancestors:
        if head.i == verb.i:
            return True
        if describes_a_noun(head):
            return False
    return False


def _told_by(verb: Token, seg: Segment, ctx: Context) -> str | None:
    """The source a telling verb names: its teller, else (none parsed) the name just before it."""
    filed = ctx.analysis.segments
    tellers = _tellers(verb)
    unnamed = None
    for who in (c for t in tellers for c in conjuncts(t)):  # "X and Y said": Y, where X has no name
        if filed is not None and filed.in_dateline(who.idx):
            continue  # "KYIV, June 7 - the ministry said": the parser may make the dateline's town a teller
        found = speaker_of(who, seg, ctx)
        if found:
            return found
        unnamed = found if unnamed is None else unnamed
    if unnamed is not None:
        return unnamed
    return _name_just_before(verb, ctx) if not tellers and not _passive(verb) else None


def _passive(verb: Token) -> bool:
    return any(c.dep_ in PASSIVE_SUBJECT_DEPS or c.dep_ == "auxpass" for c in verb.children)


def _name_just_before(verb: Token, ctx: Context) -> str | None:
    """'..., the National Security Agency, or NSA, said': a telling verb the parse left without a subject (the
    name hung on a noun before it) is told by the actor named right before it, a comma at most between."""
    k = verb.i - 1
    while k >= 0 and verb.doc[k].is_punct:
        k -= 1
    if k < 0 or verb.i - k > 2:
        return None
    end = verb.doc[k].idx + len(verb.doc[k].text)
    return next((m.actor for m in ctx.cast.within(max(0, end - 200), end) if m.end == end), None)


def toll_setter(fig: Figure, reading: Reading, ctx: Context) -> str | None:
    """'officials raised the death toll to 60', 'medics put the number at 40': who sets a count says it."""
    for head in ancestors(fig.number_token, ctx.cfg.aggregate_climb):
        if head.pos_ not in ("VERB", "AUX") or head.lemma_.lower() not in ctx.lex.aggregate_verbs:
            continue
        if any(c.dep_ == "dobj" and c.lemma_.lower() in ctx.lex.count_nouns for c in head.children):
            who = [c for c in head.children if c.dep_ == "nsubj"]
            return speaker_of(who[0], fig.segment, ctx) if who else None
    return None


PASSIVE_SUBJECT_DEPS = frozenset({"nsubjpass", "csubjpass"})


def _tellers(verb: Token) -> list[Token]:
    """Who tells: the subject (own or inherited: 'X arrived and said'), or the agent of a passive telling. The
    subject of a passive telling is what is told, not who tells ("no deaths were recorded", "150 people were
    said to be hurt")."""
    agents = [o for p in verb.children if p.dep_ == "agent" for o in p.children if o.dep_ == "pobj"]
    if _passive(verb):
        return agents
    own = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    return agents + (own or list(subjects(verb)))


def quoted_speaker(fig: Figure, reading: Reading, ctx: Context) -> str | None:
    """A figure inside a quotation whose own sentence names no source: the quotation's speaker, told in a
    sentence around it ('"... 10 more," he said.' or a speaker introduced just before the quote)."""
    if not _inside_quote(fig, ctx):
        return None
    i = fig.segment.index
    for j in (i + 1, i - 1, i + 2, i - 2):
        if 0 <= j < len(ctx.segments) and _has_quote(ctx.segments[j], ctx):
            found = sentence_source(ctx.segments[j], ctx)
            if found is not None:
                return found
    return None


def _inside_quote(fig: Figure, ctx: Context) -> bool:
    """An odd number of quotation marks between the paragraph's start and the figure, or a sentence that
    opens with one."""
    seg = fig.segment
    if ctx.text[seg.start:seg.end].lstrip()[:1] in _QUOTES_OPEN:
        return True
    para_start = next((s.start for s in ctx.segments if s.paragraph == seg.paragraph), seg.start)
    before = ctx.text[para_start:fig.start]
    return sum(before.count(q) for q in _QUOTES) % 2 == 1


def _has_quote(seg: Segment, ctx: Context) -> bool:
    return any(q in ctx.text[seg.start:seg.end] for q in _QUOTES)


def first_person(fig: Figure, reading: Reading, ctx: Context) -> str | None:
    """'Two of our fighters were killed': a statement's own voice, whose author spoke just before."""
    if not any(t.lower_ in lexicons().first_person_pronouns for t in ctx.tokens(fig.segment)):
        return None
    return last_speaker(fig.segment, ctx, ctx.cfg.anaphor_reach)


def paragraph_carry(fig: Figure, reading: Reading, ctx: Context) -> str | None:
    """A sentence with no source goes on in the voice of the last source its paragraph named."""
    seg = fig.segment
    i = ctx.segment_index(seg)
    for j in range(i - 1, max(-1, i - 1 - ctx.cfg.carry_reach), -1):
        prev = ctx.segments[j]
        if prev.paragraph != seg.paragraph:
            return None
        found = sentence_source(prev, ctx)
        if found is not None:
            return found
    return None


def statement_carry(fig: Figure, reading: Reading, ctx: Context) -> str | None:
    """'The minister said:' closing a paragraph opens a statement: the paragraphs after it, up to
    `statement_reach`, speak in that speaker's voice, unless a paragraph between names a source of its own."""
    seg = fig.segment
    i = ctx.segment_index(seg)
    paragraphs = 0
    for j in range(i - 1, -1, -1):
        prev = ctx.segments[j]
        if prev.paragraph == seg.paragraph:
            continue
        last = j + 1 >= len(ctx.segments) or ctx.segments[j + 1].paragraph != prev.paragraph
        if last:
            paragraphs += 1
            if paragraphs > ctx.cfg.statement_reach:
                return None
            if ctx.text[prev.start:prev.end].rstrip().endswith(":"):
                return sentence_source(prev, ctx)
        if sentence_source(prev, ctx) is not None:
            return None
    return None


def hedged_carry(fig: Figure, reading: Reading, ctx: Context) -> str | None:
    """'15 civilians were reportedly killed': a sentence that says it passes on reports, naming no source,
    passes on those of the last organisation the report named as its source, further back than a paragraph."""
    if not any(t.lower_ in ctx.lex.hedge_words for t in ctx.tokens(fig.segment)):
        return None
    return last_speaker(fig.segment, ctx, ctx.cfg.hedge_reach, institutional=True, named=True)


def publisher(fig: Figure, reading: Reading, ctx: Context) -> str | None:
    """A monitor's or agency's own release speaks in its voice (a news outlet's voice is no source)."""
    return ctx.voice


STEPS: Mapping[str, Step] = {
    "headline": headline,
    "attribution_phrase": attribution_phrase,
    "reporting_subject": reporting_subject,
    "toll_setter": toll_setter,
    "quoted_speaker": quoted_speaker,
    "first_person": first_person,
    "paragraph_carry": paragraph_carry,
    "statement_carry": statement_carry,
    "hedged_carry": hedged_carry,
    "publisher": publisher,
}
