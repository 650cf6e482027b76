"""Where the pipeline loses an ACLED note's type that the event coder, reading the whole note, gets right.

    python bench/type_causes.py [--per-country N] [--examples K]

On a sample of ACLED **train** notes (N per country, hash order; never dev rows) runs the coder on each whole
note (as its model card scores it) and the pipeline (the primary event, as the ACLED evaluation picks it), and for
each note where the coder reads the event type (or the sub-event type) right and the pipeline wrong, names the step
that changed it: no event detected; the units read apart (the note split into sentences that read otherwise than
the whole); a clause, headline, evidence or fallback reading; the fatalities re-typing; the coding rules or prior;
the sentence a merged happening takes its type from; the choice of the primary event among several. Prints the
table of causes with counts; writes nothing.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from thucydides.evaluation import adapter
from thucydides.evaluation.acled import AcledRow, read_split, row_document, select
from thucydides.evaluation.scoring import primary_event
from thucydides.events import stage as events_stage
from thucydides.events.build import continuation, group, typed_sighting
from thucydides.events.detect import Candidate, _contexts, _units, detect, report_shape
from thucydides.events.report_type import report_typed
from thucydides.ling.context import DocContext
from thucydides.model import Analysis, Event


@dataclass
class Trace:
    """What the events stage read in one note, step by step."""

    units: list[tuple[int, str | None, str | None, str | None, str | None, float]] = field(default_factory=list)
    """Per unit: start, the type and sub-type read alone, then in context, and its probability of an event."""
    candidates: list[tuple[int, str, str, str, str]] = field(default_factory=list)
    """Per candidate: start, type, sub-type, source, retyped."""
    failed: dict[str, int] = field(default_factory=dict)
    """How many readings each filter dropped."""
    cut: float = 0.0
    """The least probability of an event at which detection may take a unit in this report."""
    events: list[tuple[Event, str, str, str, str]] = field(default_factory=list)
    """Per event: the event, the typed sighting's candidate type and sub-type, its sighting's type and sub-type."""


TRACES: dict[str, Trace] = {}


def traced_events(self: events_stage.EventCoderStage, analysis: Analysis) -> list[Event]:
    """EventCoderStage.events, keeping what each step read."""
    ctx = DocContext.of(analysis)
    trace = TRACES.setdefault(analysis.document.id, Trace())
    units = _units(ctx)
    texts = [ctx.text[u.start:u.end] for u in units]
    alone = self.coder.classify(texts, 0.0)
    how = self.detection
    trace.cut = how.lowest()
    within = self.coder.classify_in_context(texts, _contexts(ctx, units, how.context_sentences), how.context_weight,
                                            0.0)
    trace.units = [(u.start, a.event_type, a.sub_event_type, w.event_type, w.sub_event_type, w.event_probability)
                   for u, a, w in zip(units, alone, within, strict=True)]
    def admissible(c: Candidate) -> bool:
        failing = self.filters.failing(events_stage.Reading(ctx, c))
        if failing is not None:
            trace.failed[failing] = trace.failed.get(failing, 0) + 1
        return failing is None

    candidates = detect(ctx, self.coder, how, admissible,
                        self.taxonomy if self.config.fallback else None, lambda c: self.fatal_reading(ctx, c))
    typing = report_typed(report_shape(ctx), candidates, self.coder, admissible, self.config.sub_min_confidence,
                          self.report_typing)
    candidates = typing.candidates
    trace.candidates = [(c.start, c.event_type, c.sub_event_type, c.source, c.retyped) for c in candidates]
    sightings = [s for c in candidates for s in self.sightings(ctx, c, typing.read_as(c))]
    taken = {c.sentence.index for c in candidates}
    groups = group(ctx, sightings, self.readers.merging)
    if not self.config.keep_background:
        groups = events_stage.without_background(groups, self._retrospective(ctx))
    out = []
    for g in groups:
        e = events_stage.to_event(g, ctx, self.config.evidence_max, self.taxonomy,
                                  continuation(ctx, g, taken, self.config.toll_reach), self.readers.typed_by,
                                  self.readers.date.names if self.config.date_by_step else (),
                                  self.readers.place.names if self.config.place_by_step else (),
                                  self.config.typed_actor1)
        typed = typed_sighting([m for m in g if not m.account] or g, self.readers.typed_by)
        trace.events.append((e, typed.candidate.event_type, typed.candidate.sub_event_type, typed.event_type,
                             typed.sub_event_type))
        out.append(e)
    return out


def _first(events: Sequence[tuple[Event, str, str, str, str]], doc_id: str) -> tuple[Event, str, str, str, str] | None:
    def start(e: Event) -> float:
        return min((v.start for v in e.evidence if v.doc == doc_id), default=float("inf"))

    ranked = sorted(enumerate(events), key=lambda ie: (start(ie[1][0]), ie[0]))
    return ranked[0][1] if ranked else None


def cause(trace: Trace, doc_id: str, said: str, right: str, level: int) -> str:
    """The step that turned the coder's right reading `right` (level 0: event type, 1: sub-type) into `said`."""
    if not trace.candidates:
        return _no_event(trace)
    first = _first(trace.events, doc_id)
    if first is None:
        return "events: all background"
    event, c_type, c_sub, s_type, s_sub = first
    if (event.event_type, event.sub_event_type)[level] != said:
        return "export: differs from the events stage"
    if any((e.event_type, e.sub_event_type)[level] == right for e, *_ in trace.events):
        return "primary: another event of the note has the right type"
    if (c_type, c_sub)[level] == right:
        return "recode: prior/rules changed it" if (s_type, s_sub)[level] != right else "merge: typed by another"
    cand = next((c for c in trace.candidates if (c[1], c[2]) == (c_type, c_sub)), None)
    return "detect: other" if cand is None else _detected(trace, cand, said, level)


def _no_event(trace: Trace) -> str:
    """Why a note has no candidate: every unit below the threshold, or the filter that dropped most readings."""
    sure = max((u[5] for u in trace.units), default=0.0)
    if sure < trace.cut:
        return "detect: no event (every unit below the threshold)"
    dropped = max(trace.failed, key=lambda k: trace.failed[k], default="mention re-read or rescue limits")
    return f"detect: no event (a unit at the threshold, dropped: {dropped})"


def _detected(trace: Trace, cand: tuple[int, str, str, str, str], said: str, level: int) -> str:
    """Which reading of detection typed the candidate `cand` as `said`."""
    if cand[3] == "fallback":
        return "detect: fallback predicate"
    if cand[4]:
        return f"detect: retyped ({cand[4]})"
    unit = max((u for u in trace.units if u[0] <= cand[0]), key=lambda u: u[0], default=None)
    if unit is None:
        return "detect: other"
    split = "one unit" if len(trace.units) == 1 else "note split"
    if (unit[3], unit[4])[level] != said:
        return "detect: a clause/headline/evidence reading"
    if (unit[1], unit[2])[level] == said:
        return f"detect: unit alone reads it ({split})"
    return f"detect: context blend ({split})"


def _sample(dev: bool, per_country: int, skip: int) -> list[AcledRow]:
    """`per_country` rows of each country in hash order, after its first `skip`."""
    seen: Counter[str] = Counter()
    kept = []
    for r in select(read_split(dev), skip + per_country).rows:
        seen[r.country] += 1
        if seen[r.country] > skip:
            kept.append(r)
    return kept


@dataclass
class Tally:
    """Per level (0: event type, 1: sub-type): the causes, the notes of each, and how many the coder, the pipeline
    and the coder but not the pipeline read right."""

    causes: list[Counter[str]] = field(default_factory=lambda: [Counter(), Counter()])
    examples: dict[str, list[str]] = field(default_factory=dict)
    totals: list[list[int]] = field(default_factory=lambda: [[0, 0, 0], [0, 0, 0]])

    def add(self, row: AcledRow, coded: tuple[str, str], said: tuple[str, str], trace: Trace, doc_id: str) -> None:
        gold = (row.event_type, row.sub_event_type)
        for level in (0, 1):
            self.totals[level][0] += coded[level] == gold[level]
            self.totals[level][1] += said[level] == gold[level]
            if coded[level] == gold[level] and said[level] != gold[level]:
                self.totals[level][2] += 1
                why = cause(trace, doc_id, said[level], gold[level], level)
                self.causes[level][why] += 1
                if level == 1:
                    self.examples.setdefault(why, []).append(_example(row, said, gold, trace))

    def print(self, n: int, examples: int) -> None:
        for level, name in ((0, "event type"), (1, "sub-event type")):
            coder_right, pipe_right, lost = self.totals[level]
            print(f"\n{name}: coder right {coder_right}/{n} ({coder_right / n:.3f}), pipeline right {pipe_right}/{n} "
                  f"({pipe_right / n:.3f}); coder right, pipeline wrong: {lost}")
            for why, count in self.causes[level].most_common():
                print(f"  {count:5d}  {why}")
        for why, notes in self.examples.items() if examples else ():
            print(f"\n== {why}")
            for text in notes[:examples]:
                print(text)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--per-country", type=int, default=40)
    ap.add_argument("--skip", type=int, default=0, help="skip the first N train rows per country (a fresh sample)")
    ap.add_argument("--examples", type=int, default=0, help="print up to K notes per cause")
    ap.add_argument("--dev", action="store_true",
                    help="the ACLED dev split instead (counts only: its rows are never printed)")
    a = ap.parse_args(argv)
    if a.dev and a.examples:
        ap.error("--examples reads rows: train only (ACLED dev is the report split)")
    rows = _sample(a.dev, a.per_country, a.skip)
    print(f"{len(rows)} ACLED {'dev' if a.dev else 'train'} notes", file=sys.stderr)
    events_stage.EventCoderStage.events = traced_events  # type: ignore[method-assign]
    pipeline = adapter.build_pipeline()
    from thucydides.events.coder import EventCoder

    whole = EventCoder.load().classify([r.notes for r in rows])
    tally = Tally()
    docs = [row_document(r) for r in rows]
    for row, g, (doc, export) in zip(rows, whole, adapter.export_each(pipeline, iter(docs)), strict=True):
        doc_id = adapter.doc_id(doc)
        event = primary_event(export.events_of(doc_id), doc_id)
        said = ((event.event_type if event else None) or "none", (event.sub_event_type if event else None) or "none")
        tally.add(row, (g.event_type or "none", g.sub_event_type or "none"), said, TRACES.get(doc.id, Trace()), doc_id)
    tally.print(len(rows), a.examples)
    return 0


def _example(row: AcledRow, said: tuple[str, str], gold: tuple[str, str], trace: Trace) -> str:
    units = "; ".join(f"{u[0]}:{u[2]}|{u[4]}" for u in trace.units)
    cands = "; ".join(f"{c[0]}:{c[2]}/{c[3]}{'/' + c[4] if c[4] else ''}" for c in trace.candidates)
    return (f"- {row.event_id} gold {gold[1]} said {said[1]}\n  units(alone|ctx) {units}\n  candidates {cands}\n"
            f"  {row.notes[:400]}")


if __name__ == "__main__":
    raise SystemExit(main())
