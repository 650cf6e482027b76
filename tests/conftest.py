"""Shared fixtures: spaCy and the pipeline are loaded once per test session."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from thucydides.model import Analysis, Document

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "gold" / "seeds.json"


def shared_or_skip(path: Path) -> Path:
    """Outside data lives beside the repo; tests that need it skip when it is absent."""
    if not path.exists():
        pytest.skip(f"{path} not present")
    return path


@pytest.fixture(scope="session")
def pipeline():
    from thucydides.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def analyse(pipeline) -> Callable[..., Analysis]:
    """Run the whole pipeline over one text we wrote: `analyse("...", published=Interval(...))`."""

    def run(text: str, **meta) -> Analysis:
        return pipeline.run_documents([Document.from_text(text, name="test.txt", **meta)])[0]

    return run
