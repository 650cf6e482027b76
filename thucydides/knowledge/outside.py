"""Where the outside data lives: `../shared` beside the repository, or THUCYDIDES_SHARED."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
"""The repository root (the package is installed in editable mode for development)."""


def shared() -> Path:
    """Outside data is read in place and never copied into the repository."""
    return Path(os.environ.get("THUCYDIDES_SHARED") or ROOT.parent / "shared")


def acled_events() -> Path:
    return shared() / "data" / "acled" / "events.csv"


def geoparsing(name: str) -> Path:
    return shared() / "data" / "geoparsing" / name


def seeds() -> Path:
    return shared() / "seeds"


def seeds_gold() -> Path:
    return shared() / "gold" / "seeds.json"


def scorer() -> Path:
    return shared() / "eval" / "score.py"


def voa_stories() -> Path:
    return shared() / "data" / "voa" / "voa_stories.jsonl"


def voa_gold() -> Path:
    """Our own annotations of VOA stories (tests/data/voa/GUIDELINES.md); THUCYDIDES_VOA_GOLD names another folder."""
    return Path(os.environ.get("THUCYDIDES_VOA_GOLD") or ROOT / "tests" / "data" / "voa" / "gold")


def re3d() -> Path:
    """re3d (Dstl): one folder per source, each with its documents.json and LICENSE."""
    return shared() / "data" / "re3d"


def re3d_gold() -> Path:
    """Our own annotations of re3d documents (tests/data/re3d); THUCYDIDES_RE3D_GOLD names another folder."""
    return Path(os.environ.get("THUCYDIDES_RE3D_GOLD") or ROOT / "tests" / "data" / "re3d" / "gold")
