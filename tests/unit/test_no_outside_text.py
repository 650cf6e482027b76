"""The repository carries no sentence copied from the development reports."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from tests.conftest import SEEDS, shared_or_skip

ROOT = Path(__file__).resolve().parents[2]
RUN = 8  # this many words in a row, shared with a report, is a copied sentence


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def _shingles(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i:i + RUN]) for i in range(len(words) - RUN + 1)}


def test_no_seed_sentence_in_the_repository():
    shared_or_skip(SEEDS)
    seeds = set().union(*(_shingles(_words(p.read_text(encoding="utf-8"))) for p in SEEDS.glob("*.txt")))
    tracked = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    copied = []
    for name in tracked:
        path = ROOT / name
        if path.suffix in {".gz", ".png", ".db"} or not path.is_file():
            continue
        try:
            body = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        hits = _shingles(_words(body)) & seeds
        if hits:
            copied.append(f"{name}: “{' '.join(sorted(hits)[0])}”")
    assert not copied, "text copied from the seeds:\n" + "\n".join(copied)
