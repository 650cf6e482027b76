"""The real text the event coder learns from and is measured on, read from outside the repository.

- ACLED notes (`acled/events.csv`) with ACLED's own event and sub-event types, split by SPLITS.md's rule;
- sentences of local and epidemic news (LGL, GeoVirus) as units that report no ACLED event;
- Voice of America stories: the 45 gold stories (evaluation only) and hand labels, by offsets, for sentences of
  the other stories (training);
- re3d's documents and our gold for them (`tests/data/re3d/gold`): the dev part may be trained on, never the test.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from lxml import etree
from spacy.language import Language

from thucydides.ingest.stories import RE3D_FIELDS, CorpusError, Story, read_stories, read_story_folders
from thucydides.knowledge import outside
from thucydides.knowledge.splits import is_acled_dev, is_fit_half, is_re3d_test, is_voa_test

DEFAULT_ACLED = outside.acled_events()
VOA_STORIES = outside.voa_stories()
GEOPARSING = (outside.geoparsing("lgl.xml"), outside.geoparsing("GeoVirus.xml"))
VOA_GOLD = outside.voa_gold()
RE3D_DOCUMENTS = outside.re3d()
RE3D_GOLD = outside.re3d_gold()
"""Defaults read where `knowledge.outside` finds the outside data (`../shared` or THUCYDIDES_SHARED) at import."""
VOA_LABELS = Path(__file__).resolve().parent / "data" / "voa_event_labels.jsonl"
def cell_names(cell: str) -> list[str]:
    """ACLED's names in one actor cell ('A; B' where several actors are associated), whitespace collapsed."""
    return [" ".join(name.split()) for name in cell.split(";") if name.strip()]


def acled_parser(doc: str | None, out: Path, out_help: str = "the CSV file to write") -> argparse.ArgumentParser:
    """The command line every learner from ACLED's train split starts with: `--acled` (the events CSV) and `--out`."""
    ap = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--acled", type=Path, default=DEFAULT_ACLED, help="ACLED events.csv (its train split is used)")
    ap.add_argument("--out", type=Path, default=out, help=out_help)
    return ap


def parse_acled_args(ap: argparse.ArgumentParser, argv: Sequence[str] | None) -> argparse.Namespace:
    """The parsed arguments; a missing ACLED file is a usage error naming it."""
    a = ap.parse_args(argv)
    if not a.acled.is_file():
        ap.error(f"{a.acled}: no such file")
    return a


SKIP = "skip"
"""a hand label for a sentence that is neither clearly an event nor clearly none: left out of training"""


def acled_split(event_id: str) -> str:
    """SPLITS.md: dev when sha256(event_id_cnty) % 10 == 0 (the evaluation's rule, `splits.is_acled_dev`)."""
    return "dev" if is_acled_dev(event_id) else "train"


def voa_part(story_id: str) -> str:
    """Gold VOA stories: test when sha256(story id) % 3 == 0, else dev (thresholds are chosen on dev only)."""
    return "test" if is_voa_test(story_id) else "dev"


@dataclass(frozen=True)
class Unit:
    """One unit of text with its label: an ACLED sub-event type, or None for no event."""

    text: str
    sub: str | None
    source: str
    key: str


def acled_notes(path: Path, split: str) -> list[Unit]:
    """ACLED rows of one split as units (source 'acled'), in file order."""
    return [Unit(row["notes"], row["sub_event_type"], "acled", row["event_id_cnty"])
            for row in acled_split_rows(path, split, ("sub_event_type", "notes")) if row["notes"]]


def acled_split_rows(path: Path, split: str, columns: Iterable[str]) -> Iterator[dict[str, str]]:
    """The rows of one split of an ACLED export, in file order; a missing file, a missing column (of `columns`
    and event_id_cnty) or text that is no UTF-8 CSV raises CorpusError naming the file."""
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = {"event_id_cnty", *columns} - set(reader.fieldnames or ())
            if missing:
                raise CorpusError(f"{path}: not an ACLED export, missing column(s) {', '.join(sorted(missing))}")
            csv.field_size_limit(sys.maxsize)
            yield from (row for row in reader if acled_split(row["event_id_cnty"]) == split)
    except FileNotFoundError as exc:
        raise CorpusError(f"{path}: ACLED file not found") from exc
    except (UnicodeDecodeError, csv.Error) as exc:
        raise CorpusError(f"{path}: unreadable as a UTF-8 CSV: {exc}") from exc


def corpus_name(path: Path) -> str:
    """The name that keys a news file's halves: 'lgl' for lgl.xml, 'geovirus' for GeoVirus.xml (as the place
    ranker's fit knows them), the lower-cased stem for any other file."""
    return path.stem.lower()


HALVES = ("all", "fit", "report")
"""Every article, the place ranker's fit half, or the report half it was never fitted on."""


def in_half(corpus: str, index: int, half: str) -> bool:
    """Whether article `index` of `corpus` belongs to `half` (the one definition is `knowledge.splits.is_fit_half`)."""
    return half == "all" or is_fit_half(corpus, index) == (half == "fit")


def half_articles(path: Path, half: str) -> list[tuple[int, str]]:
    """(index, text) of the articles of an LGL/GeoVirus file in one half ('fit' or 'report', the split of
    `thucydides.knowledge.splits.is_fit_half`, which the geoparsing evaluation reports on) or 'all'."""
    if half not in HALVES:
        raise ValueError(f"unknown half {half!r}: fit, report or all")
    corpus = corpus_name(path)
    try:
        root = etree.parse(str(path)).getroot()
    except (OSError, etree.XMLSyntaxError) as exc:
        raise CorpusError(f"{path}: unreadable news corpus: {exc}") from exc
    texts = [(i, a.findtext("text") or "") for i, a in enumerate(root.iter("article"))]
    return [(i, t) for i, t in texts if t.strip() and in_half(corpus, i, half)]


def news_articles(paths: Sequence[Path], half: str) -> list[tuple[str, str]]:
    """(key, text) of the articles of `half` in the news files, keyed 'news<n>' by the article's place among
    all the files' articles (the keys of earlier artefacts, whose calibration share they decide)."""
    out: list[tuple[str, str]] = []
    offset = 0
    for path in paths:
        every = half_articles(path, "all")
        chosen = half_articles(path, half) if half != "all" else every
        out += [(f"news{offset + i}", t) for i, t in chosen]
        offset += len(every)
    return out


def article_key(unit_key: str) -> str:
    """The article's key ('news<n>') of a news unit's key ('news<n>:<offset>')."""
    return unit_key.split(":", 1)[0]


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


def split_sentences(texts: Sequence[str], full_parse: bool) -> list[list[Sentence]]:
    """Sentences as the pipeline's linguistic layer cuts them (full parse), or with spaCy's faster sentence
    recogniser, for negatives whose exact boundaries matter less."""
    nlp = _full_pipeline() if full_parse else _fast_pipeline()
    docs = nlp.pipe(texts, batch_size=16 if full_parse else 64)
    return [[Sentence(s.start_char, s.end_char, s.text) for s in doc.sents if s.text.strip()] for doc in docs]


def _full_pipeline() -> Language:
    from thucydides.ling.spacy_model import load_model

    nlp: Language = load_model()
    return nlp


@lru_cache(maxsize=1)
def _fast_pipeline() -> Language:
    """The packaged spaCy model with only its sentence recogniser (several times faster than the parser)."""
    import spacy

    from thucydides.ling.spacy_model import DEFAULT_MODEL

    nlp = spacy.load(DEFAULT_MODEL, exclude=["tagger", "parser", "attribute_ruler", "lemmatizer", "ner"])
    if "senter" not in nlp.component_names:
        raise CorpusError(f"{DEFAULT_MODEL}: the spaCy model has no sentence recogniser ('senter')")
    nlp.enable_pipe("senter")
    return nlp


def news_negatives(paths: Sequence[Path] = GEOPARSING, half: str = "fit") -> list[Unit]:
    """Every sentence of the local and epidemic news articles of one half, as 'no event' units (the fit half
    by default: the report half stays unseen, for `bench/news_events.py` and the geoparsing report)."""
    articles = news_articles(paths, half)
    out: list[Unit] = []
    for (key, _), sentences in zip(articles, split_sentences([t for _, t in articles], full_parse=False),
                                   strict=True):
        out.extend(Unit(s.text, None, "news", f"{key}:{s.start}") for s in sentences if len(s.text) >= 20)
    return out


@lru_cache(maxsize=2)
def voa_stories(path: Path = VOA_STORIES) -> dict[str, Story]:
    """The stories by id (`thucydides.ingest.stories`, the reader evaluation uses too)."""
    return read_stories(path)


@dataclass(frozen=True)
class GoldEvent:
    start: int
    end: int
    subs: tuple[str, ...]
    optional: bool


def gold_events(folder: Path = VOA_GOLD, pattern: str = "*.json") -> dict[str, list[GoldEvent]]:
    """The gold stories' events by story id (VOA's by default; re3d's with `RE3D_GOLD` and "*/*.json"): the
    callers keep their test parts out of training."""
    out = {}
    for path in sorted(folder.glob(pattern)):
        raw = json.loads(path.read_text(encoding="utf-8"))
        out[raw["story"]] = [GoldEvent(e["span"][0], e["span"][1], tuple(e["sub_event_types"]),
                                       bool(e.get("optional"))) for e in raw["events"]]
    return out


def re3d_part(document_id: str) -> str:
    """Gold re3d documents: test when sha256(id) % 3 == 0, else dev (VOA's rule)."""
    return "test" if is_re3d_test(document_id) else "dev"


@lru_cache(maxsize=1)
def re3d_documents(folder: Path = RE3D_DOCUMENTS) -> dict[str, Story]:
    """Every re3d document of every source folder by `_id`, its text exactly as the gold's offsets read it."""
    out = read_story_folders(folder, RE3D_FIELDS)
    if not out:
        raise CorpusError(f"{folder}: no re3d documents found")
    return out


@dataclass(frozen=True)
class HandLabel:
    story: str
    start: int
    end: int
    label: str
    """an ACLED sub-event type, 'no event', or 'skip'"""


def hand_labels(path: Path = VOA_LABELS) -> list[HandLabel]:
    """Our labels for sentences of the non-gold VOA stories, as story id + offsets (the text stays outside)."""
    out: list[HandLabel] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            raw = json.loads(line)
            try:
                out.append(HandLabel(str(raw["story"]), int(raw["start"]), int(raw["end"]), str(raw["label"])))
            except (KeyError, ValueError) as exc:
                raise CorpusError(f"{path}:{n}: a label needs story, start, end and label") from exc
    return out


def labelled_voa_units(labels: Sequence[HandLabel], stories: dict[str, Story], no_event: str) -> Iterator[Unit]:
    """Hand-labelled VOA sentences as training units ('skip' left out); the text is read from ../shared.
    A story of the gold's test part is never training data; stories of its dev part may be (their sentences
    were labelled before they were annotated as gold), which the model card says of the dev figures."""
    for lab in labels:
        if voa_part(lab.story) == "test":
            raise CorpusError(f"{VOA_LABELS}: story {lab.story} is in the VOA test part and may not be training data")
        if lab.label == SKIP:
            continue
        text = stories[lab.story].text[lab.start:lab.end]
        yield Unit(text, None if lab.label == no_event else lab.label, "voa", f"{lab.story}:{lab.start}")
