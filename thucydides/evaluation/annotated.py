"""Annotated news sets (VOA, re3d) against our own gold files, scored by the shared scorer.

A set is real reports we annotated in the VOA format (tests/data/voa/GUIDELINES.md) before the system ever
ran on them. The annotations become one shared-scorer gold file per part; each report is a document named
`<id>.txt` whose text is the report's text exactly, so the annotated offsets index it. A third of the
reports (by id hash, the set's own rule) is the test part, kept for figures nobody tuned on.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from thucydides.evaluation import adapter, scorer
from thucydides.evaluation.view import ExportView
from thucydides.ingest.stories import Story
from thucydides.knowledge import outside

GOLD_FORMAT = "thucydides-gold"


@dataclass(frozen=True)
class Part:
    name: str
    stories: int
    figures: scorer.ScorerFigures | None
    """None when no annotated story falls in this part."""


@dataclass(frozen=True)
class SetResult:
    gold_dir: str
    dev: Part
    test: Part
    seconds: float


@dataclass(frozen=True)
class AnnotatedSet:
    """What tells one set from another: its name in the rows, the documents' source, its test rule."""

    label: str
    source: str
    is_test: Callable[[str], bool]


def read_gold_files(files: Iterable[Path]) -> list[dict[str, Any]]:
    return [json.loads(f.read_text(encoding="utf-8")) for f in files]


def _without_text(item: dict[str, Any]) -> dict[str, Any]:
    """Scoring never needs a quotation; spans stay, `text` fields go (and in `alt` readings too)."""
    out = {k: v for k, v in item.items() if k != "text"}
    if isinstance(out.get("alt"), list):
        out["alt"] = [_without_text(a) for a in out["alt"]]
    return out


def _merged_actors(golds: Iterable[dict[str, Any]]) -> dict[str, list[str]]:
    """Keys are shared across stories; their aliases are pooled."""
    actors: dict[str, list[str]] = {}
    for g in golds:
        for key, aliases in (g.get("actors") or {}).items():
            pool = actors.setdefault(key, [])
            pool.extend(a for a in aliases if a not in pool)
    return actors


def scorer_gold(golds: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The shared scorer's gold file (shared/gold/README.md) for these annotated stories."""
    documents = [{"name": f"{g['story']}.txt",
                  **{k: [_without_text(x) for x in g.get(k) or ()] for k in ("places", "claims", "events")}}
                 for g in golds]
    return {"format": GOLD_FORMAT, "version": 1, "actors": _merged_actors(golds), "documents": documents}


def story_document(story: Story, source: str) -> adapter.Doc:
    return adapter.document(story.text, name=f"{story.id}.txt", published=story.published, url=story.url,
                            title=story.title, source=source)


def _write_inputs(folder: Path, golds: list[dict[str, Any]], chosen: list[Story]) -> Path:
    """The scorer's inputs: one text file per story (so spans are checked) and the gold file."""
    texts = folder / "texts"
    texts.mkdir(parents=True, exist_ok=True)
    for s in chosen:
        (texts / f"{s.id}.txt").write_text(s.text, encoding="utf-8", newline="")
    gold = folder / "gold.json"
    gold.write_text(json.dumps(scorer_gold(golds), ensure_ascii=False), encoding="utf-8")
    return gold


def write_error_log(folder: Path, gold: Path, export: ExportView) -> Path:
    """The export and the shared scorer's verbose log (missed, spurious and wrong items per document), for
    people reading a dev part's errors."""
    (folder / "export.json").write_text(json.dumps(export.raw, ensure_ascii=False), encoding="utf-8")
    cmd = [sys.executable, str(outside.scorer()), str(gold), str(folder / "export.json"), "--texts",
           str(folder / "texts"), "--verbose"]
    log = folder / "log.txt"
    log.write_text(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout, encoding="utf-8")
    return log


def score_part(name: str, golds: list[dict[str, Any]], stories: dict[str, Story], pipeline: adapter.Pipe,
               source: str, error_log: Path | None = None) -> Part:
    """Figures of one part; with `error_log`, its inputs, export and the scorer's verbose log stay there."""
    if not golds:
        return Part(name, 0, None)
    chosen = [stories[str(g["story"])] for g in golds]
    export = adapter.export(pipeline, [story_document(s, source) for s in chosen])
    with tempfile.TemporaryDirectory(prefix=f"thucydides-{source}-") as tmp:
        folder = error_log or Path(tmp)
        gold = _write_inputs(folder, golds, chosen)
        if error_log:
            write_error_log(folder, gold, export)
        return Part(name, len(golds), scorer.score(gold, export, folder / "texts"))


def evaluate(kind: AnnotatedSet, golds: list[dict[str, Any]], stories: dict[str, Story], gold_dir: Path,
             pipeline: adapter.Pipe | None = None, dev_error_log: Path | None = None,
             with_test: bool = True) -> SetResult:
    """Dev and test figures of one set; every gold file must name a story of the set's corpus. A log of errors
    is only ever written for the dev part: nobody reads the test part's errors. Without `with_test` the test
    part is not even scored (its figures None), so that a run made while developing cannot show them."""
    began = time.perf_counter()
    unknown = [g["story"] for g in golds if str(g["story"]) not in stories]
    if unknown:
        raise ValueError(f"{kind.label} gold names stories that are not in the corpus: {unknown}")
    pipeline = pipeline or adapter.build_pipeline()
    test = [g for g in golds if kind.is_test(str(g["story"]))]
    dev = [g for g in golds if not kind.is_test(str(g["story"]))]
    return SetResult(str(gold_dir), score_part(f"{kind.label} dev", dev, stories, pipeline, kind.source, dev_error_log),
                     score_part(f"{kind.label} test", test, stories, pipeline, kind.source) if with_test
                     else Part(f"{kind.label} test", len(test), None),
                     time.perf_counter() - began)
