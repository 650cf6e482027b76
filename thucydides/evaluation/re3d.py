"""re3d's defence and security documents against our own annotations (tests/data/re3d/gold).

One annotated news set (thucydides.evaluation.annotated), annotated as VOA is (tests/data/voa/GUIDELINES.md):
one gold file per document at `<source folder>/<_id>.json`; the document is exactly the `text` field of
`../shared/data/re3d/<source folder>/documents.json`. re3d gives no publication date, so none is passed.
A third of the documents (by id hash) is the test part.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from thucydides.evaluation import adapter, annotated
from thucydides.ingest.stories import RE3D_FIELDS, Story, read_story_folders
from thucydides.knowledge import outside
from thucydides.knowledge.splits import is_re3d_test

RE3D = annotated.AnnotatedSet("re3d", "re3d", is_re3d_test)


def read_documents(folder: Path | None = None) -> dict[str, Story]:
    """Every document of every source folder, by `_id` (ids are unique across the sources)."""
    return read_story_folders(folder or outside.re3d(), RE3D_FIELDS)


def read_gold(folder: Path | None = None) -> list[dict[str, Any]]:
    """Every annotation file, source folder by source folder (none when the folder is absent)."""
    folder = folder or outside.re3d_gold()
    return annotated.read_gold_files(sorted(folder.glob("*/*.json")) if folder.is_dir() else [])


def evaluate(pipeline: adapter.Pipe | None = None, gold_dir: Path | None = None, documents: Path | None = None,
             dev_error_log: Path | None = None, with_test: bool = True) -> annotated.SetResult:
    """Dev and test figures; with `dev_error_log`, the dev part's errors are written there (never the test's)."""
    gold_dir = gold_dir or outside.re3d_gold()
    return annotated.evaluate(RE3D, read_gold(gold_dir), read_documents(documents), gold_dir, pipeline,
                              dev_error_log, with_test)
