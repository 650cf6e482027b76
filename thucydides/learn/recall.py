"""Fitting the second reading of sentences the coder reads as no event (`thucydides.events.recall`).

    .venv/bin/python -m thucydides.learn.recall [--notes 5000] [--articles 500] [--out FILE.json]

Events: the first sentence of ACLED train notes that the event coder held out to fit its temperature (its
calibration share, `learn.events.calibration_share`), so that the coder's reading of them is the honest one of text
it never fitted on. No event: every sentence of the LGL/GeoVirus fit-half articles (local and epidemic news, almost
none of it political violence; the report half stays unseen). Both are run through the pipeline's stages before
events, so that the toll, doer, place and date are what the run-time stages find; the coder reads each sentence in
its context as `events.detect` does. Only sentences the coder reads at `event_recall.floor` or more and below the
events threshold are fitted on: the second reading judges no other. A logistic regression (scikit-learn, the train
extra) is fitted on the sentences whose key hashes outside a fifth; the held-out fifth gives the precision and
recall written beside the weights. Same data, same weights.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from thucydides.evaluation import adapter
from thucydides.events.detect import _contexts, _units, surest_clause
from thucydides.events.recall import (
    DATA,
    FEATURES,
    FORMAT,
    VERSION,
    Reading,
    RecallSettings,
    _harm,
    features,
    harm_sub_types,
)
from thucydides.events.stage import EventCoderStage, make_events_stage
from thucydides.knowledge.settings import section
from thucydides.knowledge.splits import is_calibration, sha256_int
from thucydides.learn import corpora
from thucydides.learn.events import EventTrainingSettings, news_style
from thucydides.ling.context import DocContext
from thucydides.pipeline import Pipeline, default_stages


@dataclass(frozen=True)
class Row:
    key: str
    x: list[float]
    label: int
    p_event: float


def event_notes(limit: int, share: int, sources: Sequence[str]) -> list[tuple[str, str]]:
    """(key, text) of the first `limit` ACLED train notes (hash order) of the coder's calibration share, each also
    retold in news style (`learn.events.news_style`: a weekday and an attribution added), as news tells it."""
    notes = [u for u in corpora.acled_notes(corpora.DEFAULT_ACLED, "train")
             if u.sub is not None and is_calibration(u.key, share)]
    notes.sort(key=lambda u: sha256_int(u.key))
    out = []
    for u in notes[:limit]:
        out.append((u.key, u.text))
        told = news_style(u.text, sources, sha256_int(f"recall:{u.key}") % 1000)
        if told is not None:
            out.append((f"{u.key}:news", told))
    return out


def news(limit: int) -> list[tuple[str, str]]:
    """(key, text) of the first `limit` LGL/GeoVirus fit-half articles in hash order."""
    articles = corpora.news_articles(corpora.GEOPARSING, "fit")
    return sorted(articles, key=lambda a: sha256_int(a[0]))[:limit]


def rows(docs: Sequence[tuple[str, str]], label: int, first_only: bool) -> Iterator[Row]:
    """Each document's units (its first only with `first_only`) read as the second reading reads them."""
    names = [n for n in default_stages() if n != "events"]
    pipeline = Pipeline(names)
    stage = make_events_stage.build()
    assert isinstance(stage, EventCoderStage)
    how, s = stage.detection, section("event_recall", RecallSettings)
    harm = harm_sub_types(s.harm_types)
    for lo in range(0, len(docs), 32):
        chunk = docs[lo:lo + 32]
        batch = pipeline.run_documents([adapter.document(t, name=k, source="train") for k, t in chunk])
        for (key, _), analysis in zip(chunk, batch, strict=True):
            ctx = DocContext.of(analysis)
            units = _units(ctx)[:1] if first_only else _units(ctx)
            texts = [ctx.text[u.start:u.end] for u in units]
            guesses = stage.coder.classify_in_context(texts, _contexts(ctx, units, how.context_sentences),
                                                      how.context_weight, 0.0)
            for u, g in zip(units, guesses, strict=True):
                whole = Reading(g.event_probability, g.readings)
                if g.event_probability >= s.floor and _harm(whole, harm) > 0.5:
                    x = features(ctx, u.start, u.end, u.span, whole, surest_clause(u.span, stage.coder, whole),
                                 how.evidence, harm)
                    yield Row(f"{key}:{u.start}", x, label, g.event_probability)


def fit(data: Sequence[Row], c: float) -> tuple[list[float], dict[str, object]]:
    """Weights (bias first, as `FEATURES`) fitted on the rows outside the held-out fifth, and its figures."""
    from thucydides.events.stage import EventsConfig

    top = section("stages.events", EventsConfig).threshold
    data = [r for r in data if r.p_event < top]  # the second reading judges only units below the threshold
    from sklearn.linear_model import LogisticRegression

    held = np.array([sha256_int(f"recall:{r.key}") % 5 == 0 for r in data])
    if not held.any() or held.all():
        raise ValueError("too few rows to fit and hold out (more --notes, --articles)")
    x = np.array([r.x[1:] for r in data])
    y = np.array([r.label for r in data])
    model = LogisticRegression(C=c, max_iter=2000).fit(x[~held], y[~held])
    weights = [float(model.intercept_[0]), *(float(w) for w in model.coef_[0])]
    p = model.predict_proba(x[held])[:, 1]
    figures: dict[str, object] = {"fit_events": int(y[~held].sum()), "fit_none": int((~held).sum() - y[~held].sum()),
                                  "held_events": int(y[held].sum()), "held_none": int(held.sum() - y[held].sum())}
    for cut in (0.5, 0.7, 0.8, 0.9, 0.95):
        tp = int(((p >= cut) & (y[held] == 1)).sum())
        fp = int(((p >= cut) & (y[held] == 0)).sum())
        figures[f"held_at_{cut}"] = {"tp": tp, "fp": fp, "fn": int(y[held].sum()) - tp}
    return weights, figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--notes", type=int, default=5000)
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--c", type=float, default=1.0)
    parser.add_argument("--out", type=Path, default=DATA / "event_recall.json")
    parser.add_argument("--rows", type=Path, default=None, help="also write the rows read (JSON lines), to study")
    parser.add_argument("--rows-in", type=Path, default=None, help="fit on the rows a run wrote with --rows")
    args = parser.parse_args()
    if args.rows_in is not None:  # the rows a run wrote with --rows: the same rows, without the pipeline
        data = [Row(k, x, label, p) for k, label, p, x in map(json.loads, args.rows_in.read_text().splitlines())]
    else:
        learnt = section("learn.events", EventTrainingSettings)
        notes = event_notes(args.notes, learnt.calibration_share, learnt.news_style_sources)
        data = list(rows(notes, 1, True)) + list(rows(news(args.articles), 0, False))
    if args.rows is not None:
        args.rows.write_text("".join(json.dumps([r.key, r.label, r.p_event, r.x]) + "\n" for r in data))
    weights, figures = fit(data, args.c)
    out = {"format": FORMAT, "version": VERSION, "features": list(FEATURES), "weights": [round(w, 6) for w in weights],
           "trained_by": "python -m thucydides.learn.recall " + " ".join(
               f"--{k} {v}" for k, v in (("notes", args.notes), ("articles", args.articles), ("c", args.c))),
           "figures": figures}
    args.out.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
