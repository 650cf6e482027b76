"""Which units of a report tell an event, and of which ACLED type: the learned coder decides.

Every sentence (a dateline cut off) is classified in one batch. In a sentence taken for an event the
*anchor* is the clause that carries it: each clause is classified on its own words and the clause the
coder reads as the same sub-event type with the highest confidence wins ('the ministry said gunmen
stormed the village' is anchored on 'stormed', not 'said'). The anchor's arguments, mood, place and
time are the event's.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from spacy.tokens import Span, Token

from thucydides.events import fallback
from thucydides.events.evidence import EvidenceRule
from thucydides.events.lists import list_items
from thucydides.events.recall import Reading as RecallReading
from thucydides.events.recall import Recall, recall
from thucydides.knowledge.acled import Taxonomy
from thucydides.knowledge.lexicons import lexicons
from thucydides.ling.arguments import NOMINAL_SUBJECT_DEPS, arguments
from thucydides.ling.clauses import clause_tokens, heads_clause, own_mood, text_without, unrealised_nouns
from thucydides.ling.context import DocContext
from thucydides.ling.frames import coded_view, frame_steps
from thucydides.ling.segments import Sentence
from thucydides.ling.tokens import VERBAL, ancestors, char_span, forms


class Guess(Protocol):
    @property
    def event_type(self) -> str | None: ...

    @property
    def sub_event_type(self) -> str | None: ...

    @property
    def confidence(self) -> float: ...

    @property
    def event_probability(self) -> float: ...

    @property
    def readings(self) -> tuple[tuple[str, float], ...]: ...


class Coder(Protocol):
    def classify(self, texts: Sequence[str], threshold: float | None = None) -> Sequence[Guess]: ...

    def classify_in_context(self, texts: Sequence[str], contexts: Sequence[str], weight: float,
                            threshold: float | None = None) -> Sequence[Guess]: ...


@dataclass(frozen=True)
class Candidate:
    """A unit the coder took for an event, anchored on the clause that tells it."""

    start: int
    end: int
    sentence: Sentence
    event_type: str
    sub_event_type: str
    confidence: float
    anchor: Token
    headline: bool
    source: str = "coder"
    """'coder', or 'fallback' when the learned coder read no event and a fallback predicate did."""
    readings: tuple[tuple[str, float], ...] = ()
    """the coder's probability of every sub-event type, likeliest first (none for a fallback reading)"""
    retyped: str = ""
    """The step that re-typed the coder's reading before detection kept it ('fatalities'), if one did."""


def unit_bounds(ctx: DocContext, sentence: Sentence) -> tuple[int, int]:
    """A sentence's characters without a dateline that opens it ('GOMA, May 3 (Wire) - ...')."""
    start = sentence.start
    for lo, hi in ctx.segments.datelines:
        if lo <= start < hi:
            start = hi
    rest = ctx.text[start:sentence.end]
    start += len(rest) - len(rest.lstrip(" -–—\t"))
    return start, sentence.end


@dataclass(frozen=True)
class Detection:
    """How sure the coder must be, and how much a sentence's neighbours say about its type. Built from the
    `stages.events` settings by name (`EventCoderStage.detection`); no field has a default, so the settings file is
    the one place a value is set and a field left out fails at once."""

    threshold: float
    """The coder's probability of an event below which a unit is not taken for one."""
    single_threshold: float | None
    """For a report with no unit above `threshold`: the probability at which its likeliest unit is taken."""
    context_weight: float
    """Share of the neighbouring sentences' reading in each sentence's event type."""
    context_sentences: int | None
    """Sentences on either side, within the paragraph, that make a sentence's context (None: the paragraph)."""
    fallback_below: float
    """A coder reading of its sub-event type less sure than this yields to a fallback predicate's."""
    clause_events: bool
    """A clause read on its own words as another type of event is a second event of its sentence."""
    clause_min_tokens: int
    """The fewest words such a clause may have (shorter ones say too little to be read alone)."""
    lead_threshold: float | None
    """The probability at which a unit of the lead (the headline and the first `lead_sentences` sentences) is
    taken for an event (None: `threshold`); news tells its main happening first."""
    lead_sentences: int
    """Sentences after the headline that make a report's lead."""
    single_max_sentences: int | None
    """The longest report (in sentences) that `single_threshold` applies to (None: any); a long story's
    likeliest sentence below the threshold is mostly background or a re-telling, a short note's is its news."""
    catchall_rescue_max_sentences: int | None
    """The longest report (in sentences) whose rescue by `single_threshold` may keep a catch-all reading below its
    `sub_min_confidence` floor (None: as `single_max_sentences`): a note of a few sentences that tells nothing surer
    tells that catch-all happening, a longer report's unsure catch-all is its background (a reaction, a biography)."""
    mention_threshold: float
    """The coder's probability of an event at which the words of a noun told as unrealised name a happening."""
    reread_mentions: bool
    """Read a sentence again without the happenings it names as not happening ('the threat of raids', 'no
    clashes', 'rejected the truce'): if what is left reads as no event, the sentence only mentions one."""
    clause_sentence_tokens: int
    """With `clause_events`: the fewest tokens of a sentence whose clauses are read alone (a run-on sentence
    telling several happenings; a short one's clauses are misread as often as they add one)."""
    sub_min_confidence: Mapping[str, float]
    """Sub-event types that the coder must read this surely (its probability of the sub-type, not of an event) to be
    taken: ACLED's catch-all types, where news sentences that tell no happening land when no type fits."""
    anchor_threshold: float
    """The coder's probability of an event at which a clause's own words can tell the sentence's happening: the
    sub-type a clause read as no event is likeliest to have does not make it the happening's clause."""
    fallback_confidence: float
    """What a fallback predicate's reading is worth next to the coder's calibrated ones (not a probability)."""
    fallback_over: tuple[str, ...]
    """Sub-event types of taking (weapons seized, people arrested) that a fallback predicate's reading of another
    sub-type comes before, however sure the coder is: what was taken decides ('seized the airport' took ground)."""
    judging_types: tuple[str, ...]
    """Event types a verb of judgement tells itself: a crowd condemning a killing protests (no `judged_happening`)."""
    judged_nouns: bool
    """A sentence read as no event is read again by the happenings its verbs of judgement name as nouns
    (`nominal_parts`), each at its unit's threshold."""
    long_sentence_tokens: int
    """A sentence of at least this many tokens that reads as no event is read again clause by clause (0: never): the
    coder learnt from short notes, and a run-on sentence's background dilutes the happening one of its clauses tells."""
    long_clause_threshold: float | None
    """The probability of an event at which such a clause's reading becomes its sentence's (None: the unit's)."""
    long_told_only: bool
    """Read only what a verb of telling reports, told as happening ('officials said X was killed in a strike'): news
    attributes what it tells, the notes the coder learnt from seldom do; other clauses read alone are misread."""
    catchall_clauses: bool
    """A sentence read surely as an event but as a catch-all sub-type less surely than `sub_min_confidence` asks, that
    no rescue by `single_threshold` keeps, is typed by its clause read most surely as an event of a specific sub-type,
    if one reaches `anchor_threshold`: a run-on sentence mixing a happening with its background lands in the
    catch-all its clauses do not (a short note's catch-all reading, rescued, is mostly right)."""
    headline_lead: bool
    """A lead sentence read as no event surely enough alone is read with its report's headline (the headline in the
    text, else the document's title): news tells its main happening in both, the headline its gist, the lead its
    detail. Where the two read together reach the lead's threshold, they are one unit: the lead's clauses anchor it,
    its words run from the headline's start (its facts: a toll, a place), and the headline is not read apart."""
    coded_view: tuple[str, ...]
    """The frame steps (`ling.frames.FRAME_STEPS`) whose words a sentence read as no event is read again without
    ('officials said', 'according to X', 'was reported to have', 'allegedly'); empty: none."""
    view_eventless_only: bool
    """Read coded views only in a report where no sentence is read as an event without them."""
    view_threshold: float | None
    """The probability of an event at which a coded view's reading becomes its sentence's (None: the unit's)."""
    mentions_own_words: bool
    """Apply the mention re-read (`reread_mentions`) only to a unit taken by the reading of its own words: one taken
    by a reading of its parts (a told clause, a judged noun, its coded view) was read on other words, and its whole
    sentence, below the threshold already, says nothing of whether the happenings it names as unrealised carried it."""
    evidence: EvidenceRule
    """When a unit read below its threshold is taken at a lower one for the toll, doer, place and date it tells
    (`events.evidence`): news tells in its own style what the coder learnt from terse notes."""
    second_reading: bool
    """In a report where nothing else is read as an event, take the units the second reading (`events.recall`: a
    small model over the coder's reading and the clause's evidence) judges events."""

    def cut(self, unit_cut: float, candidate: Candidate) -> float:
        """The probability of an event `candidate` needs in a unit whose threshold is `unit_cut`: none it can
        reach when the coder is less sure of its sub-type than `sub_min_confidence` asks."""
        floor = self.sub_min_confidence.get(candidate.sub_event_type, 0.0)
        return math.inf if candidate.source == "coder" and candidate.confidence < floor else unit_cut

    def lowest(self) -> float:
        """The least probability at which any unit may be taken."""
        cuts = [self.threshold, self.single_threshold, self.lead_threshold]
        return min(c for c in cuts if c is not None)


def detect(ctx: DocContext, coder: Coder, how: Detection, admissible: Callable[[Candidate], bool] = lambda c: True,
           taxonomy: Taxonomy | None = None,
           retype: Callable[[Candidate], Candidate] = lambda c: c) -> list[Candidate]:
    """Every sentence the coder reads as an event with at least `how.threshold` probability, anchored on its
    best-read clause that is `admissible` (a sentence with none is dropped); with a `taxonomy`, sentences
    the coder reads as no event get the fallback predicates' reading (events.fallback). A sentence's type
    blends its own reading with its neighbours' (a short sentence says less about the kind of happening than
    the passage around it; a whole report of politics would drown the one bombing it tells). A report with no
    sentence this sure keeps its likeliest one when that reaches `single_threshold` (a short report, such as
    a dispatch, tells one happening without saying it twice). A reading `retype` re-types (the deaths its unit
    tells, `events.stage` fatal_reading) is judged by its new type when admissible (the catch-all floors).
    With `how.coded_view`, sentences read as no event are read again without their frames (`ling.frames`): in every
    report, or with `how.view_eventless_only` only in a report where nothing else is read as an event (one whose
    happening is read already re-tells it in quotes; one with none may tell it only through its sources).
    With `how.evidence.eventless_only`, the evidence of a happening (`events.evidence`) lowers a unit's threshold
    only in a report where nothing is read as an event without it (in one that has its happening, a sentence below
    the threshold is mostly its background or a re-telling)."""
    views = bool(how.coded_view) and not how.view_eventless_only
    evidence = not how.evidence.eventless_only
    coder = Remembered(coder)  # one per report: a second pass with coded views reads the same texts again
    found = _detect(ctx, coder, how, admissible, taxonomy, retype, views, evidence)
    if not found and not views and how.coded_view and _a_view_reads(ctx, coder, how):
        views = True
        found = _detect(ctx, coder, how, admissible, taxonomy, retype, views, evidence)
    if not found and not evidence and _evidence_reads(ctx, coder, how):
        evidence = True
        found = _detect(ctx, coder, how, admissible, taxonomy, retype, views, evidence)
    second = recall() if how.second_reading else None
    if found or second is None or not recalled(ctx, _units(ctx), coder, how, second):
        return found
    return _detect(ctx, coder, how, admissible, taxonomy, retype, views, evidence, second)


def _evidence_reads(ctx: DocContext, coder: Coder, how: Detection) -> bool:
    """Whether any unit, read alone in its context, is read at least at `how.evidence.threshold` and below its own
    threshold as a type whose evidence it carries: most reports with no event have none, and are not read again."""
    least = how.evidence.threshold
    if least is None:
        return False
    units = _units(ctx)  # read as the first pass read them (`Remembered` keeps that reading) where it typed them
    guesses = coder.classify_in_context([ctx.text[u.start:u.end] for u in units],
                                        _contexts(ctx, units, how.context_sentences), how.context_weight,
                                        min(least, how.lowest()))
    return any(least <= g.event_probability < cut and how.evidence.lowers(ctx, u.start, u.end, g.event_type)
               for u, g, cut in zip(units, guesses, _thresholds(ctx, units, how), strict=True))


def recalled(ctx: DocContext, units: list[Unit], coder: Coder, how: Detection, second: Recall,
             cuts: Sequence[float] | None = None) -> dict[int, Guess]:
    """The units (by index) that the second reading (`events.recall`) takes, each with the coder's reading of it in
    its context typed at the reading's floor: read at least at that floor and below their threshold (`cuts`, else
    `_thresholds`), mostly as harm done, and judged an event at its threshold on that reading, its clauses' and the
    unit's evidence. The units are read as detection read them (`Remembered` keeps that reading)."""
    floor = second.settings.floor
    limits = _thresholds(ctx, units, how) if cuts is None else cuts
    texts = [ctx.text[u.start:u.end] for u in units]
    contexts = _contexts(ctx, units, how.context_sentences)
    guesses = coder.classify_in_context(texts, contexts, how.context_weight, how.lowest())
    taken = []
    for i, (u, g, cut) in enumerate(zip(units, guesses, limits, strict=True)):
        whole = RecallReading(g.event_probability, g.readings)
        if not floor <= g.event_probability < cut or not second.harmful(whole):
            continue
        if second.probability(ctx, u.start, u.end, u.span, whole, surest_clause(u.span, coder, whole),
                              how.evidence) >= second.settings.threshold:
            taken.append(i)
    typed = coder.classify_in_context([texts[i] for i in taken], [contexts[i] for i in taken], how.context_weight,
                                      floor) if taken else []
    return {i: g for i, g in zip(taken, typed, strict=True) if g.event_type is not None}


def _second_read(ctx: DocContext, units: list[Unit], guesses: list[Guess], cuts: list[float], coder: Coder,
                 how: Detection, second: Recall | None) -> tuple[list[Guess], list[float]]:
    """The readings and thresholds of the units, where the `second` reading takes a unit (`recalled`): its reading in
    context, and its threshold lowered to the second reading's floor."""
    if second is None:
        return guesses, cuts
    out, lower = list(guesses), list(cuts)
    for i, g in recalled(ctx, units, coder, how, second, cuts).items():
        out[i], lower[i] = g, second.settings.floor
    return out, lower


def surest_clause(span: Span, coder: Coder, whole: RecallReading) -> RecallReading:
    """The coder's reading of the clause of `span` it reads surest as an event, read alone: each clause but verbs of
    telling, and the main clause without the clauses in it ('while meeting his aides, he was killed by an air
    strike'); `whole` when none is surer (a happening told beside background is read apart from it)."""
    main = "".join(t.text_with_ws for t in clause_tokens(span.root)).strip()
    readings = [g for _, g in _clause_readings(span, coder)]
    if main and main != span.text.strip() and not reports_content(span.root):
        readings += coder.classify([main], 0.0)
    best = max(readings, key=lambda g: g.event_probability, default=None)
    if best is None or best.event_probability <= whole.p_event:
        return whole
    return RecallReading(best.event_probability, best.readings)


def _a_view_reads(ctx: DocContext, coder: Coder, how: Detection) -> bool:
    """Whether any sentence's coded view reads as an event surely enough to be taken: most reports with no event
    have none, and are not read a second time."""
    steps = frame_steps(how.coded_view)
    views = [v for u in _units(ctx) if (v := coded_view(u.span, steps)) is not None]
    cuts = [c for c in (how.threshold, how.lead_threshold) if c is not None]
    least = min(cuts) if how.view_threshold is None else how.view_threshold
    return any(g.event_probability >= least for g in coder.classify(views, 0.0)) if views else False


def _detect(ctx: DocContext, coder: Coder, how: Detection, admissible: Callable[[Candidate], bool],
            taxonomy: Taxonomy | None, retype: Callable[[Candidate], Candidate], views: bool,
            evidence: bool = True, second: Recall | None = None) -> list[Candidate]:
    """`detect` in one pass, reading the coded views of sentences read as no event or not (`views`), lowering the
    thresholds of units carrying the evidence of a happening or not (`evidence`), taking the units the `second`
    reading takes (`events.recall`) or not."""
    units = _units(ctx)
    low = how.lowest()
    contexts = _contexts(ctx, units, how.context_sentences)
    guesses = coder.classify_in_context([ctx.text[u.start:u.end] for u in units], contexts, how.context_weight, low)
    cuts = _thresholds(ctx, units, how)
    whole = list(guesses)  # held, so that no later reading takes the id of one of these
    own = {id(g) for g in whole}
    if how.judged_nouns:
        guesses = judged_subject_readings(units, guesses, contexts, coder, how)
    guesses = parts_readings(units, guesses, cuts, contexts, coder, how, views)
    read, guesses, cuts = with_headline(ctx, units, guesses, cuts, contexts, coder, how)
    if evidence:
        guesses, cuts = evidenced(ctx, read, guesses, cuts, coder, how)
    guesses, cuts = _second_read(ctx, read, guesses, cuts, coder, how, second)
    out: list[tuple[Candidate, float, float]] = []
    retyped: list[tuple[Candidate, float, float]] = []
    for unit, guess, cut in zip(read, guesses, cuts, strict=True):
        readings = _readings(ctx, unit, guess, coder, min(low, cut), taxonomy, how)
        chosen = next((c for c in readings if admissible(c)), None)
        if chosen is None or _mention_only(unit, chosen, id(guess) in own, coder, cut, how):
            continue
        chosen = _retyped(chosen, retype, admissible)
        out.append((chosen, guess.event_probability, how.cut(cut, chosen)))
        others = _others(unit, chosen, coder, how, admissible)
        out += others
        if how.catchall_clauses and how.cut(cut, chosen) == math.inf and not any(p >= c for _, p, c in others):
            retyped += [(c, guess.event_probability, cut)
                        for c in specific_clause(unit, chosen, coder, how, admissible)]
    kept = _kept(out, how, len(units), retyped)
    return kept + list_items(units, kept, admissible)


def with_headline(ctx: DocContext, units: list[Unit], guesses: Sequence[Guess], cuts: list[float],
                  contexts: list[str], coder: Coder, how: Detection) -> tuple[list[Unit], list[Guess], list[float]]:
    """The units to read, their readings and thresholds; with `how.headline_lead`, a lead (the first unit after
    the headline) read as no event surely enough alone, whose words read after its headline's reach its threshold,
    takes that reading, its unit running from the headline's start, and the headline's own units are left out."""
    heads = [i for i, u in enumerate(units) if ctx.segments.in_headline(u.sentence.start)]
    lead = next((i for i in range(len(units)) if i not in heads), None)
    if not how.headline_lead or lead is None or guesses[lead].event_probability >= cuts[lead]:
        return units, list(guesses), cuts
    joined = _read_with_headline(ctx, units, heads, lead, contexts[lead], coder, how)
    if joined is None or joined.event_type is None or joined.event_probability < cuts[lead]:
        return units, list(guesses), cuts
    return _joined_units(units, guesses, cuts, heads, lead, joined)


def evidenced(ctx: DocContext, units: list[Unit], guesses: list[Guess], cuts: list[float], coder: Coder,
              how: Detection) -> tuple[list[Guess], list[float]]:
    """The readings and thresholds of the units, where a unit read below its threshold but at least at
    `how.evidence.threshold` carries the evidence of a happening (`EvidenceRule.lowers`) taking that lower threshold,
    and a reading typed at it (a unit read below every threshold is read again, in its context, to be typed)."""
    least = how.evidence.threshold
    if least is None:
        return guesses, cuts
    near = [i for i, (g, cut) in enumerate(zip(guesses, cuts, strict=True)) if least <= g.event_probability < cut]
    untyped = [i for i in near if guesses[i].event_type is None]
    contexts = _contexts(ctx, units, how.context_sentences) if untyped else []
    typed = coder.classify_in_context([ctx.text[units[i].start:units[i].end] for i in untyped],
                                      [contexts[i] for i in untyped], how.context_weight, least) if untyped else []
    read = dict(zip(untyped, typed, strict=True))
    out, lower = list(guesses), list(cuts)
    for i in near:
        g = read.get(i, guesses[i])
        if how.evidence.lowers(ctx, units[i].start, units[i].end, g.event_type):
            out[i], lower[i] = g, least
    return out, lower


def _joined_units(units: list[Unit], guesses: Sequence[Guess], cuts: list[float], heads: list[int], lead: int,
                  joined: Guess) -> tuple[list[Unit], list[Guess], list[float]]:
    """The units but the headline's, the lead's running from the headline's start and reading as `joined`."""
    first = units[heads[0]].start if heads else units[lead].start
    kept = [i for i in range(len(units)) if i not in heads]
    read = [Unit(u.sentence, first, u.end, u.span) if i == lead else u for i, u in enumerate(units)]
    return [read[i] for i in kept], [joined if i == lead else guesses[i] for i in kept], [cuts[i] for i in kept]


def _read_with_headline(ctx: DocContext, units: list[Unit], heads: list[int], lead: int, context: str,
                        coder: Coder, how: Detection) -> Guess | None:
    """The coder's reading of the lead's words after the headline's (the units of the headline in the text, else
    the document's title), in the lead's context; None when the report has no headline."""
    title = " ".join(ctx.text[units[i].start:units[i].end] for i in heads) if heads \
        else (ctx.analysis.document.title or "").strip()
    if not title:
        return None
    words = f"{title.rstrip(' .')}. {ctx.text[units[lead].start:units[lead].end]}"
    return coder.classify_in_context([words], [context], how.context_weight, 0.0)[0]


def _retyped(chosen: Candidate, retype: Callable[[Candidate], Candidate],
             admissible: Callable[[Candidate], bool]) -> Candidate:
    """The reading `retype` gives the chosen one, where the filters still admit it; else the chosen one."""
    other = retype(chosen)
    return other if other is chosen or admissible(other) else chosen


def _others(unit: Unit, chosen: Candidate, coder: Coder, how: Detection,
            admissible: Callable[[Candidate], bool]) -> list[tuple[Candidate, float, float]]:
    """With `how.clause_events`, the other happenings a long sentence's clauses tell (`also_told`), each with its
    probability and the threshold it must reach."""
    if not how.clause_events or chosen.source != "coder" or len(unit.span) < how.clause_sentence_tokens:
        return []
    return [(c, c.confidence, how.cut(how.threshold, c)) for c in also_told(unit, chosen, coder, how, admissible)]


class Remembered:
    """A coder that reads each text once per report: the chosen sentence's clauses are read again for its other
    happenings, and a sentence re-read without its mentions may repeat a clause's words. Texts not yet read go
    to the coder in one vectorised call."""

    def __init__(self, coder: Coder) -> None:
        self.coder = coder
        self.seen: dict[tuple[str, float | None], Guess] = {}
        self.in_context: dict[tuple[tuple[str, ...], tuple[str, ...], float, float | None], Sequence[Guess]] = {}
        """A report's sentences read in their contexts, by the whole call: a second pass asks the same call again."""

    def classify(self, texts: Sequence[str], threshold: float | None = None) -> list[Guess]:
        new = list(dict.fromkeys(t for t in texts if (t, threshold) not in self.seen))
        if new:
            self.seen.update(zip(((t, threshold) for t in new), self.coder.classify(new, threshold), strict=True))
        return [self.seen[t, threshold] for t in texts]

    def classify_in_context(self, texts: Sequence[str], contexts: Sequence[str], weight: float,
                            threshold: float | None = None) -> Sequence[Guess]:
        key = (tuple(texts), tuple(contexts), weight, threshold)
        if key not in self.in_context:
            self.in_context[key] = self.coder.classify_in_context(texts, contexts, weight, threshold)
        return self.in_context[key]


def parts_readings(units: list[Unit], guesses: Sequence[Guess], cuts: list[float], contexts: list[str],
                   coder: Coder, how: Detection, views: bool = False) -> list[Guess]:
    """Each unit's reading, or for a long one read as no event the surest reading of its parts (`long_parts`)
    that reaches `long_clause_threshold` (None: the unit's threshold), or of the happenings its verbs of judgement
    name (`nominal_parts`) that reaches the least threshold of any unit (the unit's own then applies), or with
    `views` of its coded view (`ling.frames`) that reaches `view_threshold`. Each part is
    read in its sentence's context (its type then leans on the passage, as the sentence's does); all parts of a
    report in one call."""
    out = list(guesses)
    asked = _parts_asked(units, guesses, cuts, contexts, how, views)
    if not asked:
        return out
    read = coder.classify_in_context([a[1] for a in asked], [a[2] for a in asked], how.context_weight, 0.0)
    for (i, _, _, least, specific), g in zip(asked, read, strict=True):
        better = g.event_probability > out[i].event_probability or out[i] is guesses[i]
        catchall = specific and g.sub_event_type in how.sub_min_confidence
        if g.event_type is not None and g.event_probability >= least and better and not catchall:
            out[i] = g
    return out


def _parts_asked(units: list[Unit], guesses: Sequence[Guess], cuts: list[float], contexts: list[str],
                 how: Detection, views: bool) -> list[tuple[int, str, str, float, bool]]:
    """(unit index, part's words, context, probability it must reach, whether only a specific sub-type counts) of
    every part read of a unit read as no event: its long parts, the happenings its verbs of judgement name, and
    with `views` its coded view (which must read as a specific sub-type, not one of ACLED's catch-alls of
    `sub_min_confidence`: a frame's source telling something of no known type is where news of no event lands)."""
    asked: list[tuple[int, str, str, float, bool]] = []
    for i, (unit, guess, cut) in enumerate(zip(units, guesses, cuts, strict=True)):
        if guess.event_probability >= cut:
            continue
        if 0 < how.long_sentence_tokens <= len(unit.span):
            least = cut if how.long_clause_threshold is None else how.long_clause_threshold
            asked += [(i, part, contexts[i], least, False) for part in long_parts(unit.span, how)]
        if how.judged_nouns:
            asked += [(i, part, contexts[i], how.lowest(), False) for part in nominal_parts(unit.span)]
        view = coded_view(unit.span, frame_steps(how.coded_view)) if views else None
        if view is not None:
            asked.append((i, view, contexts[i], cut if how.view_threshold is None else how.view_threshold, True))
    return asked


def long_parts(span: Span, how: Detection) -> list[str]:
    """The words of a long sentence read apart: with `long_told_only` what its verbs of telling report as
    happening; else every clause of at least `clause_min_tokens` words but verbs of telling, and the main clause
    without the clauses in it."""
    if how.long_told_only:
        return [_words(h) for h in span if h.dep_ == "ccomp" and _told(h) and _long_enough(h, how)]
    heads = [h for h in clause_heads(span) if h.i != span.root.i and not reports_content(h) and _long_enough(h, how)]
    main = "".join(t.text_with_ws for t in clause_tokens(span.root)).strip()
    return [_words(h) for h in heads] + ([main] if main and main != span.text.strip() else [])


def _long_enough(head: Token, how: Detection) -> bool:
    """The clause `head` heads runs to `clause_min_tokens` words: a shorter one says too little to read alone."""
    return _last_word(head).i - head.left_edge.i + 1 >= how.clause_min_tokens


def _told(head: Token) -> bool:
    """A clause a verb of telling reports, told as happening ('officials said [troops shelled the town]'), itself
    no verb of telling."""
    return reports_content(head.head) and heads_clause(head) and not reports_content(head) \
        and own_mood(head).realis


def _words(head: Token) -> str:
    """The text of everything `head` governs, as the coder reads a clause alone."""
    return head.doc[head.left_edge.i:head.right_edge.i + 1].text


def _kept(out: list[tuple[Candidate, float, float]], how: Detection, n_units: int,
          retyped: Sequence[tuple[Candidate, float, float]] = ()) -> list[Candidate]:
    """The readings sure enough for their unit's threshold (fallback ones always); a short report with none
    keeps its likeliest reading if that reaches `single_threshold` (one of a catch-all sub-type below its floor
    only in a report of at most `catchall_rescue_max_sentences`). Where no such rescue applies, the `retyped`
    readings (`specific_clause`) sure enough for their unit's threshold are kept too."""
    confident = [c for c, p, cut in out if p >= cut or c.source == "fallback"]
    single = how.single_threshold
    too_long = how.single_max_sentences is not None and n_units > how.single_max_sentences
    rescuable = _rescuable(out, how, n_units)
    if confident or not rescuable or single is None or too_long:
        more = [c for c, p, cut in retyped if p >= cut]
        return sorted(confident + more, key=lambda c: c.sentence.index) if more else confident
    best, p, _ = max(rescuable, key=lambda x: x[1])
    return [best] if p >= single else []


def _rescuable(out: list[tuple[Candidate, float, float]], how: Detection,
               n_units: int) -> list[tuple[Candidate, float, float]]:
    """The readings a short report's rescue may keep: in a report longer than `catchall_rescue_max_sentences`, none
    of a catch-all sub-type below its floor (its threshold then unreachable)."""
    most = how.catchall_rescue_max_sentences
    return out if most is None or n_units <= most else [x for x in out if x[2] != math.inf]


def _mention_only(unit: Unit, chosen: Candidate, own_words: bool, coder: Coder, cut: float, how: Detection) -> bool:
    """`_only_mentions`, asked only of a unit taken by its `own_words`' reading where `how.mentions_own_words` says so
    (a unit taken by a reading of its parts was read on other words)."""
    return (own_words or not how.mentions_own_words) and _only_mentions(unit, chosen, coder, cut, how)


def _only_mentions(unit: Unit, chosen: Candidate, coder: Coder, cut: float, how: Detection) -> bool:
    """Whether the sentence reads as an event only by the happenings it names as not happening: the nouns
    told as unrealised whose own words (up to the noun: 'the threat of raids', not what hangs on it) read as
    an event, left out, leave a sentence that reads as none, and less surely than with them (the words taken
    out carried the event; 'blocked the highway' keeps its road)."""
    if not how.reread_mentions or chosen.source != "coder":
        return False
    nouns = unrealised_nouns(unit.span)
    if not nouns:
        return False
    phrases = [unit.span.doc[n.left_edge.i:n.i + 1].text for n in nouns]
    happenings = [n for n, g in zip(nouns, coder.classify(phrases, 0.0), strict=True)
                  if g.event_probability >= how.mention_threshold]
    if not happenings:
        return False
    whole, left = coder.classify([unit.span.text, text_without(unit.span, happenings)], 0.0)
    return left.event_probability < cut and left.event_probability < whole.event_probability


def _thresholds(ctx: DocContext, units: list[Unit], how: Detection) -> list[float]:
    """Each unit's threshold: the lead's for the headline and the first sentences after it, else the body's."""
    out = []
    body = 0
    for u in units:
        headline = ctx.segments.in_headline(u.start)
        lead = how.lead_threshold is not None and (headline or body < how.lead_sentences)
        out.append(how.lead_threshold if lead and how.lead_threshold is not None else how.threshold)
        body += not headline
    return out


def _units(ctx: DocContext) -> list[Unit]:
    """The sentences the coder reads, without datelines, where they cover whole tokens."""
    out = []
    for sentence in ctx.segments.sentences:
        lo, hi = unit_bounds(ctx, sentence)
        span = char_span(ctx.doc, lo, hi) if hi > lo else None
        if span is not None:
            out.append(Unit(sentence, lo, hi, span))
    return out


@dataclass(frozen=True)
class ReportShape:
    """A report's words as detection reads them (from its first unit to its last: no dateline), where each of its
    units starts, and its count of paragraphs."""

    text: str
    starts: tuple[int, ...]
    paragraphs: int

    @property
    def units(self) -> int:
        return len(self.starts)

    def position(self, start: int) -> int:
        """How many units start before `start` (0: the report's first unit holds it)."""
        return max(sum(1 for s in self.starts if s <= start) - 1, 0)


def report_shape(ctx: DocContext) -> ReportShape:
    units = _units(ctx)
    text = ctx.text[units[0].start:units[-1].end] if units else ""
    return ReportShape(text, tuple(u.start for u in units), len({u.sentence.paragraph for u in units}))


def _contexts(ctx: DocContext, units: list[Unit], reach: int | None) -> list[str]:
    """Each unit with up to `reach` sentences either side of it in its paragraph (None: the whole paragraph)."""
    sentences = ctx.segments.sentences
    out = []
    for u in units:
        i = u.sentence.index
        window = sentences if reach is None else sentences[max(0, i - reach):i + reach + 1]
        near = [s for s in window if s.paragraph == u.sentence.paragraph]
        out.append(ctx.text[near[0].start:near[-1].end] if near else ctx.text[u.start:u.end])
    return out


@dataclass(frozen=True)
class Unit:
    sentence: Sentence
    start: int
    end: int
    span: Span


def _readings(ctx: DocContext, unit: Unit, guess: Guess, coder: Coder, threshold: float,
              taxonomy: Taxonomy | None, how: Detection) -> Iterator[Candidate]:
    """The unit's candidate readings, best first: the coder's, anchored on each clause that backs it; the
    fallback predicates' first when the coder reads no event or is less sure of its type than `how.fallback_below`
    (rare types such as captures of territory are learnt from a handful of notes; a predicate defines them), and
    their readings of another sub-type first when the coder reads a taking of `how.fallback_over`."""
    coded = guess.event_type is not None and guess.sub_event_type is not None and guess.event_probability >= threshold
    if taxonomy is not None and (not coded or guess.confidence < how.fallback_below):
        yield from _fallback_readings(ctx, unit, taxonomy, not coded, how.fallback_confidence)
    elif taxonomy is not None and guess.sub_event_type in how.fallback_over:
        yield from (c for c in _fallback_readings(ctx, unit, taxonomy, False, how.fallback_confidence)
                    if c.sub_event_type not in how.fallback_over)
    if coded:
        for best in ranked_anchors(unit.span, guess, coder, how.anchor_threshold):
            for head in _anchor_heads(best, guess, how):
                yield Candidate(unit.start, unit.end, unit.sentence, guess.event_type or "", guess.sub_event_type or "",
                                guess.confidence, head, ctx.segments.in_headline(unit.sentence.start),
                                readings=guess.readings)


def _anchor_heads(best: Token, guess: Guess, how: Detection) -> list[Token]:
    """The heads a reading anchored on the clause `best` may take, best first: the happening a verb of judgement
    names (unless the reading is of a type the judging itself is), else the clause and those it serves."""
    judged = [] if guess.event_type in how.judging_types else judged_happening(best)
    return judged or with_purpose(best)


def _fallback_readings(ctx: DocContext, unit: Unit, taxonomy: Taxonomy, nouns: bool,
                       confidence: float) -> Iterator[Candidate]:
    """The fallback's readings, each worth `confidence`; a predicate told as a noun ('protested over the arrest of
    X') is weaker evidence than the coder's reading of an event, so it is read only where the coder reads none."""
    for head, sub in fallback.readings(ctx, unit.span, taxonomy, nouns):
        yield Candidate(unit.start, unit.end, unit.sentence, taxonomy.event_type_of(sub), sub,
                        confidence, head, ctx.segments.in_headline(unit.sentence.start), "fallback")


def also_told(unit: Unit, chosen: Candidate, coder: Coder, how: Detection,
              admissible: Callable[[Candidate], bool]) -> list[Candidate]:
    """Other happenings of the sentence: clauses the coder reads on their own words as an event of another
    type than the one chosen ('troops killed six attackers and later killed fifty militants in airstrikes'),
    the surest clause of each type; a clause above the chosen one holds its words, so reads as it does."""
    above = {t.i for t in ancestors(chosen.anchor)}
    best: dict[str, Candidate] = {}
    for head, g in _clause_readings(unit.span, coder):
        if g.event_type is None or g.sub_event_type is None or g.event_type == chosen.event_type:
            continue
        if head.i in above or head.i == chosen.anchor.i or g.event_probability < how.threshold:
            continue
        if _last_word(head).i - head.left_edge.i + 1 < how.clause_min_tokens:
            continue
        c = Candidate(unit.start, unit.end, unit.sentence, g.event_type, g.sub_event_type, g.confidence, head,
                      chosen.headline)
        if admissible(c) and (g.event_type not in best or c.confidence > best[g.event_type].confidence):
            best[g.event_type] = c
    return list(best.values())


def specific_clause(unit: Unit, chosen: Candidate, coder: Coder, how: Detection,
                    admissible: Callable[[Candidate], bool]) -> list[Candidate]:
    """The sentence's reading by its clause the coder reads most surely as an event of a specific sub-type (none of
    the catch-alls of `how.sub_min_confidence`), at least `how.anchor_threshold` surely and of at least
    `how.clause_min_tokens` words, for a sentence whose reading `chosen` is a catch-all the coder was too unsure of;
    anchored as any reading is, on the smallest clause read as that sub-type. Empty when there is none."""
    specific = [g for head, g in _clause_readings(unit.span, coder)
                if g.event_type is not None and g.sub_event_type not in (None, *how.sub_min_confidence)
                and g.event_probability >= how.anchor_threshold and _long_enough(head, how)]
    if not specific:
        return []
    best = max(specific, key=lambda g: g.event_probability)
    for anchor in ranked_anchors(unit.span, best, coder, how.anchor_threshold):
        for head in with_purpose(anchor):
            c = Candidate(unit.start, unit.end, unit.sentence, best.event_type or "", best.sub_event_type or "",
                          best.confidence, head, chosen.headline, readings=best.readings)
            if admissible(c):
                return [c]
    return []


def _clause_readings(span: Span, coder: Coder) -> list[tuple[Token, Guess]]:
    """Each clause of the span but its main one and verbs of telling, with the coder's reading of its words."""
    heads = [h for h in clause_heads(span) if h.i != span.root.i and not reports_content(h)]
    texts = [span.doc[h.left_edge.i:h.right_edge.i + 1].text for h in heads]
    return list(zip(heads, coder.classify(texts, 0.0) if texts else [], strict=True))


def clause_heads(span: Span) -> list[Token]:
    """The clauses inside `span` (a clause may end on the full stop or line break just past it)."""
    return [t for t in span if heads_clause(t) and span.start <= t.left_edge.i and _last_word(t).i < span.end]


def _last_word(head: Token) -> Token:
    """The clause's last token that is neither punctuation nor white space."""
    end = head.right_edge
    while (end.is_punct or end.is_space) and end.i > head.i:
        end = end.doc[end.i - 1]
    return end


def ranked_anchors(span: Span, guess: Guess, coder: Coder, least: float = 0.0) -> list[Token]:
    """The clause of `span` that tells the sentence's happening: the smallest clause the coder reads as the
    same kind of happening, at least `least` surely (the main clause reads as the whole sentence does), else the
    one it most reads as any happening. If that clause did not happen, no other clause of the sentence tells it."""
    readings = _clause_readings(span, coder)
    if not reports_content(span.root):
        readings.append((span.root, guess))
    if not readings:
        return []
    return [max(readings, key=lambda r: _fit(guess, r[1], r[0], least if r[0].i != span.root.i else 0.0))[0]]


def with_purpose(head: Token) -> list[Token]:
    """A clause, then — when its own words tell it as happening and only the clauses above it do not
    (a purpose, 'gathered to demand ...'; a participle, '..., rejecting the scheme') — the clauses it hangs
    on, up to the sentence's main one: they tell the happening the purpose or manner belongs to. A verb of
    telling is not one of them ('the minister said the men are gang members': the saying did not happen as
    a conflict event), and the climb stops below a verb of stance (lexicons stance_verbs: 'alleging that X had
    him killed' tells the killing as a claim; the clauses above the stance tell no happening of it)."""
    if not own_mood(head).realis:
        return [head]
    stance = lexicons().stance_verbs
    above = []
    for t in ancestors(head):
        if forms(t) & stance:
            break
        if heads_clause(t) and not reports_content(t):
            above.append(t)
    return [head, *above]


def judged_happening(head: Token) -> list[Token]:
    """'X condemns the attack on Y', 'the shelling of Y shows ...': a verb of judgement (lexicons judgement_verbs)
    whose subject or object is a noun naming a happening (lexicons happening_nouns) tells that happening as the
    noun; the noun anchors it (its owner and 'by' agent are its doers; the judge is no party). An argument's
    apposition counts as it: 'condemns the brutal, senseless attack' is often parsed with 'brutal' as the object
    and the attack in apposition to it. Empty otherwise."""
    lex = lexicons()
    if head.pos_ not in VERBAL or not forms(head) & lex.judgement_verbs:
        return []
    args = arguments(head)
    named = [m for n in (*args.objects, *args.subjects) for m in (n, *(c for c in n.children if c.dep_ == "appos"))]
    return [n for n in named if n.pos_ == "NOUN" and forms(n) & lex.happening_nouns][:1]


def judged_subject_readings(units: list[Unit], guesses: Sequence[Guess], contexts: list[str], coder: Coder,
                            how: Detection) -> list[Guess]:
    """Each unit's reading, but a sentence whose main verb judges a happening named as its subject ('the attacks in
    A and B demonstrate the reach of ...') reads as that subject's words alone: a happening does not protest or
    state, and the verb's words ('demonstrate', 'mark') would type it."""
    out = list(guesses)
    asked = [(i, _words(n), contexts[i]) for i, u in enumerate(units) for n in judged_happening(u.span.root)
             if n.dep_ in NOMINAL_SUBJECT_DEPS]
    if asked:
        read = coder.classify_in_context([a[1] for a in asked], [a[2] for a in asked], how.context_weight, 0.0)
        for (i, _, _), g in zip(asked, read, strict=True):
            out[i] = g
    return out


def nominal_parts(span: Span) -> list[str]:
    """The words of the happenings a sentence's verbs of judgement name as nouns (`judged_happening`), read alone:
    a sentence judging a happening ('the shelling of X on Friday shows the cruelty of ...') reads as comment."""
    return [_words(n) for h in clause_heads(span) for n in judged_happening(h)]


def reports_content(head: Token) -> bool:
    """'Officials said (that) ...': a verb of telling with a clause under it tells, it does not happen."""
    return bool(forms(head) & lexicons().reporting_verbs) and any(c.dep_ == "ccomp" for c in head.children)


def _fit(sentence: Guess, clause: Guess, head: Token, least: float = 0.0) -> tuple[int, int, float]:
    """How well a clause tells the sentence's happening: same sub-type best, same event type next (a clause read
    as an event less surely than `least` has neither); then the smaller clause (the most specific words that
    carry it); then how surely it reads as a happening."""
    level = 0 if clause.event_probability < least else 2 if clause.sub_event_type == sentence.sub_event_type \
        else 1 if clause.event_type == sentence.event_type else 0
    size = head.right_edge.i - head.left_edge.i
    return level, -size if level else 0, clause.event_probability
