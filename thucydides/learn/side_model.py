"""The learned actor 2 chooser (events/sides), fitted on ACLED's train notes with ACLED's actor 2 as the label.

    python -m thucydides.learn.side_model [--acled ../shared/data/acled/events.csv] [--out FILE]
        [--records FILE] [--from-records FILE]

A sample of the train split's notes (settings `side_model_learning.per_country` per country, in the hash order of
`salt`) is run through the whole pipeline while events/sides records every sighting's sides; the sides of each
note's primary event are labelled by whether ACLED's actor 2 is that side (the evaluation's loose match). A
logistic regression (scikit-learn, the train extra) over their features is fitted on the notes whose hash falls
outside the held-out share and reported on those inside it, then refitted on all; weights under `min_weight` are
dropped. `--records` keeps the labelled sides as JSON lines, `--from-records` refits from such a file.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from thucydides.evaluation.view import EventRef, ExportView
from thucydides.events import sides
from thucydides.knowledge import data_path
from thucydides.knowledge.settings import section
from thucydides.knowledge.side_model import FILE, FORMAT, VERSION, SideModel
from thucydides.knowledge.splits import sha256_int
from thucydides.learn.corpora import acled_parser, parse_acled_args


@dataclass(frozen=True)
class SideLearning:
    """Settings section `side_model_learning`."""

    per_country: int
    """Train notes sampled per country."""
    salt: str
    """Salt of the hash order the sample is drawn in."""
    c: float
    """Inverse regularisation strength of the logistic regression."""
    held_out: int
    """One note in this many (by hash) is held out for the reported figures (0: none)."""
    min_weight: float
    """Weights smaller than this in magnitude are not shipped."""


@dataclass(frozen=True)
class Labelled:
    """The sides of one note's primary event, each with whether ACLED's actor 2 is it."""

    note: str
    step2: str | None
    chosen: int | None
    """Which of the sides the step chain chose as actor 2 (None: none of them)."""
    features: tuple[tuple[str, ...], ...]
    labels: tuple[bool, ...]


def sample(path: Path, settings: SideLearning) -> list[object]:
    """The train notes of the sample, as the evaluation reads ACLED rows."""
    from thucydides.evaluation.acled import read_split

    rows = sorted(read_split(False, path), key=lambda r: sha256_int(settings.salt + r.event_id))
    seen: dict[str, int] = defaultdict(int)
    chosen: list[object] = []
    for row in rows:
        if seen[row.country] < settings.per_country:
            seen[row.country] += 1
            chosen.append(row)
    return chosen


def record(rows: Sequence[object]) -> Iterable[Labelled]:
    """Run the pipeline over the notes and label the recorded sides of each one's primary event."""
    from thucydides.evaluation import adapter
    from thucydides.evaluation.acled import AcledRow

    pipe = adapter.build_pipeline()
    for row in (r for r in rows if isinstance(r, AcledRow)):
        doc = adapter.document(row.notes, name=row.event_id, published=row.event_date, source="acled")
        kept: list[sides.SideRecord] = []
        token = sides.recording.set(kept)
        try:
            _, ex = next(adapter.export_each(pipe, [doc]))
        finally:
            sides.recording.reset(token)
        labelled = _labelled(row.event_id, row.actor2, kept, ex, adapter.doc_id(doc))
        if labelled is not None:
            yield labelled


def _labelled(note: str, gold: str, kept: Sequence[sides.SideRecord], ex: ExportView, did: str) -> Labelled | None:
    """The sides recorded for the note's primary event (the sighting whose unit its evidence overlaps), each
    labelled by whether ACLED's actor 2 is it, as the evaluation names actors in the event's country."""
    from thucydides.evaluation.scoring import primary_event

    event = primary_event(ex.events_of(did), did)
    if event is None:
        return None
    found = _sighting_of(kept, event, did)
    if found is None or not found.sides:
        return None
    place = ex.places.get(event.place) if event.place else None
    country = place.country if place else None
    chosen = next((i for i, s in enumerate(found.sides) if s.actor == found.actor2), None)
    return Labelled(note, found.step2, chosen, tuple(s.features for s in found.sides),
                    tuple(_is_gold(s.actor, country, gold) for s in found.sides))


def _sighting_of(kept: Sequence[sides.SideRecord], event: EventRef, did: str) -> sides.SideRecord | None:
    """The first recorded sighting whose unit the event's evidence in the document overlaps."""
    spans = [(e.start, e.end) for e in event.evidence if e.doc == did]
    return next((r for r in kept if any(r.start < end and start < r.end for start, end in spans)), None)


def _is_gold(actor: str, country: str | None, gold: str) -> bool:
    """Whether ACLED's actor `gold` is the actor, as the evaluation matches it (named for the event's country)."""
    from thucydides.evaluation.acled import acled_named
    from thucydides.evaluation.scoring import actor_matches
    from thucydides.evaluation.view import ActorRef
    from thucydides.export.bundle import actors_of

    a = actors_of([actor])[0]
    return actor_matches(acled_named(ActorRef(a.id, a.name, tuple(a.aliases)), country), gold)


def fit(examples: Sequence[Labelled], c: float) -> SideModel:
    """A logistic regression over the sides' binary features."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    x = [dict.fromkeys(f, 1) for e in examples for f in e.features]
    y = [label for e in examples for label in e.labels]
    vec = DictVectorizer()
    model = LogisticRegression(C=c, max_iter=2000).fit(vec.fit_transform(x), y)
    names = vec.get_feature_names_out()
    return SideModel(float(model.intercept_[0]), {str(n): float(w) for n, w in zip(names, model.coef_[0], strict=True)})


def choose_figures(model: SideModel, examples: Sequence[Labelled], threshold: float) -> tuple[int, int, int]:
    """Of the notes, how many the best side (at the threshold) gets right, gets wrong, and leaves with none."""
    right = wrong = none = 0
    for e in examples:
        scored = [(model.probability(f), label) for f, label in zip(e.features, e.labels, strict=True)]
        p, label = max(scored, key=lambda s: s[0])
        if p < threshold:
            none += 1
        elif label:
            right += 1
        else:
            wrong += 1
    return right, wrong, none


def write(model: SideModel, out: Path, settings: SideLearning, notes: int) -> None:
    weights = {k: round(w, 4) for k, w in sorted(model.weights.items()) if abs(w) >= settings.min_weight}
    out.write_text(json.dumps({"format": FORMAT, "version": VERSION, "notes": notes,
                               "per_country": settings.per_country, "salt": settings.salt, "c": settings.c,
                               "bias": round(model.bias, 4), "weights": weights}, indent=1) + "\n", encoding="utf-8")


def _read_records(path: Path) -> list[Labelled]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        raw = json.loads(line)
        out.append(Labelled(raw["note"], raw["step2"], raw.get("chosen"), tuple(tuple(f) for f in raw["features"]),
                            tuple(bool(v) for v in raw["labels"])))
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = acled_parser(__doc__, data_path(FILE), "the model JSON to write")
    ap.add_argument("--records", type=Path, help="also write the labelled sides here (JSON lines)")
    ap.add_argument("--from-records", type=Path, help="fit from labelled sides written before (no pipeline run)")
    a = parse_acled_args(ap, argv)
    settings = section("side_model_learning", SideLearning)
    examples = _read_records(a.from_records) if a.from_records else list(record(sample(a.acled, settings)))
    if a.records:
        a.records.write_text("".join(json.dumps({"note": e.note, "step2": e.step2, "chosen": e.chosen,
                                                 "features": e.features, "labels": e.labels}) + "\n"
                                     for e in examples), encoding="utf-8")
    if settings.held_out:
        held = [e for e in examples if sha256_int(e.note) % settings.held_out == 0]
        fitted = fit([e for e in examples if sha256_int(e.note) % settings.held_out != 0], settings.c)
        for threshold in (0.3, 0.4, 0.5, 0.6):
            right, wrong, none = choose_figures(fitted, held, threshold)
            print(f"held out {len(held)} notes, threshold {threshold}: right {right}, wrong {wrong}, none {none}")
    model = fit(examples, settings.c)
    write(model, a.out, settings, len(examples))
    print(f"{len(examples)} notes, {len(model.weights)} features -> {a.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
