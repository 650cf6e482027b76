"""Voice of America stories against our own annotations (tests/data/voa/gold, see GUIDELINES.md).

One annotated news set (thucydides.evaluation.annotated): each story is a document named `<id>.txt` whose
text is the story's `text` field exactly, published on its `published` date. A third of the stories (by id
hash) is the test part, kept for figures nobody tuned on.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from thucydides.evaluation import adapter, annotated
from thucydides.ingest import stories
from thucydides.ingest.stories import Story
from thucydides.knowledge import outside
from thucydides.knowledge.splits import is_voa_test

GOLD_FORMAT = annotated.GOLD_FORMAT
VOA = annotated.AnnotatedSet("VOA", "voa", is_voa_test)
VoaPart = annotated.Part
VoaResult = annotated.SetResult

__all__ = ["GOLD_FORMAT", "VOA", "Story", "VoaPart", "VoaResult", "evaluate", "read_gold", "read_stories",
           "score_part", "scorer_gold", "story_document"]


def read_stories(path: Path | None = None) -> dict[str, Story]:
    """The stories by id (`thucydides.ingest.stories`, the reader training uses too)."""
    return stories.read_stories(path or outside.voa_stories())


def read_gold(folder: Path | None = None) -> list[dict[str, Any]]:
    """Every annotation file of the folder, in story id order (none when the folder is absent)."""
    folder = folder or outside.voa_gold()
    return annotated.read_gold_files(sorted(folder.glob("*.json")) if folder.is_dir() else [])


def scorer_gold(golds: Sequence[dict[str, Any]]) -> dict[str, Any]:
    return annotated.scorer_gold(golds)


def story_document(story: Story) -> adapter.Doc:
    return annotated.story_document(story, VOA.source)


def score_part(name: str, golds: list[dict[str, Any]], stories: dict[str, Story],
               pipeline: adapter.Pipe) -> VoaPart:
    return annotated.score_part(name, golds, stories, pipeline, VOA.source)


def evaluate(pipeline: adapter.Pipe | None = None, gold_dir: Path | None = None,
             stories_path: Path | None = None, with_test: bool = True) -> VoaResult:
    gold_dir = gold_dir or outside.voa_gold()
    return annotated.evaluate(VOA, read_gold(gold_dir), read_stories(stories_path), gold_dir, pipeline,
                              with_test=with_test)
