"""Fit the place ranker (`data/geo_ranker.json`) on real labelled text; offline, the runtime never imports this.

    python -m thucydides.learn.places [--shared ../shared] [--acled-per-country 60] [--cache DIR]

Data, all read from `shared/data` (never copied into the repository):
- LGL and GeoVirus: the *fit* half of each corpus (an article is fit when sha256("lgl:<index>") is even;
  the other half is the report half, scored by `bench/geoparse_lgl.py --half report`). A recognised
  mention on a gold toponym is labelled with its candidate nearest the gold point when within 161 km,
  else "none"; a mention on no gold span is labelled "none".
- ACLED notes of the **train** split (SPLITS.md), at most N per country in hash order: a mention whose
  name is the note's location, admin unit or country is labelled with the candidate at ACLED's point
  (within 30 km, 60 km for admin2/3 units, the region or country itself for admin1 and country names),
  else "none"; other mentions are not labelled.

The model is a conditional logit over each mention's candidates plus a "none" option (features in
`thucydides.geo.features`), fitted by gradient descent with an L2 penalty, twice: the second round
computes the distance features against the places the first round's model picks. A fifth of the fit
documents (by hash) is kept aside to fit the temperature (calibration) and the abstain threshold: the
threshold maximises right minus wrong resolutions there. Prints the fit's figures; writes the file.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import math
import pickle
import sys
import time
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from thucydides.data import PACKAGE_DATA
from thucydides.geo.distance import km
from thucydides.geo.document import actor_countries, home_country
from thucydides.geo.features import CANDIDATE_FEATURES, NULL_FEATURES, context_rows, null_row, static_rows
from thucydides.geo.fold import fold
from thucydides.geo.gazetteer import Candidate, Gazetteer, open_gazetteer
from thucydides.geo.ranker import Ranker, abstain_threshold, places_settings
from thucydides.geo.recognize import recognise
from thucydides.geo.resolve import allowed, build_mentions, context_for, geography, points_of, possible_regions
from thucydides.model import Analysis, Document

ROOT = Path(__file__).resolve().parents[2]
GOLD_KM = 161.0
ACLED_KM = {"location": 30.0, "area": 60.0}
L2 = 0.01
STEPS = 400
LEARNING_RATE = 0.05


@dataclass(slots=True)
class Gold:
    """What one document's gold says: toponym spans with points (corpora) or the event's place (ACLED)."""

    spans: list[tuple[int, int, float | None, float | None]] = field(default_factory=list)
    acled: dict[str, str] | None = None


@dataclass(slots=True)
class Item:
    text: str
    url: str | None
    gold: Gold
    corpus: str
    key: str


def is_fit_half(corpus: str, index: int) -> bool:
    """The fit half of LGL or GeoVirus; the other half is the report half."""
    return int(hashlib.sha256(f"{corpus}:{index}".encode()).hexdigest(), 16) % 2 == 0


def is_calibration(key: str) -> bool:
    return int(hashlib.sha256(f"calibration:{key}".encode()).hexdigest(), 16) % 5 == 0


def corpus_items(path: Path, corpus: str, half: str = "fit") -> Iterator[Item]:
    """Articles of LGL (toponym/gaztag) or GeoVirus (location) with their gold points, one half only."""
    for index, art in enumerate(ET.parse(path).getroot().iter("article")):
        if is_fit_half(corpus, index) != (half == "fit"):
            continue
        text = art.findtext("text") or ""
        gold = Gold()
        for t in art.iter("toponym" if corpus == "lgl" else "location"):
            start, end = int(t.findtext("start") or 0), int(t.findtext("end") or 0)
            name = t.findtext("phrase") or t.findtext("name")
            if corpus == "geovirus" and text[start:end] != name and text[start - 1:end - 1] == name:
                start, end = start - 1, end - 1
            lat = t.findtext("gaztag/lat") if corpus == "lgl" else t.findtext("lat")
            lon = t.findtext("gaztag/lon") if corpus == "lgl" else t.findtext("lon")
            gold.spans.append((start, end, float(lat) if lat else None, float(lon) if lon else None))
        yield Item(text, art.findtext("url") or art.findtext("source"), gold, corpus, f"{corpus}:{index}")


def acled_items(events: Path, per_country: int) -> Iterator[Item]:
    """Train-split notes, at most `per_country` per country, chosen in hash order."""
    rows: dict[str, list[tuple[str, dict[str, str]]]] = defaultdict(list)
    with events.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            digest = hashlib.sha256(row["event_id_cnty"].encode("utf-8")).hexdigest()
            if int(digest, 16) % 10 == 0 or not row["latitude"]:
                continue  # dev rows are never read
            rows[row["country"]].append((digest, row))
    for country in sorted(rows):
        for _, row in sorted(rows[country], key=lambda dr: dr[0])[:per_country]:
            yield Item(row["notes"], None, Gold(acled=row), "acled", row["event_id_cnty"])


def parsed(items: list[Item], cache: Path | None) -> list[Analysis]:
    """spaCy and actors for each item's text, kept in `cache` between runs."""
    from thucydides.pipeline import Pipeline

    docs = [Document.from_text(i.text, url=i.url) for i in items]
    path = None
    if cache is not None:
        key = hashlib.sha256("\0".join(i.key for i in items).encode()).hexdigest()[:16]
        path = cache / f"learn-places-{key}.pkl"
        if path.exists():
            from spacy.tokens import DocBin

            from thucydides.ling.spacy_model import load_model

            blob, actors = pickle.loads(path.read_bytes())
            spacy_docs = list(DocBin().from_bytes(blob).get_docs(load_model().vocab))
            return [Analysis(d, spacy_doc=s, actors=a) for d, s, a in zip(docs, spacy_docs, actors, strict=True)]
    analyses = Pipeline(["nlp", "actors"]).run_documents(docs)
    if path is not None:
        from spacy.tokens import DocBin

        path.parent.mkdir(parents=True, exist_ok=True)
        blob = DocBin(docs=[a.spacy_doc for a in analyses], store_user_data=True).to_bytes()  # type: ignore[misc]
        path.write_bytes(pickle.dumps((blob, [a.actors for a in analyses])))
    return analyses


# --- labels ----------------------------------------------------------------------------------

def corpus_label(start: int, end: int, cands: list[Candidate], gold: Gold, admin: bool = False) -> int | None:
    """Index of the candidate nearest the gold point of the toponym under the mention (within 161 km),
    -1 ("none") when there is no gold toponym there or no candidate near it, None when the gold has no point."""
    hit = next((g for g in gold.spans if g[0] < end and start < g[1]), None)
    if hit is None:
        return -1
    if hit[2] is None or hit[3] is None:
        return None
    lat, lon = hit[2], hit[3]
    dists = [km(c.place.lat, c.place.lon, lat, lon) for c in cands]
    order = sorted(range(len(cands)), key=dists.__getitem__)
    near = [i for i in order if dists[i] <= GOLD_KM]
    if admin:  # "X County": the county, when one is near the gold point, not the town of its name
        near = [i for i in near if cands[i].place.kind in ("admin1", "admin2")] or near
    return near[0] if near else -1


def acled_label(name: str, cands: list[Candidate], row: dict[str, str]) -> int | None:
    """Which candidate ACLED's coding says the mention means; None when the note's coding does not name it."""
    key = fold(name)
    location = row["location"]
    lat, lon = float(row["latitude"]), float(row["longitude"])
    places = {fold(location), fold(location.partition(" - ")[0]), fold(location.partition(" - ")[2])} - {""}
    areas = {fold(row["admin2"]), fold(row["admin3"])} - {""}
    if key in places or key in areas:
        limit = ACLED_KM["location"] if key in places else ACLED_KM["area"]
        dists = [km(c.place.lat, c.place.lon, lat, lon) for c in cands]
        best = min(range(len(cands)), key=dists.__getitem__, default=None)
        return best if best is not None and dists[best] <= limit else -1
    wanted = {fold(row["country"]): ("country",)}.get(key)
    if wanted is None:  # an admin1 name: notes write "Town, Region", news means the town by a bare name
        return None
    near = [i for i, c in enumerate(cands) if c.place.kind in wanted
            and km(c.place.lat, c.place.lon, lat, lon) <= (1500 if wanted == ("country",) else 400)]
    return near[0] if near else -1


# --- examples --------------------------------------------------------------------------------

@dataclass(slots=True)
class Example:
    rows: np.ndarray
    """candidates x CANDIDATE_FEATURES"""
    null: np.ndarray
    label: int
    """index of the right candidate; -1 when none is right"""
    distances: list[float]
    calibration: bool
    corpus: str


def examples(item: Item, analysis: Analysis, gaz: Gazetteer, model: Ranker | None) -> list[Example]:
    """One example per labelled, eligible mention, its context features as the resolver would see them
    (distances against the places `model` picks for the other names; no model: the most populous candidate)."""
    text = analysis.document.analysis_text
    found = recognise(text, analysis.spacy_doc, gaz, [(a.start, a.end) for a in analysis.actors])
    settings = places_settings()
    scorer = model or _population_only()
    mentions = build_mentions(found, gaz, settings, scorer)
    geo = geography(mentions, text, home_country(item.url), actor_countries(a.actor for a in analysis.actors))
    possible = possible_regions(mentions)
    picks = first_picks(mentions, geo, scorer, settings, possible)
    located = points_of(mentions, picks)
    out = []
    for m in mentions:
        if not m.eligible:
            continue
        view = geo.view(m.key)
        keep = allowed(m, view, settings)
        cands = [m.options[i] for i in keep]
        label = (acled_label(m.found.name, cands, item.gold.acled) if item.gold.acled is not None
                 else corpus_label(m.found.start, m.found.end, cands, item.gold, m.found.admin))
        if label is None:
            continue
        points = context_for(m.key, located, possible)
        static = static_rows(m.found, m.options)
        rows = [static[i] + ctx for i, ctx in zip(keep, context_rows(cands, view, points), strict=True)]
        out.append(Example(np.array(rows, dtype=np.float64).reshape(len(rows), len(CANDIDATE_FEATURES)),
                           np.array(null_row(m.found, m.options)), label, _distances(cands, item, m.found),
                           is_calibration(item.key), item.corpus))
    return out


def _distances(cands: list[Candidate], item: Item, f) -> list[float]:  # type: ignore[no-untyped-def]
    """km from each candidate to the gold point (for the fit's report), inf where there is none."""
    if item.gold.acled is not None:
        lat, lon = float(item.gold.acled["latitude"]), float(item.gold.acled["longitude"])
    else:
        hit = next((g for g in item.gold.spans if g[0] < f.end and f.start < g[1] and g[2] is not None), None)
        if hit is None:
            return [math.inf] * len(cands)
        lat, lon = hit[2], hit[3]  # type: ignore[assignment]
    return [km(c.place.lat, c.place.lon, lat, lon) for c in cands]


def first_picks(mentions, geo, scorer: Ranker, settings, possible) -> list[Candidate | None]:  # type: ignore[no-untyped-def]
    """The first pass of the resolver: each mention's best candidate with no other place resolved yet."""
    from thucydides.geo.resolve import rank

    picks: list[Candidate | None] = []
    for m in mentions:
        if not m.eligible:
            picks.append(None)
            continue
        ranked = rank(m, geo.view(m.key), context_for(m.key, {}, possible), scorer, settings)
        picks.append(ranked.best(abstain_threshold(scorer, settings)))
    return picks


def _population_only() -> Ranker:
    weights = tuple(1.0 if f in ("population", "main_name", "kind_country", "text_country") else 0.0
                    for f in CANDIDATE_FEATURES)
    null = tuple(-3.0 if f == "bias" else 0.0 for f in NULL_FEATURES)
    return Ranker(CANDIDATE_FEATURES, weights, NULL_FEATURES, null, 1.0, 0.0)


# --- fitting ---------------------------------------------------------------------------------

def stack(exs: list[Example]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Padded arrays: X (n, C, K), mask (n, C), Z (n, J), y (n,) with 0 for none and i+1 for candidate i."""
    width = max(len(e.rows) for e in exs)
    x = np.zeros((len(exs), width, len(CANDIDATE_FEATURES)))
    mask = np.zeros((len(exs), width), dtype=bool)
    for i, e in enumerate(exs):
        x[i, :len(e.rows)] = e.rows
        mask[i, :len(e.rows)] = True
    z = np.stack([e.null for e in exs])
    y = np.array([e.label + 1 for e in exs])
    return x, mask, z, y


def logits(w: np.ndarray, v: np.ndarray, x: np.ndarray, mask: np.ndarray, z: np.ndarray) -> np.ndarray:
    s = np.where(mask, x @ w, -np.inf)
    return np.concatenate([(z @ v)[:, None], s], axis=1)


def softmax(a: np.ndarray) -> np.ndarray:
    a = a - a.max(axis=1, keepdims=True)
    e = np.exp(a)
    return e / e.sum(axis=1, keepdims=True)


def fit(exs: list[Example]) -> tuple[np.ndarray, np.ndarray]:
    """Conditional logit weights (candidates, none) by Adam on the mean log loss plus an L2 penalty."""
    x, mask, z, y = stack(exs)
    w, v = np.zeros(x.shape[2]), np.zeros(z.shape[1])
    params = np.concatenate([w, v])
    m1, m2 = np.zeros_like(params), np.zeros_like(params)
    onehot = np.zeros((len(y), x.shape[1] + 1))
    onehot[np.arange(len(y)), y] = 1.0
    for step in range(1, STEPS + 1):
        w, v = params[:x.shape[2]], params[x.shape[2]:]
        diff = softmax(logits(w, v, x, mask, z)) - onehot
        grad_w = np.einsum("nc,nck->k", diff[:, 1:], x) / len(y) + L2 * w
        grad_v = diff[:, 0] @ z / len(y) + L2 * v
        grad = np.concatenate([grad_w, grad_v])
        m1 = 0.9 * m1 + 0.1 * grad
        m2 = 0.999 * m2 + 0.001 * grad ** 2
        params = params - LEARNING_RATE * (m1 / (1 - 0.9 ** step)) / (np.sqrt(m2 / (1 - 0.999 ** step)) + 1e-8)
    return params[:x.shape[2]], params[x.shape[2]:]


def temperature(w: np.ndarray, v: np.ndarray, exs: list[Example]) -> float:
    """The temperature that minimises the log loss on the calibration documents."""
    x, mask, z, y = stack(exs)
    raw = logits(w, v, x, mask, z)
    best, best_t = math.inf, 1.0
    for t in np.arange(0.5, 3.01, 0.05):
        p = softmax(raw / t)[np.arange(len(y)), y]
        loss = -np.log(np.clip(p, 1e-12, None)).mean()
        if loss < best:
            best, best_t = loss, float(t)
    return round(best_t, 2)


def decisions(w: np.ndarray, v: np.ndarray, t: float, exs: list[Example]) -> list[tuple[float, bool, bool]]:
    """(probability of the best candidate, whether it is right, whether some candidate was right) per example."""
    x, mask, z, y = stack(exs)
    p = softmax(logits(w, v, x, mask, z) / t)
    out = []
    for i, e in enumerate(exs):
        best = int(np.argmax(p[i, 1:len(e.rows) + 1])) if len(e.rows) else -1
        right = best >= 0 and e.label >= 0 and e.distances[best] <= GOLD_KM and (
            e.corpus != "acled" or best == e.label)
        out.append((float(p[i, best + 1]) if best >= 0 else 0.0, right, e.label >= 0))
    return out


WRONG_COST = 0.5
"""What a wrong resolution costs against a right one when the abstain threshold is chosen."""


def threshold(decided: list[tuple[float, bool, bool]]) -> float:
    """The probability floor that maximises right minus WRONG_COST times wrong resolutions."""
    best, best_t = -math.inf, 0.5
    for t in np.arange(0.05, 0.96, 0.05):
        gain = sum((1.0 if right else -WRONG_COST) for p, right, _ in decided if p >= t)
        if gain > best:
            best, best_t = gain, round(float(t), 2)
    return best_t


def reliability(decided: list[tuple[float, bool, bool]]) -> str:
    """Share right per band of stated probability: a calibrated ranker says 0.7 where it is right 70% of the time."""
    bands = []
    for low in (0.0, 0.2, 0.4, 0.6, 0.8):
        inside = [right for p, right, _ in decided if low <= p < low + 0.2 or (low == 0.8 and p == 1.0)]
        if inside:
            bands.append(f"{low:.1f}-{low + 0.2:.1f}: {sum(inside) / len(inside):.2f} of {len(inside)}")
    return "; ".join(bands)


def collect(items: list[Item], analyses: list[Analysis], gaz: Gazetteer, model: Ranker | None) -> list[Example]:
    out: list[Example] = []
    for item, analysis in zip(items, analyses, strict=True):
        out.extend(examples(item, analysis, gaz, model))
    return out


def as_ranker(w: np.ndarray, v: np.ndarray, t: float, floor: float) -> Ranker:
    return Ranker(CANDIDATE_FEATURES, tuple(float(a) for a in w), NULL_FEATURES, tuple(float(a) for a in v), t, floor)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--acled-per-country", type=int, default=60)
    ap.add_argument("--cache", type=Path, default=None, help="folder to keep spaCy parses in between runs")
    ap.add_argument("--out", type=Path, default=PACKAGE_DATA / "geo_ranker.json")
    a = ap.parse_args(argv)
    t0 = time.perf_counter()
    data = a.shared / "data"
    items = [*corpus_items(data / "geoparsing" / "lgl.xml", "lgl"),
             *corpus_items(data / "geoparsing" / "GeoVirus.xml", "geovirus"),
             *acled_items(data / "acled" / "events.csv", a.acled_per_country)]
    analyses = parsed(items, a.cache)
    gaz = open_gazetteer()
    model: Ranker | None = None
    for round_ in (1, 2):
        exs = collect(items, analyses, gaz, model)
        train = [e for e in exs if not e.calibration and len(e.rows)]
        calib = [e for e in exs if e.calibration and len(e.rows)]
        w, v = fit(train)
        t = temperature(w, v, calib)
        decided = decisions(w, v, t, calib)
        model = as_ranker(w, v, t, threshold(decided))
        print(f"round {round_}: {len(train)} fit mentions, {len(calib)} calibration mentions; "
              f"temperature {t}, abstain below {model.abstain_below}", file=sys.stderr)
        print(f"  calibration reliability: {reliability(decided)}", file=sys.stderr)
    assert model is not None
    counts = {c: sum(1 for e in exs if e.corpus == c) for c in ("lgl", "geovirus", "acled")}
    write_model(a.out, model, counts, a.acled_per_country)
    print(f"wrote {a.out} in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    return 0


def write_model(out: Path, model: Ranker, counts: dict[str, int], per_country: int) -> None:
    payload = {
        "candidate_features": list(model.candidate_features),
        "candidate_weights": [round(w, 4) for w in model.candidate_weights],
        "null_features": list(model.null_features),
        "null_weights": [round(w, 4) for w in model.null_weights],
        "temperature": model.temperature,
        "abstain_below": model.abstain_below,
        "fit": {"command": "python -m thucydides.learn.places", "mentions": counts,
                "data": f"LGL and GeoVirus fit halves (sha256('corpus:index') even); ACLED train split, "
                        f"at most {per_country} notes per country (credited to ACLED in DATA-LICENSES)",
                "l2": L2, "steps": STEPS},
    }
    out.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
