"""Voice of America stories against our own annotations (tests/data/voa/gold, see GUIDELINES.md).

The annotations become one shared-scorer gold file per part; each story is a document named
`<id>.txt` whose text is the story's `text` field exactly, so the annotated offsets index it.
A third of the stories (by id hash) is the test part, kept for figures nobody tuned on.
"""

from __future__ import annotations

import json
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from thucydides.evaluation import adapter, paths, scorer
from thucydides.knowledge.splits import is_voa_test

GOLD_FORMAT = "thucydides-gold"


@dataclass(frozen=True)
class Story:
    id: str
    text: str
    published: date | None
    url: str | None
    title: str | None


@dataclass(frozen=True)
class VoaPart:
    name: str
    stories: int
    figures: scorer.ScorerFigures | None
    """None when no annotated story falls in this part."""


@dataclass(frozen=True)
class VoaResult:
    gold_dir: str
    dev: VoaPart
    test: VoaPart
    seconds: float


def _date(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def read_stories(path: Path | None = None) -> dict[str, Story]:
    out = {}
    with (path or paths.voa_stories()).open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                d = json.loads(line)
                out[str(d["id"])] = Story(str(d["id"]), d["text"], _date(d.get("published")), d.get("url"),
                                          d.get("title"))
    return out


def read_gold(folder: Path | None = None) -> list[dict[str, Any]]:
    """Every annotation file of the folder, in story id order (none when the folder is absent)."""
    folder = folder or paths.voa_gold()
    files = sorted(folder.glob("*.json")) if folder.is_dir() else []
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


def story_document(story: Story) -> adapter.Doc:
    return adapter.document(story.text, name=f"{story.id}.txt", published=story.published, url=story.url,
                            title=story.title, source="voa")


def score_part(name: str, golds: list[dict[str, Any]], stories: dict[str, Story],
               pipeline: adapter.Pipe) -> VoaPart:
    if not golds:
        return VoaPart(name, 0, None)
    chosen = [stories[str(g["story"])] for g in golds]
    export = adapter.export(pipeline, [story_document(s) for s in chosen])
    with tempfile.TemporaryDirectory(prefix="thucydides-voa-") as tmp:
        texts = Path(tmp) / "texts"
        texts.mkdir()
        for s in chosen:
            (texts / f"{s.id}.txt").write_text(s.text, encoding="utf-8", newline="")
        gold = Path(tmp) / "gold.json"
        gold.write_text(json.dumps(scorer_gold(golds), ensure_ascii=False), encoding="utf-8")
        return VoaPart(name, len(golds), scorer.score(gold, export, texts))


def evaluate(pipeline: adapter.Pipe | None = None, gold_dir: Path | None = None,
             stories_path: Path | None = None) -> VoaResult:
    began = time.perf_counter()
    gold_dir = gold_dir or paths.voa_gold()
    stories = read_stories(stories_path)
    golds = read_gold(gold_dir)
    unknown = [g["story"] for g in golds if str(g["story"]) not in stories]
    if unknown:
        raise ValueError(f"VOA gold names stories that are not in the corpus: {unknown}")
    pipeline = pipeline or adapter.build_pipeline()
    test = [g for g in golds if is_voa_test(str(g["story"]))]
    dev = [g for g in golds if not is_voa_test(str(g["story"]))]
    return VoaResult(str(gold_dir), score_part("VOA dev", dev, stories, pipeline),
                     score_part("VOA test", test, stories, pipeline), time.perf_counter() - began)
