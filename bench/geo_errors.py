"""Where the places stage goes wrong on LGL and GeoVirus, by category (fit half by default, never the report half).

    python bench/geo_errors.py [--corpus lgl|geovirus] [--half fit|report] [--limit N] [--cache DIR]
                               [--examples N] [--category NAME] [--demonyms]

After spaCy and actors (parses kept in --cache between runs), the places stage runs on each article and
every gold toponym with coordinates falls in one category:
right (within 161 km); ranker (resolved too far, a candidate within 161 km was there); gazetteer (resolved
too far, no candidate near the gold point); unadmitted (found, left unresolved, a right candidate was
there); unknown (found, left unresolved, no right candidate); dropped (recognised, not resolved, not kept);
actor (inside an actor's name); missed-known (not recognised, the gazetteer knows the name);
missed-unknown (not recognised, a name the gazetteer does not know). Spans that do not match the gold
one exactly are counted again as split/merged. System toponyms on no gold span are listed as false
positives. Prints counts and, with --examples, that many examples per category. Read-only on the data.
With --demonyms, countries named through their people ("Georgian") count as place mentions, as LGL's gold has them
(`stages.places.demonym_mentions`).
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from thucydides.geo.distance import km
from thucydides.geo.fold import fold
from thucydides.geo.gazetteer import Gazetteer, open_gazetteer
from thucydides.geo.ranker import places_settings
from thucydides.geo.recognize import Found, knowledge
from thucydides.geo.resolve import candidates_for
from thucydides.geo.stage import analyse_places, recognised
from thucydides.knowledge import outside
from thucydides.learn.places import corpus_items, parsed
from thucydides.model import Analysis, Toponym

SHARED = outside.shared()
CORPUS_FILES = {"lgl": "lgl.xml", "geovirus": "GeoVirus.xml"}
CATEGORIES = ("right", "ranker", "gazetteer", "unadmitted", "unknown", "dropped", "actor", "missed-known",
              "missed-unknown")


@dataclass(frozen=True)
class Case:
    category: str
    gold: str
    system: str
    context: str


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _snippet(text: str, start: int, end: int) -> str:
    return (text[max(0, start - 60):start] + "[" + text[start:end] + "]" + text[end:end + 40]).replace("\n", " ")


def _near(found: Found, gaz: Gazetteer, lat: float, lon: float) -> bool:
    cands = candidates_for(found, gaz, knowledge(), places_settings())
    return any(km(c.place.lat, c.place.lon, lat, lon) <= 161 for c in cands)


def categorise(a: Analysis, gaz: Gazetteer, span: tuple[int, int, float, float], found: list[Found]) -> Case:
    text = a.document.analysis_text
    start, end, lat, lon = span
    gold = text[start:end]
    hit = next((t for t in a.toponyms if _overlap((t.start, t.end), (start, end))), None)
    f = next((x for x in found if _overlap((x.start, x.end), (start, end))), None)
    ctx = _snippet(text, start, end)
    if hit is not None:
        return Case(_hit_category(a, hit, f, gaz, lat, lon), gold, hit.text, ctx)
    if f is not None:
        return Case("dropped", gold, f.text, ctx)
    if any(_overlap((x.start, x.end), (start, end)) for x in a.actors):
        return Case("actor", gold, "", ctx)
    return Case("missed-known" if gaz.knows(fold(gold)) else "missed-unknown", gold, "", ctx)


def _hit_category(a: Analysis, hit: Toponym, f: Found | None, gaz: Gazetteer, lat: float, lon: float) -> str:
    near = f is not None and _near(f, gaz, lat, lon)
    if hit.place is None:
        return "unadmitted" if near else "unknown"
    p = a.places[hit.place]
    if km(p.lat, p.lon, lat, lon) <= 161:
        return "right"
    return "ranker" if near else "gazetteer"


def fresh(a: Analysis) -> Analysis:
    return Analysis(a.document, spacy_doc=a.spacy_doc, actors=a.actors)


def run(corpus: str, half: str, limit: int, cache: Path | None,
        demonyms: bool = False) -> tuple[list[Case], Counter[str], list[str]]:
    items = list(corpus_items(SHARED / "data" / "geoparsing" / CORPUS_FILES[corpus], corpus, half))[:limit or None]
    gaz = open_gazetteer()
    cases: list[Case] = []
    boundary: Counter[str] = Counter()
    false_pos: list[str] = []
    for item, parsed_a in zip(items, parsed(items, cache), strict=True):
        a = fresh(parsed_a)
        analyse_places(a, gaz, demonyms=demonyms)
        a.toponyms = sorted([*a.toponyms, *a.demonyms], key=lambda t: t.start)  # as the export's place mentions
        text = a.document.analysis_text
        found = recognised(a, gaz)
        spans = [(s, e, la, lo) for s, e, la, lo in item.gold.spans if la is not None and lo is not None]
        for s, e, la, lo in spans:
            case = categorise(a, gaz, (s, e, la, lo), found)
            cases.append(case)
            if case.system and case.system != case.gold:
                boundary["merged" if len(case.system) > len(case.gold) else "split"] += 1
        for t in a.toponyms:
            if t.place and not any(_overlap((t.start, t.end), (g[0], g[1])) for g in item.gold.spans):
                false_pos.append(f"{t.text} -> {a.places[t.place].name} ({a.places[t.place].kind}): "
                                 f"{_snippet(text, t.start, t.end)}")
    return cases, boundary, false_pos


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", choices=sorted(CORPUS_FILES), default="lgl")
    ap.add_argument("--half", choices=("fit", "report"), default="fit")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--cache", type=Path, default=None)
    ap.add_argument("--examples", type=int, default=0)
    ap.add_argument("--category", default="", help="only this category's examples (or 'fp' for false positives)")
    ap.add_argument("--demonyms", action="store_true", help="count peoples' words as country mentions")
    a = ap.parse_args()
    cases, boundary, false_pos = run(a.corpus, a.half, a.limit, a.cache, a.demonyms)
    counts = Counter(c.category for c in cases)
    print(f"{a.corpus} {a.half} half: {len(cases)} gold toponyms with points")
    for cat in CATEGORIES:
        print(f"  {cat:15} {counts[cat]:5}  {counts[cat] / max(1, len(cases)):.3f}")
    print(f"  span differs: {dict(boundary)}; false positives (resolved, on no gold span): {len(false_pos)}")
    by_cat: dict[str, list[Case]] = defaultdict(list)
    for c in cases:
        by_cat[c.category].append(c)
    rng = random.Random(0)
    for cat in CATEGORIES:
        if a.examples and cat != "right" and a.category in ("", cat):
            print(f"\n== {cat}")
            for c in rng.sample(by_cat[cat], min(a.examples, len(by_cat[cat]))):
                print(f"  {c.gold!r} sys={c.system!r}: {c.context}")
    if a.examples and a.category in ("", "fp"):
        print("\n== false positives")
        for line in rng.sample(false_pos, min(a.examples, len(false_pos))):
            print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
