"""Fit the place ranker (`data/geo_ranker.json`) on real labelled text; offline, the runtime never imports this.

    python -m thucydides.learn.places [--shared ../shared] [--acled-per-country 50] [--acled-share 0.5]
                                      [--cache DIR]

Data, all read from `shared/data` (never copied into the repository):
- LGL and GeoVirus: the *fit* half of each corpus (`knowledge.splits.is_fit_half`: sha256("lgl:<index>") even;
  the other half is the report half, scored by `bench/eval.py --geo-half report`). A recognised
  mention on a gold toponym is right with each candidate within 161 km of the gold point (the
  benchmark's measure); a mention on no gold span has no right candidate.
- ACLED notes of the **train** split (SPLITS.md), at most N per country in hash order: a mention whose
  name is the note's location or admin unit is right with the candidates near ACLED's point (within
  30 km, 60 km for admin2/3 units; a town over the unit named like it); a country's name with the
  country; other mentions are not labelled.
  Notes read differently from news (a bare region name is the region there, its capital in news), so
  ACLED's examples weigh `--acled-share` of the news corpora's together, however many there are.

Two models (features in `thucydides.geo.features`). The ranker, a conditional logit over the candidates
a mention may mean (the hand-set gates' ones, else the ones the document's geography allows), is fitted
by gradient descent on the mentions with a right candidate, with an L2 penalty that pulls the weights
towards the hand-set resolver's (stacking: with no evidence, the fit is the hand-set choice). The admit
model, a logistic regression, learns when a mention the gates leave out names a place whose best
candidate is right (news corpora only, where every span is labelled). Both are fitted twice: the second
round computes the context features against the places the first round's models pick. A fifth of the fit
documents (by hash) is kept aside to fit the ranker's temperature and the admit threshold (the one that
maximises right minus wrong resolutions there). Prints the fit's figures; writes the file.
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
from functools import lru_cache
from pathlib import Path

import numpy as np

from thucydides.data import PACKAGE_DATA
from thucydides.geo.distance import km
from thucydides.geo.document import actor_countries, home_country, named_actor_countries
from thucydides.geo.features import ADMIT_FEATURES, CANDIDATE_FEATURES, admit_row
from thucydides.geo.fold import fold
from thucydides.geo.gazetteer import Candidate, Gazetteer, open_gazetteer
from thucydides.geo.ranker import Ranker, places_settings
from thucydides.geo.recognize import Found
from thucydides.geo.resolve import (
    Mention,
    context_for,
    mentions_in,
    points_of,
    rows_for,
    run_passes,
)
from thucydides.geo.stage import recognised
from thucydides.knowledge.settings import section
from thucydides.knowledge.splits import fold_of, is_acled_dev, is_calibration, is_fit_half, sha256_int
from thucydides.model import Analysis, Document

ROOT = Path(__file__).resolve().parents[2]
GOLD_KM = 161.0
"""The benchmark's measure: a resolution within 161 km (100 miles) of the gold point is right."""


@dataclass(frozen=True, slots=True)
class PlacesFitSettings:
    """`learn.places` in settings.yaml: the ranker's fit."""

    l2: float
    """The L2 pull of the weights towards the start (the hand-set ranker's; zero for the admit model)."""
    steps: int
    """Adam steps."""
    learning_rate: float
    hand_weight: float
    """The hand-set resolver as a ranker: this weight on its prior and on its coherence (scaled by `hand_scale`)."""
    acled_location_km: float
    """An ACLED note's location names the candidates within this of ACLED's point."""
    acled_area_km: float
    """... its admin2 or admin3 unit: the unit's candidates within this (a unit's point is nominal)."""
    acled_country_km: float
    """... its country: the country candidates within this of the point."""
    acled_per_country: int
    """ACLED train notes taken per country (the default of --acled-per-country)."""
    acled_share: float
    """What the ACLED notes weigh against the news corpora together (the default of --acled-share)."""


@lru_cache(maxsize=1)
def fit_settings() -> PlacesFitSettings:
    return section("learn.places", PlacesFitSettings)


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


def corpus_items(path: Path, corpus: str, half: str = "fit") -> Iterator[Item]:
    """Articles of LGL (toponym/gaztag) or GeoVirus (location) with their gold points, one half only."""
    for index, art in enumerate(ET.parse(path).getroot().iter("article")):
        if is_fit_half(corpus, index) == (half == "fit"):
            text = art.findtext("text") or ""
            gold = Gold([_gold_span(text, t, corpus) for t in art.iter("toponym" if corpus == "lgl" else "location")])
            yield Item(text, art.findtext("url") or art.findtext("source"), gold, corpus, f"{corpus}:{index}")


def _gold_span(text: str, t: ET.Element, corpus: str) -> tuple[int, int, float | None, float | None]:
    """(start, end, lat, lon) of a gold toponym; GeoVirus's published offsets are one past the name."""
    start, end = int(t.findtext("start") or 0), int(t.findtext("end") or 0)
    name = t.findtext("phrase") or t.findtext("name")
    if corpus == "geovirus" and text[start:end] != name and text[start - 1:end - 1] == name:
        start, end = start - 1, end - 1
    prefix = "gaztag/" if corpus == "lgl" else ""
    lat, lon = t.findtext(prefix + "lat"), t.findtext(prefix + "lon")
    return start, end, float(lat) if lat else None, float(lon) if lon else None


def acled_items(events: Path, per_country: int) -> Iterator[Item]:
    """Train-split notes, at most `per_country` per country, chosen in hash order."""
    rows: dict[str, list[tuple[int, dict[str, str]]]] = defaultdict(list)
    with events.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if is_acled_dev(row["event_id_cnty"]) or not row["latitude"]:
                continue  # dev rows are never read
            rows[row["country"]].append((sha256_int(row["event_id_cnty"]), row))
    for country in sorted(rows):
        for _, row in sorted(rows[country], key=lambda dr: dr[0])[:per_country]:
            yield Item(row["notes"], None, Gold(acled=row), "acled", row["event_id_cnty"])


def parsed(items: list[Item], cache: Path | None) -> list[Analysis]:
    """spaCy and actors for each item's text, kept in `cache` between runs."""
    docs = [Document.from_text(i.text, url=i.url) for i in items]
    key = hashlib.sha256("\0".join(i.key for i in items).encode()).hexdigest()[:16]
    return parsed_documents(docs, cache / f"learn-places-{key}.pkl" if cache is not None else None)


def parsed_documents(docs: list[Document], path: Path | None) -> list[Analysis]:
    """spaCy and actors for each document, read from `path` when a run before wrote them there (a pickle of the
    parses and the actors), else run and written there: only the stages after them are re-run."""
    from spacy.tokens import DocBin

    from thucydides.pipeline import Pipeline

    if path is not None and path.exists():
        from thucydides.ling.spacy_model import load_model

        blob, actors = pickle.loads(path.read_bytes())
        spacy_docs = list(DocBin().from_bytes(blob).get_docs(load_model().vocab))
        return [Analysis(d, spacy_doc=s, actors=a) for d, s, a in zip(docs, spacy_docs, actors, strict=True)]
    analyses = Pipeline(["nlp", "actors"]).run_documents(docs)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        blob = DocBin(docs=[a.spacy_doc for a in analyses], store_user_data=True).to_bytes()  # type: ignore[misc]
        path.write_bytes(pickle.dumps((blob, [a.actors for a in analyses])))
    return analyses


# --- labels ----------------------------------------------------------------------------------

POINT_KINDS = frozenset({"populated_place", "facility", "other"})


def corpus_right(start: int, end: int, cands: list[Candidate], gold: Gold,
                 admin: bool = False) -> frozenset[int] | None:
    """The candidates within 161 km of the gold point of the toponym under the mention (the benchmark's
    measure): empty when there is no gold toponym there or no candidate near it, None when the gold has no
    point. For "X County", the counties among them when there are any."""
    hit = next((g for g in gold.spans if g[0] < end and start < g[1]), None)
    if hit is None:
        return frozenset()
    lat, lon = hit[2], hit[3]
    if lat is None or lon is None:
        return None
    near = _near(cands, lat, lon, GOLD_KM)
    return frozenset(_units_first(near, cands) if admin else near)


def _units_first(near: list[int], cands: list[Candidate]) -> list[int]:
    """The admin units among `near`, when there are any."""
    return [i for i in near if cands[i].place.kind in ("admin1", "admin2")] or near


def _near(cands: list[Candidate], lat: float, lon: float, limit: float) -> list[int]:
    return [i for i, c in enumerate(cands) if km(c.place.lat, c.place.lon, lat, lon) <= limit]


def acled_right(name: str, cands: list[Candidate], row: dict[str, str]) -> frozenset[int] | None:
    """The candidates ACLED's coding says the mention means: near ACLED's point for the note's location (a
    town rather than the unit named like it) or admin unit, the country for its name; None when the coding
    does not name the mention."""
    key = fold(name)
    lat, lon = float(row["latitude"]), float(row["longitude"])
    places = {fold(row["location"]), *(fold(part) for part in row["location"].split(" - "))} - {""}
    areas = {fold(row["admin2"]), fold(row["admin3"])} - {""}
    reach = fit_settings()
    if key in places:
        near = _near(cands, lat, lon, reach.acled_location_km)
        return frozenset([i for i in near if cands[i].place.kind in POINT_KINDS] or near)
    if key in areas:
        return frozenset(_near(cands, lat, lon, reach.acled_area_km))
    if key != fold(row["country"]):  # an admin1 name: notes write "Town, Region", news means the town by a bare name
        return None
    return frozenset(i for i in _near(cands, lat, lon, reach.acled_country_km) if cands[i].place.kind == "country")


# --- examples --------------------------------------------------------------------------------

@dataclass(slots=True)
class Example:
    """One labelled mention in the context the resolver's last pass gives it."""

    rows: np.ndarray
    """candidates x CANDIDATE_FEATURES"""
    right: np.ndarray
    """which candidates are right (bool per candidate; none may be)"""
    gated: bool
    """whether the hand-set gates admitted these candidates"""
    found: Found
    gate: str | None
    confirmed: bool
    cands: list[Candidate]
    static: list[list[float]]
    context: list[list[float]]
    calibration: bool
    corpus: str
    doc: str
    frame: list[float] = field(default_factory=list)
    weight: float = 1.0


def examples(item: Item, analysis: Analysis, gaz: Gazetteer, model: Ranker) -> list[Example]:
    """One example per labelled mention, its context features as the resolver's last pass sees them
    (against the places `model` picks for the other names in the passes before)."""
    text = analysis.document.analysis_text
    found = recognised(analysis, gaz)
    settings = places_settings()
    actors = actor_countries(a.actor for a in analysis.actors)
    mentions, geo = mentions_in(found, gaz, text, home_country(item.url), actors,
                                named_actor_countries(analysis.actors), model=model)
    state = run_passes(mentions, geo, model, settings, settings.passes - 1)
    located = points_of(mentions, state.picks)
    confirmed = state.confirmed(mentions)
    out = []
    for m in mentions:
        if not m.considered:
            continue
        rows = rows_for(m, geo.view(m.key), context_for(m.key, located, state.possible), settings)
        cands = [m.options[i] for i in rows.keep]
        right = _right(item, m, cands)
        if right is None or not cands:
            continue
        x = np.array([s + c for s, c in zip(rows.static, rows.context, strict=True)], dtype=np.float64)
        out.append(Example(x, np.array([i in right for i in range(len(cands))]), rows.gated, m.found, m.gate,
                           m.key in confirmed, cands, rows.static, rows.context, is_calibration(item.key), item.corpus,
                           item.key, m.frame))
    return out


def _right(item: Item, m: Mention, cands: list[Candidate]) -> frozenset[int] | None:
    if item.gold.acled is not None:
        return acled_right(m.found.name, cands, item.gold.acled)
    return corpus_right(m.found.start, m.found.end, cands, item.gold, m.found.admin)


def hand_ranker() -> Ranker:
    """The hand-set resolver's choice as a ranker: its prior plus its coherence, nothing else."""
    hand = fit_settings().hand_weight
    weights = tuple(hand if f in ("hand_prior", "hand_coherence") else 0.0 for f in CANDIDATE_FEATURES)
    return Ranker(CANDIDATE_FEATURES, weights, 1.0)


# --- fitting ---------------------------------------------------------------------------------

def stack(exs: list[Example]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Padded arrays: X (n, C, K), mask (n, C), right (n, C), w (n,) the example weights."""
    width = max(len(e.rows) for e in exs)
    x = np.zeros((len(exs), width, len(CANDIDATE_FEATURES)))
    mask = np.zeros((len(exs), width), dtype=bool)
    right = np.zeros((len(exs), width), dtype=bool)
    for i, e in enumerate(exs):
        x[i, :len(e.rows)] = e.rows
        mask[i, :len(e.rows)] = True
        right[i, :len(e.rows)] = e.right
    return x, mask, right, np.array([e.weight for e in exs])


def softmax(a: np.ndarray) -> np.ndarray:
    a = a - a.max(axis=1, keepdims=True)
    e = np.exp(a)
    return e / e.sum(axis=1, keepdims=True)


def adam(grad_of, start: np.ndarray) -> np.ndarray:  # type: ignore[no-untyped-def]
    """`steps` of Adam from `start` on the gradient function `grad_of(params)`."""
    params = start.copy()
    m1, m2 = np.zeros_like(params), np.zeros_like(params)
    rate = fit_settings().learning_rate
    for step in range(1, fit_settings().steps + 1):
        grad = grad_of(params)
        m1 = 0.9 * m1 + 0.1 * grad
        m2 = 0.999 * m2 + 0.001 * grad ** 2
        params = params - rate * (m1 / (1 - 0.9 ** step)) / (np.sqrt(m2 / (1 - 0.999 ** step)) + 1e-8)
    return params


def fit_ranker(exs: list[Example], start: np.ndarray) -> np.ndarray:
    """Conditional logit weights by Adam on the weighted mean log loss of the right candidates' total
    probability, with an L2 pull towards `start`."""
    x, mask, right, w = stack(exs)
    total, l2 = w.sum(), fit_settings().l2

    def grad(params: np.ndarray) -> np.ndarray:
        p = softmax(np.where(mask, x @ params, -np.inf))
        hit = np.where(right, p, 0.0)
        diff = p - hit / hit.sum(axis=1, keepdims=True)
        return np.einsum("n,nc,nck->k", w, diff, x) / total + l2 * (params - start)

    return adam(grad, start)


def scores(weights: np.ndarray, exs: list[Example], t: float = 1.0) -> np.ndarray:
    x, mask, _, _ = stack(exs)
    return softmax(np.where(mask, x @ weights, -np.inf) / t)


def temperature(weights: np.ndarray, exs: list[Example]) -> float:
    """The temperature that minimises the log loss of the right candidates on the calibration documents."""
    _, _, right, _ = stack(exs)
    best, best_t = math.inf, 1.0
    for t in np.arange(0.5, 3.01, 0.05):
        p = np.where(right, scores(weights, exs, float(t)), 0.0).sum(axis=1)
        loss = -np.log(np.clip(p, 1e-12, None)).mean()
        if loss < best:
            best, best_t = loss, float(t)
    return round(best_t, 2)


def admit_data(weights: np.ndarray, t: float, exs: list[Example]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """ADMIT_FEATURES rows of the mentions outside the gates, whether their best candidate is right, weights."""
    p = scores(weights, exs, t)
    rows, right = [], []
    for i, e in enumerate(exs):
        best = int(np.argmax(p[i, :len(e.cands)]))
        rows.append(admit_row(e.found, e.gate, e.confirmed, e.cands, best, float(p[i, best]), e.static[best],
                              e.context[best], e.frame))
        right.append(float(e.right[best]))
    return np.array(rows), np.array(right), np.array([e.weight for e in exs])


def fit_admit(z: np.ndarray, y: np.ndarray, w: np.ndarray) -> np.ndarray:
    """Logistic regression weights by Adam on the weighted mean log loss plus an L2 penalty."""
    total, l2 = w.sum(), fit_settings().l2

    def grad(params: np.ndarray) -> np.ndarray:
        p = 1.0 / (1.0 + np.exp(-np.clip(z @ params, -30, 30)))
        return (w * (p - y)) @ z / total + l2 * params

    return adam(grad, np.zeros(z.shape[1]))


def threshold(probabilities: np.ndarray, right: np.ndarray) -> float:
    """The admit probability floor that maximises right minus wrong resolutions (1: admit nothing)."""
    best, best_t = 0.0, 1.0
    for t in np.arange(0.05, 0.96, 0.05):
        chosen = probabilities >= t
        gain = float(right[chosen].sum() - (1 - right[chosen]).sum())
        if gain > best:
            best, best_t = gain, round(float(t), 2)
    return best_t


def reliability(p: np.ndarray, right: np.ndarray) -> str:
    """Share right per band of stated probability: a calibrated model says 0.7 where it is right 70% of the time."""
    bands = []
    for low in (0.0, 0.2, 0.4, 0.6, 0.8):
        inside = (p >= low) & ((p < low + 0.2) | (low == 0.8))
        if inside.any():
            bands.append(f"{low:.1f}-{low + 0.2:.1f}: {right[inside].mean():.2f} of {int(inside.sum())}")
    return "; ".join(bands)


def balance(exs: list[Example], acled_share: float) -> None:
    """Weigh ACLED's examples together as `acled_share` of the news corpora's (each news example weighs 1)."""
    news = sum(1 for e in exs if e.corpus != "acled")
    acled = sum(1 for e in exs if e.corpus == "acled")
    for e in exs:
        e.weight = acled_share * news / acled if e.corpus == "acled" and acled else 1.0


def collect(items: list[Item], analyses: list[Analysis], gaz: Gazetteer, model: Ranker) -> list[Example]:
    out: list[Example] = []
    for item, analysis in zip(items, analyses, strict=True):
        out.extend(examples(item, analysis, gaz, model))
    return out


@dataclass(frozen=True, slots=True)
class Round:
    model: Ranker
    report: list[str]


ADMIT_FOLDS = 5
"""Folds of the admit model's out-of-fold probabilities, the ones its threshold is chosen on."""


def admit_probabilities(z: np.ndarray, weights: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z @ weights, -30, 30))) if len(z) else np.zeros(0)


def out_of_fold(z: np.ndarray, y: np.ndarray, w: np.ndarray, folds: np.ndarray) -> np.ndarray:
    """Each news mention's admit probability from a model fitted without its document's fold."""
    p = np.zeros(len(y))
    for k in np.unique(folds):
        held = folds == k
        p[held] = admit_probabilities(z[held], fit_admit(z[~held], y[~held], w[~held]))
    return p


def fit_round(exs: list[Example], start: np.ndarray) -> Round:
    """Fit the ranker on the mentions with a right candidate (temperature on the calibration documents), then
    the admit model on the news mentions outside the gates, its threshold on out-of-fold probabilities."""
    ranked, calib, outside = _parts(exs)
    weights = fit_ranker([e for e in ranked if not e.calibration], start)
    t = temperature(weights, calib)
    weights = fit_ranker(ranked, start)
    admit, floor, admit_report = fit_admission(weights, t, outside)
    model = Ranker(CANDIDATE_FEATURES, tuple(map(float, weights)), t, ADMIT_FEATURES, tuple(map(float, admit)), floor)
    return Round(model, [f"{len(ranked)} mentions with a right candidate, {len(outside)} news mentions outside "
                         f"the gates; temperature {t}, admit at {floor}",
                         ranker_report(weights, t, calib), admit_report])


def _parts(exs: list[Example]) -> tuple[list[Example], list[Example], list[Example]]:
    """The mentions with a right candidate, those of them on calibration documents, the news mentions
    outside the gates."""
    ranked = [e for e in exs if e.right.any()]
    return ranked, [e for e in ranked if e.calibration], [e for e in exs if not e.gated and e.corpus != "acled"]


def fit_admission(weights: np.ndarray, t: float, outside: list[Example]) -> tuple[np.ndarray, float, str]:
    """The admit model's weights, its threshold (on out-of-fold probabilities) and a line on how it fares."""
    if not outside:
        return np.zeros(len(ADMIT_FEATURES)), 1.0, "admit: no mention outside the gates"
    z, right, w = admit_data(weights, t, outside)
    oof = out_of_fold(z, right, w, np.array([fold_of(e.doc, ADMIT_FOLDS) for e in outside]))
    floor = threshold(oof, right)
    chosen = oof >= floor
    return fit_admit(z, right, w), floor, (f"admit, out of fold: {int(chosen.sum())} admitted, "
                                           f"{int(right[chosen].sum())} right; reliability {reliability(oof, right)}")


def ranker_report(weights: np.ndarray, t: float, calib: list[Example]) -> str:
    """Top-1 accuracy and reliability of the ranker on the calibration documents."""
    p = scores(weights, calib, t)
    top = np.array([float(e.right[np.argmax(p[i, :len(e.cands)])]) for i, e in enumerate(calib)])
    return f"ranker top-1 on {len(calib)} calibration mentions: {top.mean():.3f}; " \
           f"reliability {reliability(p.max(axis=1), top)}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--acled-per-country", type=int, default=fit_settings().acled_per_country)
    ap.add_argument("--acled-share", type=float, default=fit_settings().acled_share)
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
    model = hand_ranker()
    start = np.array(model.candidate_weights)
    for round_ in (1, 2):
        exs = collect(items, analyses, gaz, model)
        balance(exs, a.acled_share)
        fitted = fit_round(exs, start)
        model = fitted.model
        print(f"round {round_}: " + "\n  ".join(fitted.report), file=sys.stderr)
    counts = {c: sum(1 for e in exs if e.corpus == c) for c in ("lgl", "geovirus", "acled")}
    write_model(a.out, model, counts, a)
    print(f"wrote {a.out} in {time.perf_counter() - t0:.0f} s", file=sys.stderr)
    return 0


def write_model(out: Path, model: Ranker, counts: dict[str, int], a: argparse.Namespace) -> None:
    payload = {
        "candidate_features": list(model.candidate_features),
        "candidate_weights": [round(w, 4) for w in model.candidate_weights],
        "temperature": model.temperature,
        "admit_features": list(model.admit_features),
        "admit_weights": [round(w, 4) for w in model.admit_weights],
        "admit_below": model.admit_below,
        "fit": {"command": "python -m thucydides.learn.places", "mentions": counts,
                "data": f"LGL and GeoVirus fit halves (sha256('corpus:index') even); ACLED train split, "
                        f"at most {a.acled_per_country} notes per country, weighing {a.acled_share} of the news "
                        f"corpora together (credited to ACLED in DATA-LICENSES)",
                "l2": fit_settings().l2, "steps": fit_settings().steps, "hand_weight": fit_settings().hand_weight},
    }
    out.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
