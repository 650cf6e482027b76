"""The repository carries no sentence copied from the development reports or the annotated news sets."""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Iterable
from pathlib import Path

from tests.conftest import SEEDS, SHARED, shared_or_skip

ROOT = Path(__file__).resolve().parents[2]
RUN = 8  # this many words in a row, shared with a report, is a copied sentence
VOA = SHARED / "data" / "voa" / "voa_stories.jsonl"
RE3D = SHARED / "data" / "re3d"


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def _shingles(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i:i + RUN]) for i in range(len(words) - RUN + 1)}


def _corpus(texts: Iterable[str]) -> set[tuple[str, ...]]:
    return set().union(*(_shingles(_words(t)) for t in texts))


def _json_lines(path: Path, field: str) -> list[str]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line)[field] for line in fh if line.strip()]


def _copied(corpus: set[tuple[str, ...]]) -> list[str]:
    """Every tracked text file sharing a run of RUN words with the corpus, with its first such run."""
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
        hits = _shingles(_words(body)) & corpus
        if hits:
            copied.append(f"{name}: “{' '.join(sorted(hits)[0])}”")
    return copied


def test_no_seed_sentence_in_the_repository():
    shared_or_skip(SEEDS)
    copied = _copied(_corpus(p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")))
    assert not copied, "text copied from the seeds:\n" + "\n".join(copied)


def test_no_voa_sentence_in_the_repository():
    shared_or_skip(VOA)
    copied = _copied(_corpus(_json_lines(VOA, "text")))
    assert not copied, "text copied from the VOA stories:\n" + "\n".join(copied)


def test_no_re3d_sentence_in_the_repository():
    shared_or_skip(RE3D)
    copied = _copied(_corpus(t for path in sorted(RE3D.glob("*/documents.json")) for t in _json_lines(path, "text")))
    assert not copied, "text copied from the re3d documents:\n" + "\n".join(copied)


def test_a_copied_run_is_found_and_a_shorter_one_is_not():
    """The check itself, on words we wrote: eight shared words in a row are a copy, seven are not."""
    corpus = _corpus(["one two three four five six seven eight nine"])
    assert _shingles(_words("Zero, one two three four five six seven eight.")) & corpus
    assert not _shingles(_words("one two three four five six seven, then ten")) & corpus
