"""The date of an event: a time phrase in its own clause, else in its sentence, else (when configured) the last
one told before it in its paragraph (within `date_carry_reach` sentences), else the days up to the report's
publication — named steps (settings `stages.events.date_steps`) giving an interval and ACLED's time precision.
Phrases that bound a period ('since 2011', 'until Monday') never date a happening."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import timedelta

from spacy.tokens import Token

from thucydides.events.detect import Candidate
from thucydides.events.where import VERBS, governing_clause
from thucydides.knowledge.acled import taxonomy
from thucydides.knowledge.lexicons import lexicons
from thucydides.ling.clauses import bounds_period, clause_head, clause_tokens, describes_a_noun, telling_verb
from thucydides.ling.context import DocContext
from thucydides.ling.tokens import ancestors, span_head
from thucydides.model import Interval, TimeExpression
from thucydides.time.sequels import sequels


@dataclass(frozen=True)
class Dated:
    interval: Interval
    time_precision: int


@dataclass(frozen=True)
class DateContext:
    doc: DocContext
    candidate: Candidate
    undated_window_days: int
    """An undated happening in a news report is taken to fall in the days up to its publication."""
    state_reach: int = 0
    """Sentences after the unit, in its paragraph, that may tell the state its happening left."""
    custody_sub_events: frozenset[str] = frozenset()
    """Sub-event types that leave someone held: the custody's start is the happening's day."""
    carry_reach: int | None = None
    """Sentences back, within the paragraph, a date told before may date an undated happening (None: any)."""
    carry_main_first: bool = False
    """The paragraph step carries the last date told on its sentence's main line before one told aside
    (`told_aside`)."""
    sentence_main_first: bool = False
    """The sentence step takes a time phrase not told in a clause describing a noun first (`told_aside`)."""
    names_skipped: bool = False
    """A date inside a name ('the March 23 Movement') dates nothing (`inside_a_name`)."""
    governing: bool = False
    """The clause step reads, besides the anchor's own clause, that of the verb it is joined to ('staged a
    protest on 9 April and demanded ...') and that of the clause a participle or infinitive anchor hangs on
    ('protested on 8 March, demanding justice for a killing on 25 December'): `clause_heads`."""
    telling_apart: bool = False
    """The sentence and paragraph steps pass over a date told on a verb of telling ('police said Tuesday that
    gunmen killed five'): it dates the telling; the `telling` step reads it as the days up to it (`told_on`)."""


def plausible(interval: Interval) -> bool:
    """A date a report can tell (ACLED's plausible years): never year 25 or 3018."""
    return all(day is None or taxonomy().plausible(day.year) for day in (interval.start, interval.end))


def _dating(ctx: DateContext) -> list[TimeExpression]:
    """The unit's time phrases that date what is told with them: not one hung under 'since' or 'until' ('the worst
    attack since the start of the war in 2011'; ling.clauses.bounds_period)."""
    return [t for t in ctx.doc.times.within(ctx.candidate.start, ctx.candidate.end)
            if t.dates and plausible(t.interval) and not _bounding(ctx, t) and not _named(ctx, t)]


def inside_a_name(doc: DocContext, t: TimeExpression) -> bool:
    """ "Fighters of the March 23 Movement attacked ...", "the February 14 Youth Coalition": a date inside a longer
    actor's name is part of the name, not the day of anything told."""
    return any(a.start <= t.start and t.end <= a.end and (a.start, a.end) != (t.start, t.end)
               for a in doc.actors.overlapping(t.start, t.end))


def _named(ctx: DateContext, t: TimeExpression) -> bool:
    return ctx.names_skipped and inside_a_name(ctx.doc, t)


def _bounding(ctx: DateContext, t: TimeExpression) -> bool:
    head = span_head(ctx.doc.doc, t.start, t.end)
    return head is not None and bounds_period(head, happening=ctx.candidate.anchor)


def _nearest(ctx: DateContext, found: list[TimeExpression]) -> Dated | None:
    if not found:
        return None
    anchor = ctx.candidate.anchor.idx
    best = min(found, key=lambda t: (t.precision, abs(t.start - anchor)))
    return Dated(best.interval, best.precision)


def in_clause(ctx: DateContext) -> Dated | None:
    """A time phrase of the anchor's own clause (with `governing`, or of the clauses `clause_heads` gives, the
    governing clause's first)."""
    anchor = ctx.candidate.anchor
    heads = clause_heads(anchor) if ctx.governing else [anchor]
    dating = _dating(ctx)
    for head in heads:
        own = [t for t in dating
               if (h := span_head(ctx.doc.doc, t.start, t.end)) is not None and clause_head(h).i == head.i]
        if own:
            return _nearest(ctx, own)
    return None


def clause_heads(anchor: Token) -> list[Token]:
    """The clauses whose time phrases date the anchor's happening, surest first: the clause a participle or
    infinitive anchor hangs on ('protested on 8 March, demanding justice for a woman killed on 25 December': the
    purpose's date is another happening's; `where.governing_clause`), the anchor's own, then the verb's it is
    joined to ('staged a protest on 9 April and demanded ...')."""
    heads = [g] if (g := governing_clause(anchor)) is not None else []
    heads.append(anchor)
    if anchor.dep_ == "conj" and anchor.head.pos_ in VERBS:
        heads.append(anchor.head)
    return heads


def sequel(ctx: DateContext) -> Dated | None:
    """ "On 3 May gunmen kidnapped six traders. The next day soldiers clashed with them.": a phrase opening the
    sentence, in the anchor's clause, counting days from the day told last ('the next day', 'two days later', 'a
    week earlier'; time.sequels) dates the happening from the date the `paragraph` step carries, not as that day.
    Told later in a sentence, such a phrase is mostly said of another happening ('protested the killing of a man
    the day before')."""
    sentence = ctx.candidate.sentence
    found = sequels().opening_sentence(ctx.doc.doc.text[sentence.start:sentence.end])
    if found is None:
        return None
    head = span_head(ctx.doc.doc, sentence.start + found.start, sentence.start + found.end)
    heads = clause_heads(ctx.candidate.anchor) if ctx.governing else [ctx.candidate.anchor]
    if head is None or clause_head(head).i not in {h.i for h in heads}:
        return None
    told = paragraph(ctx)
    if told is None or told.interval.start is None or told.interval.end is None:
        return None
    first = told.interval.start + timedelta(days=found.low)
    last = told.interval.end + timedelta(days=found.high)
    exact = found.low == found.high and told.time_precision == 1
    return Dated(Interval(first, last, told.interval.inferred), 1 if exact else max(2, told.time_precision))


def in_sentence(ctx: DateContext) -> Dated | None:
    """The time phrase of the sentence nearest the anchor, with `sentence_main_first` among those not told in a
    clause describing a noun (`told_aside`: 'demanding justice for a woman who was killed on 2 May') when there is
    one."""
    found = [t for t in _dating(ctx) if not (ctx.telling_apart and told_on(ctx.doc, t, ctx.candidate.anchor))]
    if ctx.sentence_main_first:
        found = [t for t in found if not told_aside(ctx.doc, t)] or found
    return _nearest(ctx, found)


def paragraph(ctx: DateContext) -> Dated | None:
    """'On 5 March air strikes hit X. Shells landed in Y.': the last date told before the unit in its
    paragraph, at most `carry_reach` sentences back. A report that moved into its history ('The station held
    migrants from 1910 to 1940. ... He was detained there for a year.') goes on telling it undated: the
    publication is not its day."""
    lo = _carry_start(ctx)
    earlier = [t for t in ctx.doc.times.within(lo, ctx.candidate.start)
               if t.dates and plausible(t.interval) and not _named(ctx, t)
               and not (ctx.telling_apart and told_on(ctx.doc, t, None))]
    if ctx.carry_main_first:
        earlier = [t for t in earlier if not told_aside(ctx.doc, t)] or earlier
    if not earlier:
        return None
    last = max(earlier, key=lambda t: t.start)
    return Dated(last.interval, last.precision)


def told_on(ctx: DocContext, t: TimeExpression, anchor: Token | None) -> bool:
    """ "Police said on Tuesday that gunmen killed five", "Gunmen killed five, the governor told reporters on
    Monday": a date told on a verb of telling that tells another clause (`ling.clauses.telling_verb`) is when a
    happening was told, not when it took place."""
    head = span_head(ctx.doc, t.start, t.end)
    return head is not None and telling_verb(head, anchor) is not None


def telling(ctx: DateContext) -> Dated | None:
    """ "Police said on Tuesday that gunmen killed five": told with no date of its own but the day it was told
    (`told_on`), the happening took place in the days up to that day (`undated_window_days`, ACLED precision
    2), as one told with none falls in the days up to the publication."""
    if not ctx.telling_apart:
        return None
    told = _nearest(ctx, [t for t in _dating(ctx) if told_on(ctx.doc, t, ctx.candidate.anchor)])
    if told is None or told.interval.end is None:
        return None
    start = (told.interval.start or told.interval.end) - timedelta(days=ctx.undated_window_days)
    return Dated(Interval(start, told.interval.end, told.interval.inferred), max(2, told.time_precision))


def told_aside(ctx: DocContext, t: TimeExpression) -> bool:
    """ "On 3 May crowds gathered against a mural's removal, which took place on 1 May. Police dispersed them.":
    a date told in a clause describing a noun (`ling.clauses.NOUN_CLAUSE_DEPS`) is not the day the next sentences go
    on telling."""
    head = span_head(ctx.doc, t.start, t.end)
    return head is not None and any(describes_a_noun(w) for w in (head, *ancestors(head)))


def _carry_start(ctx: DateContext) -> int:
    """Where the text a date may be carried from begins: the paragraph's start, or `carry_reach` sentences
    before the unit's, whichever comes later."""
    sentence = ctx.candidate.sentence
    segments = ctx.doc.segments
    lo = segments.paragraph_start(sentence.paragraph, sentence.start)
    if ctx.carry_reach is None:
        return lo
    first = segments.sentences[max(0, sentence.index - ctx.carry_reach)]
    return max(lo, first.start)


def custody(ctx: DateContext) -> Dated | None:
    """'A reporter arrested over his posts ... He has been in custody since 24 February.': an arrest or an
    abduction began when the custody it led to is told to run from, in its sentence or the next ones."""
    if ctx.candidate.sub_event_type not in ctx.custody_sub_events:
        return None
    words = lexicons().custody_words
    for t in _following_times(ctx):
        head = span_head(ctx.doc.doc, t.start, t.end)
        if t.role != "since" or head is None or t.interval.start is None or not plausible(t.interval) \
                or _named(ctx, t):
            continue
        if any(w.lemma_.lower() in words or w.lower_ in words for w in clause_tokens(clause_head(head))):
            day = t.interval.start
            return Dated(Interval(day, day if t.precision == 1 else t.interval.end or day), t.precision)
    return None


def _following_times(ctx: DateContext) -> list[TimeExpression]:
    """The time phrases of the unit's sentence and of the next `state_reach` sentences of its paragraph."""
    sentence = ctx.candidate.sentence
    end = sentence.end
    for later in ctx.doc.segments.sentences[sentence.index + 1:sentence.index + 1 + ctx.state_reach]:
        if later.paragraph != sentence.paragraph:
            break
        end = later.end
    return ctx.doc.times.within(sentence.start, end)


def publication(ctx: DateContext) -> Dated | None:
    """Told with no date of its own: the days up to the report's publication (ACLED precision 2, or 3 when
    the publication date itself is only known to the month)."""
    published = ctx.doc.analysis.document.published
    if published is None or published.start is None or published.end is None or not plausible(published):
        return None
    if (published.days or 99) > 7:
        return Dated(published, 3)
    start = min(published.start, published.end - timedelta(days=ctx.undated_window_days))
    return Dated(Interval(start, published.end, published.inferred), 2)


DATE_STEPS: Mapping[str, Callable[[DateContext], Dated | None]] = {
    "clause": in_clause, "custody": custody, "sequel": sequel, "sentence": in_sentence, "telling": telling,
    "paragraph": paragraph, "publication": publication,
}
